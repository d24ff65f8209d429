// SPDX-License-Identifier: Apache-2.0
#pragma once
// Type tests shared by the visitors that walk a scenario's description.
#include <optional>
#include <type_traits>
#include <vector>

namespace pocsim::scenario {

template <class T>
concept Describable = requires(T t, int& v) {
  t.describe(v);
};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
// A list of sections (factions), as opposed to a list of plain values.
template <class T>
struct is_section_list : std::false_type {};
template <Describable T>
struct is_section_list<std::vector<T>> : std::true_type {};

}  // namespace pocsim::scenario
