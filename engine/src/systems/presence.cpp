// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/presence.hpp"

#include <cmath>

#include "pocsim/core/vector_clones.hpp"
#include "pocsim/scenario/sections/control.hpp"

namespace pocsim {

namespace {

// What a row adds to its floats eight at a time: `unit_days` on the row's
// cells, 0 on those past its end. A presence is never -0.0 (it starts at
// +0.0, grows and is multiplied by a positive factor), so adding 0 leaves it
// as it is, bit for bit: a row is added as whole vectors, with no loop over
// its few cells (at most seven at the baseline's reach) and no scalar tail.
// The floats past the row are other cells, or the next faction's, or the
// table's padding; mark_presence is the only writer, one unit at a time.
class RowAdds {
 public:
  static constexpr int width = 8;
  static_assert(CellFields::presence_padding >= width);

  explicit RowAdds(float unit_days) {
    for (int count = 0; count <= width; ++count)
      for (int k = 0; k < width; ++k) tail_[count][k] = k < count ? unit_days : 0.0f;
  }

  void add(float* __restrict presence, int count) const {
    for (; count > width; count -= width, presence += width) add_eight(presence, tail_[width]);
    add_eight(presence, tail_[count]);
  }

 private:
  static void add_eight(float* __restrict presence, const float* __restrict adds) {
    for (int k = 0; k < width; ++k) presence[k] += adds[k];
  }

  float tail_[width + 1][width];
};

}  // namespace

// With AVX2 a row's eight floats are one addition.
POCSIM_VECTOR_CLONES void mark_presence(SimulationContext& ctx) {
  const world::Grid& grid = ctx.world.grid;
  const RowAdds rows(static_cast<float>(ctx.tick_hours / 24.0));
  const Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u)) continue;
    // The faction's row of the presence table: a row of the disc is a run of it.
    float* presence = &ctx.presence(units.faction[u], 0);
    ctx.presence_footprint.for_each_row(
        grid, units.cell[u], units.x[u], units.y[u],
        [presence, &rows](world::CellId first, int count) { rows.add(presence + first, count); });
  }
}

// Once a day: the memory is in days, whatever the tick.
void fade_presence(SimulationContext& ctx) {
  const auto keep = static_cast<float>(std::exp(-1.0 / ctx.scenario.control.presence_memory_days));
  for (float& p : ctx.cells.presence) p *= keep;
}

}  // namespace pocsim
