// SPDX-License-Identifier: Apache-2.0
#pragma once
// `--seed`: every 64-bit seed, and nothing else. CLI11 alone reads "-1" and
// "99999999999999999999999" as 18446744073709551615, so two different
// requests would silently give one result; this option refuses both.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>

namespace pocsim::cli {

CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed,
                             const char* description);

}  // namespace pocsim::cli
