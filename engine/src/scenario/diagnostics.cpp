// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string_view>
#include <tuple>

namespace pocsim {

std::string Diagnostic::to_string() const {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
         ": error: " + key_path + ": " + message;
}

void Diagnostics::error(SourceLocation where, std::string key_path, std::string message,
                        std::string excerpt) {
  items_.push_back({std::move(where), std::move(key_path), std::move(message), std::move(excerpt)});
}

void Diagnostics::print(std::ostream& out) const {
  for (const Diagnostic& d : items_) out << d.to_string() << '\n' << d.excerpt;
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

// The unaccented letters of U+00C0 to U+00FF, the Latin-1 letters of
// French place names (Ségou, Sévaré, Ménaka): two bytes each in UTF-8.
constexpr std::string_view latin1_base_letters =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

}  // namespace

std::string folded_name(const std::string& name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    char c = name[i];
    if (byte == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        c = latin1_base_letters[next - 0x80];
        ++i;
      }
    }
    if (c == '_' || c == '-') c = ' ';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string folded = folded_name(word);
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, folded.size() / 3) + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(folded, folded_name(c));
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

std::string did_you_mean_or_list(const std::string& word, const std::vector<std::string>& names,
                                 const std::string& what) {
  if (std::string hint = did_you_mean(word, names); !hint.empty()) return hint;
  if (names.empty()) return "; there are no " + what;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return "; the " + what + " are: " + list;
}

}  // namespace pocsim
