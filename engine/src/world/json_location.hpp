// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where a value lies in a JSON text, for errors in FILE:LINE:COL form:
// nlohmann::json keeps no positions, so the text is walked again, only when
// an error is reported.
#include <cstddef>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::world {

// The line and column of byte `offset` (0-based) of `text`.
SourceLocation location_at_byte(const std::string& file, const std::string& text,
                                std::size_t offset);

// The location of the value at `path` (object keys, and array positions from
// 0 as decimal text) in a well-formed JSON text; as deep as the path exists.
SourceLocation json_location(const std::string& file, const std::string& text,
                             const std::vector<std::string>& path);

}  // namespace pocsim::world
