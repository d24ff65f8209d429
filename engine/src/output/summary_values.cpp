// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/summary_values.hpp"

#include <nlohmann/json.hpp>

#include <limits>
#include <stdexcept>

namespace pocsim {

namespace {

using Json = nlohmann::ordered_json;

std::string join(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

void flatten(const Json& node, const std::string& path,
             std::vector<std::pair<std::string, double>>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) flatten(value, join(path, key), out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      flatten(node[i], join(path, std::to_string(i)), out);
  } else if (node.is_boolean()) {
    out.emplace_back(path, node.get<bool>() ? 1.0 : 0.0);
  } else if (node.is_number()) {
    out.emplace_back(path, node.get<double>());
  } else if (node.is_null()) {
    out.emplace_back(path, std::numeric_limits<double>::quiet_NaN());
  }
}

}  // namespace

std::vector<std::pair<std::string, double>> summary_values(std::string_view summary_json) {
  Json summary;
  try {
    summary = Json::parse(summary_json);
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("summary.json: ") + e.what());
  }
  std::vector<std::pair<std::string, double>> out;
  flatten(summary, "", out);
  return out;
}

}  // namespace pocsim
