// SPDX-License-Identifier: Apache-2.0
#pragma once
// `pocsim run` of a scenario whose top-level `model` key names a classic
// model (Epstein's civil violence) rather than the Mali model.
#include "run_options.hpp"

namespace pocsim::cli {

int run_classic(const RunOptions& options);

}  // namespace pocsim::cli
