// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CSV dialect of pocsim's outputs (RFC 4180): a field holding a comma, a
// double quote or a line break is written in double quotes, with its quotes
// doubled. Region names such as "Ségou" need no quoting, names with commas do.
#include <string>
#include <vector>

namespace pocsim {

// `text` as one CSV field, quoted only when it must be.
std::string csv_field(const std::string& text);

// The fields of one CSV line (without its line break).
std::vector<std::string> csv_fields(const std::string& line);

}  // namespace pocsim
