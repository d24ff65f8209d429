// SPDX-License-Identifier: Apache-2.0
#pragma once
// Engagements between hostile units in contact, resolved by Lanchester's laws
// with Poisson-distributed losses: aimed fire (square law: losses grow with
// the shooters' strength) or area fire (linear law: also with the targets'
// strength, and more civilians killed in the crossfire), terrain defence, and
// the weaker side breaking off.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/scenario/sections/combat.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

void resolve_combat(SimulationContext& ctx, const TickInfo& tick);

// Expected losses over `hours` of a side of strength `own` in terrain of
// defence factor `defence`, under the fire of `enemy_strength` fighters of
// firepower `enemy_firepower` firing in `enemy_fire` mode.
double expected_losses(const scenario::CombatSection& cfg, double enemy_firepower,
                       scenario::FireMode enemy_fire, double enemy_strength, double own,
                       double defence, double hours);

// Share of its expected losses that unit `u` takes at `tick`: the mission's
// and partners' units warned of an attack by partners' ISR take
// 1 - combat.isr_warning of them, every other unit all.
double warned_loss_share(const SimulationContext& ctx, std::size_t u, std::uint32_t tick);

// Chance per resident of the fight's cell of being killed in the crossfire
// over `hours` when the two sides fire in modes a and b.
double crossfire_probability(const scenario::CombatSection& cfg, scenario::FireMode a,
                             scenario::FireMode b, double hours);

}  // namespace pocsim
