# The Debian package: `cpack -G DEB` in the build directory writes convt_<version>_<arch>.deb
# with what `cmake --install` installs, under /usr, in Debian's layout (DebLayout.cmake). Its
# Depends line is computed by dpkg-shlibdeps (package dpkg-dev) from the libraries the binary
# links, so the package installs on a machine that has only the runtime libraries (libfmt9,
# libstdc++6, ...). /usr/share/doc/convt holds copyright (machine-readable, packaging/copyright)
# and LICENSE.
set(CPACK_PACKAGE_NAME convt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the convt authors")
# The project has no public address yet, so the Maintainer field names the project only (no
# made-up e-mail); a distributor sets theirs with -DCPACK_PACKAGE_CONTACT="Name <address>".
set(CPACK_PACKAGE_CONTACT "the convt authors"
    CACHE STRING "Maintainer of the Debian package (name <email>)")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "convt explains PyTorch's nn.ConvTranspose1d and nn.ConvTranspose2d step by\n"
  "step: the output-size formula, the convolution matrix and its transpose, the\n"
  "scatter of kernel stamps, zero insertion, padding and the flipped kernel, the\n"
  "crop, and a check that every route gives the numbers PyTorch computes.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A CJK font, so that the Chinese words of --lang zh --format svg figures are drawn, not boxes
# (the SVG font stacks name Noto Sans CJK SC first; docs/figures.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS fonts-noto-cjk)
# Debian's places for the zsh completion and a gzipped man page (CMake >= 3.19 runs it).
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/DebLayout.cmake)
include(CPack)
