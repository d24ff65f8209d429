# SPDX-License-Identifier: Apache-2.0
# Runs `pocsim check` for an out-of-sample check and passes when the check ran:
# exit status 0 (every target hit) or 1 (some missed). A miss of an
# out-of-sample target is a finding to report (docs/calibration.md), not a
# failure of the build; bad input (2) or a crash is.
#   cmake -DPOCSIM=... -DSCENARIO=... -DTARGETS=... [-DREPLICATIONS=20] -P out_of_sample_check.cmake
if(NOT DEFINED REPLICATIONS)
  set(REPLICATIONS 20)
endif()
execute_process(COMMAND ${POCSIM} check ${SCENARIO} --targets ${TARGETS}
                        --replications ${REPLICATIONS} --quiet
                RESULT_VARIABLE status)
if(NOT status STREQUAL "0" AND NOT status STREQUAL "1")
  message(FATAL_ERROR "pocsim check exited with '${status}': it did not run the check")
endif()
message(STATUS "pocsim check exited with ${status} (0: every target hit, 1: some missed)")
