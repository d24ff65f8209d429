# SPDX-License-Identifier: Apache-2.0
# What `cmake --install BUILD --prefix P` puts where (GNUInstallDirs), and the
# Debian package that `cpack -G DEB` makes of the same files:
#   P/bin/pocsim                         the command (cli/CMakeLists.txt)
#   P/bin/pocsim-serve                   the explorer's server, which `pocsim serve` starts
#   P/share/pocsim/scenarios/            the shipped scenarios, sweeps, targets and data
#   P/share/pocsim/analysis/             report.py and the pocsim_report package
#   P/share/doc/pocsim/                  README, CHANGELOG, LICENSE, NOTICE, CITATION.cff,
#                                        docs/, third_party/ (notices of compiled-in code)
# The installed binary finds share/pocsim relative to its own folder
# (cli/installed_paths.hpp), so the tree can move as a whole.
set(POCSIM_SHARE_DIR ${CMAKE_INSTALL_DATADIR}/pocsim)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${POCSIM_SHARE_DIR}/scenarios)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/analysis/ DESTINATION ${POCSIM_SHARE_DIR}/analysis
        PATTERN tests EXCLUDE
        PATTERN __pycache__ EXCLUDE
        PATTERN "*.pyc" EXCLUDE
        PATTERN report.py
          PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                      WORLD_READ WORLD_EXECUTE)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
              ${PROJECT_SOURCE_DIR}/CITATION.cff
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Beside README.md, so that its links to docs/*.md still work.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
# The header-only libraries compiled into the binary ask that their notices go
# with it (NOTICE lists them); Debian's copyright files hold the full texts.
foreach(package libcli11-dev nlohmann-json3-dev librandom123-dev libeigen3-dev libtbb12
                libyaml-cpp0.7)
  if(EXISTS /usr/share/doc/${package}/copyright)
    install(FILES /usr/share/doc/${package}/copyright RENAME ${package}.copyright
            DESTINATION ${CMAKE_INSTALL_DOCDIR}/third_party)
  endif()
endforeach()

# The Debian package. Its dependencies are the shared libraries the binary
# links (found by dpkg-shlibdeps, from dpkg-dev: libtbb12, libyaml-cpp0.7,
# libstdc++6, ...) and what `pocsim report` runs (Debian's python3 with
# pandas, matplotlib and numpy).
set(POCSIM_PACKAGE_CONTACT "pocsim maintainers <maintainers@pocsim.invalid>"
    CACHE STRING "Maintainer of the Debian package (name <address>)")
set(CPACK_PACKAGE_NAME pocsim)
set(CPACK_PACKAGE_VENDOR "the pocsim authors")
set(CPACK_PACKAGE_CONTACT ${POCSIM_PACKAGE_CONTACT})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "pocsim models peacekeepers, state forces, mercenaries, armed groups, partner forces and "
    "civilians on a regional grid and measures how many civilians were killed, displaced or "
    "left unprotected, by whom, where, and how fast protection arrived. It ships the Mali 2022 "
    "scenarios, sweeps over flight authorisation and partner withdrawals, and `pocsim report`.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3, python3-pandas, python3-matplotlib, python3-numpy, python3-yaml")
# Only what the install rules above name; no source package.
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
