// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parts of the extension module pocsim._core, each defined in a file of
// its own and registered by module.cpp. The Python package (python/pocsim/)
// wraps them in the public API; docs/python.md describes it.
#include <pybind11/pybind11.h>

namespace pocsim::python {

void bind_scenario(pybind11::module_& m);  // load, Scenario (scenario_binding.cpp)
void bind_run(pybind11::module_& m);       // run, RunOutcomes (run_binding.cpp)
void bind_sweep(pybind11::module_& m);     // sweep (sweep_binding.cpp)

}  // namespace pocsim::python
