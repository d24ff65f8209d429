// SPDX-License-Identifier: Apache-2.0
#pragma once
// The time series of an Epstein run as CSV: one row per step, the initial
// state first.
#include <string>
#include <vector>

#include "pocsim/classic/epstein.hpp"

namespace pocsim::classic {

// Columns step,active,quiet,jailed.
std::string epstein_timeseries_csv(const std::vector<EpsteinCounts>& history);

}  // namespace pocsim::classic
