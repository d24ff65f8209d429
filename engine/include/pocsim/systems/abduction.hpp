// SPDX-License-Identifier: Apache-2.0
#pragma once
// Abductions and enforced disappearances. Jihadist groups take hostages and
// alleged collaborators; state forces and their mercenaries detain people
// who are not seen again. MINUSMA's human-rights division documented 744
// civilians abducted or disappeared in 2021 and 372 in 2022, a fifth to two
// fifths of the civilian victims it counted. Each violent episode of a
// faction takes a Poisson number of the cell's people at its start
// (factions[].abductions_per_episode), so abductions follow the faction's
// episodes, and so its presence; each abductee is later released or killed
// with the faction's stated shares, or stays missing. The abductees are
// counted, not taken out of the population (a few hundred of millions).
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// The abductions at the start of episode `e`, on `day`; draws are keyed by
// the episode, so they shift no other mechanism's numbers.
void abduct_civilians(SimulationContext& ctx, const Episode& e, std::uint32_t day,
                      std::uint32_t tick);

}  // namespace pocsim
