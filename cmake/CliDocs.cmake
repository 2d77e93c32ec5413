# The man page and the shell completion scripts. The built convt writes them from its own
# command line definition (the hidden `convt --man` and `convt --completion bash|zsh`), so they
# follow every option and subcommand added to src/main.cpp without being edited by hand.
include(GNUInstallDirs)

set(CONVT_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/man/convt.1)
set(CONVT_BASH_COMPLETION ${CMAKE_CURRENT_BINARY_DIR}/completions/convt)
set(CONVT_ZSH_COMPLETION ${CMAKE_CURRENT_BINARY_DIR}/completions/_convt)

add_custom_command(
  OUTPUT ${CONVT_MAN_PAGE} ${CONVT_BASH_COMPLETION} ${CONVT_ZSH_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -DCONVT=$<TARGET_FILE:convt> -DMAN=${CONVT_MAN_PAGE}
          -DBASH=${CONVT_BASH_COMPLETION} -DZSH=${CONVT_ZSH_COMPLETION}
          -P ${CMAKE_CURRENT_LIST_DIR}/GenerateCliDocs.cmake
  DEPENDS convt ${CMAKE_CURRENT_LIST_DIR}/GenerateCliDocs.cmake
  COMMENT "Generating the convt man page and shell completions"
  VERBATIM)
add_custom_target(convt_cli_docs ALL
  DEPENDS ${CONVT_MAN_PAGE} ${CONVT_BASH_COMPLETION} ${CONVT_ZSH_COMPLETION})

install(FILES ${CONVT_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CONVT_BASH_COMPLETION}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CONVT_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
