// SPDX-License-Identifier: Apache-2.0
#include "support/teaching_suggestions.hpp"

#include <fstream>
#include <sstream>

namespace pocsim::test {

namespace {

// Splits like a shell does for the commands of a header: on blanks, with
// single or double quotes keeping blanks inside one word.
bool split_suggestion_words(const std::string& text, std::vector<std::string>& words,
                            std::string& error) {
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : text) {
    if (quote != 0) {
      if (c == quote)
        quote = 0;
      else
        word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) {
    error = "unclosed quote";
    return false;
  }
  if (in_word) words.push_back(word);
  return true;
}

std::string trimmed_suggestion_text(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// The KEY=VALUE words of `--set KEY=VALUE` pairs; any other word is an error
// when `only_sets`, skipped otherwise (a command's --out DIR, --seed S).
bool set_values(const std::vector<std::string>& words, bool only_sets,
                std::vector<std::string>& sets, std::string& error) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--set") {
      if (i + 1 == words.size() || words[i + 1].find('=') == std::string::npos) {
        error = "--set needs KEY=VALUE";
        return false;
      }
      sets.push_back(words[++i]);
    } else if (only_sets) {
      error = "expected --set KEY=VALUE, got '" + words[i] + "'";
      return false;
    }
  }
  return true;
}

}  // namespace

std::string to_string(Direction direction) {
  switch (direction) {
    case Direction::up:
      return "up";
    case Direction::down:
      return "down";
    case Direction::same:
      return "same";
  }
  return "?";
}

bool parse_try_line(const std::string& text, Suggestion& out, std::string& error) {
  const auto expect = text.find("expect:");
  if (expect == std::string::npos) {
    error = "no 'expect:'";
    return false;
  }
  std::vector<std::string> words;
  if (!split_suggestion_words(text.substr(0, expect), words, error) ||
      !set_values(words, true, out.overrides, error))
    return false;
  if (out.overrides.empty()) {
    error = "no --set KEY=VALUE before 'expect:'";
    return false;
  }
  std::stringstream expectations(text.substr(expect + 7));
  std::string item;
  while (std::getline(expectations, item, ',')) {
    item = trimmed_suggestion_text(item);
    // The direction is the last word; an outcome's name may hold blanks
    // (civilian_deaths.by_faction.IS Sahel).
    const auto blank = item.find_last_of(" \t");
    const std::string word = blank == std::string::npos ? "" : item.substr(blank + 1);
    Expectation e;
    e.outcome = blank == std::string::npos ? "" : trimmed_suggestion_text(item.substr(0, blank));
    if (word == "up") {
      e.direction = Direction::up;
    } else if (word == "down") {
      e.direction = Direction::down;
    } else if (word == "same") {
      e.direction = Direction::same;
    } else {
      error = "expected 'OUTCOME up|down|same', got '" + item + "'";
      return false;
    }
    if (e.outcome.empty()) {
      error = "no outcome before '" + word + "'";
      return false;
    }
    out.expectations.push_back(e);
  }
  if (out.expectations.empty()) {
    error = "nothing expected after 'expect:'";
    return false;
  }
  return true;
}

TeachingHeader read_teaching_header(const std::string& path, const std::string& relative) {
  TeachingHeader header;
  std::ifstream in(path);
  if (!in) {
    header.errors.push_back("0: cannot read " + path);
    return header;
  }
  const std::string command = "pocsim run ";
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string text = trimmed_suggestion_text(line);
    if (text.empty() || text[0] != '#') continue;
    const std::string comment = trimmed_suggestion_text(text.substr(1));
    std::string error;
    if (comment.rfind("try:", 0) == 0) {
      Suggestion s;
      s.line = number;
      if (parse_try_line(comment.substr(4), s, error))
        header.suggestions.push_back(s);
      else
        header.errors.push_back(std::to_string(number) + ": " + error);
    } else if (const auto at = comment.find(command); at != std::string::npos) {
      std::vector<std::string> words, sets;
      if (!split_suggestion_words(comment.substr(at + command.size()), words, error) ||
          !set_values(words, false, sets, error)) {
        header.errors.push_back(std::to_string(number) + ": " + error);
      } else if (words.empty() || words[0] != relative) {
        header.errors.push_back(std::to_string(number) + ": the command runs " +
                                (words.empty() ? std::string("nothing") : words[0]) + ", not " +
                                relative);
      } else if (!sets.empty()) {
        header.commands.push_back(sets);
      }
    }
  }
  return header;
}

}  // namespace pocsim::test
