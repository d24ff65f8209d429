// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/outcomes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace pocsim {

std::string_view to_string(OutcomeType type) {
  switch (type) {
    case OutcomeType::count:
      return "count";
    case OutcomeType::seed:
      return "seed";
    case OutcomeType::real:
      return "real";
    case OutcomeType::optional_real:
      return "real or null";
    case OutcomeType::flag:
      return "true or false";
    case OutcomeType::text:
      return "text";
    case OutcomeType::optional_text:
      return "text or null";
    case OutcomeType::empty_object:
      return "group";
    case OutcomeType::empty_list:
      return "list";
  }
  return "";
}

std::string SummaryEntry::name() const {
  std::string out;
  for (const std::string& key : keys) out += (out.empty() ? "" : ".") + key;
  return out;
}

bool SummaryEntry::numeric() const {
  return !std::holds_alternative<std::string>(value) && type != OutcomeType::empty_object &&
         type != OutcomeType::empty_list;
}

double SummaryEntry::number() const {
  struct Number {
    double operator()(Null) const { return std::numeric_limits<double>::quiet_NaN(); }
    double operator()(bool b) const { return b ? 1.0 : 0.0; }
    double operator()(std::int64_t v) const { return static_cast<double>(v); }
    double operator()(std::uint64_t v) const { return static_cast<double>(v); }
    double operator()(double v) const { return v; }
    double operator()(const std::string&) const { return std::numeric_limits<double>::quiet_NaN(); }
  };
  return std::visit(Number{}, value);
}

int DailySeries::column_index(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

namespace {

// Puts entries in the order of the document they nest into: depth first, each
// group's members in the order they first appear. The list declares families
// of outcomes one name at a time ("protection.by_region.<region>.incidents"
// for every region, then "...civilian_deaths"), while the document, and so
// every table built from it, lists each region's figures together.
void order_as_document(std::vector<SummaryEntry>& entries) {
  std::map<std::string, std::vector<std::string>> children;  // group -> members, in order
  std::vector<std::vector<std::size_t>> ranks(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string group;
    for (const std::string& key : entries[i].keys) {
      auto& members = children[group];
      auto at = std::find(members.begin(), members.end(), key);
      if (at == members.end()) at = members.insert(members.end(), key);
      ranks[i].push_back(static_cast<std::size_t>(at - members.begin()));
      group += key;
      group += '\x1f';
    }
  }
  std::vector<std::size_t> order(entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::vector<SummaryEntry> sorted;
  sorted.reserve(entries.size());
  for (std::size_t i : order) sorted.push_back(std::move(entries[i]));
  entries = std::move(sorted);
}

}  // namespace

Outcomes::Outcomes(std::shared_ptr<const RunResult> run_result, std::vector<SummaryEntry> entries,
                   DailySeries daily)
    : run(std::move(run_result)), summary(std::move(entries)), series(std::move(daily)) {
  order_as_document(summary);
  for (const SummaryEntry& e : summary)
    if (e.numeric()) sorted_.emplace_back(e.name(), e.number());
  std::sort(sorted_.begin(), sorted_.end());
}

const double* Outcomes::number(const std::string& name) const {
  const auto it =
      std::lower_bound(sorted_.begin(), sorted_.end(), name,
                       [](const auto& entry, const std::string& n) { return entry.first < n; });
  return it != sorted_.end() && it->first == name ? &it->second : nullptr;
}

std::vector<std::pair<std::string, double>> Outcomes::numbers() const {
  std::vector<std::pair<std::string, double>> out;
  for (const SummaryEntry& e : summary)
    if (e.numeric()) out.emplace_back(e.name(), e.number());
  return out;
}

}  // namespace pocsim
