// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/run_journal.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::sweep {
namespace {

RunRecord record(std::size_t id) {
  return {
      id, id % 2 == 0, id % 2 ? "boom, \"quoted\"" : "", {{"a", std::to_string(id)}, {"b", ""}}};
}

TEST(RunJournal, ReadsBackWhatItWrote) {
  test::TempDir tmp;
  {
    RunJournal journal(tmp.file("j"));
    for (std::size_t id : {3u, 1u, 2u}) journal.append(record(id));
  }
  RunJournal again(tmp.file("j"));
  ASSERT_EQ(again.existing().size(), 3u);
  EXPECT_EQ(journal_line(again.existing().at(1)), journal_line(record(1)));
  EXPECT_FALSE(again.existing().at(1).ok);
}

TEST(RunJournal, DropsALineTornByAKillAndAppendsAfterTheGoodPart) {
  test::TempDir tmp;
  const std::string whole = journal_line(record(0)) + journal_line(record(1));
  const std::string torn = journal_line(record(2));
  std::ofstream(tmp.file("j")) << whole << torn.substr(0, torn.size() / 2);
  {
    RunJournal journal(tmp.file("j"));
    EXPECT_EQ(journal.existing().size(), 2u);
    journal.append(record(2));
  }
  EXPECT_EQ(test::read_text(tmp.file("j")), whole + torn);
}

TEST(RunJournal, NothingAfterADamagedLineIsTrusted) {
  std::size_t valid = 0;
  const std::string text = journal_line(record(0)) + "{not json\n" + journal_line(record(1));
  EXPECT_EQ(read_journal_text(text, &valid).size(), 1u);
  EXPECT_EQ(valid, journal_line(record(0)).size());
}

}  // namespace
}  // namespace pocsim::sweep
