// SPDX-License-Identifier: Apache-2.0
#include "pocsim/classic/epstein.hpp"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "pocsim/core/vector_clones.hpp"

namespace pocsim::classic {

namespace {

constexpr std::uint32_t cop_unit = 1u << 16;  // a cop in a packed diamond sum
// Counts per chunk of a diamond's row in the padded counts.
constexpr int diamond_lanes = 16;
constexpr std::uint32_t active_mask = 0xFFFFu;
// round(C / A)'s table is indexed by C * near_unit + A, and random
// sequential activation keeps C * near_unit + actives, while they fit.
constexpr std::uint32_t near_unit = 256;
// Rows per Executor block in the synchronous phases. Each block rebuilds its
// diagonal prefix sums from 2 * vision + 1 rows beyond its own, so taller
// blocks waste less; 64 rows keep a block's buffers near the L2 size at
// 4000 columns.
constexpr int band_rows = 64;
// Rejection tries before the exact scan: at Mesa's densities (77% full) 16
// tries all fail with probability 0.77^16 = 1.5%.
constexpr int empty_tries = 16;
// A move claim is (priority << claim_index_bits) | (offset index + 1);
// vision <= 20 means at most 840 offsets.
constexpr int claim_index_bits = 11;

constexpr std::uint32_t packed_value(std::uint8_t kind) {
  return (kind == static_cast<std::uint8_t>(CellKind::cop) ? cop_unit : 0u) |
         (kind == static_cast<std::uint8_t>(CellKind::active) ? 1u : 0u);
}

constexpr std::uint8_t raw(CellKind k) { return static_cast<std::uint8_t>(k); }

// Adds `delta` to the counts of each chunk of a diamond (a run of
// diamond_lanes counts from `centre + starts[k]`) where the chunk's `masks`
// are all ones (0xFFFF; 0 elsewhere): one AVX2 add a row up to vision 7, two
// SSE2 adds in the baseline copy. A mask, not a 1 to multiply by: an AND is
// cheaper than a 16-bit multiply (2-3% of random sequential's loop).
POCSIM_VECTOR_CLONES void add_to_chunks(std::uint16_t* centre, const std::int32_t* starts,
                                        const std::uint16_t* masks, std::size_t chunks,
                                        std::uint16_t delta) {
  using Lanes = std::uint16_t __attribute__((vector_size(2 * diamond_lanes)));
  for (std::size_t k = 0; k < chunks; ++k) {
    Lanes value, mask;
    std::memcpy(&value, centre + starts[k], sizeof value);
    std::memcpy(&mask, masks + k * diamond_lanes, sizeof mask);
    value += mask & delta;
    std::memcpy(centre + starts[k], &value, sizeof value);
  }
}

}  // namespace

std::uint32_t python_round_ratio(std::uint32_t c, std::uint32_t a) {
  const std::uint32_t q = c / a, twice_rem = 2 * (c - q * a);
  if (twice_rem > a || (twice_rem == a && (q & 1u))) return q + 1;
  return q;
}

// Per-thread buffers of the synchronous phases: the two diagonal prefix sums
// over a band of rows with its margins (decide), a row's movers (claim moves).
struct EpsteinModel::Scratch {
  struct Buffers {
    std::vector<std::uint32_t> down_right, down_left, row;
    // A row's movers in the claim phase: column, agent id, random block.
    std::vector<std::uint32_t> mover_column, mover_agent, mover_bits;
  };
  tbb::enumerable_thread_specific<Buffers> buffers;
};

EpsteinModel::EpsteinModel(const EpsteinScenario& scenario, ExecutionMode mode)
    : scenario_(scenario),
      mode_(mode),
      grid_(geo::Projection{}, scenario.grid.width, scenario.grid.height, 1.0),
      rng_(scenario.seed),
      width_(scenario.grid.width),
      height_(scenario.grid.height) {
  const int rc = scenario.citizens.vision, rp = scenario.cops.vision, r = std::max(rc, rp);
  for (int d = 1; d <= r; ++d)
    for (int dy = -d; dy <= d; ++dy) {
      const int dx = d - std::abs(dy);
      offsets_.push_back({static_cast<std::int16_t>(-dx), static_cast<std::int16_t>(dy)});
      if (dx != 0)
        offsets_.push_back({static_cast<std::int16_t>(dx), static_cast<std::int16_t>(dy)});
    }
  // Coordinates up to the widest vision beyond the edge, wrapped.
  margin_ = r;
  for (int x = -r; x < width_ + r; ++x)
    column_.push_back(static_cast<world::CellId>((x + width_) % width_));
  for (int y = -r; y < height_ + r; ++y) {
    row_.push_back((y + height_) % height_);
    row_start_.push_back(static_cast<world::CellId>(row_.back()) *
                         static_cast<world::CellId>(width_));
  }
  for (const Offset& o : offsets_) linear_.push_back(o.dy * width_ + o.dx);
  citizen_offsets_ = static_cast<std::uint32_t>(2 * rc * (rc + 1));
  cop_offsets_ = static_cast<std::uint32_t>(2 * rp * (rp + 1));
  // Lemire's rejection bound for a byte draw (under 256 offsets) or a
  // 16-bit one.
  auto reject_bound = [](std::uint32_t n) { return n < 256 ? 256u % n : 65536u % n; };
  citizen_reject_ = reject_bound(citizen_offsets_);
  cop_reject_ = reject_bound(cop_offsets_);
  for (std::uint32_t m = 0; m <= citizen_offsets_ + 1; ++m)
    arrest_probability_.push_back(
        1.0 - std::exp(-scenario.citizens.arrest_constant * static_cast<double>(m)));

  // round(C / A) by table while C and A fit in 8 bits (vision <= 10: under
  // 57 KB), sparing a division per decision; indexed by C * 256 + A, which
  // is also how random sequential activation keeps the counts then.
  if (citizen_offsets_ + 1 < near_unit)
    for (std::uint32_t c = 0; c <= citizen_offsets_; ++c)
      for (std::uint32_t a = 0; a < near_unit; ++a)
        round_table_.push_back(static_cast<std::uint8_t>(a == 0 ? 0 : python_round_ratio(c, a)));
  const std::size_t cells = grid_.cell_count();
  kind_.assign(cells, 0);
  id_.assign(cells, 0);
  place_agents();
  jail_.assign(agents(), 0);

  if (scenario.activation == Activation::random_sequential) {
    // The padded arrays, then room for the last chunk of a diamond at the
    // far corner, then one place that no diamond or neighbour reaches: the
    // missing copies of a cell name it.
    const int m = margin_;
    const std::size_t padded_cells =
        static_cast<std::size_t>(width_ + 2 * m) * static_cast<std::size_t>(height_ + 2 * m);
    const auto nowhere = static_cast<std::uint32_t>(padded_cells + diamond_lanes);
    near_.assign(nowhere + 1, 0);
    if (round_table_.empty()) wide_actives_.assign(nowhere + 1, 0);
    for (const Offset& o : offsets_) padded_linear_.push_back(o.dy * (width_ + 2 * m) + o.dx);
    for (int dy = -rc; dy <= rc; ++dy) {
      const int half = rc - std::abs(dy);
      for (int from = -half; from <= half; from += diamond_lanes) {
        diamond_starts_.push_back(dy * (width_ + 2 * m) + from);
        for (int lane = 0; lane < diamond_lanes; ++lane)
          diamond_masks_.push_back(from + lane <= half ? 0xFFFFu : 0u);
      }
    }
    // The kinds and agents move from cells to padded places: every place of
    // a cell holds its kind, its own place its agent, and each place lists
    // the places of its cell.
    const std::vector<std::uint8_t> cell_kind = std::move(kind_);
    const std::vector<std::uint32_t> cell_id = std::move(id_);
    kind_.assign(nowhere + 1, 0);
    id_.assign(nowhere + 1, 0);
    copies_.assign(4 * (static_cast<std::size_t>(nowhere) + 1), nowhere);
    place_.assign(agents(), 0);
    for (int y = 0; y < height_; ++y)
      for (int x = 0; x < width_; ++x) {
        const int copy_x = x < m ? x + width_ : (x >= width_ - m ? x - width_ : x);
        const int copy_y = y < m ? y + height_ : (y >= height_ - m ? y - height_ : y);
        const auto at = [&](bool exists, int px, int py) {
          return exists ? static_cast<std::uint32_t>(padded(px, py)) : nowhere;
        };
        const std::uint32_t places[4] = {at(true, x, y), at(copy_x != x, copy_x, y),
                                         at(copy_y != y, x, copy_y),
                                         at(copy_x != x && copy_y != y, copy_x, copy_y)};
        for (const std::uint32_t p : places)
          if (p != nowhere) std::copy(places, places + 4, copies_.begin() + 4 * std::size_t{p});
        const world::CellId c = grid_.cell(x, y);
        if (cell_kind[c] == raw(CellKind::empty)) continue;
        set_kind(places[0], cell_kind[c]);
        id_[places[0]] = cell_id[c];
        place_[cell_id[c]] = places[0];
        if (cell_kind[c] == raw(CellKind::cop)) {
          if (packed_near())
            add_cops_seen<true>(places[0], 1);
          else
            add_cops_seen<false>(places[0], 1);
        }
      }
    auto byte_steps = [&](std::array<std::int32_t, 256>& steps, std::uint32_t n,
                          std::uint32_t reject_below) {
      if (n >= 256) return;
      for (std::uint32_t b = 0; b < 256; ++b) {
        const std::uint32_t product = b * n;
        steps[b] = (product & 0xFFu) < reject_below ? 0 : padded_linear_[product >> 8];
      }
    };
    byte_steps(citizen_steps_, citizen_offsets_, citizen_reject_);
    byte_steps(cop_steps_, cop_offsets_, cop_reject_);
    move_words_.assign(4 * static_cast<std::size_t>(agents()), 0);
    order_words_.assign(4 * ((std::min(agents(), 65536u) + 7) / 8), 0);
    order_.resize(agents());
    for (std::uint32_t a = 0; a < agents(); ++a) order_[a] = a;
    if (packed_near())
      scheduler_.add_phase("agents", 1,
                           [this](const TickInfo& t) { sequential_step<true>(t.tick); });
    else
      scheduler_.add_phase("agents", 1,
                           [this](const TickInfo& t) { sequential_step<false>(t.tick); });
  } else {
    // Only the synchronous phases use TBB's per-thread buffers; a random
    // sequential run never starts TBB (its start costs a process most of a
    // millisecond).
    scratch_ = std::make_unique<Scratch>();
    next_kind_.assign(cells, 0);
    claim_.assign(cells, 0);
    scheduler_.add_phase("decide", 1, [this](const TickInfo& t) { sync_decide(t.tick); });
    scheduler_.add_phase("arrest", 1, [this](const TickInfo& t) { sync_arrest(t.tick); });
    if (scenario.movement) {
      scheduler_.add_phase("claim moves", 1,
                           [this](const TickInfo& t) { sync_claim_moves(t.tick); });
      scheduler_.add_phase("apply moves", 1, [this](const TickInfo&) { sync_apply_moves(); });
    }
  }
  history_.push_back(counts());
}

EpsteinModel::~EpsteinModel() = default;

void EpsteinModel::place_agents() {
  // Mesa draws, cell by cell, citizen with the citizen density, else cop with
  // the cop density, else empty; hardship and risk aversion are U(0, 1).
  const double citizen = scenario_.citizens.density;
  const double cop = citizen + scenario_.cops.density;
  const double alienation = 1.0 - scenario_.citizens.legitimacy;
  std::uint32_t next_id = 0;
  for (world::CellId c = 0; c < grid_.cell_count(); ++c) {
    const double u = rng_.uniform(Purpose::epstein_layout, c, 0, 0);
    if (u < citizen) {
      const auto [hardship, risk] = rng_.uniform2(Purpose::epstein_layout, c, 0, 1);
      kind_[c] = raw(CellKind::quiet);
      grievance_.push_back(static_cast<float>(hardship * alienation));
      risk_.push_back(static_cast<float>(risk));
      active_below_.push_back(active_below(grievance_.back(), risk_.back()));
      ++citizens_;
    } else if (u < cop) {
      kind_[c] = raw(CellKind::cop);
      grievance_.push_back(0.0f);
      risk_.push_back(0.0f);
      active_below_.push_back(0);
      ++cops_;
    } else {
      continue;
    }
    id_[c] = next_id++;
  }
}

std::size_t EpsteinModel::slot(world::CellId cell) const {
  return place_.empty() ? cell : padded(grid_.column(cell), grid_.row(cell));
}

CellKind EpsteinModel::kind(world::CellId cell) const {
  return static_cast<CellKind>(kind_[slot(cell)]);
}

std::uint32_t EpsteinModel::jail_term(world::CellId cell) const {
  return kind(cell) == CellKind::jailed ? jail_[agent_id(cell)] : 0;
}

std::uint32_t EpsteinModel::agent_id(world::CellId cell) const { return id_[slot(cell)]; }

VisionCounts EpsteinModel::in_vision(world::CellId cell) const {
  if (!place_.empty())
    return packed_near() ? vision_at<true>(slot(cell)) : vision_at<false>(slot(cell));
  const std::uint32_t near = diamond_sum_direct(grid_.column(cell), grid_.row(cell));
  return {near >> 16, near & active_mask};
}

EpsteinCounts EpsteinModel::counts() const {
  return {step_, active_, citizens_ - active_ - jailed_, jailed_};
}

void EpsteinModel::step() {
  scheduler_.run_tick(TickInfo{step_ + 1, 1});
  ++step_;
  history_.push_back(counts());
}

void EpsteinModel::run() {
  history_.reserve(scenario_.steps + 1);
  while (step_ < scenario_.steps) step();
}

world::CellId EpsteinModel::wrap_cell(int x, int y) const {
  return row_start_[static_cast<std::size_t>(y + margin_)] +
         column_[static_cast<std::size_t>(x + margin_)];
}

std::uint32_t EpsteinModel::diamond_sum_direct(int x, int y) const {
  std::uint32_t sum = packed_value(kind_[wrap_cell(x, y)]);
  for (std::uint32_t i = 0; i < citizen_offsets_; ++i)
    sum += packed_value(kind_[wrap_cell(x + offsets_[i].dx, y + offsets_[i].dy)]);
  return sum;
}

std::size_t EpsteinModel::padded(int x, int y) const {
  return static_cast<std::size_t>(y + margin_) * static_cast<std::size_t>(width_ + 2 * margin_) +
         static_cast<std::size_t>(x + margin_);
}

void EpsteinModel::add_diamond(std::vector<std::uint16_t>& counts, std::size_t centre,
                               std::uint16_t delta) {
  add_to_chunks(counts.data() + centre, diamond_starts_.data(), diamond_masks_.data(),
                diamond_starts_.size(), delta);
}

inline std::uint32_t EpsteinModel::seen_at(const std::vector<std::uint16_t>& counts,
                                           std::size_t place) const {
  // A cell's count is its own entry plus those of its copies in the
  // margins; a missing copy names a place that stays 0, so that reading
  // needs no branches.
  const std::uint32_t* where = copies_.data() + 4 * place;
  return std::uint32_t{counts[where[0]]} + counts[where[1]] + counts[where[2]] + counts[where[3]];
}

template <bool Packed>
VisionCounts EpsteinModel::vision_at(std::size_t place) const {
  const std::uint32_t near = seen_at(near_, place);
  if constexpr (Packed) return {near / near_unit, near % near_unit};
  return {near, seen_at(wide_actives_, place)};
}

template <bool Packed>
inline std::uint32_t EpsteinModel::rounded_at(std::size_t place, bool self_active) const {
  // Mesa counts the citizen itself among the actives it sees.
  const std::uint32_t near = seen_at(near_, place);
  const std::uint32_t self = self_active ? 1u : 0u;
  if constexpr (Packed) return round_table_[near + 1u - self];
  return python_round_ratio(near, seen_at(wide_actives_, place) + 1u - self);
}

template <bool Packed>
void EpsteinModel::add_cops_seen(std::size_t centre, int delta) {
  const std::uint32_t unit = Packed ? near_unit : 1u;
  add_diamond(near_, centre, static_cast<std::uint16_t>(static_cast<std::uint32_t>(delta) * unit));
}

template <bool Packed>
void EpsteinModel::add_actives_seen(std::size_t centre, int delta) {
  add_diamond(Packed ? near_ : wide_actives_, centre, static_cast<std::uint16_t>(delta));
}

std::uint32_t EpsteinModel::set_kind(std::size_t place, std::uint8_t kind) {
  // The four places read before any write: a byte written through
  // kind_ could alias them, which would order each read after a write.
  const std::uint32_t* where = copies_.data() + 4 * place;
  const std::uint32_t own = where[0], across = where[1], down = where[2], corner = where[3];
  std::uint8_t* kinds = kind_.data();
  kinds[own] = kind;
  kinds[across] = kind;
  kinds[down] = kind;
  kinds[corner] = kind;
  return own;
}

inline std::uint32_t EpsteinModel::move_agent(std::uint32_t agent, std::size_t here,
                                              std::int32_t to, std::uint8_t kind) {
  const std::uint32_t there = set_kind(here + to, kind);
  set_kind(here, raw(CellKind::empty));
  id_[there] = agent;
  place_[agent] = there;
  return there;
}

inline std::int32_t EpsteinModel::first_empty_step(std::size_t here, const std::int32_t* steps,
                                                   const std::uint8_t* bytes) const {
  // pick_empty_offset's eight tries at a time, each a table lookup: a
  // rejected byte tries the agent's own place, which is never empty, so it
  // needs no test of its own. The eight kinds tried go in one word, whose
  // empty (zero) bytes one addition finds: a kind is at most 4, so adding
  // 0x7F sets a byte's top bit exactly when the byte is not 0, and no
  // carry crosses into the next byte.
  const std::uint8_t* at = kind_.data() + here;
  for (int j = 0; j < 16; j += 8) {
    std::uint64_t tried = 0;
    for (int t = 0; t < 8; ++t) tried |= std::uint64_t{at[steps[bytes[j + t]]]} << (8 * t);
    const std::uint64_t empty = ~(tried + 0x7F7F7F7F7F7F7F7Full) & 0x8080808080808080ull;
    if (empty != 0) {
      // The winning byte taken from the eight in a register (a shift)
      // rather than read again, which would lengthen the move's chain.
      static_assert(std::endian::native == std::endian::little, "byte t at bits 8t");
      std::uint64_t eight;
      std::memcpy(&eight, bytes + j, sizeof eight);
      return steps[static_cast<std::uint8_t>(eight >> (std::countr_zero(empty) & ~7))];
    }
  }
  return 0;
}

inline std::int32_t EpsteinModel::step_to_empty(std::size_t here, std::uint32_t n,
                                                const std::int32_t* steps, std::uint32_t agent,
                                                std::uint32_t step,
                                                const std::uint8_t* bytes) const {
  if (n < 256) {
    const std::int32_t to = first_empty_step(here, steps, bytes);
    if (to != 0) [[likely]]
      return to;
  }
  return step_to_empty_rarely(here, n, steps, agent, step, bytes);
}

std::int32_t EpsteinModel::step_to_empty_rarely(std::size_t here, std::uint32_t n,
                                                const std::int32_t* steps, std::uint32_t agent,
                                                std::uint32_t step,
                                                const std::uint8_t* bytes) const {
  // On from where step_to_empty stopped, as pick_empty_offset goes on: the
  // agent's own blocks k = 1, 2 (a move in twenty at Mesa's defaults), then
  // the exact scan; or, 256 offsets or more, the 16 bytes two at a time.
  auto place_at = [&](std::uint32_t o) { return here + padded_linear_[o]; };
  std::uint32_t i = no_offset;
  if (n < 256) {
    for (std::uint32_t k = 1; k <= 2; ++k) {
      const auto block = rng_.bits(Purpose::epstein_move, agent, step, k);
      std::uint8_t own[16];
      std::memcpy(own, block.data(), sizeof own);
      const std::int32_t to = first_empty_step(here, steps, own);
      if (to != 0) return to;
    }
    i = pick_empty_exactly(kind_.data(), place_at, n, agent, step);
  } else {
    i = pick_empty_offset(kind_.data(), place_at, n, agent, step, bytes, 16);
  }
  return i == no_offset ? 0 : padded_linear_[i];
}

template <class PlaceAt>
std::uint32_t EpsteinModel::pick_empty_offset(const std::uint8_t* kinds, PlaceAt place_at,
                                              std::uint32_t n, std::uint32_t agent,
                                              std::uint32_t step, const std::uint8_t* first,
                                              std::size_t first_bytes) const {
  // Rejection sampling is uniform over the empty cells, as Mesa's
  // random.choice(empty_neighbors) is. Each try draws an offset index from
  // one byte when there are fewer than 256 offsets (vision <= 10) and from
  // two otherwise, exact by Lemire's method (a draw whose low product falls
  // below 2^bits mod n is discarded). The caller's bytes come first, then up
  // to two blocks of the agent's own (k = 1, 2); if every try failed (at
  // Mesa's density about 0.4% of moves) an exact scan keeps the choice
  // uniform.
  const bool narrow = n < 256;
  const std::uint32_t reject_below = n == citizen_offsets_ ? citizen_reject_ : cop_reject_;
  auto try_bytes = [&](const std::uint8_t* bytes, std::size_t count) {
    std::size_t j = 0;
    if (narrow) {
      // Eight tries at a time without branches, the first hit taken: about
      // one move in five misses in all eight, where a loop would mispredict
      // its exit on nearly every move.
      for (; j + 8 <= count; j += 8) {
        std::uint32_t offset[8];
        unsigned hits = 0;
        for (int t = 0; t < 8; ++t) {
          const std::uint32_t product = bytes[j + t] * n;
          offset[t] = product >> 8;
          const bool hit = ((product & 0xFFu) >= reject_below) &
                           (kinds[place_at(offset[t])] == raw(CellKind::empty));
          hits |= static_cast<unsigned>(hit) << t;
        }
        if (hits != 0) return offset[std::countr_zero(hits)];
      }
      for (; j < count; ++j) {
        const std::uint32_t product = bytes[j] * n;
        if ((product & 0xFFu) < reject_below) continue;
        const std::uint32_t i = product >> 8;
        if (kinds[place_at(i)] == raw(CellKind::empty)) return i;
      }
    } else {
      for (; j + 1 < count; j += 2) {
        const std::uint32_t product = (bytes[j] | (std::uint32_t{bytes[j + 1]} << 8)) * n;
        if ((product & 0xFFFFu) < reject_below) continue;
        const std::uint32_t i = product >> 16;
        if (kinds[place_at(i)] == raw(CellKind::empty)) return i;
      }
    }
    return no_offset;
  };
  std::uint32_t found = try_bytes(first, first_bytes);
  for (std::uint32_t k = 1; k <= 2 && found == no_offset; ++k) {
    const auto block = rng_.bits(Purpose::epstein_move, agent, step, k);
    std::uint8_t bytes[16];
    std::memcpy(bytes, block.data(), sizeof bytes);
    found = try_bytes(bytes, sizeof bytes);
  }
  if (found != no_offset) return found;
  return pick_empty_exactly(kinds, place_at, n, agent, step);
}

template <class PlaceAt>
std::uint32_t EpsteinModel::pick_empty_exactly(const std::uint8_t* kinds, PlaceAt place_at,
                                               std::uint32_t n, std::uint32_t agent,
                                               std::uint32_t step) const {
  std::uint32_t empty = 0;
  for (std::uint32_t i = 0; i < n; ++i) empty += kinds[place_at(i)] == raw(CellKind::empty);
  if (empty == 0) return no_offset;
  std::uint32_t j = draw_below(empty, rng_.bits(Purpose::epstein_move, agent, step, 3)[0], 0,
                               Purpose::epstein_move, agent, step, 3);
  for (std::uint32_t i = 0; i < n; ++i)
    if (kinds[place_at(i)] == raw(CellKind::empty) && j-- == 0) return i;
  return no_offset;
}

world::CellId EpsteinModel::pick_empty(const std::uint8_t* kinds, int x, int y, std::uint32_t n,
                                       std::uint32_t agent, std::uint32_t step,
                                       const std::uint8_t* first, std::size_t first_bytes,
                                       std::uint32_t* index) const {
  // Away from the edges a neighbour is a fixed distance away in memory.
  const bool interior =
      x >= margin_ && x < width_ - margin_ && y >= margin_ && y < height_ - margin_;
  const std::int64_t here = static_cast<std::int64_t>(y) * width_ + x;
  const std::uint32_t i =
      interior
          ? pick_empty_offset(
                kinds,
                [&](std::uint32_t o) { return static_cast<world::CellId>(here + linear_[o]); }, n,
                agent, step, first, first_bytes)
          : pick_empty_offset(
                kinds,
                [&](std::uint32_t o) { return wrap_cell(x + offsets_[o].dx, y + offsets_[o].dy); },
                n, agent, step, first, first_bytes);
  if (i == no_offset) return world::no_cell;
  *index = i;
  return wrap_cell(x + offsets_[i].dx, y + offsets_[i].dy);
}

template <class PlaceAt>
std::uint32_t EpsteinModel::pick_active_offset(const std::uint8_t* kinds, PlaceAt place_at,
                                               std::uint32_t j) const {
  for (std::uint32_t i = 0; i < cop_offsets_; ++i)
    if (kinds[place_at(i)] == raw(CellKind::active) && j-- == 0) return i;
  return no_offset;
}

template <class PlaceAt>
std::uint32_t EpsteinModel::actives_in_cop_vision(const std::uint8_t* kinds, PlaceAt place_at,
                                                  std::uint32_t seen) const {
  if (scenario_.cops.vision == scenario_.citizens.vision) return seen;
  std::uint32_t count = 0;
  for (std::uint32_t i = 0; i < cop_offsets_; ++i)
    count += kinds[place_at(i)] == raw(CellKind::active);
  return count;
}

std::uint16_t EpsteinModel::active_below(float grievance, float risk_aversion) const {
  // Mesa's rule in Mesa's precision, tried at each value in turn.
  std::uint16_t m = 0;
  while (m < arrest_probability_.size() &&
         static_cast<double>(grievance) -
                 static_cast<double>(risk_aversion) * arrest_probability_[m] >
             scenario_.citizens.threshold)
    ++m;
  return m;
}

inline bool EpsteinModel::decides_active(std::uint32_t agent, std::uint32_t near,
                                         bool self_active) const {
  // With no cop in sight round(C / A) = 0, P = 0: no case of its own.
  const std::uint32_t cops = near >> 16;
  // Mesa counts the citizen itself among the actives it sees.
  const std::uint32_t actives = (near & active_mask) - (self_active ? 1u : 0u) + 1u;
  const std::uint32_t rounded = round_table_.empty() ? python_round_ratio(cops, actives)
                                                     : round_table_[cops * near_unit + actives];
  return rounded < active_below_[agent];
}

std::uint32_t EpsteinModel::draw_below(std::uint32_t n, std::uint32_t word, unsigned lane,
                                       Purpose purpose, std::uint32_t agent, std::uint32_t step,
                                       std::uint32_t k) const {
  return uniform_below(n, word, [&] { return rng_.bits(purpose, agent, step, ++k)[lane]; });
}

// --- random sequential -----------------------------------------------------

template <bool Packed>
__attribute__((noinline)) void EpsteinModel::cop_turn(std::uint32_t a, std::size_t here,
                                                      const std::uint8_t* move,
                                                      std::uint32_t step) {
  // Out of the loop, so that the citizens' turns keep their registers. The
  // move is found first, as a citizen's is: an arrest empties no cell.
  const std::int32_t to =
      scenario_.movement ? step_to_empty(here, cop_offsets_, cop_steps_.data(), a, step, move) : 0;
  const std::uint8_t* kinds = kind_.data();
  auto place_at = [&](std::uint32_t o) { return here + padded_linear_[o]; };
  const std::uint32_t actives =
      actives_in_cop_vision(kinds, place_at, vision_at<Packed>(here).actives);
  if (actives > 0) {
    const auto arrest = rng_.bits(Purpose::epstein_arrest, a, step);
    const std::uint32_t i = pick_active_offset(
        kinds, place_at, draw_below(actives, arrest[0], 0, Purpose::epstein_arrest, a, step, 0));
    assert(i != no_offset);  // the count is exact
    const std::uint32_t jailed = set_kind(place_at(i), raw(CellKind::jailed));
    jail_[id_[jailed]] = static_cast<std::uint16_t>(draw_below(
        scenario_.cops.max_jail_term + 1, arrest[1], 1, Purpose::epstein_arrest, a, step, 0));
    --active_;
    ++jailed_;
    add_actives_seen<Packed>(jailed, -1);
  }
  if (to == 0) return;
  const std::uint32_t there = move_agent(a, here, to, raw(CellKind::cop));
  add_cops_seen<Packed>(here, -1);
  add_cops_seen<Packed>(there, 1);
}

template <bool Packed>
void EpsteinModel::sequential_step(std::uint32_t step) {
  // A fresh uniform order every step (Fisher-Yates), as Mesa's shuffle_do.
  // Up to 65,536 agents a position takes a 16-bit draw, exact by Lemire's
  // method (a rejected draw, below 2% of them, is replaced by a 32-bit one);
  // beyond, a 32-bit draw.
  // The 16-bit draws are the step's order blocks (k = 0, keyed by position
  // / 8) read as one array, drawn in one run.
  const std::uint32_t n = agents();
  const std::uint32_t narrow_positions = std::min(n, 65536u);
  rng_.bits_for_agents(Purpose::epstein_order, 0, (narrow_positions + 7) / 8, step, 0,
                       order_words_.data());
  const auto* order_bytes = reinterpret_cast<const std::uint8_t*>(order_words_.data());
  std::uint32_t wide[4] = {};
  std::uint32_t wide_key = ~0u;
  for (std::uint32_t i = n; i-- > 1;) {
    const std::uint32_t m = i + 1;
    std::uint32_t j = 0;
    if (m > 65536u) {
      if ((i >> 2) != wide_key) {
        wide_key = i >> 2;
        const auto block = rng_.bits(Purpose::epstein_order, (1u << 31) | wide_key, step);
        std::memcpy(wide, block.data(), sizeof wide);
      }
      j = draw_below(m, wide[i & 3u], i & 3u, Purpose::epstein_order, (1u << 31) | wide_key, step,
                     0);
    } else {
      std::uint16_t draw;
      std::memcpy(&draw, order_bytes + 2 * static_cast<std::size_t>(i), sizeof draw);
      const std::uint32_t product = draw * m;
      const std::uint32_t low = product & 0xFFFFu;
      if (low < m && low < 65536u % m)
        j = draw_below(m, rng_.bits(Purpose::epstein_order, (1u << 30) | i, step)[0], 0,
                       Purpose::epstein_order, (1u << 30) | i, step, 0);
      else
        j = product >> 16;
    }
    std::swap(order_[i], order_[j]);
  }
  const bool movement = scenario_.movement;
  // Each move starts from the 16 random bytes of the agent's block (k = 0),
  // drawn for all agents in one run; at Mesa's density about one move in
  // forty needs another block of its own.
  if (movement) rng_.bits_for_agents(Purpose::epstein_move, 0, n, step, 0, move_words_.data());
  // Neighbours are read in the padded kinds, a fixed distance away.
  const std::uint8_t* kinds = kind_.data();
  for (const std::uint32_t a : order_) {
    const std::size_t here = place_[a];
    const auto* move = reinterpret_cast<const std::uint8_t*>(move_words_.data() + 4 * a);
    const std::uint8_t kind = kinds[here];
    if (kind == raw(CellKind::jailed) && jail_[a] > 0) [[unlikely]] {
      --jail_[a];
      continue;
    }
    if (kind == raw(CellKind::cop)) [[unlikely]] {
      cop_turn<Packed>(a, here, move, step);
      continue;
    }
    // The move is found first: it reads only kinds, which the decision does
    // not change, and the decision's values then live for less of the turn.
    const std::int32_t to =
        movement ? step_to_empty(here, citizen_offsets_, citizen_steps_.data(), a, step, move) : 0;
    const bool was_active = kind == raw(CellKind::active);
    const bool now_active = rounded_at<Packed>(here, was_active) < active_below_[a];
    if (kind == raw(CellKind::jailed)) --jailed_;
    if (was_active != now_active) {
      if (now_active)
        ++active_;
      else
        --active_;
    }
    const std::uint8_t now = raw(now_active ? CellKind::active : CellKind::quiet);
    if (to == 0) [[unlikely]] {
      if (now != kind) set_kind(here, now);
      if (was_active != now_active) add_actives_seen<Packed>(here, now_active ? 1 : -1);
      continue;
    }
    const std::uint32_t there = move_agent(a, here, to, now);
    if (was_active) add_actives_seen<Packed>(here, -1);
    if (now_active) add_actives_seen<Packed>(there, 1);
  }
}

// --- synchronous -----------------------------------------------------------
//
// Four phases, each a loop over bands of rows on the Executor:
//   decide: every agent reads the state at the start of the step (kind_);
//     citizens write their new state to next_kind_, jailed citizens count
//     down, and a cop marks the active citizen it arrests in claim_.
//   arrest: every marked citizen is jailed (one arrest however many cops
//     chose it; the term is keyed by the citizen), and the states counted.
//   claim moves: every agent not jailed picks a cell empty at the start of
//     the step and claims it with a Philox priority keyed by (agent, step);
//     an atomic maximum keeps the highest claim, so the winner does not
//     depend on the order in which threads run.
//   apply moves: each claimed cell pulls its winner in; losers stay put.

void EpsteinModel::sync_decide(std::uint32_t step) {
  const Executor executor(mode_);
  executor.for_blocks(
      static_cast<std::size_t>(height_),
      [&](std::size_t, std::size_t begin, std::size_t end) {
        sync_decide_rows(static_cast<int>(begin), static_cast<int>(end), step);
      },
      band_rows);
}

void EpsteinModel::sync_decide_rows(int y0, int y1, std::uint32_t step) {
  // Diamond sums in O(1) per cell. Moving the centre one cell right adds
  // the diamond's right edge and drops the left edge of the old one; each
  // edge is two diagonal segments, and a segment is the difference of two
  // prefix sums along its diagonal. `dr` accumulates towards down-right
  // (x+1, y+1), `dl` towards down-left (x-1, y+1), over the band's rows
  // plus vision + 1 above and vision below, and the columns plus vision + 1
  // to the left and vision to the right, wrapped. The packed sums are exact
  // modulo 2^32, so the cop and active halves never disturb each other.
  const int r = scenario_.citizens.vision;
  const int wp = width_ + 2 * r + 1;
  const int first_row = y0 - r - 1;
  const int rows = (y1 - y0) + 2 * r + 1;
  Scratch::Buffers& buffers = scratch_->buffers.local();
  const std::size_t size = static_cast<std::size_t>(rows) * static_cast<std::size_t>(wp);
  if (buffers.down_right.size() < size) {
    buffers.down_right.resize(size);
    buffers.down_left.resize(size);
  }
  std::uint32_t* dr = buffers.down_right.data();
  std::uint32_t* dl = buffers.down_left.data();
  for (int i = 0; i < rows; ++i) {
    int gy = first_row + i;
    if (gy < 0)
      gy += height_;
    else if (gy >= height_)
      gy -= height_;
    const std::uint8_t* line =
        kind_.data() + static_cast<std::size_t>(gy) * static_cast<std::size_t>(width_);
    std::uint32_t* out_dr = dr + static_cast<std::size_t>(i) * static_cast<std::size_t>(wp);
    std::uint32_t* out_dl = dl + static_cast<std::size_t>(i) * static_cast<std::size_t>(wp);
    // The padded row: r + 1 cells from the row's end, the row, r from its start.
    const int left = r + 1;
    for (int px = 0; px < left; ++px) out_dr[px] = packed_value(line[width_ - left + px]);
    for (int x = 0; x < width_; ++x) out_dr[left + x] = packed_value(line[x]);
    for (int px = 0; px < r; ++px) out_dr[left + width_ + px] = packed_value(line[px]);
    if (i == 0) {
      std::copy(out_dr, out_dr + wp, out_dl);
      continue;
    }
    const std::uint32_t* above_dr = out_dr - wp;
    const std::uint32_t* above_dl = out_dl - wp;
    for (int px = wp - 1; px >= 0; --px) out_dl[px] = out_dr[px];
    for (int px = 0; px + 1 < wp; ++px) out_dl[px] += above_dl[px + 1];
    for (int px = wp - 1; px > 0; --px) out_dr[px] += above_dr[px - 1];
  }
  if (buffers.row.size() < static_cast<std::size_t>(width_))
    buffers.row.resize(static_cast<std::size_t>(width_));
  std::uint32_t* sums = buffers.row.data();
  // Row y of a buffer, shifted so that index x is column x.
  auto line = [&](const std::uint32_t* buffer, int y) {
    return buffer + static_cast<std::ptrdiff_t>(y - first_row) * wp + (r + 1);
  };

  for (int y = y0; y < y1; ++y) {
    const std::uint32_t *dr_y = line(dr, y), *dr_up = line(dr, y - r - 1),
                        *dr_down = line(dr, y + r);
    const std::uint32_t *dl_y = line(dl, y), *dl_up = line(dl, y - r - 1),
                        *dl_down = line(dl, y + r);
    // The change from x - 1 to x (independent per x, so it vectorizes),
    // then the running sum.
    sums[0] = diamond_sum_direct(0, y);
    for (int x = 1; x < width_; ++x)
      sums[x] = (dr_y[x + r] - dr_up[x - 1])           // right edge, upper half
                + (dl_down[x] - dl_y[x + r])           // right edge, lower half
                - (dl_y[x - 1 - r] - dl_up[x])         // old left edge, upper half
                - (dr_down[x - 1] - dr_y[x - r - 1]);  // old left edge, lower half
    for (int x = 1; x < width_; ++x) sums[x] += sums[x - 1];
    const world::CellId row_start =
        static_cast<world::CellId>(y) * static_cast<world::CellId>(width_);
    for (int x = 0; x < width_; ++x) {
      const std::uint32_t near = sums[x];
      const world::CellId c = row_start + static_cast<world::CellId>(x);
      const std::uint8_t kind = kind_[c];
      if (kind == raw(CellKind::empty)) {
        next_kind_[c] = kind;
      } else if (kind == raw(CellKind::cop)) {
        next_kind_[c] = kind;
        auto place_at = [&](std::uint32_t o) {
          return wrap_cell(x + offsets_[o].dx, y + offsets_[o].dy);
        };
        const std::uint32_t actives =
            actives_in_cop_vision(kind_.data(), place_at, near & active_mask);
        if (actives == 0) continue;
        const std::uint32_t i = pick_active_offset(
            kind_.data(), place_at,
            draw_below(actives, rng_.bits(Purpose::epstein_arrest, id_[c], step)[0], 0,
                       Purpose::epstein_arrest, id_[c], step, 0));
        assert(i != no_offset);
        const world::CellId t = wrap_cell(x + offsets_[i].dx, y + offsets_[i].dy);
        std::atomic_ref<std::uint32_t>(claim_[t]).store(1u, std::memory_order_relaxed);
      } else if (kind == raw(CellKind::jailed) && jail_[id_[c]] > 0) {
        next_kind_[c] = kind;
        --jail_[id_[c]];
      } else {
        next_kind_[c] =
            raw(decides_active(id_[c], near, kind == raw(CellKind::active)) ? CellKind::active
                                                                            : CellKind::quiet);
      }
    }
  }
}

void EpsteinModel::sync_arrest(std::uint32_t step) {
  const Executor executor(mode_);
  const std::size_t block = static_cast<std::size_t>(band_rows) * static_cast<std::size_t>(width_);
  block_counts_.assign(Executor::block_count(kind_.size(), block), EpsteinCounts{});
  executor.for_blocks(
      kind_.size(),
      [&](std::size_t b, std::size_t begin, std::size_t end) {
        std::uint32_t counts[5] = {0, 0, 0, 0, 0};
        for (std::size_t c = begin; c < end; ++c) {
          if (claim_[c] != 0) {
            claim_[c] = 0;
            next_kind_[c] = raw(CellKind::jailed);
            jail_[id_[c]] = static_cast<std::uint16_t>(
                draw_below(scenario_.cops.max_jail_term + 1,
                           rng_.bits(Purpose::epstein_jail_term, id_[c], step)[0], 0,
                           Purpose::epstein_jail_term, id_[c], step, 0));
          }
          ++counts[next_kind_[c]];
        }
        block_counts_[b] = {0, counts[raw(CellKind::active)], counts[raw(CellKind::quiet)],
                            counts[raw(CellKind::jailed)]};
      },
      block);
  active_ = jailed_ = 0;
  for (const EpsteinCounts& b : block_counts_) {
    active_ += b.active;
    jailed_ += b.jailed;
  }
  if (!scenario_.movement) kind_.swap(next_kind_);
}

void EpsteinModel::sync_claim_moves(std::uint32_t step) {
  // A mover claims cells at most `vision` rows from its own, and a band is
  // taller than twice that, so bands of the same colour never claim the same
  // cell: even bands run in parallel, then odd ones, then (when the count is
  // odd, so that the last band touches band 0 across the torus) the last one
  // alone. The claim is then a plain maximum, with no atomic operations, and
  // the winner is the same whatever the order.
  static_assert(band_rows > 2 * 20, "bands must be taller than twice the largest vision");
  const std::size_t blocks = Executor::block_count(static_cast<std::size_t>(height_), band_rows);
  auto claim_rows = [&](std::size_t begin, std::size_t end) {
    Scratch::Buffers& buffers = scratch_->buffers.local();
    std::vector<std::uint32_t>& column = buffers.mover_column;
    std::vector<std::uint32_t>& agent = buffers.mover_agent;
    std::vector<std::uint32_t>& bits = buffers.mover_bits;
    for (int y = static_cast<int>(begin); y < static_cast<int>(end); ++y) {
      // The row's movers, then their blocks in one run.
      const world::CellId row = static_cast<world::CellId>(y) * static_cast<world::CellId>(width_);
      column.clear();
      agent.clear();
      for (int x = 0; x < width_; ++x) {
        const std::uint8_t kind = next_kind_[row + static_cast<world::CellId>(x)];
        if (kind == raw(CellKind::empty) || kind == raw(CellKind::jailed)) continue;
        column.push_back(static_cast<std::uint32_t>(x));
        agent.push_back(id_[row + static_cast<world::CellId>(x)]);
      }
      bits.resize(4 * agent.size());
      rng_.bits_for_agents(Purpose::epstein_move, agent, step, 0, bits.data());
      for (std::size_t m = 0; m < agent.size(); ++m) {
        const int x = static_cast<int>(column[m]);
        const std::uint32_t n =
            next_kind_[row + column[m]] == raw(CellKind::cop) ? cop_offsets_ : citizen_offsets_;
        const std::uint32_t* block = bits.data() + 4 * m;
        std::uint32_t index = 0;
        // The block's bytes after the priority.
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(block + 1);
        const world::CellId t =
            pick_empty(kind_.data(), x, y, n, agent[m], step, bytes, 12, &index);
        if (t == world::no_cell) continue;
        const std::uint32_t claim =
            (block[0] >> claim_index_bits << claim_index_bits) | (index + 1);
        if (claim > claim_[t]) claim_[t] = claim;
      }
    }
  };
  const Executor executor(mode_);
  const std::size_t paired = blocks > 1 && blocks % 2 == 1 ? blocks - 1 : blocks;
  for (std::size_t colour = 0; colour < 2; ++colour)
    executor.for_blocks(
        static_cast<std::size_t>(height_),
        [&](std::size_t b, std::size_t begin, std::size_t end) {
          if (b % 2 == colour && b < paired) claim_rows(begin, end);
        },
        band_rows);
  if (paired < blocks) claim_rows(paired * band_rows, static_cast<std::size_t>(height_));
}

void EpsteinModel::sync_apply_moves() {
  const Executor executor(mode_);
  executor.for_blocks(
      static_cast<std::size_t>(height_),
      [&](std::size_t, std::size_t begin, std::size_t end) {
        for (int y = static_cast<int>(begin); y < static_cast<int>(end); ++y)
          for (int x = 0; x < width_; ++x) {
            const world::CellId t = grid_.cell(x, y);
            const std::uint32_t claim = claim_[t];
            if (claim == 0) continue;
            claim_[t] = 0;
            const Offset o = offsets_[(claim & ((1u << claim_index_bits) - 1u)) - 1u];
            // Only the winner's own target names its cell, so no other
            // thread touches s.
            const world::CellId s = wrap_cell(x - o.dx, y - o.dy);
            next_kind_[t] = next_kind_[s];
            next_kind_[s] = raw(CellKind::empty);
            id_[t] = id_[s];
          }
      },
      band_rows);
  kind_.swap(next_kind_);
}

}  // namespace pocsim::classic
