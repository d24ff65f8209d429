# SPDX-License-Identifier: Apache-2.0
# POCSIM_SANITIZE builds the code under test (the engine library and the
# pocsim binary, which link pocsim_instrumented) with ASan and UBSan; CI runs
# the suite once this way. UBSan findings abort so that a test cannot pass
# over one. The tests' own code is left uninstrumented: it is not what the
# sanitizers are there to check, and instrumenting it tripled its compile
# time (a test file: 17.6 s instrumented at -O2, 5.6 s plain at -O1), which
# was a fifth of CI. Every executable links the sanitizers' runtimes, which
# the instrumented engine needs.
add_library(pocsim_instrumented INTERFACE)
# POCSIM_FUZZ (tests/fuzz/) builds the same code the same way, with the
# coverage libFuzzer steers by; only its targets link libFuzzer itself.
if(POCSIM_SANITIZE OR POCSIM_FUZZ)
  target_compile_options(pocsim_instrumented INTERFACE
                         -fsanitize=address,undefined -fno-sanitize-recover=undefined
                         -fno-omit-frame-pointer $<$<BOOL:${POCSIM_FUZZ}>:-fsanitize=fuzzer-no-link>)
  add_link_options(-fsanitize=address,undefined)
  # Eigen frees with its own aligned allocator under ASan and with glibc's
  # free otherwise (Eigen/src/Core/util/Memory.h): an Eigen matrix made in
  # the engine and freed in a test would be freed the wrong way. One choice
  # for all code keeps the two sides the same.
  add_compile_definitions(EIGEN_MALLOC_ALREADY_ALIGNED=0)
endif()
# POCSIM_TSAN: the same code under ThreadSanitizer, the same way (the tests'
# own code uninstrumented, every executable linked to the runtime). TSan sees
# the synchronisation of instrumented code alone, so TBB must be instrumented
# too: tools/tsan.sh builds one and points TBB_DIR at it.
if(POCSIM_TSAN)
  target_compile_options(pocsim_instrumented INTERFACE -fsanitize=thread)
  add_link_options(-fsanitize=thread)
endif()
