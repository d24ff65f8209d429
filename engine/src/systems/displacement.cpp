#include "pocsim/systems/displacement.hpp"

#include "pocsim/systems/operations.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pocsim {

std::int64_t CivilianCensus::at_home() const {
  return std::accumulate(at_home_by_region.begin(), at_home_by_region.end(), std::int64_t{0});
}
std::int64_t CivilianCensus::displaced() const {
  return std::accumulate(displaced_by_region.begin(), displaced_by_region.end(), std::int64_t{0});
}

namespace {

// The nearest town whose cell is safe enough to return to, for every cell
// whose residents may flee today.
void choose_refuges(SimulationContext& ctx) {
  const auto& civ = ctx.scenario.civilians;
  const world::World& w = ctx.world;
  for (world::CellId c : w.land_cells) {
    ctx.cells.refuge[c] = world::no_cell;
    if (ctx.cells.risk[c] <= civ.flee_risk || cordoned(ctx, c)) continue;
    const geo::PointKm p = w.grid.center(c);
    double best = std::numeric_limits<double>::infinity();
    for (world::CellId t : w.town_cell) {
      if (t == c || !(ctx.cells.risk[t] < civ.return_risk)) continue;
      const double d = geo::distance_km(p, w.grid.center(t));
      if (d < best) {
        best = d;
        ctx.cells.refuge[c] = t;
      }
    }
  }
}

// Per-block partial counts, combined in block order: at home by region,
// displaced by region, killed, and grievance by region.
class CensusBlocks {
 public:
  CensusBlocks(std::size_t blocks, std::size_t regions)
      : regions_(regions),
        counts_(blocks * (2 * regions + 1), 0),
        grievance_(blocks * regions, 0.0) {}

  // One block's partial counts: people at home by region, then displaced by
  // region, then killed; and grievance by region.
  std::int64_t* counts(std::size_t block) { return &counts_[block * (2 * regions_ + 1)]; }
  double* grievance(std::size_t block) { return &grievance_[block * regions_]; }
  std::size_t regions() const { return regions_; }

  // Counts agents begin..end-1 into block `block`. The raw, unaliased
  // pointers let the compiler keep the arrays' addresses in registers: this
  // runs over every agent every day and is bound by memory, not arithmetic.
  void count_range(std::size_t block, const Civilians& civ, const std::int16_t* region,
                   std::size_t begin, std::size_t end) {
    std::int64_t* __restrict row = counts(block);
    double* __restrict grievance_row = grievance(block);
    const world::CellId* __restrict home = civ.home.data();
    const std::uint8_t* __restrict alive = civ.alive.data();
    const std::uint8_t* __restrict killed = civ.killed.data();
    const CivilianStatus* __restrict status = civ.status.data();
    const float* __restrict grievance_of = civ.grievance.data();
    std::int64_t killed_sum = 0;
    // Agents are ordered by home cell, so long runs share a region: the sums
    // of a run stay in registers and go to memory when the region changes,
    // in the same order of additions as one agent at a time (same bits).
    std::size_t r = begin < end ? static_cast<std::size_t>(region[home[begin]]) : 0;
    std::int64_t home_sum = 0, away_sum = 0;
    double grievance_sum = grievance_row[r];
    for (std::size_t i = begin; i < end; ++i) {
      const auto ri = static_cast<std::size_t>(region[home[i]]);
      if (ri != r) {
        row[r] += home_sum;
        row[regions_ + r] += away_sum;
        grievance_row[r] = grievance_sum;
        r = ri;
        home_sum = away_sum = 0;
        grievance_sum = grievance_row[r];
      }
      (status[i] == CivilianStatus::at_home ? home_sum : away_sum) += alive[i];
      killed_sum += killed[i];
      grievance_sum += static_cast<double>(grievance_of[i]) * alive[i];
    }
    if (begin < end) {
      row[r] += home_sum;
      row[regions_ + r] += away_sum;
      grievance_row[r] = grievance_sum;
    }
    row[2 * regions_] += killed_sum;
  }

  CivilianCensus combine() const {
    CivilianCensus census;
    census.at_home_by_region.assign(regions_, 0);
    census.displaced_by_region.assign(regions_, 0);
    census.grievance_by_region.assign(regions_, 0.0);
    const std::size_t blocks = grievance_.size() / std::max<std::size_t>(regions_, 1);
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::int64_t* row = &counts_[b * (2 * regions_ + 1)];
      for (std::size_t r = 0; r < regions_; ++r) {
        census.at_home_by_region[r] += row[r];
        census.displaced_by_region[r] += row[regions_ + r];
        census.grievance_by_region[r] += grievance_[b * regions_ + r];
      }
      census.killed += row[2 * regions_];
    }
    return census;
  }

 private:
  std::size_t regions_;
  std::vector<std::int64_t> counts_;
  std::vector<double> grievance_;
};

}  // namespace

CivilianCensus displace_civilians(SimulationContext& ctx, std::uint32_t day) {
  choose_refuges(ctx);
  const auto& cfg = ctx.scenario.civilians;
  const auto flee_risk = static_cast<float>(cfg.flee_risk);
  const auto return_risk = static_cast<float>(cfg.return_risk);
  Civilians& civ = ctx.civilians;
  const CellFields& cells = ctx.cells;
  const CounterRng& rng = ctx.rng;
  const auto& region = ctx.world.region;
  const auto grievance_keep =
      static_cast<float>(std::exp(-1.0 / ctx.scenario.recruitment.grievance_memory_days));
  CensusBlocks census(Executor::block_count(civ.size()), ctx.world.places.region_names.size());
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    world::CellId* __restrict cell = civ.cell.data();
    const world::CellId* __restrict home = civ.home.data();
    const std::uint8_t* __restrict alive = civ.alive.data();
    CivilianStatus* __restrict status = civ.status.data();
    float* __restrict grievance = civ.grievance.data();
    const float* __restrict risk = cells.risk.data();
    const world::CellId* __restrict refuge = cells.refuge.data();
    for (std::size_t i = begin; i < end; ++i) grievance[i] *= grievance_keep;
    for (std::size_t i = begin; i < end; ++i) {
      if (alive[i] == 0) continue;
      const auto a = static_cast<std::uint32_t>(i);
      if (status[i] == CivilianStatus::at_home) {
        // Most groups live where nothing happens: one comparison rejects them.
        if (!(risk[cell[i]] > flee_risk)) continue;
        const world::CellId to = refuge[cell[i]];
        if (to != world::no_cell && rng.uniform(Purpose::flee, a, day) < cfg.flee_probability) {
          cell[i] = to;
          status[i] = CivilianStatus::displaced;
        }
      } else if (risk[home[i]] < return_risk &&
                 rng.uniform(Purpose::return_home, a, day) < cfg.return_probability) {
        cell[i] = home[i];
        status[i] = CivilianStatus::at_home;
      }
    }
    census.count_range(b, civ, region.data(), begin, end);
  });
  return census.combine();
}

void displace_initially(SimulationContext& ctx) {
  const world::World& w = ctx.world;
  Civilians& civ = ctx.civilians;
  for (const auto& entry : ctx.scenario.civilians.initially_displaced) {
    const int r = w.places.find_region(entry.region);
    std::vector<world::CellId> towns;
    for (std::size_t t = 0; t < w.places.towns.size(); ++t)
      if (w.places.towns[t].region == r) towns.push_back(w.town_cell[t]);
    std::int64_t rural = 0;
    for (world::CellId c : w.region_cells[static_cast<std::size_t>(r)])
      if (w.terrain[c] != world::Terrain::town) rural += w.population[c];
    if (rural == 0 || towns.empty()) continue;
    const double share =
        std::min(1.0, static_cast<double>(entry.people) / static_cast<double>(rural));
    for (world::CellId c : w.region_cells[static_cast<std::size_t>(r)]) {
      if (w.terrain[c] == world::Terrain::town) continue;
      const geo::PointKm at = w.grid.center(c);
      const world::CellId refuge =
          *std::min_element(towns.begin(), towns.end(), [&](auto a, auto b) {
            return geo::distance_km(at, w.grid.center(a)) < geo::distance_km(at, w.grid.center(b));
          });
      for (std::uint32_t a = ctx.home_index.first(c); a < ctx.home_index.last(c); ++a)
        if (ctx.rng.uniform(Purpose::initial_displacement, a, 0) < share) {
          civ.cell[a] = refuge;
          civ.status[a] = CivilianStatus::displaced;
        }
    }
  }
}

void index_civilians(SimulationContext& ctx) {
  const Civilians& civ = ctx.civilians;
  // One pass over the agents in home order, cell block by cell block: the
  // people at home in each cell, and the displaced groups with where they are.
  const std::uint32_t n = ctx.world.grid.cell_count();
  constexpr std::size_t cells_per_block = 1024;
  std::vector<std::vector<std::pair<world::CellId, std::uint32_t>>> found(
      Executor::block_count(n, cells_per_block));
  auto& residents = ctx.cells.residents;
  ctx.executor.for_blocks(
      n,
      [&](std::size_t b, std::size_t begin, std::size_t end) {
        const std::uint8_t* __restrict alive = civ.alive.data();
        const CivilianStatus* __restrict status = civ.status.data();
        const world::CellId* __restrict cell = civ.cell.data();
        for (std::size_t c = begin; c < end; ++c) {
          std::int64_t people = 0;
          const auto home = static_cast<world::CellId>(c);
          for (std::uint32_t a = ctx.home_index.first(home); a < ctx.home_index.last(home); ++a) {
            if (status[a] == CivilianStatus::at_home)
              people += alive[a];
            else if (alive[a] > 0)
              found[b].emplace_back(cell[a], a);
          }
          residents[c] = people;
        }
      },
      cells_per_block);
  std::vector<std::pair<world::CellId, std::uint32_t>> all;
  for (const auto& part : found) all.insert(all.end(), part.begin(), part.end());
  std::sort(all.begin(), all.end());
  ctx.displaced.cell.resize(all.size());
  ctx.displaced.agent.resize(all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    ctx.displaced.cell[k] = all[k].first;
    ctx.displaced.agent[k] = all[k].second;
  }
  // Residents: the groups at home in each cell plus those displaced into it.
  for (std::size_t k = 0; k < all.size(); ++k) residents[all[k].first] += civ.alive[all[k].second];
}

CivilianCensus take_census(const SimulationContext& ctx) {
  const Civilians& civ = ctx.civilians;
  CensusBlocks census(Executor::block_count(civ.size()), ctx.world.places.region_names.size());
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    census.count_range(b, civ, ctx.world.region.data(), begin, end);
  });
  return census.combine();
}

}  // namespace pocsim
