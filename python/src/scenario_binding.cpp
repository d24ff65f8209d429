// SPDX-License-Identifier: Apache-2.0
// pocsim._core.load and the Scenario it returns: the loader of `pocsim run`
// and `pocsim show`, with the `--set` overrides written the same way.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/scenario/printer.hpp"

namespace py = pybind11;

namespace pocsim::python {

namespace {

using DiagnosticTuple = std::tuple<std::string, int, int, std::string, std::string, std::string>;

DiagnosticTuple as_tuple(const Diagnostic& d) {
  return {d.where.file, d.where.line, d.where.column, d.key_path, d.message, d.excerpt};
}

// The scenario, or nothing and every error, as the CLI would report them.
std::pair<std::optional<scenario::Scenario>, std::vector<DiagnosticTuple>> load_with_overrides(
    const std::string& path, const std::vector<std::string>& sets) {
  std::vector<scenario::Override> overrides;
  std::vector<DiagnosticTuple> errors;
  for (const std::string& text : sets) {
    if (auto o = scenario::Override::parse(text))
      overrides.push_back(*o);
    else
      errors.emplace_back("<set " + text + ">", 1, 1, "(set)",
                          "expected KEY.PATH=VALUE, for example civilians.flee_probability=0.3",
                          "");
  }
  if (!errors.empty()) return {std::nullopt, errors};
  scenario::LoadResult loaded;
  {
    py::gil_scoped_release release;  // a large world's files take a moment to read
    loaded = scenario::load_scenario(path, overrides);
  }
  for (const Diagnostic& d : loaded.diagnostics.items()) errors.push_back(as_tuple(d));
  return {std::move(loaded.scenario), errors};
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<scenario::Scenario>(m, "Scenario")
      .def_property_readonly("name", [](const scenario::Scenario& s) { return s.scenario.name; })
      .def_property_readonly("seed", [](const scenario::Scenario& s) { return s.scenario.seed; })
      .def_property_readonly("days",
                             [](const scenario::Scenario& s) { return s.scenario.duration_days; })
      .def(
          "to_yaml",
          [](const scenario::Scenario& s, bool comments) {
            return scenario::to_yaml(s, {.absolute_paths = true, .comments = comments});
          },
          py::arg("comments") = true);
  m.def("load", &load_with_overrides, py::arg("path"), py::arg("sets"),
        "(Scenario or None, [(file, line, column, key_path, message, excerpt)])");
}

}  // namespace pocsim::python
