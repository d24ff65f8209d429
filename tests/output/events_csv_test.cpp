// SPDX-License-Identifier: Apache-2.0
// events.csv in ACLED's columns: the header is ACLED's codebook (2024, text
// actor types) then pocsim's columns, every kind of event gets ACLED's types,
// actors come from the factions' acled keys, and a town changes hands only
// after the minimum run of days.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/output/csv.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/output/recorder.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

// ACLED's codebook (2024), in the order of its exports.
const std::vector<std::string> acled_codebook = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};
const std::vector<std::string> pocsim_columns = {
    "civilian_fatalities", "perpetrator_kind", "episode_id",    "detection_hours", "request_hours",
    "authorisation_hours", "arrival_hours",    "response_mode", "outcome",         "investigation"};

using Row = std::map<std::string, std::string>;

struct EventsFile {
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// The flight-delay teaching scenario, with JNIM destroying infrastructure in
// every episode and MINUSMA opening a camp on a date and handing it to JNIM
// (a handover of no realism, to see the event).
const EventsFile& events_file() {
  static const EventsFile file = [] {
    const scenario::Scenario s = test::load_shipped(
        "teaching/flight_delay.yaml",
        {"factions.JNIM.destroy_probability=1", "factions.JNIM.hostile_to=[MINUSMA]",
         "combat.engage_probability=0.2", "ied.per_km=0.0005",
         "factions.JNIM.acled_actor=\"JNIM: Group for Support of Islam and Muslims\"",
         "factions.MINUSMA.acled_actor=\"MINUSMA: United Nations Mission\"",
         "factions.MINUSMA.bases=[Sévaré, Mopti]",
         "factions.MINUSMA.base_dates=[{town: Mopti, opens: 2022-03-10, closes: 2022-03-20, "
         "handed_to: JNIM}]"});
    Simulation sim(s);
    sim.run();
    std::istringstream csv(events_csv(collect_outcomes(sim.result())));
    EventsFile f;
    std::string line;
    std::getline(csv, line);
    f.header = csv_fields(line);
    while (std::getline(csv, line)) {
      const std::vector<std::string> fields = csv_fields(line);
      EXPECT_EQ(fields.size(), f.header.size()) << line;
      Row row;
      for (std::size_t i = 0; i < f.header.size() && i < fields.size(); ++i)
        row[f.header[i]] = fields[i];
      f.rows.push_back(row);
    }
    return f;
  }();
  return file;
}

std::vector<Row> rows_of(const std::string& sub_event_type) {
  std::vector<Row> out;
  for (const Row& r : events_file().rows)
    if (r.at("sub_event_type") == sub_event_type) out.push_back(r);
  return out;
}

}  // namespace

TEST(EventsCsv, HeaderIsAcledsCodebookThenPocsimsColumns) {
  std::vector<std::string> expected = acled_codebook;
  expected.insert(expected.end(), pocsim_columns.begin(), pocsim_columns.end());
  EXPECT_EQ(events_file().header, expected);
}

TEST(EventsCsv, ViolenceAgainstCivilians) {
  const auto rows = rows_of("Attack");
  ASSERT_GT(rows.size(), 10u);
  for (const Row& r : rows) {
    EXPECT_EQ(r.at("event_type"), "Violence against civilians");
    EXPECT_EQ(r.at("disorder_type"), "Political violence");
    EXPECT_EQ(r.at("civilian_targeting"), "Civilian targeting");
    EXPECT_EQ(r.at("actor1"), "JNIM: Group for Support of Islam and Muslims");
    EXPECT_EQ(r.at("inter1"), "Rebel group");
    EXPECT_EQ(r.at("actor2"), "Civilians (Mali)");
    EXPECT_EQ(r.at("inter2"), "Civilians");
    EXPECT_EQ(r.at("interaction"), "Rebel group-Civilians");
    EXPECT_EQ(r.at("fatalities"), r.at("civilian_fatalities"));
    EXPECT_EQ(r.at("notes").rfind("JNIM ", 0), 0u) << r.at("notes");
    EXPECT_NE(r.at("notes").find(r.at("location")), std::string::npos) << r.at("notes");
  }
}

TEST(EventsCsv, BattlesAndExplosions) {
  const auto battles = rows_of("Armed clash"), ieds = rows_of("Remote explosive/landmine/IED");
  ASSERT_FALSE(battles.empty());
  ASSERT_FALSE(ieds.empty());
  for (const Row& r : battles) {
    EXPECT_EQ(r.at("event_type"), "Battles");
    EXPECT_EQ(r.at("civilian_targeting"), "");
    // Peacekeepers are external/other forces, after rebel groups in ACLED's order.
    EXPECT_EQ(r.at("interaction"), "Rebel group-External/Other forces");
  }
  for (const Row& r : ieds) {
    EXPECT_EQ(r.at("event_type"), "Explosions/Remote violence");
    EXPECT_EQ(r.at("actor2"), "MINUSMA: United Nations Mission");
    EXPECT_EQ(r.at("inter2"), "External/Other forces");
  }
}

TEST(EventsCsv, StrategicDevelopments) {
  const auto destroyed = rows_of("Looting/property destruction");
  ASSERT_FALSE(destroyed.empty());
  for (const Row& r : destroyed) {
    EXPECT_EQ(r.at("event_type"), "Strategic developments");
    EXPECT_EQ(r.at("disorder_type"), "Strategic developments");
    EXPECT_EQ(r.at("actor1"), "JNIM: Group for Support of Islam and Muslims");
    EXPECT_EQ(r.at("actor2"), "");
    EXPECT_EQ(r.at("interaction"), "Rebel group only");
    EXPECT_EQ(r.at("fatalities"), "0");
    EXPECT_NE(r.at("notes").find("destroyed"), std::string::npos);
  }
  const auto opened = rows_of("Headquarters or base established");
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0].at("event_date"), "2022-03-10");
  EXPECT_EQ(opened[0].at("location"), "Mopti");
  EXPECT_EQ(opened[0].at("geo_precision"), "1");
  EXPECT_EQ(opened[0].at("actor1"), "MINUSMA: United Nations Mission");
  const auto handed = rows_of("Non-violent transfer of territory");
  ASSERT_EQ(handed.size(), 1u);
  EXPECT_EQ(handed[0].at("event_date"), "2022-03-20");
  EXPECT_EQ(handed[0].at("actor1"), "JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(handed[0].at("actor2"), "MINUSMA: United Nations Mission");
  EXPECT_EQ(handed[0].at("notes"), "MINUSMA handed its camp in Mopti (Mopti) over to JNIM.");
}

TEST(EventsCsv, AcledsFixedColumns) {
  std::set<std::string> ids;
  std::map<std::string, int> precision;
  for (const Row& r : events_file().rows) {
    EXPECT_TRUE(ids.insert(r.at("event_id_cnty")).second);
    EXPECT_EQ(r.at("year"), r.at("event_date").substr(0, 4));
    EXPECT_EQ(r.at("time_precision"), "1");
    EXPECT_EQ(r.at("iso"), "466");
    EXPECT_EQ(r.at("region"), "Western Africa");
    EXPECT_EQ(r.at("country"), "Mali");
    EXPECT_EQ(r.at("source_scale"), "Other");
    EXPECT_EQ(r.at("source").rfind("pocsim ", 0), 0u);
    // The run's first day, 2022-03-01, at midnight UTC: never the clock.
    EXPECT_EQ(r.at("timestamp"), "1646092800");
    EXPECT_EQ(r.at("admin3"), "");
    EXPECT_FALSE(r.at("location").empty());
    // The notes say how near the place is, as geo_precision does.
    const std::string& notes = r.at("notes");
    const std::string& place = r.at("location");
    const char* how = r.at("geo_precision") == "1"   ? "in "
                      : r.at("geo_precision") == "2" ? "near "
                                                     : " km from ";
    if (r.at("disorder_type") == "Political violence") {
      EXPECT_NE(notes.find(how + place), std::string::npos) << notes;
    }
    ++precision[r.at("geo_precision")];
  }
  // Violence and fighting happen in the villages between the towns too
  // (20 km cells: a town's own cell is precision 1, the next ones 2).
  EXPECT_GT(precision["1"], 0);
  EXPECT_GT(precision["2"], 0);
  EXPECT_EQ(precision["1"] + precision["2"] + precision["3"],
            static_cast<int>(events_file().rows.size()));
}

// A town changes hands once the new side has held it territory_change_min_days
// running; the side seen first holds it without an event.
TEST(TownControl, AChangeNeedsTheMinimumRunOfDays) {
  const std::vector<std::int16_t> regions(4, 0);
  Recorder rec(&regions, 1, 3);
  const std::vector<std::int64_t> people(1, 0);
  std::uint32_t day = 0;
  auto hold = [&](TownSide side, std::int32_t holder, std::uint32_t days) {
    for (std::uint32_t d = 0; d < days; ++d) {
      rec.town_held(0, 2, side, holder);
      rec.end_of_day(day++, people, people);
    }
  };
  hold(TownSide::state, 0, 3);
  EXPECT_TRUE(rec.events().empty());
  hold(TownSide::armed_group, 1, territory_change_min_days - 1);
  hold(TownSide::none, no_actor, 1);  // contested for a day: the run starts again
  hold(TownSide::armed_group, 1, territory_change_min_days - 1);
  EXPECT_TRUE(rec.events().empty());
  hold(TownSide::armed_group, 2, 1);
  ASSERT_EQ(rec.events().size(), 1u);
  const EventRecord& e = rec.events()[0];
  EXPECT_EQ(e.kind, EventKind::territory_overtaken);
  EXPECT_EQ(e.day, 3 + 2 * (territory_change_min_days - 1) + 1);
  EXPECT_EQ(e.actor1, 2);
  EXPECT_EQ(e.actor2, 0);
  EXPECT_EQ(e.cell, 2u);
  hold(TownSide::state, 0, territory_change_min_days);
  ASSERT_EQ(rec.events().size(), 2u);
  EXPECT_EQ(rec.events()[1].kind, EventKind::territory_regained);
  EXPECT_EQ(rec.events()[1].actor2, 2);
}

}  // namespace pocsim
