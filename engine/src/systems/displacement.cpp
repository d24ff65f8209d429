#include "pocsim/systems/displacement.hpp"

#include "pocsim/core/vector_clones.hpp"
#include "pocsim/systems/operations.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
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

// Calls fn(h, first, last) for each run of agents of one home cell h among
// agents begin..end-1, in order. Agents are ordered by home, so the home of
// each run after the first is the next cell with agents, found in the home
// index (a few kB, in cache) rather than read from the agents' home array:
// each such read would be a cache miss, one per run of a few hundred agents.
template <class Fn>
void for_each_home_run(const HomeIndex& index, const world::CellId* home, std::size_t begin,
                       std::size_t end, Fn&& fn) {
  if (begin >= end) return;
  world::CellId h = home[begin];
  for (std::size_t i = begin;;) {
    const std::size_t run_end = std::min<std::size_t>(end, index.last(h));
    fn(h, i, run_end);
    i = run_end;
    if (i >= end) return;
    while (index.last(h) <= i) ++h;
  }
}

// sum + grievance x people alive over agents first..last-1, added one agent
// at a time in order. Most groups bear no grievance, and adding their +0.0
// would leave the sum's bits as they are (it starts at +0.0 and never becomes
// -0.0), so they are skipped, sixteen at a time where a vectorized look at
// their bits finds them all zero: that spares the chain of dependent
// additions without changing a bit.
POCSIM_VECTOR_CLONES double add_grievance(double sum, const float* __restrict grievance,
                                          const std::uint8_t* __restrict alive, std::size_t first,
                                          std::size_t last) {
  auto add = [&](std::size_t k) {
    if (grievance[k] != 0.0f) sum += static_cast<double>(grievance[k]) * alive[k];
  };
  constexpr std::size_t group = 16;
  std::size_t k = first;
  for (; k + group <= last; k += group) {
    std::uint32_t bits = 0;
    for (std::size_t l = 0; l < group; ++l) bits |= std::bit_cast<std::uint32_t>(grievance[k + l]);
    if (bits == 0) continue;
    for (std::size_t l = 0; l < group; ++l) add(k + l);
  }
  for (; k < last; ++k) add(k);
  return sum;
}

// The people alive at home and away and the people killed among agents
// first..last-1 (at most one block, so 32 bits hold the sums). A status is 0
// (at home) or 1 (displaced): status - 1 masks the people at home, 0 - status
// those away. Integer sums, the same in any order, so the loop vectorizes,
// with AVX2 where the processor has it.
struct RunCounts {
  std::uint32_t at_home = 0, away = 0, dead = 0;
};
POCSIM_VECTOR_CLONES RunCounts count_run(const CivilianStatus* __restrict status,
                                         const std::uint8_t* __restrict alive,
                                         const std::uint8_t* __restrict killed, std::size_t first,
                                         std::size_t last) {
  RunCounts counts;
  for (std::size_t k = first; k < last; ++k) {
    const auto st = static_cast<std::uint8_t>(status[k]);
    counts.at_home += static_cast<std::uint8_t>(alive[k] & static_cast<std::uint8_t>(st - 1u));
    counts.away += static_cast<std::uint8_t>(alive[k] & static_cast<std::uint8_t>(0u - st));
    counts.dead += killed[k];
  }
  return counts;
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
  // runs over every agent every day and should be bound by memory, not
  // arithmetic.
  void count_range(std::size_t block, const Civilians& civ, const HomeIndex& home_index,
                   const std::int16_t* region, std::size_t begin, std::size_t end) {
    std::int64_t* __restrict row = counts(block);
    double* __restrict grievance_row = grievance(block);
    const world::CellId* __restrict home = civ.home.data();
    const std::uint8_t* __restrict alive = civ.alive.data();
    const std::uint8_t* __restrict killed = civ.killed.data();
    const CivilianStatus* __restrict status = civ.status.data();
    const float* __restrict grievance_of = civ.grievance.data();
    std::int64_t killed_sum = 0;
    // Agents are ordered by home cell, so they come in runs of one home (and
    // so one region), found from the home index. The integer sums of a run
    // vectorize (any order gives the same sum). The grievance sum keeps the
    // order of additions of one agent at a time, carried from run to run
    // while the region stays the same (same bits as a plain loop).
    std::size_t r = begin < end ? static_cast<std::size_t>(region[home[begin]]) : 0;
    std::int64_t home_sum = 0, away_sum = 0;
    double grievance_sum = grievance_row[r];
    for_each_home_run(
        home_index, home, begin, end, [&](world::CellId h, std::size_t i, std::size_t run_end) {
          const auto ri = static_cast<std::size_t>(region[h]);
          if (ri != r) {
            row[r] += home_sum;
            row[regions_ + r] += away_sum;
            grievance_row[r] = grievance_sum;
            r = ri;
            home_sum = away_sum = 0;
            grievance_sum = grievance_row[r];
          }
          // A run is at most one block of agents of at most 255 people.
          static_assert(Executor::default_block * 255 <= 0xFFFFFFFFu);
          const RunCounts counts = count_run(status, alive, killed, i, run_end);
          home_sum += counts.at_home;
          away_sum += counts.away;
          killed_sum += counts.dead;
          grievance_sum = add_grievance(grievance_sum, grievance_of, alive, i, run_end);
        });
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

// Calls fn(k), in order, for every agent k of first..last-1 that is away from
// home. Few are (a few percent, scattered), so the statuses are read eight
// bytes at a time: each is 0 or 1, so the set bits of the word are exactly
// the agents away, found without a branch per agent.
template <class Fn>
void for_each_away(const CivilianStatus* __restrict status, std::size_t first, std::size_t last,
                   Fn&& fn) {
  static_assert(static_cast<int>(CivilianStatus::at_home) == 0 &&
                static_cast<int>(CivilianStatus::displaced) == 1);
  std::size_t k = first;
  if constexpr (std::endian::native == std::endian::little) {
    for (; k + 8 <= last; k += 8) {
      std::uint64_t word;
      std::memcpy(&word, status + k, sizeof word);
      for (; word != 0; word &= word - 1)
        fn(k + static_cast<std::size_t>(std::countr_zero(word)) / 8);
    }
  }
  for (; k < last; ++k)
    if (status[k] != CivilianStatus::at_home) fn(k);
}

// The people alive at home among agents first..last-1, and whether any of
// them is away. Written without branches so that it vectorizes: a status is
// 0 (at home) or 1 (displaced), so status - 1 is a mask of all ones at home
// and zero away, and the sums are of integers, in any order the same.
POCSIM_VECTOR_CLONES std::int64_t people_at_home(const std::uint8_t* __restrict alive,
                                                 const CivilianStatus* __restrict status,
                                                 std::size_t first, std::size_t last,
                                                 bool& any_away) {
  static_assert(static_cast<int>(CivilianStatus::at_home) == 0 &&
                static_cast<int>(CivilianStatus::displaced) == 1);
  // 32-bit partial sums vectorize better; 2^24 groups of at most 255 fit.
  constexpr std::size_t chunk = std::size_t{1} << 24;
  std::int64_t people = 0;
  std::uint8_t away = 0;
  for (std::size_t lo = first; lo < last; lo += chunk) {
    const std::size_t hi = std::min(last, lo + chunk);
    std::uint32_t part = 0;
    for (std::size_t a = lo; a < hi; ++a) {
      const auto st = static_cast<std::uint8_t>(status[a]);
      part += static_cast<std::uint8_t>(alive[a] & static_cast<std::uint8_t>(st - 1u));
      away |= st;
    }
    people += part;
  }
  any_away = away != 0;
  return people;
}

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
    auto flee_or_return = [&](std::size_t i) {
      if (alive[i] == 0) return;
      const auto a = static_cast<std::uint32_t>(i);
      if (status[i] == CivilianStatus::at_home) {
        if (!(risk[cell[i]] > flee_risk)) return;
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
    };
    // Agents are ordered by home cell, and a group at home is in its home
    // cell, so one look at a home's risk settles its whole run of agents. Most
    // groups live where nothing happens: none flees, and only those away may
    // go back, if home is safe enough.
    const float home_flee_risk = flee_risk, home_return_risk = return_risk;
    for_each_home_run(
        ctx.home_index, home, begin, end, [&](world::CellId h, std::size_t i, std::size_t run_end) {
          if (risk[h] > home_flee_risk) {
            for (std::size_t k = i; k < run_end; ++k) flee_or_return(k);
          } else if (risk[h] < home_return_risk) {
            for_each_away(status, i, run_end, [&](std::size_t k) {
              if (alive[k] != 0 && rng.uniform(Purpose::return_home, static_cast<std::uint32_t>(k),
                                               day) < cfg.return_probability) {
                cell[k] = h;
                status[k] = CivilianStatus::at_home;
              }
            });
          }
        });
    census.count_range(b, civ, ctx.home_index, region.data(), begin, end);
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
  // Small blocks: people crowd into few cells, and with large ones a single
  // block could hold most of the agents and leave the other threads idle.
  // The result does not depend on the block size (the displaced are sorted).
  constexpr std::size_t cells_per_block = 64;
  auto& found = ctx.index_scratch.found;
  found.resize(Executor::block_count(n, cells_per_block));
  for (auto& part : found) part.clear();
  auto& residents = ctx.cells.residents;
  ctx.executor.for_blocks(
      n,
      [&](std::size_t b, std::size_t begin, std::size_t end) {
        const std::uint8_t* __restrict alive = civ.alive.data();
        const CivilianStatus* __restrict status = civ.status.data();
        const world::CellId* __restrict cell = civ.cell.data();
        for (std::size_t c = begin; c < end; ++c) {
          const auto home = static_cast<world::CellId>(c);
          const std::size_t first = ctx.home_index.first(home), last = ctx.home_index.last(home);
          bool any_away = false;
          residents[c] = people_at_home(alive, status, first, last, any_away);
          if (any_away)
            for_each_away(status, first, last, [&](std::size_t a) {
              if (alive[a] > 0)
                found[b].push_back({cell[a], static_cast<std::uint32_t>(a), alive[a]});
            });
        }
      },
      cells_per_block);
  // The displaced ordered by (cell, agent). The blocks found them in home
  // order, which is agent order, so a stable counting sort by cell gives that
  // order in two passes, where a comparison sort took the larger part of
  // this function with a few hundred thousand displaced groups.
  std::vector<std::uint32_t>& start = ctx.index_scratch.start;
  start.assign(n + 1, 0);
  for (const auto& part : found)
    for (const CivilianIndexScratch::Away& away : part) {
      ++start[away.cell + 1];
      // Residents: the groups at home in each cell plus those displaced into it.
      residents[away.cell] += away.alive;
    }
  for (std::uint32_t c = 0; c < n; ++c) start[c + 1] += start[c];
  const std::size_t total = start[n];
  ctx.displaced.cell.resize(total);
  ctx.displaced.agent.resize(total);
  for (const auto& part : found)
    for (const CivilianIndexScratch::Away& away : part) {
      const std::uint32_t k = start[away.cell]++;
      ctx.displaced.cell[k] = away.cell;
      ctx.displaced.agent[k] = away.agent;
    }
}

CivilianCensus take_census(const SimulationContext& ctx) {
  const Civilians& civ = ctx.civilians;
  CensusBlocks census(Executor::block_count(civ.size()), ctx.world.places.region_names.size());
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    census.count_range(b, civ, ctx.home_index, ctx.world.region.data(), begin, end);
  });
  return census.combine();
}

}  // namespace pocsim
