// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace pocsim {

std::string Diagnostic::to_string() const {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
         ": error: " + key_path + ": " + message;
}

void Diagnostics::error(SourceLocation where, std::string key_path, std::string message) {
  items_.push_back({std::move(where), std::move(key_path), std::move(message)});
}

void Diagnostics::print(std::ostream& out) const {
  for (const Diagnostic& d : items_) out << d.to_string() << '\n';
}

void Diagnostics::sort_by_location() {
  // Files keep the order in which they first had an error.
  std::vector<std::string> files;
  for (const Diagnostic& d : items_)
    if (std::find(files.begin(), files.end(), d.where.file) == files.end())
      files.push_back(d.where.file);
  auto rank = [&](const std::string& file) {
    return std::find(files.begin(), files.end(), file) - files.begin();
  };
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(rank(a.where.file), a.where.line, a.where.column) <
           std::tuple(rank(b.where.file), b.where.line, b.where.column);
  });
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? "" : "; did you mean '" + match + "'?";
}

}  // namespace pocsim
