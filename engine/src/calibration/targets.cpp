// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/targets.hpp"

#include "pocsim/scenario/input_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "pocsim/output/csv.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "yaml_paths.hpp"
#include "yaml_reader.hpp"

namespace pocsim::calibration {

namespace {

// A figure that cannot be computed: a value missing, no deaths, a zero denominator.
constexpr double undefined = std::numeric_limits<double>::quiet_NaN();

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

// --- reading the targets file ------------------------------------------------

using scenario::Field;
using scenario::join_key;
using scenario::Mapping;
using scenario::node_kind;
using scenario::read_scalar;
using Reader = scenario::YamlReader;

Located<std::string> read_name(Reader& r, const Field& f) {
  Located<std::string> out{{}, f.where, f.path};
  if (auto text = read_scalar(r, f)) out.value = *text;
  return out;
}

// A list of names; a single name may be written without brackets.
std::vector<Located<std::string>> read_names(Reader& r, const Field& f, const std::string& what) {
  if (f.node.IsScalar()) return {read_name(r, f)};
  std::vector<Located<std::string>> out;
  if (!f.node.IsSequence()) {
    r.error(f.where, f.path, "expected a list of " + what + "s, got " + node_kind(f.node));
    return out;
  }
  for (std::size_t i = 0; i < f.node.size(); ++i)
    out.push_back(read_name(r, scenario::element(r, f, i)));
  if (out.empty()) r.error(f.where, f.path, "expected at least one " + what);
  return out;
}

std::optional<Located<Date>> read_date(Reader& r, const std::optional<Field>& f) {
  if (!f) return std::nullopt;
  if (const auto date = scenario::read_typed<Date>(r, *f))
    return Located<Date>{*date, f->where, f->path};
  return std::nullopt;
}

DayWindow read_days(Reader& r, Mapping& m) {
  const std::optional<Field> date = m.take("date");
  const std::optional<Field> from = m.take("from");
  const std::optional<Field> to = m.take("to");
  DayWindow days;
  if (date) {
    if (from || to)
      r.error(date->where, date->path, "give either one date or a from/to window, not both");
    days.from = days.to = read_date(r, date);
    return days;
  }
  days.from = read_date(r, from);
  days.to = read_date(r, to);
  if (days.from && days.to && days.to->value < days.from->value)
    r.error(days.to->where, days.to->key_path,
            "the window ends before it starts (" + days.from->value.to_string() + ")");
  return days;
}

Metric read_metric_kind(Reader& r, std::size_t kind, const Field& f) {
  auto sub = [&](std::optional<Field> field, const std::string& what) {
    return field ? read_names(r, *field, what) : std::vector<Located<std::string>>{};
  };
  switch (kind) {
    case 0:
      return SummaryValue{read_name(r, f)};
    case 1:
      return SummarySum{read_names(r, f, "summary path")};
    case 2: {
      Mapping m(r, f.node, f.path, f.where);
      SummaryRatio ratio{sub(m.take("numerator", true), "summary path"),
                         sub(m.take("denominator", true), "summary path")};
      m.finish();
      return ratio;
    }
    case 3: {
      Mapping m(r, f.node, f.path, f.where);
      TimeseriesSum sum;
      if (auto column = m.take("column", true)) sum.column = read_name(r, *column);
      sum.days = read_days(r, m);
      sum.regions = sub(m.take("regions"), "region");
      m.finish();
      return sum;
    }
    default: {
      Mapping m(r, f.node, f.path, f.where);
      TimeseriesRatio ratio;
      if (auto column = m.take("column", true)) ratio.column = read_name(r, *column);
      ratio.days = read_days(r, m);
      ratio.numerator_regions = sub(m.take("numerator_regions", true), "region");
      ratio.denominator_regions = sub(m.take("denominator_regions"), "region");
      m.finish();
      return ratio;
    }
  }
}

std::optional<Metric> read_metric(Reader& r, const Field& f) {
  Mapping m(r, f.node, f.path, f.where);
  std::optional<Metric> metric;
  std::string first_kind;
  for (std::size_t k = 0; k < std::size(metric_kind_names); ++k) {
    const std::string kind(metric_kind_names[k]);
    const std::optional<Field> field = m.take(kind);
    if (!field) continue;
    if (metric) {
      r.error(field->where, field->path,
              "a metric has one kind; '" + kind + "' comes on top of '" + first_kind + "'");
      continue;
    }
    first_kind = kind;
    metric = read_metric_kind(r, k, *field);
  }
  if (f.node.IsMap() && m.size() == 0) {
    std::vector<std::string> kinds(std::begin(metric_kind_names), std::end(metric_kind_names));
    r.error(f.where, f.path, "a metric needs one of the keys " + quoted_list(kinds));
  }
  m.finish();
  return metric;
}

void read_band(Reader& r, const Field& f, Target& t) {
  if (!f.node.IsSequence() || f.node.size() != 2) {
    r.error(f.where, f.path, "expected a band [low, high] of two numbers");
    return;
  }
  double ends[2] = {0.0, 0.0};
  bool ok = true;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto value = scenario::read_typed<double>(r, scenario::element(r, f, i));
    ok = ok && value;
    if (value) ends[i] = *value;
  }
  if (ok && ends[0] > ends[1])
    r.error(f.where, f.path,
            "the band's low end " + scenario::format_number(ends[0]) + " is above its high end " +
                scenario::format_number(ends[1]));
  t.low = ends[0];
  t.high = ends[1];
}

Target read_target(Reader& r, const YAML::Node& node, const std::string& path,
                   const SourceLocation& where) {
  Target t;
  t.where = where;
  t.key_path = path;
  Mapping m(r, node, path, where);
  if (auto name = m.take("name", true)) {
    t.name = read_name(r, *name).value;
    if (t.name.empty() && name->node.IsScalar())
      r.error(name->where, name->path, "a target needs a name");
  }
  if (auto description = m.take("description")) t.description = read_name(r, *description).value;
  // A figure without its source cannot be judged, so the source is required.
  if (auto source = m.take("source", true)) t.source = read_name(r, *source).value;
  if (auto band = m.take("band", true)) read_band(r, *band, t);
  if (auto metric = m.take("metric", true))
    if (auto read = read_metric(r, *metric)) t.metric = std::move(*read);
  if (auto applies = m.take("applies_to"))
    for (auto& name : read_names(r, *applies, "scenario name"))
      t.applies_to.push_back(std::move(name.value));
  m.finish();
  return t;
}

TargetsLoadResult read_document(Reader& r, const std::string& text) {
  TargetsLoadResult result;
  auto fail = [&] {
    result.diagnostics = std::move(r.diagnostics);
    return std::move(result);
  };
  const std::optional<YAML::Node> parsed = scenario::parse_input_document(
      text, r.file, r.diagnostics, "a targets file has a list under 'targets'");
  if (!parsed) return fail();
  const YAML::Node root = *parsed;
  const SourceLocation top{r.file, 1, 1};
  TargetsFile file;
  file.file = r.file;
  Mapping document(r, root, "", top);
  if (const auto list = document.take("targets", true)) {
    if (!list->node.IsSequence() || list->node.size() == 0)
      r.error(list->where, list->path,
              std::string("expected a list of targets, got ") +
                  (list->node.IsSequence() ? "an empty list" : node_kind(list->node)));
    else
      for (std::size_t i = 0; i < list->node.size(); ++i) {
        const Field item = scenario::element(r, *list, i);
        file.targets.push_back(read_target(r, item.node, item.path, item.where));
      }
  }
  document.finish();
  // Names label the lines of the report, so each must be unique.
  for (std::size_t i = 0; i < file.targets.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!file.targets[i].name.empty() && file.targets[i].name == file.targets[j].name) {
        r.error(file.targets[i].where, file.targets[i].key_path + ".name",
                "target name '" + file.targets[i].name + "' is used twice (first at line " +
                    std::to_string(file.targets[j].where.line) + ")");
        break;
      }
  r.diagnostics.sort_by_location();
  if (r.diagnostics.empty()) result.targets = std::move(file);
  return fail();
}

// --- reading the outputs of a run ------------------------------------------

bool contains(const std::vector<Located<std::string>>& names, const std::string& name) {
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.value == name; });
}

double sum_summary(const std::vector<Located<std::string>>& paths, const Outcomes& run) {
  double sum = 0.0;
  for (const auto& p : paths) {
    const double* v = run.number(p.value);
    sum += v ? *v : undefined;
  }
  return sum;
}

// A column's sum over the rows in the window whose region is one of
// `regions`, or any region when `regions` is empty.
double sum_timeseries(const Outcomes& run, const std::string& column, const DayWindow& days,
                      const std::vector<Located<std::string>>& regions) {
  const int c = run.series.column_index(column);
  if (c < 0) return undefined;
  const std::vector<double>& values = run.series.values[static_cast<std::size_t>(c)];
  double sum = 0.0;
  for (std::size_t row = 0; row < values.size(); ++row) {
    if (days.from && run.series.dates[row] < days.from->value) continue;
    if (days.to && days.to->value < run.series.dates[row]) continue;
    if (!regions.empty() && !contains(regions, run.series.regions[row])) continue;
    sum += values[row];
  }
  return sum;
}

double ratio(double numerator, double denominator) {
  return denominator == 0.0 ? undefined : numerator / denominator;
}

// Checks one target against the outputs of a run, reporting at the key of
// the target file that asks for what is missing.
class Checker {
 public:
  Checker(const Target& target, const Outcomes& run, Diagnostics& diagnostics)
      : target_(target), run_(run), diagnostics_(diagnostics) {}

  void operator()(const SummaryValue& m) { summary_path(m.path); }
  void operator()(const SummarySum& m) {
    for (const auto& p : m.paths) summary_path(p);
  }
  void operator()(const SummaryRatio& m) {
    for (const auto& p : m.numerator) summary_path(p);
    for (const auto& p : m.denominator) summary_path(p);
  }
  void operator()(const TimeseriesSum& m) {
    column(m.column);
    window(m.days);
    for (const auto& r : m.regions) region(r);
  }
  void operator()(const TimeseriesRatio& m) {
    column(m.column);
    window(m.days);
    for (const auto& r : m.numerator_regions) region(r);
    for (const auto& r : m.denominator_regions) region(r);
  }

 private:
  template <class T>
  void error(const Located<T>& at, const std::string& message) {
    diagnostics_.error(at.where, at.key_path, "target '" + target_.name + "': " + message);
  }

  void summary_path(const Located<std::string>& p) {
    if (run_.number(p.value)) return;
    std::vector<std::string> paths;
    std::string inside;  // a number in the section p names, if it names one
    for (const auto& [path, value] : run_.sorted_numbers()) {
      paths.push_back(path);
      if (inside.empty() && path.starts_with(p.value + ".")) inside = path;
    }
    if (!inside.empty())
      error(p, "'" + p.value + "' is a section of summary.json, not a number; name one of " +
                   "its numbers, such as '" + inside + "'");
    else
      error(p, "summary.json has no number '" + p.value + "'" + did_you_mean(p.value, paths));
  }

  void column(const Located<std::string>& c) {
    if (run_.series.column_index(c.value) >= 0) return;
    error(c, "timeseries.csv has no column '" + c.value + "' (it has " +
                 quoted_list(run_.series.columns) + ")" +
                 did_you_mean(c.value, run_.series.columns));
  }

  void region(const Located<std::string>& r) {
    if (std::find(run_.series.region_names.begin(), run_.series.region_names.end(), r.value) !=
        run_.series.region_names.end())
      return;
    error(r, "no region '" + r.value + "' in timeseries.csv" +
                 did_you_mean(r.value, run_.series.region_names));
  }

  void window(const DayWindow& days) {
    if (run_.series.dates.empty()) return;
    // Named iterators, not a structured binding: clang 14, which builds the
    // fuzz targets, does not let a lambda capture a binding.
    const auto span = std::minmax_element(run_.series.dates.begin(), run_.series.dates.end());
    const auto first = span.first;
    const auto last = span.second;
    auto day = [&](const Located<Date>& d) {
      if (d.value < *first || *last < d.value)
        error(d, d.value.to_string() + " is outside the run, which covers " + first->to_string() +
                     " to " + last->to_string());
    };
    if (days.from) day(*days.from);
    // `date:` sets both ends from one key; report it once.
    if (days.to && !(days.from && days.from->key_path == days.to->key_path)) day(*days.to);
  }

  const Target& target_;
  const Outcomes& run_;
  Diagnostics& diagnostics_;
};

}  // namespace

bool Target::applies(const std::string& scenario_name) const {
  return applies_to.empty() ||
         std::find(applies_to.begin(), applies_to.end(), scenario_name) != applies_to.end();
}

TargetsLoadResult load_targets_text(const std::string& text, const std::string& display_name) {
  Reader reader;
  reader.file = display_name;
  return read_document(reader, text);
}

TargetsLoadResult load_targets(const std::filesystem::path& file) {
  TargetsLoadResult result;
  const std::optional<std::string> text = read_input_file(file, "targets", result.diagnostics);
  if (!text) return result;
  return load_targets_text(*text, file.string());
}

void check_target(const Target& target, const Outcomes& run, Diagnostics& diagnostics) {
  std::visit(Checker(target, run, diagnostics), target.metric);
}

double evaluate(const Metric& metric, const Outcomes& run) {
  struct Evaluate {
    const Outcomes& run;
    double operator()(const SummaryValue& m) const {
      const double* v = run.number(m.path.value);
      return v ? *v : undefined;
    }
    double operator()(const SummarySum& m) const { return sum_summary(m.paths, run); }
    double operator()(const SummaryRatio& m) const {
      return ratio(sum_summary(m.numerator, run), sum_summary(m.denominator, run));
    }
    double operator()(const TimeseriesSum& m) const {
      return sum_timeseries(run, m.column.value, m.days, m.regions);
    }
    double operator()(const TimeseriesRatio& m) const {
      return ratio(sum_timeseries(run, m.column.value, m.days, m.numerator_regions),
                   sum_timeseries(run, m.column.value, m.days, m.denominator_regions));
    }
  };
  return std::visit(Evaluate{run}, metric);
}

}  // namespace pocsim::calibration
