// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/printer.hpp"

#include <yaml-cpp/yaml.h>

#include <type_traits>

#include "describe_traits.hpp"

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::scenario {

namespace {

template <class T>
std::string scalar_text(const T& value, const PrintOptions& options) {
  if constexpr (std::is_same_v<T, bool>)
    return value ? "true" : "false";
  else if constexpr (std::is_integral_v<T>)
    return std::to_string(value);
  else if constexpr (std::is_floating_point_v<T>)
    return format_number(value);
  else if constexpr (std::is_same_v<T, std::string>)
    return value;
  else if constexpr (std::is_same_v<T, Date>)
    return value.to_string();
  else if constexpr (std::is_same_v<T, DataFile>)
    return options.absolute_paths && !value.resolved.empty()
               ? std::filesystem::absolute(value.resolved).lexically_normal().string()
               : value.path;
  else if constexpr (std::is_enum_v<T>)
    return std::string(to_string(value));
  else
    static_assert(sizeof(T) == 0, "no text for this scenario value type");
}

class EmitVisitor {
 public:
  EmitVisitor(YAML::Emitter& out, const PrintOptions& options) : out_(out), options_(options) {}

  template <class T>
  void operator()(const char* key, T& member, const Spec& spec) {
    out_ << YAML::Key << key << YAML::Value;
    emit(member);
    if (options_.comments && !Describable<T> && !is_section_list<T>::value && *spec.doc)
      out_ << YAML::Comment(spec.doc);
  }

 private:
  template <class T>
  void emit(T& value) {
    if constexpr (Describable<T>) {
      out_ << YAML::BeginMap;
      value.describe(*this);
      out_ << YAML::EndMap;
    } else if constexpr (is_vector<T>::value) {
      if constexpr (!is_section_list<T>::value) out_ << YAML::Flow;
      out_ << YAML::BeginSeq;
      for (auto& item : value) emit(item);
      out_ << YAML::EndSeq;
    } else if constexpr (is_optional<T>::value) {
      if (value)
        emit(*value);
      else
        out_ << YAML::Null;
    } else if constexpr (std::is_same_v<T, std::string>) {
      out_ << YAML::DoubleQuoted << value;
    } else {
      out_ << scalar_text(value, options_);
    }
  }

  YAML::Emitter& out_;
  const PrintOptions& options_;
};

class KeyVisitor {
 public:
  KeyVisitor(std::vector<KeyInfo>& keys, std::string prefix)
      : keys_(keys), prefix_(std::move(prefix)) {}

  template <class T>
  void operator()(const char* key, T& member, const Spec& spec) {
    const std::string path = prefix_.empty() ? key : prefix_ + "." + key;
    if constexpr (Describable<T>) {
      keys_.push_back({path, "section", "", "", spec.doc});
      KeyVisitor inner(keys_, path);
      member.describe(inner);
    } else if constexpr (is_section_list<T>::value) {
      keys_.push_back({path, "list of sections", "[]", items_text(spec), spec.doc});
      typename T::value_type item{};
      KeyVisitor inner(keys_, path + "[]");
      item.describe(inner);
    } else {
      keys_.push_back({path, type_name<T>(), default_text(member), range(spec, member),
                       std::string(spec.doc) + (spec.required ? " (required)" : ""), spec.min,
                       spec.max});
    }
  }

 private:
  template <class T>
  static std::string type_name() {
    if constexpr (is_vector<T>::value)
      return "list of " + type_name<typename T::value_type>();
    else if constexpr (is_optional<T>::value)
      return type_name<typename T::value_type>() + " or null";
    else if constexpr (std::is_same_v<T, bool>)
      return "boolean";
    else if constexpr (std::is_integral_v<T>)
      return "integer";
    else if constexpr (std::is_floating_point_v<T>)
      return "number";
    else if constexpr (std::is_same_v<T, Date>)
      return "date";
    else if constexpr (std::is_same_v<T, DataFile>)
      return "file path";
    else if constexpr (std::is_same_v<T, FactionKind>)
      return "faction kind";
    else if constexpr (std::is_same_v<T, Mobility>)
      return "mobility";
    else
      return "text";
  }

  template <class T>
  static std::string default_text(const T& value) {
    const PrintOptions relative{.absolute_paths = false, .comments = false};
    if constexpr (is_vector<T>::value) {
      std::string text = "[";
      for (const auto& item : value)
        text += (text.size() > 1 ? ", " : "") + scalar_text(item, relative);
      return text + "]";
    } else if constexpr (is_optional<T>::value) {
      return value ? scalar_text(*value, relative) : "null";
    } else {
      return scalar_text(value, relative);
    }
  }

  template <class T>
  static std::string range(const Spec& spec, const T&) {
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
      return range_text(spec.min, spec.max, std::is_integral_v<T>);
    } else if constexpr (is_vector<T>::value) {
      const std::string each = range(spec, typename T::value_type{});
      return each.empty() ? items_text(spec) : each + "; " + items_text(spec);
    }
    return "";
  }

  static std::string items_text(const Spec& spec) {
    return "at most " + std::to_string(spec.max_items) + " items";
  }

  std::vector<KeyInfo>& keys_;
  std::string prefix_;
};

}  // namespace

std::string to_yaml(const Scenario& scenario, const PrintOptions& options) {
  YAML::Emitter out;
  out.SetIndent(2);
  Scenario copy = scenario;  // describe() takes members by reference
  EmitVisitor visitor(out, options);
  out << YAML::BeginMap;
  copy.describe(visitor);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string key_reference_markdown() {
  std::string table = "| key | type | default | range | meaning |\n|---|---|---|---|---|\n";
  for (const KeyInfo& k : key_reference())
    table += "| `" + k.path + "` | " + k.type + " | " +
             (k.default_value.empty() ? "" : "`" + k.default_value + "`") + " | " + k.range +
             " | " + k.doc + " |\n";
  return table;
}

std::vector<KeyInfo> key_reference() {
  std::vector<KeyInfo> keys;
  Scenario defaults;
  KeyVisitor visitor(keys, "");
  defaults.describe(visitor);
  return keys;
}

}  // namespace pocsim::scenario
