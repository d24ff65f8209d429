// SPDX-License-Identifier: Apache-2.0
#pragma once
// The mutable state of a run that systems read and write. Systems are free
// functions over this context, one mechanism per file, run by the scheduler
// in a fixed order; nothing here is touched by two threads at once except
// through Executor blocks that write disjoint ranges.
#include <cstdint>
#include <utility>
#include <vector>

#include "pocsim/agents/civilians.hpp"
#include "pocsim/agents/factions.hpp"
#include "pocsim/agents/units.hpp"
#include "pocsim/core/agent_blocks.hpp"
#include "pocsim/core/executor.hpp"
#include "pocsim/core/rng.hpp"
#include "pocsim/output/recorder.hpp"
#include "pocsim/scenario/scenario.hpp"
#include "pocsim/systems/planned_operation.hpp"
#include "pocsim/systems/presence_footprint.hpp"
#include "pocsim/systems/response_state.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {

struct CellFields {
  std::vector<float> risk;                   // recent civilian deaths per resident
  std::vector<std::uint32_t> deaths_today;   // civilian deaths in the cell today
  std::vector<std::int64_t> residents;       // people alive in the cell, as of the last day
  std::vector<std::uint8_t> infrastructure;  // Infrastructure bits now
  // Unit-days, faction-major: [f * cells + c], then presence_padding zeros
  // (mark_presence adds eight floats at a time).
  std::vector<float> presence;
  static constexpr std::size_t presence_padding = 8;
  std::vector<world::CellId> refuge;  // where residents flee today; no_cell if safe
  // Bit f: an active unit of faction f stands in the cell. Filled and
  // cleared within the combat phase (all zero outside it).
  std::vector<std::uint64_t> unit_factions;
};

struct Episode {
  std::uint32_t id;
  std::uint16_t faction;
  world::CellId cell;
  std::uint32_t end_tick;  // last tick of the episode
};

// A unit and its cell as one number whose order is the (cell, unit) order:
// the combat phase sorts and searches them every tick, and one comparison
// of integers is cheaper than a pair's two.
class CellUnit {
 public:
  CellUnit() = default;
  CellUnit(world::CellId cell, std::uint32_t unit)
      : key_(std::uint64_t{cell} << 32 | std::uint64_t{unit}) {}
  world::CellId cell() const { return static_cast<world::CellId>(key_ >> 32); }
  std::uint32_t unit() const { return static_cast<std::uint32_t>(key_); }
  friend bool operator<(CellUnit a, CellUnit b) { return a.key_ < b.key_; }

 private:
  std::uint64_t key_ = 0;
};

// The combat phase's buffers, kept from tick to tick so that a tick allocates
// nothing and sorts little: every unit, active or not, by (cell, unit) as of
// the last tick, which is nearly the order of this one (a unit crosses a cell
// now and then).
struct CombatScratch {
  std::vector<CellUnit> active_by_cell;
  std::vector<CellUnit> sort_buffer;  // the other half of active_by_cell's radix sort
  std::vector<std::uint8_t> engaged;
  // The active units again, by (cell, faction, unit), a crowded cell's run
  // grouped the first time a unit looks for enemies there in a tick: a
  // cell's enemies of one faction are a run here, found without walking its
  // friends.
  std::vector<std::uint32_t> by_cell_faction;
  // by_cell_faction position -> a later position, every unit between them
  // engaged: the first free enemy of a run is found in near-constant time
  // however many of its units are engaged already.
  std::vector<std::uint32_t> skip;
  // Per cell: where its units start in active_by_cell and how many, valid
  // when run_stamp equals stamp, and whether by_cell_faction holds them
  // grouped (group_stamp): no clearing of every cell each tick.
  std::vector<std::uint32_t> run_begin, run_size, run_stamp, group_stamp;
  std::uint32_t stamp = 0;
  std::uint32_t faction_count[64] = {};
};

// Displaced agents ordered by the cell they are in now.
struct DisplacedIndex {
  std::vector<world::CellId> cell;
  std::vector<std::uint32_t> agent;
};

// Buffers the daily civilian pass refills, kept so that a day allocates
// nothing. Per block of agents (Executor::default_block): the groups away from
// home it found, in agent order, and the runs of agents it cut at its edges.
struct CivilianIndexScratch {
  struct Away {
    world::CellId cell;  // where the group is
    std::uint32_t agent;
    // Its people alive when the pass listed it: still true until harm
    // touches its home (`touched`).
    std::uint32_t alive;
  };
  // People at home in a cell whose agents a block edge cut: each block adds
  // its part, after the blocks, in order.
  struct CutRun {
    world::CellId home = world::no_cell;
    std::int64_t at_home = 0;
  };
  struct Edges {
    CutRun first, last;
  };
  // Groups next to each other in a block's list and in the same cell (a
  // home's groups flee to one refuge): the counting sort of the displaced
  // moves them together.
  struct CellStretch {
    world::CellId cell;
    std::uint32_t groups;
    std::uint32_t people;
    std::uint32_t to = 0;  // where the first goes in the displaced index
  };
  std::vector<std::vector<Away>> found;
  // What the last pass found, block by block. A group's cell changes only when
  // it leaves or comes home, so a group still away finds its cell here rather
  // than in the agents' cell array, where each look would be a cache miss.
  // Empty when the agents changed in another way since (displace_initially).
  std::vector<std::vector<Away>> known;
  // The groups away in a run, where the pass must scan for them (risky homes,
  // or no list from the last pass).
  std::vector<std::vector<Away>> scanned;
  // Per block, the groups that draw today whether they come home (alive and
  // away from a safe home), in agent order, and their draws: made for the
  // whole block at once, eight Philox blocks a register, rather than home by
  // home, where most homes have fewer than eight groups away and drew them
  // one at a time.
  std::vector<std::vector<std::uint32_t>> returning;
  std::vector<std::vector<std::uint8_t>> back;
  std::vector<Edges> edges;
  std::vector<std::vector<CellStretch>> stretches;  // per block, of `found`
  std::vector<std::uint32_t> start;                 // the counting sort's cell offsets

  // What the last pass learnt of each home's agents, by home cell, where no
  // block edge cut them: their counts (people at home, away, killed) and
  // whether every grievance among them was zero. Most homes see nothing
  // happen on most days; their counts are taken from here and their zero
  // grievances left alone, rather than read again from memory (the pass is
  // bound by memory). Valid with `known` only.
  struct HomeRun {
    std::uint32_t at_home = 0, away = 0, dead = 0;
    bool counted = false;       // the counts are those of the last pass
    bool no_grievance = false;  // every grievance was +0.0 after the last pass's fading
  };
  std::vector<HomeRun> home_runs;
  // By home cell: harm_civilians_in_cell changed one of its groups (people
  // alive or killed, grievance) since the last pass, which clears it.
  std::vector<std::uint8_t> touched;
};

struct AccordState {
  double tension = 0.0;
  std::uint32_t provocations_today = 0;
  std::int64_t collapse_day = -1;  // day index of the collapse, -1 while it holds
};

struct SimulationContext {
  SimulationContext(const scenario::Scenario& scenario, const world::World& world,
                    ExecutionMode mode);

  const scenario::Scenario& scenario;
  const world::World& world;
  std::vector<Faction> factions;
  CounterRng rng;
  Executor executor;
  double tick_hours;
  std::uint32_t ticks_per_day;
  PresenceFootprint presence_footprint;

  Civilians civilians;
  HomeIndex home_index;
  DisplacedIndex displaced;
  CivilianIndexScratch index_scratch;
  CombatScratch combat_scratch;
  // A block per unit for each phase that draws one for (nearly) every unit
  // in a tick, drawn in bulk before use: violence's onsets, IED strikes.
  AgentBlocks onset_blocks;
  AgentBlocks ied_blocks;
  Units units;
  CellFields cells;
  std::vector<Episode> episodes;
  std::uint32_t next_episode_id = 0;
  std::vector<OpenResponse> open_responses;                 // in the order the incidents opened
  std::vector<std::uint32_t> open_investigations;           // incident ids awaiting investigators
  std::vector<std::uint32_t> helicopter_busy_until;         // one tick per helicopter in use
  int responder = -1;                                       // faction index of the responder, or -1
  std::vector<PlannedOperation> operations;                 // scripted, then campaigns'
  std::vector<std::vector<std::uint32_t>> operation_units;  // per operation, the units it took
  std::vector<world::CellId> active_cordons;                // sealed cells today
  AccordState accord;
  Recorder recorder;

  float& presence(std::size_t faction, world::CellId c) {
    return cells.presence[faction * world.grid.cell_count() + c];
  }
  float presence(std::size_t faction, world::CellId c) const {
    return cells.presence[faction * world.grid.cell_count() + c];
  }
};

}  // namespace pocsim
