// SPDX-License-Identifier: Apache-2.0
// pocsim._core.run and the outcomes it returns: the run of `pocsim run`
// (the same Simulation, threads and seed), its result files rendered by the
// same functions, and its daily series as numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <tbb/global_control.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "bindings.hpp"
#include "interruptible.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"

namespace py = pybind11;

namespace pocsim::python {

namespace {

// `progress`, when not None, is called with (days done, days) from the
// waiting thread, a few times a second and when the run ends or stops.
Outcomes run_scenario(const scenario::Scenario& scenario, std::optional<std::uint64_t> seed,
                      int threads, const py::object& progress) {
  scenario::Scenario seeded = scenario;
  if (seed) seeded.scenario.seed = *seed;
  const auto workers =
      threads > 0 ? static_cast<std::size_t>(threads)
                  : tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
  const auto days = static_cast<std::uint32_t>(seeded.scenario.duration_days);
  std::atomic<std::uint32_t> days_done{0};
  std::optional<Outcomes> outcomes;
  run_interruptibly(
      [&](const StopRequest& stop) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, workers);
        Simulation simulation(seeded,
                              workers == 1 ? ExecutionMode::serial : ExecutionMode::parallel);
        simulation.run([&](std::uint32_t day, std::uint32_t) { days_done.store(day); }, &stop);
        outcomes = collect_outcomes(simulation.result());
      },
      [&] {
        if (!progress.is_none()) progress(days_done.load(), days);
      });
  return std::move(*outcomes);
}

// The columns of timeseries.csv by name, in its order: numbers as numpy
// arrays (counts int64, measures float64 at full precision, where the file
// rounds them to 4 decimals), dates and regions as lists of text.
py::dict daily_columns(const Outcomes& o) {
  const DailySeries& s = o.series;
  const auto rows = static_cast<py::ssize_t>(s.dates.size());
  py::dict columns;
  py::list dates(rows);
  for (py::ssize_t r = 0; r < rows; ++r)
    dates[r] = s.dates[static_cast<std::size_t>(r)].to_string();
  columns["date"] = dates;
  py::array_t<std::int64_t> days(rows);
  std::copy(s.days.begin(), s.days.end(), days.mutable_data());
  columns["day"] = days;
  columns["region"] = py::cast(s.regions);
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    const std::vector<double>& values = s.values[c];
    if (s.types[c] == OutcomeType::count) {
      py::array_t<std::int64_t> counts(rows);
      std::transform(values.begin(), values.end(), counts.mutable_data(),
                     [](double v) { return static_cast<std::int64_t>(v); });
      columns[py::str(s.columns[c])] = counts;
    } else {
      columns[py::str(s.columns[c])] = py::array_t<double>(rows, values.data());
    }
  }
  return columns;
}

// Writes the four files of `pocsim run` into `folder`, all or none; like
// `pocsim run` without --force, refuses to replace those of another run.
void save_run_files(const Outcomes& o, const std::filesystem::path& folder, bool force) {
  std::vector<FileContent> files;
  {
    py::gil_scoped_release release;
    files = run_files(o);
  }
  if (!force)
    for (const FileContent& f : files)
      if (std::filesystem::exists(folder / f.name)) {
        PyErr_SetString(PyExc_FileExistsError,
                        (folder.string() + " already holds the results of a run (" + f.name +
                         "); save(..., force=True) replaces them")
                            .c_str());
        throw py::error_already_set();
      }
  py::gil_scoped_release release;
  std::filesystem::create_directories(folder);
  write_files_atomically(folder, files);
}

}  // namespace

void bind_run(py::module_& m) {
  py::class_<Outcomes>(m, "RunOutcomes")
      .def(
          "summary_json", [](const Outcomes& o) { return summary_json(o); },
          py::call_guard<py::gil_scoped_release>())
      .def(
          "events_csv", [](const Outcomes& o) { return events_csv(o); },
          py::call_guard<py::gil_scoped_release>())
      .def("numbers", &Outcomes::numbers)
      .def("daily_columns", &daily_columns)
      .def("save", &save_run_files, py::arg("folder"), py::arg("force") = false);
  m.def("run", &run_scenario, py::arg("scenario"), py::arg("seed") = py::none(),
        py::arg("threads") = 0, py::arg("progress") = py::none());
}

}  // namespace pocsim::python
