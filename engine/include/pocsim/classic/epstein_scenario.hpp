// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parameters of Epstein's civil-violence model (Model I, Epstein 2002,
// PNAS 99 suppl. 3), read from a scenario file whose top-level key
// `model: epstein_civil_violence` tells it apart from a Mali scenario.
// Defaults are those of Mesa 3.3.1's example
// (mesa/examples/advanced/epstein_civil_violence/model.py).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::classic {

inline constexpr std::string_view epstein_model_name = "epstein_civil_violence";

// random_sequential: every step, all agents act one at a time in a fresh
// random order, each seeing what those before it did (Mesa's shuffle_do,
// NetLogo's ask). synchronous: every agent decides from the state at the
// start of the step; conflicts are resolved deterministically.
enum class Activation { random_sequential, synchronous };
inline constexpr std::string_view activation_names[] = {"random_sequential", "synchronous"};

struct EpsteinGridSection {
  int width = 40;
  int height = 40;

  template <class V>
  void describe(V& v) {
    v("width", width, {.doc = "cells along x; the grid is a torus", .min = 3, .max = 20000});
    v("height", height, {.doc = "cells along y", .min = 3, .max = 20000});
  }
};

struct EpsteinCitizenSection {
  double density = 0.7;
  int vision = 7;
  double legitimacy = 0.8;
  double threshold = 0.1;
  double arrest_constant = 2.3;

  template <class V>
  void describe(V& v) {
    v("density", density, {.doc = "chance that a cell starts with a citizen", .min = 0, .max = 1});
    v("vision", vision,
      {.doc = "von Neumann radius (cells) a citizen sees and moves within", .min = 1, .max = 20});
    v("legitimacy", legitimacy,
      {.doc = "L, the regime's legitimacy as every citizen sees it; grievance = hardship * (1 - L)",
       .min = 0,
       .max = 1});
    v("threshold", threshold,
      {.doc = "T: a citizen is active when grievance - risk_aversion * P > T", .min = 0, .max = 1});
    v("arrest_constant", arrest_constant,
      {.doc = "k in P = 1 - exp(-k * round(cops / (1 + actives))) over the citizen's vision",
       .min = 0,
       .max = 100});
  }
};

struct EpsteinCopSection {
  double density = 0.074;
  int vision = 7;
  std::uint32_t max_jail_term = 1000;

  template <class V>
  void describe(V& v) {
    v("density", density, {.doc = "chance that a cell starts with a cop", .min = 0, .max = 1});
    v("vision", vision,
      {.doc = "von Neumann radius (cells) a cop arrests and moves within", .min = 1, .max = 20});
    v("max_jail_term", max_jail_term,
      {.doc = "J: an arrested citizen is jailed for a term drawn uniformly from 0..J steps",
       .min = 0,
       .max = 65535});
  }
};

struct EpsteinScenario {
  std::string model{epstein_model_name};
  std::string name = "epstein_civil_violence";
  std::string description;
  std::uint64_t seed = 1;
  std::uint32_t steps = 100;
  Activation activation = Activation::random_sequential;
  bool movement = true;
  EpsteinGridSection grid;
  EpsteinCitizenSection citizens;
  EpsteinCopSection cops;

  template <class V>
  void describe(V& v) {
    v("model", model, {.doc = "must be epstein_civil_violence", .required = true});
    v("name", name, {.doc = "short name of the scenario, used in outputs"});
    v("description", description, {.doc = "free text"});
    v("seed", seed, {.doc = "base seed of all random numbers; `--seed` overrides it"});
    v("steps", steps, {.doc = "number of steps to run", .min = 1, .max = 100000000});
    v("activation", activation,
      {.doc = "random_sequential (Mesa, NetLogo) or synchronous (all decide from the start of "
              "the step)"});
    v("movement", movement, {.doc = "whether agents move to a random empty cell in their vision"});
    v("grid", grid, {.doc = "the torus"});
    v("citizens", citizens, {.doc = "citizens"});
    v("cops", cops, {.doc = "cops"});
  }
};

struct EpsteinLoadResult {
  std::optional<EpsteinScenario> scenario;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

// Whether the file is a YAML mapping whose `model` key names a classic model
// (so that `pocsim run` hands it here rather than to the Mali loader).
bool names_classic_model(const std::filesystem::path& file);

EpsteinLoadResult load_epstein_scenario(const std::filesystem::path& file,
                                        const std::vector<scenario::Override>& overrides = {});
EpsteinLoadResult load_epstein_scenario_text(const std::string& text,
                                             const std::string& display_name,
                                             const std::vector<scenario::Override>& overrides = {});

// The scenario with every key, as `scenario.resolved.yaml` of a run.
std::string resolved_epstein_yaml(const EpsteinScenario& scenario);

}  // namespace pocsim::classic
