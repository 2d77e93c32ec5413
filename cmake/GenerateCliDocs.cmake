# Script mode (cmake -P): runs the built convt to write the man page and the completion scripts.
# -DCONVT=<executable> -DMAN=<convt.1> -DBASH=<completions/convt> -DZSH=<completions/_convt>
foreach(request IN ITEMS "MAN;--man" "BASH;--completion;bash" "ZSH;--completion;zsh")
  list(POP_FRONT request output_var)
  set(output "${${output_var}}")
  get_filename_component(dir "${output}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  execute_process(COMMAND "${CONVT}" ${request} OUTPUT_FILE "${output}.tmp"
                  RESULT_VARIABLE status ERROR_VARIABLE error)
  if(NOT status EQUAL 0)
    file(REMOVE "${output}.tmp")
    message(FATAL_ERROR "convt ${request} failed (${status}): ${error}")
  endif()
  file(RENAME "${output}.tmp" "${output}")
endforeach()
