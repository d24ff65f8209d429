#pragma once
// `pocsim run` of a scenario whose top-level `model` key names a classic
// model (Epstein's civil violence) rather than the Mali model.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pocsim::cli {

struct ClassicRunOptions {
  std::string file;
  std::string out;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets;
  bool quiet = false;
  bool force = false;
};

int run_classic(const ClassicRunOptions& options);

}  // namespace pocsim::cli
