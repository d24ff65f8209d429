// SPDX-License-Identifier: Apache-2.0
#pragma once
// The readers of user input, each as one call on raw bytes, for the
// libFuzzer targets (fuzz_target.cpp, tools/fuzz.sh) and for the test that
// replays what fuzzing found (readers_test.cpp). A reader must read its
// input or refuse it with at least one `FILE:LINE:COL` error; it must never
// crash, hang, exhaust memory or refuse in silence.
#include <span>
#include <string>
#include <string_view>

namespace pocsim::fuzz {

struct Reader {
  std::string_view name;  // the target's name: fuzz_NAME, tests/data/fuzz/NAME/
  // What the input broke of the contract above, or an empty string.
  std::string (*read)(std::string_view bytes);
};

// scenario (text with `base:` variants), sweep, targets, calibration, set
// (`--set` lines on a teaching scenario), places, outline, boundaries.
std::span<const Reader> readers();

// The reader named `name`; a null `read` when there is none.
Reader reader(std::string_view name);

}  // namespace pocsim::fuzz
