// SPDX-License-Identifier: Apache-2.0
#include "list_paths.hpp"

#include <algorithm>
#include <cctype>

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::scenario {

namespace {

bool usable_element_name(const std::string& name) {
  return !name.empty() && name.find('.') == std::string::npos &&
         !std::all_of(name.begin(), name.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string name_of_element(const YAML::Node& element) {
  if (!element.IsMap()) return {};
  const YAML::Node name = element["name"];
  return name && name.IsScalar() ? name.Scalar() : std::string();
}

}  // namespace

std::string element_key(const std::vector<std::string>& names, std::size_t index) {
  const std::string& name = names[index];
  const auto earlier = names.begin() + static_cast<std::ptrdiff_t>(index);
  if (usable_element_name(name) && std::find(names.begin(), earlier, name) == earlier) return name;
  return std::to_string(index + 1);
}

std::string element_key(const YAML::Node& list, std::size_t index) {
  // As the rule above, without a vector of names: long lists of values (a
  // places file's roads) have none, and are read on every load.
  const std::string own = name_of_element(list[index]);
  bool first = usable_element_name(own);
  for (std::size_t i = 0; i < index && first; ++i) first = name_of_element(list[i]) != own;
  return first ? own : std::to_string(index + 1);
}

std::optional<std::size_t> index_of_position(std::string_view segment) {
  const std::optional<std::size_t> position = parse_integer<std::size_t>(segment);
  if (!position || *position == 0) return std::nullopt;
  return *position - 1;
}

std::string named_key_path(const YAML::Node& root, const std::string& index_path) {
  std::string out;
  YAML::Node node = root;  // reset(), never assigned to: the tree is only read
  bool in_tree = true;
  for (std::size_t start = 0; start <= index_path.size();) {
    const std::size_t dot = std::min(index_path.find('.', start), index_path.size());
    std::string segment = index_path.substr(start, dot - start);
    const YAML::Node& here = node;
    if (in_tree && here.IsSequence()) {
      const std::optional<std::size_t> index = parse_integer<std::size_t>(segment);
      in_tree = index && *index < here.size();
      if (in_tree) {
        segment = element_key(here, *index);
        node.reset(here[*index]);
      }
    } else {
      in_tree = in_tree && here.IsMap() && here[segment];
      if (in_tree) node.reset(here[segment]);
    }
    if (start > 0) out += '.';
    out += segment;
    start = dot + 1;
  }
  return out;
}

}  // namespace pocsim::scenario
