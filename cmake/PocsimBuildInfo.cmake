# SPDX-License-Identifier: Apache-2.0
# The build's provenance for `pocsim --version`, summary.json, manifest.json
# and the report: the version of project(), the git commit of the source tree
# (and whether the tree had changes not committed), the build type and the
# compiler. The header is rewritten at every build by a target that always
# runs, but only when its text changes, so that a new commit rebuilds one
# file (engine/src/core/version.cpp) and nothing when nothing changed.
find_package(Git QUIET)
set(POCSIM_BUILD_INFO_HEADER ${PROJECT_BINARY_DIR}/generated/pocsim_build_info.hpp)
if(CMAKE_BUILD_TYPE)
  set(POCSIM_BUILD_TYPE ${CMAKE_BUILD_TYPE})
else()
  set(POCSIM_BUILD_TYPE "default")
endif()
if(POCSIM_SANITIZE)
  string(APPEND POCSIM_BUILD_TYPE " (sanitizers)")
elseif(POCSIM_TSAN)
  string(APPEND POCSIM_BUILD_TYPE " (ThreadSanitizer)")
endif()
add_custom_target(pocsim_build_info
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DOUTPUT=${POCSIM_BUILD_INFO_HEADER}
          -DGIT=${GIT_EXECUTABLE}
          -DVERSION=${PROJECT_VERSION}
          "-DBUILD_TYPE=${POCSIM_BUILD_TYPE}"
          "-DCOMPILER=${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}"
          -P ${PROJECT_SOURCE_DIR}/cmake/PocsimWriteBuildInfo.cmake
  BYPRODUCTS ${POCSIM_BUILD_INFO_HEADER}
  COMMENT "Provenance of the build (version, commit)"
  VERBATIM)
