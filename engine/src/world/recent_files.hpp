// SPDX-License-Identifier: Apache-2.0
#pragma once
// What was read last from the world's data files (places, outline, regions,
// districts), so that loading the same scenario again does not parse them
// again. Validating a sweep loads its base scenario once per level of each
// axis and per end of each parameter, and parsing the 2022 baseline's files
// (900 kB of GeoJSON, the places) took 40 of each load's 50 ms. The files are
// still read each time, and known by their bytes (and by how they were read,
// the name property of a GeoJSON file's features): a modification time
// would miss a file rewritten within the clock's few milliseconds. The few
// files used last are kept, shared by a sweep's threads.
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace pocsim::world {

template <class Data>
class RecentFiles {
 public:
  // `parse(diagnostics)` for bytes not seen lately, kept when it gives data
  // (which the readers give only without an error).
  template <class Diagnostics, class Parse>
  std::optional<Data> find_or_parse(const std::string& bytes, const std::string& how,
                                    Diagnostics& diagnostics, Parse parse) {
    if (auto data = find(bytes, how)) return data;
    std::optional<Data> data = parse(diagnostics);
    if (data) keep(bytes, how, *data);
    return data;
  }

 private:
  struct File {
    std::string bytes;
    std::string how;
    Data data;
  };

  std::optional<Data> find(const std::string& bytes, const std::string& how) {
    const std::lock_guard lock(mutex_);
    for (auto it = files_.begin(); it != files_.end(); ++it)
      if (it->how == how && it->bytes == bytes) {
        files_.splice(files_.begin(), files_, it);
        return files_.front().data;
      }
    return std::nullopt;
  }

  void keep(const std::string& bytes, const std::string& how, const Data& data) {
    const std::lock_guard lock(mutex_);
    files_.push_front(File{bytes, how, data});
    if (files_.size() > max_files) files_.pop_back();
  }

  static constexpr std::size_t max_files = 8;
  std::mutex mutex_;
  std::list<File> files_;
};

}  // namespace pocsim::world
