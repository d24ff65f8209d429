// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/run_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "pocsim/scenario/input_file.hpp"

namespace pocsim::sweep {

namespace {

using Json = nlohmann::ordered_json;

std::runtime_error system_error(const std::string& what, const std::filesystem::path& file) {
  return std::runtime_error(what + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

std::string journal_line(const RunRecord& record) {
  Json j;
  j["run_id"] = record.run_id;
  j["ok"] = record.ok;
  j["error"] = record.error;
  Json outcomes = Json::array();
  for (const auto& [name, value] : record.outcomes) outcomes.push_back({name, value});
  j["outcomes"] = std::move(outcomes);
  return j.dump() + "\n";
}

std::map<std::size_t, RunRecord> read_journal_text(const std::string& text,
                                                   std::size_t* valid_bytes) {
  std::map<std::size_t, RunRecord> records;
  std::size_t start = 0, good = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // torn by a kill mid-write
    try {
      const Json j = Json::parse(text.begin() + static_cast<std::ptrdiff_t>(start),
                                 text.begin() + static_cast<std::ptrdiff_t>(end));
      RunRecord r;
      r.run_id = j.at("run_id").get<std::size_t>();
      r.ok = j.at("ok").get<bool>();
      r.error = j.at("error").get<std::string>();
      for (const auto& pair : j.at("outcomes"))
        r.outcomes.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
      records[r.run_id] = std::move(r);
      good = end + 1;
    } catch (const Json::exception&) {
      break;  // nothing after a damaged line can be trusted to be whole
    }
    start = end + 1;
  }
  if (valid_bytes) *valid_bytes = good;
  return records;
}

RunJournal::RunJournal(const std::filesystem::path& file) {
  std::size_t valid = 0;
  if (const auto text = read_input_file(file)) existing_ = read_journal_text(*text, &valid);
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw system_error("cannot open", file);
  if (::ftruncate(fd_, static_cast<off_t>(valid)) != 0 ||
      ::lseek(fd_, static_cast<off_t>(valid), SEEK_SET) < 0) {
    ::close(fd_);
    throw system_error("cannot repair", file);
  }
}

RunJournal::~RunJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void RunJournal::append(const RunRecord& record) {
  const std::string line = journal_line(record);
  std::lock_guard lock(mutex_);
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("cannot write the run journal: ") +
                               std::strerror(errno));
    }
    written += static_cast<std::size_t>(n);
  }
  ::fdatasync(fd_);
}

}  // namespace pocsim::sweep
