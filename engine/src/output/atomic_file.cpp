// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <stdexcept>

namespace pocsim {

void write_files_atomically(const std::filesystem::path& folder,
                            const std::vector<FileContent>& files) {
  namespace fs = std::filesystem;
  // Unique per call, not only per process: the runs of a sweep write from
  // several threads at once, sometimes the same file (timeseries/header.csv).
  static std::atomic<std::uint64_t> calls{0};
  const std::string suffix = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(calls++);
  std::vector<fs::path> written;
  auto discard = [&] {
    std::error_code ignored;
    for (const fs::path& p : written) fs::remove(p, ignored);
  };
  for (const FileContent& f : files) {
    const fs::path tmp = folder / (f.name + suffix);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    written.push_back(tmp);
    if (f.write)
      f.write(out);
    else
      out << f.text;
    out.close();
    if (!out) {
      discard();
      throw std::runtime_error("cannot write " + tmp.string());
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    fs::rename(written[i], folder / files[i].name, ec);
    if (ec) {
      for (std::size_t j = 0; j < i; ++j) written[j] = folder / files[j].name;
      discard();
      throw std::runtime_error("cannot rename into " + (folder / files[i].name).string() + ": " +
                               ec.message());
    }
  }
}

}  // namespace pocsim
