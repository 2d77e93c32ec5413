# CPack pre-build script: adjusts the staged files of the Debian package to Debian's layout
# before they are packed. Debian's zsh reads packaged completions from
# /usr/share/zsh/vendor-completions (site-functions is for /usr/local), and Debian policy wants
# man pages compressed with gzip -9n. `cmake --install` keeps the upstream layout.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
set(share "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/share")
if(EXISTS "${share}/zsh/site-functions/_convt")
  file(MAKE_DIRECTORY "${share}/zsh/vendor-completions")
  file(RENAME "${share}/zsh/site-functions/_convt" "${share}/zsh/vendor-completions/_convt")
  file(GLOB left "${share}/zsh/site-functions/*")
  if(NOT left)
    file(REMOVE_RECURSE "${share}/zsh/site-functions")
  endif()
endif()
if(EXISTS "${share}/man/man1/convt.1")
  execute_process(COMMAND gzip -9nf "${share}/man/man1/convt.1" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip of the man page failed (${status})")
  endif()
endif()
