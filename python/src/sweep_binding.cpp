// SPDX-License-Identifier: Apache-2.0
// pocsim._core.sweep: `pocsim sweep` in this process (cli/sweep_folder.hpp,
// the command's own code), its messages returned instead of printed, its
// progress handed to a Python callable, and Ctrl-C honoured between ticks.
#include <pybind11/stl.h>

#include <mutex>
#include <sstream>
#include <string>

#include "bindings.hpp"
#include "interruptible.hpp"
#include "sweep_folder.hpp"

namespace py = pybind11;

namespace pocsim::python {

namespace {

using cli::PendingRuns;
using cli::RunPending;
using cli::SweepProgress;

// The progress of the runs under way, read from the waiting Python thread.
class SweepCounter {
 public:
  // The runs of `runs`, counted while they are made.
  RunPending counting(RunPending runs) {
    return [this, runs = std::move(runs)](const PendingRuns& p) {
      set(&p.progress);
      try {
        runs(p);
      } catch (...) {
        set(nullptr);
        throw;
      }
      set(nullptr);
    };
  }

  // (done, total), or (0, 0) before the runs start.
  std::pair<std::size_t, std::size_t> now() {
    std::lock_guard lock(mutex_);
    if (progress_) last_ = {progress_->done(), progress_->total()};
    return last_;
  }

 private:
  void set(const SweepProgress* progress) {
    std::lock_guard lock(mutex_);
    if (progress_) last_ = {progress_->done(), progress_->total()};
    progress_ = progress;
  }

  std::mutex mutex_;
  const SweepProgress* progress_ = nullptr;
  std::pair<std::size_t, std::size_t> last_{0, 0};
};

// (exit status as `pocsim sweep` gives it, what it would have printed).
std::pair<int, std::string> sweep_in_process(const std::string& file, const std::string& out,
                                             std::size_t jobs, bool resume, bool force,
                                             const py::object& progress) {
  std::ostringstream messages;
  int status = 0;
  SweepCounter counter;
  run_interruptibly(
      [&](const StopRequest& stop) {
        status = cli::sweep_in_folder({file, out, sweep::Shard{}, resume, force, /*quiet=*/true},
                                      counter.counting(cli::runs_in_this_process(jobs, &stop)),
                                      /*on_terminal=*/false, messages);
      },
      [&] {
        if (progress.is_none()) return;
        const auto [done, total] = counter.now();
        progress(done, total);
      });
  return {status, messages.str()};
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def("sweep", &sweep_in_process, py::arg("file"), py::arg("out"), py::arg("jobs") = 0,
        py::arg("resume") = false, py::arg("force") = false, py::arg("progress") = py::none());
}

}  // namespace pocsim::python
