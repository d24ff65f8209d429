// SPDX-License-Identifier: Apache-2.0
// Writing files all-or-nothing from several threads at once, as the runs of a
// sweep do: each run of a sweep that keeps every daily series writes the
// same header file beside its own piece.
#include "pocsim/output/atomic_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim {
namespace {

TEST(AtomicFiles, ThreadsWritingTheSameFileDoNotTripEachOther) {
  test::TempDir dir;
  const std::filesystem::path folder(dir.file("shared"));
  std::filesystem::create_directories(folder);
  constexpr int threads = 8, writes = 200;
  std::vector<int> failures(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int k = 0; k < writes; ++k) try {
          write_files_atomically(folder, {{"header.csv", "a,b,c\n"},
                                          {"piece-" + std::to_string(t) + ".csv", "1,2,3\n"}});
        } catch (const std::exception&) {
          ++failures[t];
        }
    });
  for (std::thread& t : pool) t.join();
  for (int t = 0; t < threads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
  EXPECT_EQ(test::read_text((folder / "header.csv").string()), "a,b,c\n");
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    ++files;
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(files, 1u + threads) << "no temporary file left behind";
}

}  // namespace
}  // namespace pocsim
