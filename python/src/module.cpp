// SPDX-License-Identifier: Apache-2.0
#include "bindings.hpp"
#include "pocsim/core/version.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "pocsim's engine, as the pocsim package calls it (see docs/python.md)";
  m.attr("version") = pocsim::version_text();
  pocsim::python::bind_scenario(m);
  pocsim::python::bind_run(m);
  pocsim::python::bind_sweep(m);
}
