// SPDX-License-Identifier: Apache-2.0
#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace pocsim::python {

namespace {

// Short enough that Ctrl-C feels immediate, long enough to cost nothing.
constexpr auto wake_interval = std::chrono::milliseconds(100);

// `on_wake` and, if asked, the interpreter's signal handlers, with the GIL;
// what they raise, kept to be raised once the work has stopped.
void wake_with_gil(const std::function<void()>& on_wake,
                   std::optional<py::error_already_set>& raised, bool check_signals = true) {
  py::gil_scoped_acquire gil;
  try {
    if (on_wake) on_wake();
    if (check_signals && PyErr_CheckSignals() != 0) throw py::error_already_set();
  } catch (py::error_already_set& e) {
    raised.emplace(std::move(e));
  }
}

}  // namespace

void run_interruptibly(const std::function<void(const StopRequest&)>& work,
                       const std::function<void()>& on_wake) {
  StopRequest stop;
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::exception_ptr failure;
  std::optional<py::error_already_set> raised;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        work(stop);
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      finished = true;
      finished_cv.notify_all();
    });
    std::unique_lock lock(mutex);
    while (!finished_cv.wait_for(lock, wake_interval, [&] { return finished; })) {
      if (raised) continue;  // stopping: only wait for the work
      lock.unlock();
      wake_with_gil(on_wake, raised);
      if (raised) stop.request();
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  // The final progress: where the work ended or stopped, also for work
  // quicker than a wake-up. Once Python has raised, that error wins.
  std::optional<py::error_already_set> last;
  wake_with_gil(on_wake, last, /*check_signals=*/!raised);
  if (!raised) raised = std::move(last);
  if (raised) throw std::move(*raised);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace pocsim::python
