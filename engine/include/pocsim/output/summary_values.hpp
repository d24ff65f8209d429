// SPDX-License-Identifier: Apache-2.0
#pragma once
// summary.json read as flat numbers, the form in which targets and sweeps
// compare runs: every numeric leaf under its dotted path
// ("civilian_deaths.by_region.Mopti", "operations.0.civilian_deaths").
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pocsim {

// In the order of the document. A null (a statistic of an empty sample) is
// NaN, a boolean 0 or 1; text leaves are skipped. Throws std::runtime_error
// when the text is not JSON.
std::vector<std::pair<std::string, double>> summary_values(std::string_view summary_json);

}  // namespace pocsim
