// SPDX-License-Identifier: Apache-2.0
#pragma once
// Errors in user input, collected so that all of them are reported at once as
// `FILE:LINE:COL: error: KEY.PATH: message`.
#include <iosfwd>
#include <string>
#include <vector>

namespace pocsim {

struct SourceLocation {
  std::string file;
  int line = 1;    // 1-based
  int column = 1;  // 1-based
};

struct Diagnostic {
  SourceLocation where;
  std::string key_path;
  std::string message;

  std::string to_string() const;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string key_path, std::string message);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  void print(std::ostream& out) const;
  void append(const Diagnostics& other);
  // Orders by line and column within each file; files keep the order of
  // their first error.
  void sort_by_location();

 private:
  std::vector<Diagnostic> items_;
};

// "did you mean" helper: the closest candidate within a small edit distance,
// or an empty string.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the closest candidate, or an empty string.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace pocsim
