// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/displacement.hpp"

#include "pocsim/core/vector_clones.hpp"
#include "pocsim/scenario/sections/civilians.hpp"
#include "pocsim/scenario/sections/recruitment.hpp"
#include "pocsim/systems/operations.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <span>

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
// each run after the first is the next of the index's homes (a few kB, in
// cache) rather than read from the agents' home array: each such read would
// be a cache miss, one per run of a few hundred agents.
template <class Fn>
void for_each_home_run(const HomeIndex& index, const world::CellId* home, std::size_t begin,
                       std::size_t end, Fn&& fn) {
  if (begin >= end) return;
  auto h = std::lower_bound(index.homes.begin(), index.homes.end(), home[begin]);
  for (std::size_t i = begin;; ++h) {
    const std::size_t run_end = std::min<std::size_t>(end, index.last(*h));
    fn(*h, i, run_end);
    i = run_end;
    if (i >= end) return;
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
    // Two grievances a word: the look at a group's bits is half the loads.
    std::uint64_t bits = 0;
    for (std::size_t l = 0; l < group; l += 2) {
      std::uint64_t word;
      std::memcpy(&word, grievance + k + l, sizeof word);
      bits |= word;
    }
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

// One block's census, added run by run in agent order. Runs of one region
// follow each other (agents are ordered by home), so the sums of a region are
// carried from run to run and written to the block's row when the region
// changes: the grievance sum keeps the order of additions of one agent at a
// time (the same bits as a plain loop).
class BlockCensus {
 public:
  BlockCensus(CensusBlocks& census, std::size_t block)
      : regions_(census.regions()),
        row_(census.counts(block)),
        grievance_(census.grievance(block)) {}
  BlockCensus(const BlockCensus&) = delete;
  BlockCensus& operator=(const BlockCensus&) = delete;
  ~BlockCensus() {
    if (region_ != none) flush();
    row_[2 * regions_] += killed_;
  }

  // Counts agents first..last-1, all of home region `region`. grievance_left
  // false says that all their grievances are zero, so the sum is spared.
  void add_run(std::size_t region, const Civilians& civ, std::size_t first, std::size_t last,
               const RunCounts& counts, bool grievance_left) {
    if (region != region_) {
      if (region_ != none) flush();
      region_ = region;
      grievance_sum_ = grievance_[region];
    }
    at_home_ += counts.at_home;
    away_ += counts.away;
    killed_ += counts.dead;
    if (grievance_left)
      grievance_sum_ =
          add_grievance(grievance_sum_, civ.grievance.data(), civ.alive.data(), first, last);
  }

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  void flush() {
    row_[region_] += at_home_;
    row_[regions_ + region_] += away_;
    grievance_[region_] = grievance_sum_;
    at_home_ = away_ = 0;
  }

  std::size_t regions_;
  std::int64_t* row_;
  double* grievance_;
  std::size_t region_ = none;
  std::int64_t at_home_ = 0, away_ = 0, killed_ = 0;
  double grievance_sum_ = 0.0;
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

// Multiplies grievances first..last-1 by `keep` and says whether any is still
// above zero. Bound by memory: the test of the bits costs nothing on top.
POCSIM_VECTOR_CLONES bool fade_grievance(float* __restrict grievance, float keep, std::size_t first,
                                         std::size_t last) {
  std::uint32_t bits = 0;
  for (std::size_t k = first; k < last; ++k) {
    grievance[k] *= keep;
    bits |= std::bit_cast<std::uint32_t>(grievance[k]);
  }
  return bits != 0;
}

// The day's moves: fading grievance, flight from risky homes and return to
// safe ones. Draws are keyed by (agent, day), so the order of the moves does
// not matter.
class DayMoves {
 public:
  DayMoves(SimulationContext& ctx, std::uint32_t day)
      : cfg_(ctx.scenario.civilians),
        rng_(ctx.rng),
        day_(day),
        flee_risk_(static_cast<float>(cfg_.flee_risk)),
        return_risk_(static_cast<float>(cfg_.return_risk)),
        grievance_keep_(
            static_cast<float>(std::exp(-1.0 / ctx.scenario.recruitment.grievance_memory_days))),
        civ_(ctx.civilians),
        risk_(ctx.cells.risk.data()),
        refuge_(ctx.cells.refuge.data()) {}

  // Fades the grievances of agents first..last-1; says whether any is left.
  bool fade(std::size_t first, std::size_t last) const {
    return fade_grievance(civ_.grievance.data(), grievance_keep_, first, last);
  }
  // Whether the groups at home in cell h may flee today: then each group of
  // the run is looked at in flee_or_return.
  bool risky(world::CellId h) const { return risk_[h] > flee_risk_; }
  // Whether the groups away from home cell h may come back today.
  bool safe(world::CellId h) const { return risk_[h] < return_risk_; }
  // Whether the groups away from home cell h draw today to come back, each
  // with its own draw, as the pass meets them (a risky home's groups come
  // back, if they do, in flee_or_return).
  bool lets_back(world::CellId h) const { return !risky(h) && safe(h); }

  void flee_or_return(std::size_t i) const {
    if (civ_.alive[i] == 0) return;
    const auto a = static_cast<std::uint32_t>(i);
    const world::CellId at = civ_.cell[i];
    if (civ_.status[i] == CivilianStatus::at_home) {
      if (!(risk_[at] > flee_risk_)) return;
      const world::CellId to = refuge_[at];
      if (to != world::no_cell && rng_.uniform(Purpose::flee, a, day_) < cfg_.flee_probability) {
        civ_.cell[i] = to;
        civ_.status[i] = CivilianStatus::displaced;
      }
    } else if (safe(civ_.home[i]) && comes_back(a)) {
      civ_.cell[i] = civ_.home[i];
      civ_.status[i] = CivilianStatus::at_home;
    }
  }
  // The draw of a displaced group whose home is safe.
  bool comes_back(std::uint32_t agent) const {
    return rng_.uniform(Purpose::return_home, agent, day_) < cfg_.return_probability;
  }
  // The same draws for the listed groups, back[i] for agents[i], in bulk: a
  // few hundred thousand groups may be away from safe homes on any day.
  void come_back(std::span<const std::uint32_t> agents, std::uint8_t* back) const {
    constexpr std::size_t bulk = 64;
    std::array<std::uint32_t, 4 * bulk> words;
    for (std::size_t at = 0; at < agents.size(); at += bulk) {
      const auto part = agents.subspan(at, std::min(bulk, agents.size() - at));
      rng_.bits_for_agents(Purpose::return_home, part, day_, 0, words.data());
      for (std::size_t i = 0; i < part.size(); ++i)
        back[at + i] = CounterRng::uniform_from_block(&words[4 * i]) < cfg_.return_probability;
    }
  }

 private:
  const scenario::CivilianSection& cfg_;
  const CounterRng& rng_;
  std::uint32_t day_;
  float flee_risk_, return_risk_, grievance_keep_;
  Civilians& civ_;
  const float* risk_;
  const world::CellId* refuge_;
};

// The one pass over the civilians that ends a day, in blocks of agents and,
// within a block, runs of agents of one home cell. For each run: the day's
// moves if `moves` is given (the grievances fade, groups flee and come back);
// then its census, the people at home in its cell, and the groups of it away
// from home with where they are. Each run's arrays are read once, while they
// are in the first-level cache.
//
// Where the last pass's list of the groups away is known (see
// CivilianIndexScratch::known), the groups away from a home that is not risky
// come from it: no status to scan and no cell to look up. Only valid if
// nothing but displace_civilians moved a group since that pass; any other
// move must clear the list.
CivilianCensus walk_civilians(SimulationContext& ctx, const DayMoves* moves) {
  using Away = CivilianIndexScratch::Away;
  Civilians& civ = ctx.civilians;
  const auto& region = ctx.world.region;
  CivilianIndexScratch& scratch = ctx.index_scratch;
  const std::size_t blocks = Executor::block_count(civ.size());
  CensusBlocks census(blocks, ctx.world.places.region_names.size());
  const bool known_valid = scratch.known.size() == blocks;
  scratch.found.resize(blocks);
  scratch.edges.assign(blocks, {});
  scratch.stretches.resize(blocks);
  scratch.scanned.resize(blocks);
  scratch.returning.resize(blocks);
  scratch.back.resize(blocks);
  scratch.home_runs.resize(ctx.world.grid.cell_count());
  auto& residents = ctx.cells.residents;
  std::fill(residents.begin(), residents.end(), 0);
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    world::CellId* __restrict cell = civ.cell.data();
    const std::uint8_t* __restrict alive = civ.alive.data();
    CivilianStatus* __restrict status = civ.status.data();
    std::vector<Away>& found = scratch.found[b];
    found.clear();
    const Away* known = known_valid ? scratch.known[b].data() : nullptr;
    const Away* const known_end = known_valid ? known + scratch.known[b].size() : nullptr;
    CivilianIndexScratch::Edges& edges = scratch.edges[b];
    BlockCensus tally(census, b);
    auto alive_in = [&](const Away* g, bool alive_known) -> std::uint32_t {
      return alive_known ? g->alive : alive[g->agent];
    };
    // Which groups draw today whether they come home, as the pass below meets
    // them (the groups of a home are not moved before its turn), and the draws.
    std::vector<std::uint32_t>& returning = scratch.returning[b];
    std::vector<std::uint8_t>& back = scratch.back[b];
    returning.clear();
    if (moves != nullptr && known_valid) {
      // The list is in agent order, so each group's home is found by
      // stepping along the index's homes, which are in the same order.
      auto h = ctx.home_index.homes.begin();
      if (known != known_end) h = std::lower_bound(h, ctx.home_index.homes.end(), civ.home[begin]);
      for (const Away* g = known; g != known_end; ++g) {
        while (ctx.home_index.last(*h) <= g->agent) ++h;
        if (moves->lets_back(*h) && alive_in(g, scratch.touched[*h] == 0) != 0)
          returning.push_back(g->agent);
      }
    } else if (moves != nullptr) {
      for_each_home_run(ctx.home_index, civ.home.data(), begin, end,
                        [&](world::CellId h, std::size_t first, std::size_t last) {
                          if (!moves->lets_back(h)) return;
                          for_each_away(status, first, last, [&](std::size_t k) {
                            if (alive[k] != 0) returning.push_back(static_cast<std::uint32_t>(k));
                          });
                        });
    }
    if (moves != nullptr) {
      back.resize(returning.size());
      moves->come_back(returning, back.data());
    }
    const std::uint8_t* drawn = back.data();
    // Groups away from home h, as the last pass listed them or as a scan of
    // the run finds them (those from `from` on of agents below `last`; `from`
    // is left at the first group past them): the dead are dropped; the others
    // come home, where `may_return` and their draws say so, or are listed
    // where they are. `alive_known` says that the list's people alive are
    // still true (nothing harmed a group of h since it was made), so the
    // agents' array, where each look would be a cache miss, is not read.
    auto settle_away = [&](world::CellId h, const Away*& from, const Away* to, std::size_t last,
                           bool may_return, bool alive_known) {
      bool came_back = false;
      for (; from != to && from->agent < last; ++from) {
        const Away* const g = from;
        const std::uint32_t people = alive_in(g, alive_known);
        if (people == 0) continue;
        if (may_return && *drawn++ != 0) {
          cell[g->agent] = h;
          status[g->agent] = CivilianStatus::at_home;
          came_back = true;
        } else {
          found.push_back({g->cell, g->agent, people});
        }
      }
      return came_back;
    };
    std::vector<Away>& scanned = scratch.scanned[b];
    for_each_home_run(
        ctx.home_index, civ.home.data(), begin, end,
        [&](world::CellId h, std::size_t first, std::size_t last) {
          // A home whose agents this block holds whole, and nothing harmed
          // since the last pass, has the counts and grievances it had then,
          // save for what flight and return change below.
          const bool whole = first == ctx.home_index.first(h) && last == ctx.home_index.last(h);
          CivilianIndexScratch::HomeRun* const home_run = whole ? &scratch.home_runs[h] : nullptr;
          const bool unchanged = home_run != nullptr && known_valid && scratch.touched[h] == 0;
          bool grievance_left = true;
          if (moves != nullptr) {
            // +0.0 times `keep` is +0.0: zero grievances need no fading.
            grievance_left = !(unchanged && home_run->no_grievance) && moves->fade(first, last);
            if (home_run != nullptr) home_run->no_grievance = !grievance_left;
          } else if (home_run != nullptr) {
            home_run->no_grievance = false;
          }
          const bool risky = moves != nullptr && moves->risky(h);
          // Groups of a risky home flee or come back one by one, in
          // flee_or_return; the others away may come back if home is safe.
          if (risky)
            for (std::size_t k = first; k < last; ++k) moves->flee_or_return(k);
          const bool may_return = moves != nullptr && moves->lets_back(h);
          // The last pass's list is in agent order and the runs follow each
          // other, so this run's groups start where the last run's ended.
          bool came_back;
          if (known_valid && !risky) {
            came_back = settle_away(h, known, known_end, last, may_return, scratch.touched[h] == 0);
          } else {
            while (known != known_end && known->agent < last) ++known;
            scanned.clear();
            for_each_away(status, first, last, [&](std::size_t k) {
              scanned.push_back({cell[k], static_cast<std::uint32_t>(k), alive[k]});
            });
            const Away* listed = scanned.data();
            came_back =
                settle_away(h, listed, scanned.data() + scanned.size(), last, may_return, true);
          }
          RunCounts counts;
          if (unchanged && home_run->counted && !risky && !came_back) {
            counts = {home_run->at_home, home_run->away, home_run->dead};
          } else {
            counts = count_run(status, alive, civ.killed.data(), first, last);
            if (home_run != nullptr)
              *home_run = {counts.at_home, counts.away, counts.dead, true, home_run->no_grievance};
          }
          tally.add_run(static_cast<std::size_t>(region[h]), civ, first, last, counts,
                        grievance_left);
          // A run cut by the block's edge shares its cell with a neighbour
          // block: its people at home are added after the blocks.
          if (first == begin)
            edges.first = {h, counts.at_home};
          else if (last == end)
            edges.last = {h, counts.at_home};
          else
            residents[h] = counts.at_home;
        });
    std::vector<CivilianIndexScratch::CellStretch>& stretches = scratch.stretches[b];
    stretches.clear();
    for (const Away& away : found) {
      if (stretches.empty() || stretches.back().cell != away.cell)
        stretches.push_back({away.cell, 0, 0});
      ++stretches.back().groups;
      stretches.back().people += away.alive;
    }
  });
  std::fill(scratch.touched.begin(), scratch.touched.end(), 0);
  for (const CivilianIndexScratch::Edges& edges : scratch.edges)
    for (const CivilianIndexScratch::CutRun& run : {edges.first, edges.last})
      if (run.home != world::no_cell) residents[run.home] += run.at_home;

  // The displaced ordered by (cell, agent): a counting sort by cell, stable
  // since the blocks found them in agent order. Each block cut its list into
  // stretches of one cell; only the stretches (a few thousand) are counted
  // and placed here, in block order, and the blocks then copy their groups
  // in parallel.
  const std::uint32_t n = ctx.world.grid.cell_count();
  std::vector<std::uint32_t>& start = scratch.start;
  start.assign(n + 1, 0);
  for (const auto& part : scratch.stretches)
    for (const CivilianIndexScratch::CellStretch& stretch : part) {
      start[stretch.cell + 1] += stretch.groups;
      // Residents: the groups at home in each cell plus those displaced into it.
      residents[stretch.cell] += stretch.people;
    }
  for (std::uint32_t c = 0; c < n; ++c) start[c + 1] += start[c];
  for (auto& part : scratch.stretches)
    for (CivilianIndexScratch::CellStretch& stretch : part) {
      stretch.to = start[stretch.cell];
      start[stretch.cell] += stretch.groups;
    }
  const std::size_t total = start[n];  // placing moved start[c] to start[c + 1], never start[n]
  ctx.displaced.cell.resize(total);
  ctx.displaced.agent.resize(total);
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t, std::size_t) {
    const Away* away = scratch.found[b].data();
    for (const CivilianIndexScratch::CellStretch& stretch : scratch.stretches[b])
      for (std::uint32_t k = stretch.to; k < stretch.to + stretch.groups; ++k, ++away) {
        ctx.displaced.cell[k] = stretch.cell;
        ctx.displaced.agent[k] = away->agent;
      }
  });
  std::swap(scratch.found, scratch.known);
  return census.combine();
}

}  // namespace

CivilianCensus displace_civilians(SimulationContext& ctx, std::uint32_t day) {
  choose_refuges(ctx);
  const DayMoves moves(ctx, day);
  return walk_civilians(ctx, &moves);
}

void displace_initially(SimulationContext& ctx) {
  const world::World& w = ctx.world;
  Civilians& civ = ctx.civilians;
  ctx.index_scratch.known.clear();  // groups move here without the daily pass
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
  ctx.index_scratch.known.clear();  // a rebuild from the agents themselves
  walk_civilians(ctx, nullptr);
}

CivilianCensus take_census(const SimulationContext& ctx) {
  const Civilians& civ = ctx.civilians;
  CensusBlocks census(Executor::block_count(civ.size()), ctx.world.places.region_names.size());
  ctx.executor.for_blocks(civ.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    BlockCensus tally(census, b);
    for_each_home_run(
        ctx.home_index, civ.home.data(), begin, end,
        [&](world::CellId h, std::size_t first, std::size_t last) {
          tally.add_run(
              static_cast<std::size_t>(ctx.world.region[h]), civ, first, last,
              count_run(civ.status.data(), civ.alive.data(), civ.killed.data(), first, last), true);
        });
  });
  return census.combine();
}

}  // namespace pocsim
