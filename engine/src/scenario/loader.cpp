// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <span>

#include "describe_reader.hpp"
#include "key_mapping.hpp"
#include "list_paths.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/printer.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/world/outline.hpp"
#include "pocsim/world/places.hpp"
#include "pocsim/world/polygon_file.hpp"
#include "yaml_paths.hpp"

namespace pocsim::scenario {

std::optional<Override> Override::parse(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return std::nullopt;
  Override o;
  o.key_path = std::string(text.substr(0, eq));
  o.value = std::string(text.substr(eq + 1));
  o.origin = std::string(text);
  return o;
}

// The names of the scenario's enums, found by the describe()-driven reader.
std::span<const std::string_view> enum_names(FactionKind) { return faction_kind_names; }
std::span<const std::string_view> enum_names(Mobility) { return mobility_names; }
std::span<const std::string_view> enum_names(DelayLaw) { return delay_law_names; }

namespace {

// --- references ------------------------------------------------------------

bool same_or_nested(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return longer.starts_with(shorter) &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

// Temporary bases open only by units_per_base; dated bases are bases of the
// faction, handed to another faction, and close after they open.
// check_name(path, name, candidates, what) is check_references' name check.
void check_base_keys(LoadContext& ctx, const FactionSection& f, const std::string& base,
                     const std::vector<std::string>& faction_names, bool towns_known,
                     const auto& check_name) {
  const auto where = [&](const std::string& path) { return ctx.location_of(path); };
  if (towns_known && !f.temporary_bases.empty()) {
    for (std::size_t j = 0; j < f.temporary_bases.size(); ++j)
      if (std::find(f.bases.begin(), f.bases.end(), f.temporary_bases[j]) != f.bases.end()) {
        const std::string path = base + ".temporary_bases." + std::to_string(j);
        ctx.error(where(path), path,
                  "'" + f.temporary_bases[j] + "' is already one of the faction's bases");
      }
  }
  if (!f.temporary_bases.empty() && f.units_per_base == 0)
    ctx.error(where(base + ".temporary_bases"), base + ".temporary_bases",
              "temporary bases open when the units are more than the bases hold: set "
              "units_per_base too");
  for (std::size_t k = 0; k < f.base_dates.size(); ++k) {
    const BaseDatesSection& dates = f.base_dates[k];
    const std::string path = base + ".base_dates." + std::to_string(k);
    const bool listed = std::find(f.bases.begin(), f.bases.end(), dates.town) != f.bases.end() ||
                        std::find(f.temporary_bases.begin(), f.temporary_bases.end(), dates.town) !=
                            f.temporary_bases.end();
    if (towns_known && !listed)
      ctx.error(where(path + ".town"), path + ".town",
                "'" + dates.town + "' is not one of the faction's bases or temporary_bases");
    if (dates.opens && dates.closes && *dates.closes <= *dates.opens)
      ctx.error(where(path + ".closes"), path + ".closes",
                "a base closes after it opens (" + dates.opens->to_string() + ")");
    if (dates.handed_to && *dates.handed_to == f.name)
      ctx.error(where(path + ".handed_to"), path + ".handed_to",
                "a faction cannot hand a base to itself");
    else if (dates.handed_to)
      check_name(path + ".handed_to", *dates.handed_to, faction_names, "faction");
  }
}

// A name that is a key of summary.json (a window's, a campaign's): letters,
// digits, _ or -.
bool is_plain_word(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

// The regions' and districts' files: polygons with a name each; a region's
// name is one of the places file's regions, and every one of those has a
// polygon, or it would have no land.
void check_map_files(LoadContext& ctx, const Scenario& s, const world::Places* places) {
  const auto readable = [](const std::optional<DataFile>& f) {
    return f && std::filesystem::is_regular_file(f->resolved);
  };
  if (readable(s.world.districts))
    world::load_polygon_features(s.world.districts->resolved, "districts",
                                 s.world.district_name_property, ctx.diagnostics);
  if (!readable(s.world.regions)) return;
  const std::filesystem::path& file = s.world.regions->resolved;
  const auto features =
      world::load_polygon_features(file, "regions", s.world.region_name_property, ctx.diagnostics);
  if (!features || !places) return;
  std::vector<std::uint8_t> has_polygon(places->region_names.size(), 0);
  bool all_known = true;
  for (std::size_t k = 0; k < features->size(); ++k) {
    const std::string& name = (*features)[k].name;
    const int r = places->find_region(name);
    if (r >= 0) {
      has_polygon[static_cast<std::size_t>(r)] = 1;
      continue;
    }
    all_known = false;
    const std::string path =
        "features." + std::to_string(k) + ".properties." + s.world.region_name_property;
    ctx.error(world::feature_property_location(file, k, s.world.region_name_property), path,
              "'" + name + "' is not a region of the places file" +
                  did_you_mean_or_list(name, places->region_names, "regions"));
  }
  // After a misspelt name, the regions it missed would only repeat it.
  for (std::size_t r = 0; r < has_polygon.size() && all_known; ++r)
    if (!has_polygon[r])
      ctx.error(ctx.location_of("world.regions"), "world.regions",
                "the places file's region '" + places->region_names[r] + "' has no polygon in '" +
                    s.world.regions->path + "' (by its property '" + s.world.region_name_property +
                    "')");
}

void check_references(LoadContext& ctx, Scenario& s) {
  auto where = [&](const std::string& path) { return ctx.location_of(path); };
  // A name must be one of the candidates, with a "did you mean" or the list
  // of them otherwise.
  auto check_name = [&](const std::string& path, const std::string& name,
                        const std::vector<std::string>& candidates, const std::string& what) {
    if (std::find(candidates.begin(), candidates.end(), name) != candidates.end()) return;
    ctx.error(
        where(path), path,
        "unknown " + what + " '" + name + "'" + did_you_mean_or_list(name, candidates, what + "s"));
  };
  auto check_names = [&](const std::string& path, const std::vector<std::string>& names,
                         const std::vector<std::string>& candidates, const std::string& what) {
    for (std::size_t j = 0; j < names.size(); ++j)
      check_name(path + "." + std::to_string(j), names[j], candidates, what);
  };
  if (24 % s.scenario.tick_hours != 0)
    ctx.error(where("scenario.tick_hours"), "scenario.tick_hours",
              "must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24), got " +
                  std::to_string(s.scenario.tick_hours));
  if (s.civilians.population / s.civilians.people_per_agent > 200'000'000)
    ctx.error(where("civilians.people_per_agent"), "civilians.people_per_agent",
              "more than 200 million civilian agents; raise people_per_agent");

  std::optional<world::Places> places;
  if (!s.world.places.resolved.empty() && std::filesystem::is_regular_file(s.world.places.resolved))
    places = world::load_places(s.world.places.resolved, ctx.diagnostics);
  if (!s.world.outline.resolved.empty() &&
      std::filesystem::is_regular_file(s.world.outline.resolved))
    world::load_outline(s.world.outline.resolved, ctx.diagnostics);
  check_map_files(ctx, s, places ? &*places : nullptr);

  if (s.factions.size() > max_factions)
    ctx.error(where("factions"), "factions",
              "at most " + std::to_string(max_factions) + " factions, got " +
                  std::to_string(s.factions.size()));
  std::vector<std::string> faction_names;
  for (std::size_t i = 0; i < s.factions.size(); ++i) {
    const FactionSection& f = s.factions[i];
    const std::string base = "factions." + std::to_string(i);
    for (const std::string& other : faction_names)
      if (other == f.name && !f.name.empty())
        ctx.error(where(base + ".name"), base + ".name",
                  "faction name '" + f.name + "' is used twice");
    faction_names.push_back(f.name);
  }
  if (places)
    check_names("outputs.focus_regions", s.outputs.focus_regions, places->region_names, "region");
  {
    const Date first = s.scenario.start_date;
    const Date last = first.plus_days(s.scenario.duration_days - 1);
    std::vector<std::string> window_names;
    for (std::size_t i = 0; i < s.outputs.windows.size(); ++i) {
      const WindowSection& w = s.outputs.windows[i];
      const std::string base = "outputs.windows." + std::to_string(i);
      if (!is_plain_word(w.name))
        ctx.error(
            where(base + ".name"), base + ".name",
            "a window's name is a plain word (letters, digits, _ or -), got '" + w.name + "'");
      else if (std::find(window_names.begin(), window_names.end(), w.name) != window_names.end())
        ctx.error(where(base + ".name"), base + ".name",
                  "window name '" + w.name + "' is used twice");
      else if (s.outputs.quarters && is_quarter_window_name(w.name))
        ctx.error(where(base + ".name"), base + ".name",
                  "'" + w.name +
                      "' names a built-in quarter window (outputs.quarters); choose "
                      "another name");
      window_names.push_back(w.name);
      if (w.to < w.from)
        ctx.error(where(base + ".to"), base + ".to",
                  "a window ends on or after its first day (" + w.from.to_string() + ")");
      else if (w.to < first || last < w.from)
        ctx.error(where(base + ".from"), base + ".from",
                  "the window " + w.from.to_string() + " to " + w.to.to_string() +
                      " lies outside the run, which covers " + first.to_string() + " to " +
                      last.to_string());
    }
  }
  for (std::size_t i = 0; i < s.factions.size(); ++i) {
    const FactionSection& f = s.factions[i];
    const std::string base = "factions." + std::to_string(i);
    if (places) {
      const std::vector<std::string> towns = places->town_names();
      check_names(base + ".bases", f.bases, towns, "town");
      check_names(base + ".temporary_bases", f.temporary_bases, towns, "town");
      check_names(base + ".area", f.area, places->region_names, "region");
      check_names(base + ".isr_regions", f.isr_regions, places->region_names, "region");
    }
    if (f.units > 0 && f.bases.empty())
      ctx.error(where(base + ".bases"), base + ".bases",
                "a faction with units needs at least one base");
    check_base_keys(ctx, f, base, faction_names, places.has_value(), check_name);
    if (f.abductees_released_share + f.abductees_killed_share > 1.0)
      ctx.error(where(base + ".abductees_killed_share"), base + ".abductees_killed_share",
                "released and killed shares of the abductees add up to more than 1");
    for (std::size_t j = 0; j < f.hostile_to.size(); ++j) {
      const std::string path = base + ".hostile_to." + std::to_string(j);
      if (f.hostile_to[j] == f.name) {
        ctx.error(where(path), path, "a faction cannot be hostile to itself");
      } else {
        check_name(path, f.hostile_to[j], faction_names, "faction");
      }
    }
    if (f.arrival_date && f.withdrawal_date && *f.withdrawal_date <= *f.arrival_date)
      ctx.error(where(base + ".withdrawal_date"), base + ".withdrawal_date",
                "withdrawal must come after arrival (" + f.arrival_date->to_string() + ")");
  }
  if (!s.response.responder.empty()) {
    const auto it = std::find_if(s.factions.begin(), s.factions.end(),
                                 [&](const auto& f) { return f.name == s.response.responder; });
    if (it == s.factions.end())
      check_name("response.responder", s.response.responder, faction_names, "faction");
    else if (it->kind != FactionKind::peacekeepers)
      ctx.error(where("response.responder"), "response.responder",
                "the responder must be a faction of kind peacekeepers, '" + it->name + "' is " +
                    std::string(to_string(it->kind)));
  }
  if (places)
    for (std::size_t k = 0; k < s.civilians.initially_displaced.size(); ++k)
      check_name("civilians.initially_displaced." + std::to_string(k) + ".region",
                 s.civilians.initially_displaced[k].region, places->region_names, "region");
  for (std::size_t o = 0; o < s.operations.size(); ++o) {
    const OperationSection& op = s.operations[o];
    const std::string base = "operations." + std::to_string(o);
    check_name(base + ".faction", op.faction, faction_names, "faction");
    if (places) check_name(base + ".town", op.town, places->town_names(), "town");
    for (const FactionSection& f : s.factions)
      if (f.name == op.faction && op.units > f.units)
        ctx.error(where(base + ".units"), base + ".units",
                  "the operation takes " + std::to_string(op.units) + " units but " + f.name +
                      " has " + std::to_string(f.units));
  }
  for (std::size_t g = 0; g < s.flights.groundings.size(); ++g) {
    const GroundingSection& window = s.flights.groundings[g];
    const std::string path = "flights.groundings." + std::to_string(g) + ".to";
    if (window.to && *window.to < window.from)
      ctx.error(where(path), path,
                "the grounding ends before it starts (" + window.from.to_string() + ")");
  }
  // Campaigns: names are summary.json keys; faction and regions as for
  // operations. (Every region of a places file has a town, which the places
  // reader checks, so a campaign with a region always has towns to go to.)
  for (std::size_t c = 0; c < s.campaigns.size(); ++c) {
    const CampaignSection& campaign = s.campaigns[c];
    const std::string base = "campaigns." + std::to_string(c);
    if (!is_plain_word(campaign.name))
      ctx.error(where(base + ".name"), base + ".name",
                "a campaign's name is a plain word (letters, digits, _ or -), got '" +
                    campaign.name + "'");
    for (std::size_t d = 0; d < c; ++d)
      if (s.campaigns[d].name == campaign.name)
        ctx.error(where(base + ".name"), base + ".name",
                  "campaign name '" + campaign.name + "' is used twice");
    check_name(base + ".faction", campaign.faction, faction_names, "faction");
    if (campaign.regions.empty())
      ctx.error(where(base + ".regions"), base + ".regions",
                "a campaign needs at least one region, whose towns its operations go to");
    if (places) check_names(base + ".regions", campaign.regions, places->region_names, "region");
    if (campaign.to < campaign.from)
      ctx.error(where(base + ".to"), base + ".to",
                "the campaign's last start day comes before its first (" +
                    campaign.from.to_string() + ")");
    for (const FactionSection& f : s.factions)
      if (f.name == campaign.faction && campaign.units > f.units)
        ctx.error(where(base + ".units"), base + ".units",
                  "each operation takes " + std::to_string(campaign.units) + " units but " +
                      f.name + " has " + std::to_string(f.units));
  }
}

// A season must end on or after its first day, and names must be distinct
// for `--set seasons.NAME.KEY` to name one.
void check_seasons(LoadContext& ctx, const Scenario& s) {
  for (std::size_t i = 0; i < s.seasons.size(); ++i) {
    const SeasonSection& season = s.seasons[i];
    const std::string base = "seasons." + std::to_string(i);
    if (season.to < season.from)
      ctx.error(ctx.location_of(base + ".to"), base + ".to",
                "the season ends before it starts (" + season.from.to_string() + ")");
    for (std::size_t j = 0; j < i; ++j)
      if (s.seasons[j].name == season.name)
        ctx.error(ctx.location_of(base + ".name"), base + ".name",
                  "season name '" + season.name + "' is used twice");
  }
}

// --- replaced keys -------------------------------------------------------------
// A key that was replaced is not just unknown: a scenario (or a `set`, or a
// `--set`) that still gives it is told what replaced it and how to convert.
struct ReplacedKey {
  std::string_view path;
  std::string_view message;
};

constexpr ReplacedKey replaced_keys[] = {
    {"control.presence_cells",
     "replaced by control.presence_km, a reach in km that does not change with world.cell_km: "
     "a unit marks the cells whose centres lie within that distance of it; the old 2 cells of "
     "10 km (a 5 x 5 square) is about presence_km: 28.2, the disc of the same area; k cells of "
     "C km, (2k + 1) C / sqrt(pi)"},
};

void explain_replaced_keys(LoadContext& ctx) {
  Diagnostics explained;
  for (const Diagnostic& d : ctx.diagnostics.items()) {
    std::string message = d.message;
    for (const ReplacedKey& key : replaced_keys)
      if (d.key_path == key.path && message.starts_with("unknown key")) message = key.message;
    explained.error(d.where, d.key_path, std::move(message));
  }
  ctx.diagnostics = std::move(explained);
}

// Reference checks run even when some values were malformed, so that one
// `validate` reports everything; a key whose value already failed (or lies
// inside or around one that did) is not reported a second time.
void check_references_after_type_errors(LoadContext& ctx, Scenario& s) {
  Diagnostics value_errors = std::move(ctx.diagnostics);
  ctx.diagnostics = Diagnostics{};
  check_references(ctx, s);
  check_seasons(ctx, s);
  for (const Diagnostic& d : ctx.diagnostics.items()) {
    bool reported = false;
    for (const Diagnostic& e : value_errors.items())
      reported =
          reported || (e.where.file == d.where.file && same_or_nested(e.key_path, d.key_path));
    if (!reported) value_errors.error(d.where, d.key_path, d.message);
  }
  value_errors.sort_by_location();
  ctx.diagnostics = std::move(value_errors);
}

// The scenario's errors with their list elements named as users name them
// (list_paths.hpp); the errors inside the data files it reads keep theirs.
Diagnostics with_named_elements(const Diagnostics& diagnostics, const YAML::Node& root,
                                const Scenario& s) {
  Diagnostics out;
  for (const Diagnostic& d : diagnostics.items()) {
    const auto is = [&](const std::optional<DataFile>& f) {
      return f && d.where.file == f->resolved.string();
    };
    const bool data_file = d.where.file == s.world.places.resolved.string() ||
                           d.where.file == s.world.outline.resolved.string() ||
                           is(s.world.regions) || is(s.world.districts);
    out.error(d.where, data_file ? d.key_path : named_key_path(root, d.key_path), d.message,
              d.excerpt);
  }
  return out;
}

// --- variants ----------------------------------------------------------------
// A variant file is `base: PATH` and `set: {KEY.PATH: value, ...}`. Each set
// entry goes through apply_set, the mechanism and checks of `--set`. Chosen
// over a deep merge of sections because a key path names exactly one value
// (a list element by its name: factions.Barkhane.withdrawal_date): a change
// is one line, a list cannot be replaced by accident with a partial copy,
// and an error points at the one line that made it.

SourceLocation mark_in(const std::string& file, const YAML::Mark& mark,
                       const SourceLocation& fallback) {
  if (mark.is_null() || mark.line < 0) return fallback;
  return {file, mark.line + 1, mark.column + 1};
}

// `set` alone marks one too: a variant that forgot its base is told so,
// rather than that a scenario has no section `set`.
bool is_variant(const YAML::Node& root) {
  const YAML::Node& node = root;
  return node.IsMap() && (node["base"] || node["set"]);
}

// Whether a scenario's top node can be read as one.
bool check_root(LoadContext& ctx, const YAML::Node& root, const std::string& file) {
  if (root.IsNull()) {
    ctx.error({file, 1, 1}, "", "the file is empty; a scenario needs at least its sections");
    return false;
  }
  if (!root.IsMap()) {
    ctx.error(mark_in(file, root.Mark(), {file, 1, 1}), "",
              std::string("a scenario is a mapping of sections, got ") + node_kind(root));
    return false;
  }
  return true;
}

std::optional<YAML::Node> resolve_variant(LoadContext& ctx, const YAML::Node& variant,
                                          const std::string& file, const std::filesystem::path& dir,
                                          std::vector<std::filesystem::path>& chain);

// Reads the file a variant builds on, itself maybe a variant; its tree, or
// nothing when it cannot be had. Sets ctx.file and ctx.base_dir to the file
// at the end of the chain, whose marks the tree's nodes carry.
std::optional<YAML::Node> read_base(LoadContext& ctx, const KeyMapping::Entry& base,
                                    const std::string& file, const std::filesystem::path& dir,
                                    std::vector<std::filesystem::path>& chain) {
  const SourceLocation where = mark_in(file, base.value.Mark(), base.where);
  if (!base.value.IsScalar() || base.value.Scalar().empty()) {
    ctx.error(where, "base",
              std::string("expected the path of a scenario file, got ") + node_kind(base.value));
    return std::nullopt;
  }
  const std::filesystem::path written(base.value.Scalar());
  const std::filesystem::path path =
      (written.is_absolute() ? written : dir / written).lexically_normal();
  std::error_code ec;
  const std::filesystem::path identity = std::filesystem::weakly_canonical(path, ec);
  if (std::find(chain.begin(), chain.end(), identity) != chain.end()) {
    std::string cycle;
    for (const auto& p : chain) cycle += p.filename().string() + " -> ";
    ctx.error(where, "base", "the bases form a cycle: " + cycle + identity.filename().string());
    return std::nullopt;
  }
  const std::optional<std::string> text = read_input_file(path, yaml_input_limit);
  if (const std::string problem = input_file_problem(path, yaml_input_limit);
      !text && std::filesystem::exists(path, ec)) {
    ctx.error(where, "base",
              "cannot read base file '" + written.string() + "': " +
                  (problem.empty() ? "it cannot be opened" : problem));
    return std::nullopt;
  }
  if (!text) {
    ctx.error(where, "base",
              "base file '" + written.string() + "' not found (looked for '" + path.string() +
                  "')" + relative_path_note(written.string(), file, dir));
    return std::nullopt;
  }
  const std::string name = path.string();
  std::optional<YAML::Node> root = parse_yaml_document(*text, name, ctx.diagnostics);
  if (!root || !check_root(ctx, *root, name)) return std::nullopt;
  if (!is_variant(*root)) {
    ctx.file = name;
    ctx.base_dir = path.parent_path();
    return root;
  }
  chain.push_back(identity);
  return resolve_variant(ctx, *root, name, path.parent_path(), chain);
}

// The scenario tree a variant describes: its base's with its set applied.
std::optional<YAML::Node> resolve_variant(LoadContext& ctx, const YAML::Node& variant,
                                          const std::string& file, const std::filesystem::path& dir,
                                          std::vector<std::filesystem::path>& chain) {
  const SourceLocation top{file, 1, 1};
  const auto locate = [&file, top](const YAML::Node& key, const std::string&) {
    return mark_in(file, key.Mark(), top);
  };
  KeyMapping keys(ctx.diagnostics, variant, "", top, locate);
  const KeyMapping::Entry* base = keys.take("base", true);
  const KeyMapping::Entry* set = keys.take("set");
  keys.finish();
  if (!base) return std::nullopt;
  std::optional<YAML::Node> tree = read_base(ctx, *base, file, dir, chain);
  if (!tree || !set) return tree;
  KeyMapping entries(ctx.diagnostics, set->value, "set",
                     mark_in(file, set->value.Mark(), set->where), locate);
  for (const KeyMapping::Entry& e : entries.entries()) {
    SetOrigin origin;
    origin.where = e.value.IsNull() ? e.where : mark_in(file, e.value.Mark(), e.where);
    origin.key_where = e.where;
    origin.file = file;
    origin.base_dir = dir;
    apply_set(ctx, *tree, e.key, e.value, std::move(origin));
  }
  return tree;
}

// The key paths of the scenario that end in `key`, read from the key
// reference once, when an unknown key first asks.
std::vector<std::string> scenario_key_homes(const std::string& key) {
  static const std::vector<KeyInfo> keys = key_reference();
  std::vector<std::string> homes;
  for (const KeyInfo& k : keys) {
    const std::size_t dot = k.path.rfind('.');
    if (k.path.compare(dot == std::string::npos ? 0 : dot + 1, std::string::npos, key) == 0)
      homes.push_back(k.path);
  }
  return homes;
}

LoadResult load_parsed(LoadContext& ctx, const std::string& text,
                       const std::vector<Override>& overrides,
                       const std::filesystem::path& identity) {
  LoadResult result;
  ctx.key_homes = scenario_key_homes;
  const std::string top_file = ctx.file;
  const std::filesystem::path top_dir = ctx.base_dir;
  std::optional<YAML::Node> root = parse_yaml_document(text, ctx.file, ctx.diagnostics);
  if (root && check_root(ctx, *root, ctx.file) && is_variant(*root)) {
    std::vector<std::filesystem::path> chain{identity};
    root = resolve_variant(ctx, *root, top_file, top_dir, chain);
  }
  if (root && root->IsMap()) {
    Scenario scenario;
    read_document(ctx, *root, overrides, top_dir, scenario);
    explain_replaced_keys(ctx);
    check_references_after_type_errors(ctx, scenario);
    if (!ctx.diagnostics.empty())
      ctx.diagnostics = with_named_elements(ctx.diagnostics, *root, scenario);
    if (ctx.diagnostics.empty()) result.scenario = std::move(scenario);
  }
  result.diagnostics = std::move(ctx.diagnostics);
  return result;
}

}  // namespace

LoadResult load_scenario_text(const std::string& text, const std::string& display_name,
                              const std::filesystem::path& base_dir,
                              const std::vector<Override>& overrides) {
  LoadContext ctx;
  ctx.file = display_name;
  ctx.base_dir = base_dir;
  std::error_code ec;
  return load_parsed(ctx, text, overrides,
                     std::filesystem::weakly_canonical(base_dir / display_name, ec));
}

LoadResult load_scenario(const std::filesystem::path& file,
                         const std::vector<Override>& overrides) {
  LoadResult result;
  const std::optional<std::string> text = read_input_file(file, "scenario", result.diagnostics);
  if (!text) return result;
  return load_scenario_text(*text, file.string(), file.parent_path(), overrides);
}

}  // namespace pocsim::scenario
