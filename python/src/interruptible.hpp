// SPDX-License-Identifier: Apache-2.0
#pragma once
// Engine work called from Python: it runs on a thread of its own while the
// calling thread, the GIL released, waits for it. Every few tenths of a
// second the caller takes the GIL back briefly to report progress and to let
// the interpreter see signals: Ctrl-C requests the work to stop (the engine
// honours it between ticks and runs, core/stop_request.hpp), waits until it
// has, and raises KeyboardInterrupt. Other Python threads run meanwhile, and
// the engine never touches the GIL.
#include <functional>

#include "pocsim/core/stop_request.hpp"

namespace pocsim::python {

// Runs `work(stop)`; `on_wake` runs with the GIL at each wake-up and once
// more when the work has ended or stopped. Rethrows what `work` threw,
// unless Python raised first.
void run_interruptibly(const std::function<void(const StopRequest&)>& work,
                       const std::function<void()>& on_wake = {});

}  // namespace pocsim::python
