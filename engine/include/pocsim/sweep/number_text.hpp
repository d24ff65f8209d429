// SPDX-License-Identifier: Apache-2.0
#pragma once
// Numbers in a sweep's tables and generated settings: whole numbers without a
// decimal point (so that they also set integer keys), others in the shortest
// form that reads back to the same double, and NaN (a failed run's outcome, a
// statistic of too few values) as an empty field.
#include <cstdint>
#include <string>

namespace pocsim::sweep {

std::string number_text(double value);

// A count for a message, with thousands separated ("1,000,000"); a count
// given as a double that no 64-bit count holds as number_text writes it.
std::string count_text(std::uint64_t count);
std::string count_text(double count);

}  // namespace pocsim::sweep
