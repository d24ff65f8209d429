// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/invariants.hpp"

#include <numeric>
#include <string>

namespace pocsim {

namespace {

[[noreturn]] void broken(std::uint32_t day, const std::string& what) {
  throw InvariantBroken("invariant broken at the end of day " + std::to_string(day) + ": " + what);
}

std::int64_t sum(const std::vector<std::int64_t>& v) {
  return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

void check_civilians(const SimulationContext& ctx, std::int64_t population, std::uint32_t day) {
  const Civilians& civ = ctx.civilians;
  std::int64_t alive = 0, killed = 0;
  for (std::size_t a = 0; a < civ.size(); ++a) {
    alive += civ.alive[a];
    killed += civ.killed[a];
  }
  if (alive + killed != population)
    broken(day, "civilians not conserved: " + std::to_string(alive) + " alive and " +
                    std::to_string(killed) + " killed, of a population of " +
                    std::to_string(population));
  const RunTotals& t = ctx.recorder.totals();
  const std::int64_t by_perpetrator = sum(t.civilian_deaths_by_faction) + t.crossfire_deaths;
  if (by_perpetrator != killed)
    broken(day, std::to_string(killed) + " civilians killed, " + std::to_string(by_perpetrator) +
                    " attributed to a faction or to crossfire");
  if (const std::int64_t by_region = sum(t.civilian_deaths_by_region); by_region != killed)
    broken(day, std::to_string(killed) + " civilians killed, " + std::to_string(by_region) +
                    " attributed to a region");
}

void check_counts(const SimulationContext& ctx, std::uint32_t day) {
  for (std::size_t u = 0; u < ctx.units.size(); ++u)
    if (ctx.units.strength[u] < 0)
      broken(day, "unit " + std::to_string(u) + " has a negative strength (" +
                      std::to_string(ctx.units.strength[u]) + ")");
  const RunTotals& t = ctx.recorder.totals();
  for (const auto* counts :
       {&t.civilian_deaths_by_faction, &t.combatant_deaths_by_faction, &t.ied_deaths_by_faction,
        &t.abducted_by_faction, &t.recruits_by_faction, &t.died_of_wounds_by_faction})
    for (const std::int64_t n : *counts)
      if (n < 0) broken(day, "a count by faction is negative (" + std::to_string(n) + ")");
  if (t.crossfire_deaths < 0 || t.displaced_peak < 0 || t.abductees_killed < 0 ||
      t.abductees_released < 0)
    broken(day, "a run total is negative");
}

// Each step that happened happened after the one before it.
void check_incidents(const SimulationContext& ctx, std::uint32_t day) {
  const std::vector<Incident>& incidents = ctx.recorder.incidents();
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    const Incident& e = incidents[i];
    std::uint32_t last = e.onset_tick;
    const std::pair<const char*, std::uint32_t> steps[] = {{"detected", e.detect_tick},
                                                           {"requested", e.request_tick},
                                                           {"authorised", e.authorisation_tick},
                                                           {"reached", e.arrival_tick}};
    for (const auto& [name, tick] : steps) {
      if (tick == never) continue;
      if (tick < last)
        broken(day, "incident " + std::to_string(i) + " " + name + " at tick " +
                        std::to_string(tick) + ", before its previous step (tick " +
                        std::to_string(last) + ")");
      last = tick;
    }
    if (e.end_tick < e.onset_tick)
      broken(day, "incident " + std::to_string(i) + " ends before its onset");
  }
}

}  // namespace

void check_invariants(const SimulationContext& ctx, std::int64_t population, std::uint32_t day) {
  check_civilians(ctx, population, day);
  check_counts(ctx, day);
  check_incidents(ctx, day);
}

}  // namespace pocsim
