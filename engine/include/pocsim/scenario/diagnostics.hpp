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
  // Lines printed under the error, each starting with a space so that no
  // reader takes them for an error: the offending line with a caret under
  // the column, for syntax errors. Empty for most errors.
  std::string excerpt;

  std::string to_string() const;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string key_path, std::string message,
             std::string excerpt = {});
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  // One error a line, each followed by its excerpt if it has one.
  void print(std::ostream& out) const;
  void append(const Diagnostics& other);
  // Orders by line and column within each file; files keep the order of
  // their first error.
  void sort_by_location();

 private:
  std::vector<Diagnostic> items_;
};

// Names are compared folded: in lower case, without the accents of Latin-1
// letters, '_' and '-' read as spaces ("UK_LRRG" is "uk lrrg", "Sévaré"
// "sevare"), so that a name typed on an English keyboard finds its match.
std::string folded_name(const std::string& name);

// "did you mean" helper: the candidate whose folded spelling is closest to the
// word's, within a small edit distance, or an empty string.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the closest candidate, or an empty string.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// The same for a name that must be one of `names` (factions, towns,
// regions); when none is close, "; the WHAT are: a, b, c", so that the user
// sees what can be written.
std::string did_you_mean_or_list(const std::string& word, const std::vector<std::string>& names,
                                 const std::string& what);

}  // namespace pocsim
