// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario as plain typed structs. Default member values are the
// defaults a user gets when a key is left out; each key's `doc` says what it
// means. The shipped scenarios state the source of every value they set.
// Each mechanism's section has its own header under sections/, and a system
// includes the sections it reads; this header only composes them into the
// whole scenario, whose describe() gives the order of the top-level keys.
#include <vector>

#include "pocsim/scenario/sections/accord.hpp"
#include "pocsim/scenario/sections/campaign.hpp"
#include "pocsim/scenario/sections/civilians.hpp"
#include "pocsim/scenario/sections/combat.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/detection.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/flights.hpp"
#include "pocsim/scenario/sections/ied.hpp"
#include "pocsim/scenario/sections/investigations.hpp"
#include "pocsim/scenario/sections/medevac.hpp"
#include "pocsim/scenario/sections/operation.hpp"
#include "pocsim/scenario/sections/outputs.hpp"
#include "pocsim/scenario/sections/recruitment.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/scenario/sections/run.hpp"
#include "pocsim/scenario/sections/season.hpp"
#include "pocsim/scenario/sections/world.hpp"

namespace pocsim::scenario {

struct Scenario {
  RunSection scenario;
  WorldSection world;
  CivilianSection civilians;
  RecruitmentSection recruitment;
  CombatSection combat;
  ControlSection control;
  DetectionSection detection;
  FlightPolicySection flights;
  ResponseSection response;
  IedSection ied;
  MedevacSection medevac;
  InvestigationSection investigations;
  AccordSection accord;
  OutputSection outputs;
  std::vector<FactionSection> factions;
  std::vector<OperationSection> operations;
  std::vector<SeasonSection> seasons;
  std::vector<CampaignSection> campaigns;

  template <class V>
  void describe(V& v) {
    v("scenario", scenario, {.doc = "name, dates, seed and time step of the run"});
    v("world", world, {.doc = "the grid: outline, places and cell size"});
    v("civilians", civilians, {.doc = "the population and how it flees and returns"});
    v("recruitment", recruitment,
      {.doc = "grievance from abuse by the state and its allies, and recruitment by jihadists"});
    v("combat", combat, {.doc = "how engagements between armed units are resolved"});
    v("control", control, {.doc = "how units mark presence, which triggers abuse"});
    v("detection", detection, {.doc = "how the responder learns of incidents"});
    v("flights", flights, {.doc = "the host state's flight-authorisation policy"});
    v("response", response, {.doc = "how the responder reaches incidents, by air or ground"});
    v("ied", ied, {.doc = "improvised explosive devices on the roads"});
    v("medevac", medevac,
      {.doc = "evacuation of wounded peacekeepers and partners, and deaths of wounds"});
    v("investigations", investigations,
      {.doc = "human-rights investigations of incidents, and access to them"});
    v("accord", accord, {.doc = "the peace accord between the state and the signatories"});
    v("outputs", outputs, {.doc = "what a run reports beyond its fixed outputs"});
    v("factions", factions, {.doc = "the armed actors, one entry per faction"});
    v("operations", operations, {.doc = "scripted operations (date, place, forces)"});
    v("seasons", seasons,
      {.doc = "dated weather windows that slow movement across country and ground flights"});
    v("campaigns", campaigns,
      {.doc = "scripted operations at scale: a faction's operations at towns of some regions, "
              "one every few days between two dates"});
  }
};

}  // namespace pocsim::scenario
