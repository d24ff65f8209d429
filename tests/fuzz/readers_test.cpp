// SPDX-License-Identifier: Apache-2.0
// What fuzzing found stays fixed: every file in tests/data/fuzz/READER/ (the
// inputs that crashed, hung or broke a reader's contract before their fix,
// and a few hand-made seeds) goes through the reader as its fuzz target
// calls it, in the plain build and under the sanitizers.
#include "fuzz/readers.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pocsim::fuzz {
namespace {

std::filesystem::path findings_folder(std::string_view reader) {
  return std::filesystem::path(POCSIM_SOURCE_DIR) / "tests/data/fuzz" / std::string(reader);
}

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> reader_names() {
  std::vector<std::string> names;
  for (const Reader& r : readers()) names.emplace_back(r.name);
  return names;
}

class FuzzFindings : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzFindings, AreReadOrRefusedWithAPlacedError) {
  const Reader r = reader(GetParam());
  ASSERT_NE(r.read, nullptr);
  const auto folder = findings_folder(r.name);
  ASSERT_TRUE(std::filesystem::is_directory(folder))
      << folder << ": every reader keeps its findings and seeds there (tools/fuzz.sh)";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(r.read(file_bytes(entry.path())), "") << entry.path();
  }
  EXPECT_GT(files, 0) << folder;
}

TEST_P(FuzzFindings, NothingIsRefusedWithoutAnError) {
  const Reader r = reader(GetParam());
  ASSERT_NE(r.read, nullptr);
  for (const std::string& input : {std::string(), std::string("\0", 1), std::string("[")})
    EXPECT_EQ(r.read(input), "") << "input of " << input.size() << " bytes";
}

INSTANTIATE_TEST_SUITE_P(EachReader, FuzzFindings, ::testing::ValuesIn(reader_names()),
                         [](const auto& test) { return test.param; });

TEST(FuzzReaders, AnUnknownNameHasNoReader) { EXPECT_EQ(reader("no such reader").read, nullptr); }

}  // namespace
}  // namespace pocsim::fuzz
