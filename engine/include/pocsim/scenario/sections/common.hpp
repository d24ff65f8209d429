// SPDX-License-Identifier: Apache-2.0
#pragma once
// The enumerations several sections and systems share: the kinds of faction,
// how units move and how they fire.
#include <cstddef>
#include <span>
#include <string_view>

namespace pocsim::scenario {

// Hostility between factions is a 64-bit mask.
inline constexpr std::size_t max_factions = 64;

enum class FactionKind { peacekeepers, state_forces, mercenaries, jihadist, signatory, partner };
enum class Mobility { road, offroad };
// Aimed fire (small arms) kills in proportion to the shooters; area fire
// (mortars, rockets, air strikes) also in proportion to how many targets stand
// in the area, and spills onto civilians.
enum class FireMode { aimed, area };
inline constexpr std::size_t faction_kind_count = 6;

inline constexpr std::string_view faction_kind_names[] = {
    "peacekeepers", "state_forces", "mercenaries", "jihadist", "signatory", "partner"};
inline constexpr std::string_view mobility_names[] = {"road", "offroad"};

inline std::string_view to_string(FactionKind k) { return faction_kind_names[static_cast<int>(k)]; }
inline std::string_view to_string(Mobility m) { return mobility_names[static_cast<int>(m)]; }
inline constexpr std::string_view fire_mode_names[] = {"aimed", "area"};
inline std::string_view to_string(FireMode m) { return fire_mode_names[static_cast<int>(m)]; }
// Found by argument-dependent lookup from the loader's enum reader.
inline std::span<const std::string_view> enum_names(FireMode) { return fire_mode_names; }

}  // namespace pocsim::scenario
