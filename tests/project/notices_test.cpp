// SPDX-License-Identifier: Apache-2.0
// The project's licence notices: an SPDX line at the top of every source file,
// and a NOTICE that lists every data file of scenarios/data/ and every source
// named inside one. The tree is walked when the test runs, so files added
// later are checked too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* spdx_id = "SPDX-License-Identifier: Apache-2.0";

bool is_cpp(const fs::path& p) {
  const std::string e = p.extension().string();
  return e == ".cpp" || e == ".hpp" || e == ".h";
}

bool is_hash_commented(const fs::path& p) {
  const std::string e = p.extension().string();
  return e == ".py" || e == ".sh" || e == ".cmake" || p.filename() == "CMakeLists.txt";
}

// The first two lines of a file.
std::vector<std::string> head(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  std::string line;
  while (lines.size() < 2 && std::getline(in, line)) lines.push_back(line);
  return lines;
}

// "" when the file starts with its SPDX line (after a shebang, if any), else what is wrong.
std::string spdx_problem(const fs::path& p) {
  const std::string expected = std::string(is_cpp(p) ? "// " : "# ") + spdx_id;
  const std::vector<std::string> lines = head(p);
  std::size_t first = 0;
  if (!lines.empty() && lines[0].rfind("#!", 0) == 0) first = 1;
  if (lines.size() > first && lines[first] == expected) return "";
  return "line " + std::to_string(first + 1) + " is not \"" + expected + "\"";
}

// The source files under the given folders of the source tree, tests/data/ excepted.
std::vector<fs::path> source_files() {
  const fs::path root(POCSIM_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const char* top : {"engine", "cli", "bench", "tests", "analysis", "tools", "cmake"}) {
    if (!fs::is_directory(root / top)) continue;
    for (auto it = fs::recursive_directory_iterator(root / top);
         it != fs::recursive_directory_iterator(); ++it) {
      const fs::path& p = it->path();
      if (it->is_directory() && (p == root / "tests" / "data" || p.filename() == "__pycache__" ||
                                 p.filename().string().rfind('.', 0) == 0)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && (is_cpp(p) || is_hash_commented(p))) files.push_back(p);
    }
  }
  files.push_back(root / "CMakeLists.txt");
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Licence, EverySourceFileStartsWithItsSpdxLine) {
  const std::vector<fs::path> files = source_files();
  // The walk found the tree, not an empty folder.
  ASSERT_GT(files.size(), 100u);
  std::ostringstream missing;
  for (const fs::path& p : files) {
    const std::string problem = spdx_problem(p);
    if (!problem.empty())
      missing << fs::relative(p, POCSIM_SOURCE_DIR).string() << ": " << problem << "\n";
  }
  EXPECT_EQ(missing.str(), "") << "add the SPDX line at the top (after a shebang, if any)";
}

TEST(Licence, LicenceIsTheApacheLicenceInFull) {
  const std::string text = read_text(source_path("LICENSE"));
  EXPECT_NE(text.find("Apache License"), std::string::npos);
  EXPECT_NE(text.find("Version 2.0, January 2004"), std::string::npos);
  EXPECT_NE(text.find("END OF TERMS AND CONDITIONS"), std::string::npos);
  EXPECT_NE(text.find("APPENDIX: How to apply the Apache License to your work."),
            std::string::npos);
  EXPECT_GT(text.size(), 11000u);
}

// Lower case, runs of white space as one space: NOTICE wraps its lines.
std::string normalised(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

std::string trim(std::string s) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
  return s;
}

// The text before the first of `stops` outside parentheses ('(' may be one).
std::string before_any(const std::string& s, const std::string& stops) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (depth == 0 && stops.find(s[i]) != std::string::npos) return s.substr(0, i);
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
  }
  return s;
}

// "countries-states-cities database (dr5hn, ODbL)" -> "countries-states-cities database".
std::string without_trailing_parenthesis(std::string s) {
  s = trim(s);
  if (!s.empty() && s.back() == ')') {
    const std::size_t open = s.rfind('(');
    if (open != std::string::npos && open > 0) s = trim(s.substr(0, open));
  }
  return s;
}

// What NOTICE must name for one `source` property of a GeoJSON feature: the
// original dataset (after "original dataset:" when the string says so, else
// the text before its first parenthesis or semicolon; none for a layer
// "DERIVED" from other files), and the attribution it asks for ("attribution: ...").
std::vector<std::string> names_in_geojson_source(const std::string& source) {
  std::vector<std::string> names;
  const std::string original = "original dataset:";
  const std::size_t at = source.find(original);
  if (at != std::string::npos)
    names.push_back(trim(before_any(source.substr(at + original.size()), "(;")));
  else if (source.rfind("DERIVED", 0) != 0)
    names.push_back(trim(before_any(source, "(;")));
  const std::string attribution = "attribution:";
  const std::size_t a = source.find(attribution);
  if (a != std::string::npos) {
    const std::string rest = source.substr(a + attribution.size());
    names.push_back(trim(rest.substr(0, rest.find(';'))));
  }
  return names;
}

// The sources a YAML data file names in its header: the lines
// "#   [tag]  NAME (...): what" under a line ending in "Sources:".
std::vector<std::string> names_in_yaml_header(const std::string& text) {
  std::vector<std::string> names;
  std::istringstream in(text);
  std::string line;
  bool in_sources = false;
  while (std::getline(in, line)) {
    if (line.rfind('#', 0) != 0) break;  // the header ends with the first non-comment line
    const std::string body = trim(line.substr(1));
    if (body.size() >= 8 && body.compare(body.size() - 8, 8, "Sources:") == 0) {
      in_sources = true;
      continue;
    }
    if (!in_sources) continue;
    if (body.empty() || body.front() != '[') {
      in_sources = false;
      continue;
    }
    const std::size_t close = body.find(']');
    if (close == std::string::npos) continue;
    names.push_back(without_trailing_parenthesis(before_any(body.substr(close + 1), ":;,")));
  }
  return names;
}

struct NamedSource {
  std::string file;
  std::string name;
};

std::vector<NamedSource> data_sources(const fs::path& data_dir) {
  std::vector<NamedSource> sources;
  for (const auto& entry : fs::recursive_directory_iterator(data_dir)) {
    if (!entry.is_regular_file()) continue;
    const fs::path& p = entry.path();
    const std::string file = "scenarios/data/" + fs::relative(p, data_dir).generic_string();
    const std::string text = read_text(p.string());
    std::vector<std::string> names;
    const std::string ext = p.extension().string();
    if (ext == ".geojson" || ext == ".json") {
      const nlohmann::json j = nlohmann::json::parse(text);
      std::set<std::string> strings;
      const auto collect = [&](const nlohmann::json& feature) {
        if (feature.contains("properties") && feature["properties"].is_object() &&
            feature["properties"].contains("source"))
          strings.insert(feature["properties"]["source"].get<std::string>());
      };
      if (j.contains("features"))
        for (const auto& f : j["features"]) collect(f);
      else
        collect(j);
      for (const std::string& s : strings)
        for (const std::string& n : names_in_geojson_source(s)) names.push_back(n);
    } else {
      names = names_in_yaml_header(text);
    }
    for (const std::string& n : names) sources.push_back({file, n});
  }
  return sources;
}

TEST(Notice, NamesEveryDataFileAndEverySourceNamedInOne) {
  const std::string notice = normalised(read_text(source_path("NOTICE")));
  ASSERT_FALSE(notice.empty()) << "NOTICE is missing";
  const fs::path data_dir = source_path("scenarios/data");
  std::size_t files = 0;
  // The boundaries' folder too (scenarios/data/boundaries/).
  for (const auto& entry : fs::recursive_directory_iterator(data_dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string file =
        "scenarios/data/" + fs::relative(entry.path(), data_dir).generic_string();
    EXPECT_NE(notice.find(normalised(file)), std::string::npos) << "NOTICE does not list " << file;
  }
  EXPECT_GT(files, 0u);
  const std::vector<NamedSource> sources = data_sources(data_dir);
  // The outline's Natural Earth and the places' countries-states-cities at least.
  ASSERT_GE(sources.size(), 2u);
  for (const NamedSource& s : sources) {
    ASSERT_FALSE(s.name.empty()) << s.file;
    EXPECT_NE(notice.find(normalised(s.name)), std::string::npos)
        << "NOTICE does not name \"" << s.name << "\", a source of " << s.file;
  }
}

TEST(Notice, ReadsTheSourcesOfTheShippedFiles) {
  const std::vector<NamedSource> sources = data_sources(source_path("scenarios/data"));
  std::set<std::string> names;
  for (const NamedSource& s : sources) names.insert(s.name);
  EXPECT_TRUE(names.count("Natural Earth 1:110m admin-0"));
  EXPECT_TRUE(names.count("countries-states-cities database"));
  EXPECT_TRUE(names.count("Moura (Mali) article"));
}

// The boundary layers of issue 23 (OCHA COD-AB, CC BY 4.0) name their sources
// this way; NOTICE already carries their dataset names and attribution.
TEST(Notice, NamesTheOchaBoundariesAndTheirAttribution) {
  const std::string notice = normalised(read_text(source_path("NOTICE")));
  const std::vector<std::string> samples = {
      "repo r, path mali_adm1.geojson, commit 0; original dataset: OCHA COD-AB Mali admin1 "
      "(DNCT/DNP & UN OCHA Mali; date 2013-05-31), same lineage; licence CC BY 4.0; "
      "attribution: DNCT, DNP / UN OCHA Mali",
      "repo r, path data/mali.geojson, commit 0; original dataset: OCHA COD-AB Mali admin2 "
      "(cercles); licence CC BY 4.0; attribution: DNCT, DNP / UN OCHA Mali",
      "DERIVED here from mali_adm1.geojson (see its source). Licence CC BY 4.0 (inherits); "
      "attribution: DNCT, DNP / UN OCHA Mali",
      "repo r, path MLI.geojson; original dataset: Natural Earth 1:10m Admin-0 countries "
      "(v5.1.x); licence: public domain"};
  const std::vector<std::vector<std::string>> expected = {
      {"OCHA COD-AB Mali admin1", "DNCT, DNP / UN OCHA Mali"},
      {"OCHA COD-AB Mali admin2", "DNCT, DNP / UN OCHA Mali"},
      {"DNCT, DNP / UN OCHA Mali"},
      {"Natural Earth 1:10m Admin-0 countries"}};
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const std::vector<std::string> names = names_in_geojson_source(samples[i]);
    EXPECT_EQ(names, expected[i]);
    for (const std::string& n : names)
      EXPECT_NE(notice.find(normalised(n)), std::string::npos) << n;
  }
  EXPECT_NE(notice.find("cc by 4.0"), std::string::npos);
}

}  // namespace
}  // namespace pocsim::test
