// SPDX-License-Identifier: Apache-2.0
#pragma once
// Epstein's civil-violence model (Model I) on the engine core: a torus
// world::Grid whose cells hold the agents as a structure of arrays, steps
// run as Scheduler phases, loops over rows on the Executor, and every random
// number drawn from the counter-based CounterRng keyed by (seed, agent, step,
// purpose).
//
// Semantics follow Mesa 3.3.1's example (examples/advanced/
// epstein_civil_violence): one agent per cell; a citizen who is not jailed
// counts the cops C and active citizens in its von Neumann vision (A = 1 +
// those, counting itself), estimates P = 1 - exp(-k * round(C / A)) with
// Python's round (halves to even), turns active when grievance -
// risk_aversion * P > threshold and quiet otherwise, then moves to a random
// empty cell in its vision; a cop arrests a random active citizen in its
// vision (jail term uniform in 0..J; the citizen stays on its cell), then
// moves likewise. A jailed citizen only counts its term down; it acts again
// the step after the term reaches 0.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "pocsim/classic/epstein_scenario.hpp"
#include "pocsim/core/executor.hpp"
#include "pocsim/core/rng.hpp"
#include "pocsim/core/scheduler.hpp"
#include "pocsim/world/grid.hpp"

namespace pocsim::classic {

enum class CellKind : std::uint8_t { empty = 0, cop = 1, quiet = 2, active = 3, jailed = 4 };

// Python's round(c / a) for whole numbers (halves to even), which Mesa's
// arrest estimate uses: round(1 / 2) = 0, round(3 / 2) = 2.
std::uint32_t python_round_ratio(std::uint32_t c, std::uint32_t a);

// What a citizen on a cell sees within its vision, the cell itself included.
struct VisionCounts {
  std::uint32_t cops = 0;
  std::uint32_t actives = 0;
};

struct EpsteinCounts {
  std::uint32_t step = 0;  // steps done; 0 is the initial state
  std::uint32_t active = 0;
  std::uint32_t quiet = 0;
  std::uint32_t jailed = 0;
};

class EpsteinModel {
 public:
  // `mode` selects the Executor path of the synchronous activation (serial or
  // TBB); random sequential activation is serial by its nature.
  explicit EpsteinModel(const EpsteinScenario& scenario,
                        ExecutionMode mode = ExecutionMode::serial);
  ~EpsteinModel();
  EpsteinModel(const EpsteinModel&) = delete;
  EpsteinModel& operator=(const EpsteinModel&) = delete;

  void step();
  // Runs the scenario's remaining steps, recording the counts after each.
  void run();

  const EpsteinScenario& scenario() const { return scenario_; }
  const world::Grid& grid() const { return grid_; }
  std::uint32_t agents() const { return citizens_ + cops_; }
  std::uint32_t citizens() const { return citizens_; }
  std::uint32_t cops() const { return cops_; }
  EpsteinCounts counts() const;
  // Counts after every step so far, beginning with the initial state.
  const std::vector<EpsteinCounts>& history() const { return history_; }

  CellKind kind(world::CellId cell) const;
  // The remaining term of the citizen jailed at `cell`, 0 for any other cell.
  std::uint32_t jail_term(world::CellId cell) const;
  std::uint32_t agent_id(world::CellId cell) const;
  // The cops and active citizens within citizen vision of `cell`, as the
  // model counts them for a decision there: kept up to date cell by cell in
  // random sequential activation, counted afresh in synchronous.
  VisionCounts in_vision(world::CellId cell) const;
  // Of the citizen at `cell`.
  float grievance(world::CellId cell) const { return grievance_[agent_id(cell)]; }
  float risk_aversion(world::CellId cell) const { return risk_[agent_id(cell)]; }

 private:
  struct Scratch;
  static constexpr std::uint32_t no_offset = ~0u;
  struct Offset {
    std::int16_t dx, dy;
  };
  void place_agents();
  // Packed: the counts of the vision kept as one number (see near_).
  template <bool Packed>
  void sequential_step(std::uint32_t step);
  // A cop's turn in it: an arrest, then a move (found first: an arrest
  // empties no cell).
  template <bool Packed>
  void cop_turn(std::uint32_t agent, std::size_t here, const std::uint8_t* move,
                std::uint32_t step);
  void sync_decide(std::uint32_t step);
  void sync_decide_rows(int y0, int y1, std::uint32_t step);
  void sync_arrest(std::uint32_t step);
  void sync_claim_moves(std::uint32_t step);
  void sync_apply_moves();

  world::CellId wrap_cell(int x, int y) const;
  // Cops (high 16 bits) and active citizens (low 16 bits) within citizen
  // vision of (x, y), centre included.
  std::uint32_t diamond_sum_direct(int x, int y) const;
  // Sequential activation keeps those counts per cell, updated on each
  // change, and a copy of the kinds, in arrays with a margin of the widest
  // vision on every side, so that neither a diamond nor a neighbour ever
  // wraps: a cell's count adds its copies in the margins, and a kind is
  // written to every copy.
  std::size_t padded(int x, int y) const;
  // Where a cell's kind and agent are kept: the cell itself in synchronous
  // activation, its own padded place in random sequential.
  std::size_t slot(world::CellId cell) const;
  // Adds `delta` to the counts of the citizen diamond around the padded
  // place `centre`.
  void add_diamond(std::vector<std::uint16_t>& counts, std::size_t centre, std::uint16_t delta);
  // The sum of `counts` over the places of the cell held at a padded place.
  std::uint32_t seen_at(const std::vector<std::uint16_t>& counts, std::size_t place) const;
  bool packed_near() const { return wide_actives_.empty(); }
  // The cops and active citizens in citizen vision of the cell held at a
  // padded place.
  template <bool Packed>
  VisionCounts vision_at(std::size_t place) const;
  // round(C / A) for a citizen at a padded place, itself counted once in A.
  template <bool Packed>
  std::uint32_t rounded_at(std::size_t place, bool self_active) const;
  // A cop or an active citizen comes into (delta 1) or leaves (-1) the
  // vision of the citizens around a cell's own place.
  template <bool Packed>
  void add_cops_seen(std::size_t centre, int delta);
  template <bool Packed>
  void add_actives_seen(std::size_t centre, int delta);
  // Writes the kind to every place of the cell held at a padded place;
  // returns the cell's own place.
  std::uint32_t set_kind(std::size_t place, std::uint8_t kind);
  // Moves an agent from its cell's own place `here` by the padded distance
  // `to`, where it takes `kind`; returns its new own place.
  std::uint32_t move_agent(std::uint32_t agent, std::size_t here, std::int32_t to,
                           std::uint8_t kind);
  // The padded distance from `here` to a uniformly chosen empty cell among
  // the first `n` offsets, or 0 (the agent's own place) when there is none:
  // the same choice as pick_empty_offset with the same bytes. `steps` turns
  // a random byte into its try's distance (see citizen_steps_).
  std::int32_t step_to_empty(std::size_t here, std::uint32_t n, const std::int32_t* steps,
                             std::uint32_t agent, std::uint32_t step,
                             const std::uint8_t* bytes) const;
  // Its rare continuation once the agent's 16 bytes have missed.
  std::int32_t step_to_empty_rarely(std::size_t here, std::uint32_t n, const std::int32_t* steps,
                                    std::uint32_t agent, std::uint32_t step,
                                    const std::uint8_t* bytes) const;
  // The first of 16 bytes' tries that finds an empty place, as a padded
  // distance from `here`, or 0.
  std::int32_t first_empty_step(std::size_t here, const std::int32_t* steps,
                                const std::uint8_t* bytes) const;
  // The index of a uniformly chosen offset among the first `n` whose place
  // is empty in `kinds`, or no_offset; `place_at(i)` is the index in
  // `kinds` of offset i. Drawn first from the caller's random bytes and
  // then from the agent's own move blocks k = 1, 2 (and 3 for a last exact
  // scan).
  template <class PlaceAt>
  std::uint32_t pick_empty_offset(const std::uint8_t* kinds, PlaceAt place_at, std::uint32_t n,
                                  std::uint32_t agent, std::uint32_t step,
                                  const std::uint8_t* first, std::size_t first_bytes) const;
  // pick_empty_offset's last resort: a uniform choice among every empty
  // place, by a scan (block k = 3).
  template <class PlaceAt>
  std::uint32_t pick_empty_exactly(const std::uint8_t* kinds, PlaceAt place_at, std::uint32_t n,
                                   std::uint32_t agent, std::uint32_t step) const;
  // The same on the unpadded kinds of the synchronous mode, as a cell.
  world::CellId pick_empty(const std::uint8_t* kinds, int x, int y, std::uint32_t n,
                           std::uint32_t agent, std::uint32_t step, const std::uint8_t* first,
                           std::size_t first_bytes, std::uint32_t* index) const;
  // The index of the offset of the active citizen of rank j (from 0) in
  // cop vision.
  template <class PlaceAt>
  std::uint32_t pick_active_offset(const std::uint8_t* kinds, PlaceAt place_at,
                                   std::uint32_t j) const;
  // The active citizens in cop vision, by kind: `seen` (those in citizen
  // vision) when the visions are the same, else counted.
  template <class PlaceAt>
  std::uint32_t actives_in_cop_vision(const std::uint8_t* kinds, PlaceAt place_at,
                                      std::uint32_t seen) const;
  // The first value of round(C / A) at which a citizen of this grievance and
  // risk aversion stays quiet (see active_below_).
  std::uint16_t active_below(float grievance, float risk_aversion) const;
  bool decides_active(std::uint32_t agent, std::uint32_t near, bool self_active) const;
  // Uniform in 0 .. n - 1 from `word`, word `lane` of the block (purpose,
  // agent, step, k); a word that Lemire's method rejects gives way to the
  // same word of the blocks k + 1, k + 2, ...
  std::uint32_t draw_below(std::uint32_t n, std::uint32_t word, unsigned lane, Purpose purpose,
                           std::uint32_t agent, std::uint32_t step, std::uint32_t k) const;

  EpsteinScenario scenario_;
  ExecutionMode mode_;
  world::Grid grid_;
  CounterRng rng_;
  Scheduler scheduler_;
  int width_ = 0, height_ = 0;
  std::uint32_t citizens_ = 0, cops_ = 0;
  std::uint32_t step_ = 0;
  std::uint32_t active_ = 0, jailed_ = 0;

  // Per cell in synchronous activation; in random sequential per padded
  // place (see padded()), every place of a cell holding its kind and the
  // cell's own place its agent.
  std::vector<std::uint8_t> kind_;
  std::vector<std::uint32_t> id_;
  // Per agent id. A citizen's decision needs only active_below_: Mesa's
  // rule, grievance - risk_aversion * P > T, holds exactly while
  // round(C / A) is below it (P grows with round(C / A), as k >= 0, and risk
  // aversion is not negative; rounding keeps that order). The jail term is
  // read only while the citizen is jailed.
  std::vector<float> grievance_;
  std::vector<float> risk_;
  std::vector<std::uint16_t> active_below_;
  std::vector<std::uint16_t> jail_;
  // Random sequential only, in the padded layout (see padded()): the cops
  // and active citizens in citizen vision as one count, cops * 256 +
  // actives, while both fit in 8 bits (vision <= 10, Mesa's 7 among them:
  // one load a copy for a decision); for wider visions the cops here and the
  // actives in wide_actives_.
  std::vector<std::uint16_t> near_, wide_actives_;
  // Per padded place: the places of the cell it holds, the cell's own
  // first, a missing copy naming a place that nothing reaches.
  std::vector<std::uint32_t> copies_;
  // The citizen diamond as runs of 16 counts (chunks), each where it starts
  // from the centre in the padded arrays and a mask of the counts it covers.
  std::vector<std::int32_t> diamond_starts_;
  std::vector<std::uint16_t> diamond_masks_;
  std::vector<std::int32_t> padded_linear_;  // each offset in the padded arrays
  // A random byte's try as a padded distance, for citizens and for cops
  // (vision <= 10): the offset Lemire's method maps the byte to, or 0 when
  // it rejects the byte, a try at the agent's own place, which is never
  // empty.
  std::array<std::int32_t, 256> citizen_steps_{}, cop_steps_{};
  std::vector<std::uint32_t> place_;        // per agent id: its cell's own padded place
  std::vector<std::uint32_t> move_words_;   // per agent id: a block of random bits a step
  std::vector<std::uint32_t> order_words_;  // the step's blocks for the shuffle
  std::vector<std::uint32_t> order_;
  // Synchronous only.
  std::vector<std::uint8_t> next_kind_;
  std::vector<std::uint32_t> claim_;
  std::unique_ptr<Scratch> scratch_;

  // Vision diamonds without their centre, nearest first, so that the
  // diamond of a smaller radius is a prefix; the citizens' and the cops'
  // counts of them; the arrest probability for each value of round(C / A).
  std::vector<Offset> offsets_;
  // Wrapped column and row start of coordinates -margin_..size + margin_.
  int margin_ = 0;
  std::vector<world::CellId> column_, row_start_;
  std::vector<int> row_;
  std::vector<std::int32_t> linear_;  // dy * width + dx of each offset
  std::uint32_t citizen_offsets_ = 0, cop_offsets_ = 0;
  std::uint32_t citizen_reject_ = 0, cop_reject_ = 0;
  std::vector<double> arrest_probability_;
  std::vector<std::uint8_t> round_table_;  // round(C / A) at C * 256 + A
  std::vector<EpsteinCounts> block_counts_;
  std::vector<EpsteinCounts> history_;
};

}  // namespace pocsim::classic
