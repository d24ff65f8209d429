// SPDX-License-Identifier: Apache-2.0
#pragma once
// gzip compression of text held in memory. Each call makes one complete gzip
// member; members written one after another form a valid gzip file (RFC 1952,
// section 2.2), which gunzip, Python's gzip and pandas read as one text. The
// bytes depend on the input alone (the header's time stamp is 0), so files
// made of members stay byte-identical from run to run.
#include <string>
#include <string_view>

namespace pocsim {

// Throws std::runtime_error if zlib fails (out of memory).
std::string gzip_member(std::string_view text);

// The text of a gzip file of one or more members (for tests and readers of
// the sweep's series). Throws std::runtime_error on data that is not gzip.
std::string gunzip(std::string_view data);

}  // namespace pocsim
