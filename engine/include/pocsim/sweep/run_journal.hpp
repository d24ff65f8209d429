// SPDX-License-Identifier: Apache-2.0
#pragma once
// The record of a sweep's finished runs, kept so that no result is lost when
// the process dies. Each finished run is appended as one line with a single
// write and flushed to disk before the next run is counted done; a line cut
// short by a kill has no line break and is dropped when the journal is read
// back, so that run simply runs again. Outcomes are kept as the text that
// runs.csv will hold, so a resumed sweep writes the same bytes.
#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace pocsim::sweep {

struct RunRecord {
  std::size_t run_id = 0;
  bool ok = true;
  std::string error;                                          // why a failed run failed
  std::vector<std::pair<std::string, std::string>> outcomes;  // column, value text
};

// One JSON object per line.
std::string journal_line(const RunRecord& record);

// The records of a journal's text, by run id; an unfinished last line and
// lines that do not parse are dropped. `valid_bytes` is where the good part
// of the text ends.
std::map<std::size_t, RunRecord> read_journal_text(const std::string& text,
                                                   std::size_t* valid_bytes = nullptr);

class RunJournal {
 public:
  // Opens (creating) the journal, first cutting off a torn last line so that
  // new records start on a line of their own. Throws std::runtime_error.
  explicit RunJournal(const std::filesystem::path& file);
  ~RunJournal();
  RunJournal(const RunJournal&) = delete;
  RunJournal& operator=(const RunJournal&) = delete;

  const std::map<std::size_t, RunRecord>& existing() const { return existing_; }

  // Thread-safe; returns when the line is on disk.
  void append(const RunRecord& record);

 private:
  int fd_ = -1;
  std::mutex mutex_;
  std::map<std::size_t, RunRecord> existing_;
};

}  // namespace pocsim::sweep
