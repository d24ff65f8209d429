// SPDX-License-Identifier: Apache-2.0
#include "seed_option.hpp"

#include <charconv>
#include <limits>
#include <string>
#include <system_error>

namespace pocsim::cli {

namespace {

// The same words as a bad `scenario.seed` in a scenario file.
std::string whole_number_of_64_bits(const std::string& text) {
  std::uint64_t value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end)
    return "expected a whole number from 0 to " +
           std::to_string(std::numeric_limits<std::uint64_t>::max()) + ", got '" + text + "'";
  return "";
}

}  // namespace

CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed,
                             const char* description) {
  return command.add_option("--seed", seed, description)
      ->check(CLI::Validator(whole_number_of_64_bits, "UINT64", "64-bit seed"));
}

}  // namespace pocsim::cli
