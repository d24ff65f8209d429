// SPDX-License-Identifier: Apache-2.0
#pragma once
// How a key path names an element of a list, in every message about an input
// file: by the element's `name` where it has one (`factions.JNIM.units`),
// otherwise by its position counted from 1 (`flights.groundings.2.from`), the
// forms `--set` and a variant's `set` accept, so that a path in an error can
// be written back as it is.
//
// The readers keep zero-based indices in the paths they build (a name can be
// changed by a set, an index cannot), and a path is given its element names
// only when it is reported.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pocsim::scenario {

// The segment naming element `index` of a list whose elements are named
// `names` ("" for one without a name; only the first index + 1 are read): its
// name when that is a usable one (not empty, no '.', not a number) and no
// earlier element has it, otherwise its position from 1.
std::string element_key(const std::vector<std::string>& names, std::size_t index);

// The same for a list in a YAML tree: an element's name is its `name` key.
std::string element_key(const YAML::Node& list, std::size_t index);

// The zero-based index that a segment written as a position from 1 names;
// nothing when the segment is not a whole number, and also for "0".
std::optional<std::size_t> index_of_position(std::string_view segment);

// `index_path` (zero-based list indices) with each index replaced by the
// element's key in `root`; segments past what the tree holds are kept as written.
std::string named_key_path(const YAML::Node& root, const std::string& index_path);

}  // namespace pocsim::scenario
