// SPDX-License-Identifier: Apache-2.0
// One libFuzzer target per reader (tests/fuzz/CMakeLists.txt compiles this
// file once per reader, naming it in POCSIM_FUZZ_READER): an input that
// breaks the reader's contract aborts, which libFuzzer reports as a crash
// and keeps as a finding (tools/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pocsim::fuzz::Reader reader = pocsim::fuzz::reader(POCSIM_FUZZ_READER);
  if (!reader.read) {
    std::fprintf(stderr, "fuzz_target: no reader named '%s'\n", POCSIM_FUZZ_READER);
    std::abort();
  }
  const std::string problem =
      reader.read(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_%s: %s\n", POCSIM_FUZZ_READER, problem.c_str());
    std::abort();
  }
  return 0;
}
