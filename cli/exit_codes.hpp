// SPDX-License-Identifier: Apache-2.0
#pragma once
// The exit status of every command: 0 success, 1 failure while running, 2
// bad input.

namespace pocsim::cli {

enum ExitCode { exit_ok = 0, exit_failure = 1, exit_bad_input = 2 };

}  // namespace pocsim::cli
