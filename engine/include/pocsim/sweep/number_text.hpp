// SPDX-License-Identifier: Apache-2.0
#pragma once
// Numbers in a sweep's tables and generated settings: whole numbers without a
// decimal point (so that they also set integer keys), others in the shortest
// form that reads back to the same double, and NaN (a failed run's outcome, a
// statistic of too few values) as an empty field.
#include <string>

namespace pocsim::sweep {

std::string number_text(double value);

}  // namespace pocsim::sweep
