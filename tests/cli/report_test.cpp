// SPDX-License-Identifier: Apache-2.0
// `pocsim report` end to end: a short run, a hand-written sweep directory,
// an empty run, and directories that are neither; the page alone in a folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pocsim/core/version.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {

namespace {

namespace fs = std::filesystem;

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Every value of an attribute or CSS function that names a resource
// (`src="…"`, `href="…"`, `url(…)`), in page order.
std::vector<std::string> resource_references(const std::string& html) {
  std::vector<std::string> found;
  for (const std::string marker : {"src=\"", "href=\"", "url("}) {
    for (std::size_t at = html.find(marker); at != std::string::npos;
         at = html.find(marker, at + 1)) {
      const std::size_t start = at + marker.size();
      const char end = marker == "url(" ? ')' : '"';
      found.push_back(html.substr(start, html.find(end, start) - start));
    }
  }
  return found;
}

// The name of each figure (<figure id="NAME">), in page order.
std::vector<std::string> figure_names(const std::string& html) {
  std::vector<std::string> names;
  const std::string marker = "<figure id=\"";
  for (std::size_t at = html.find(marker); at != std::string::npos;
       at = html.find(marker, at + 1)) {
    const std::size_t start = at + marker.size();
    names.push_back(html.substr(start, html.find('"', start) - start));
  }
  return names;
}

// A PNG inlined as base64 starts with the PNG signature's encoding.
const std::string inlined_png = "data:image/png;base64,iVBORw0KGgo";

// Reports the directory and checks the page: exit 0, its path printed unless
// quiet, every image inlined as a PNG data: URI, and each figure also a PNG
// file plots/NAME.png. Returns the page's text.
std::string report_and_check(const std::string& dir, bool quiet = false) {
  const ProcessResult r =
      quiet ? run_pocsim({"report", dir, "--quiet"}) : run_pocsim({"report", dir});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, quiet ? "" : dir + "/report.html\n");
  EXPECT_EQ(r.err.find("failed"), std::string::npos) << r.err;  // no plot fell over
  const std::string html = read_text(dir + "/report.html");
  EXPECT_NE(html.find("</html>"), std::string::npos);
  const std::vector<std::string> references = resource_references(html);
  EXPECT_GE(references.size(), 4u);
  for (const std::string& reference : references)
    EXPECT_EQ(reference.rfind(inlined_png, 0), 0u) << reference.substr(0, 80);
  for (const std::string& name : figure_names(html)) {
    const std::string png = read_text(dir + "/plots/" + name + ".png");
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << name;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  return html;
}

bool has_image(const std::string& html, const std::string& name) {
  const std::vector<std::string> names = figure_names(html);
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A headless browser on this machine, or "" when there is none.
std::string headless_browser() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const char* dir : {"/usr/bin/", "/usr/local/bin/"})
      if (fs::exists(std::string(dir) + name)) return std::string(dir) + name;
  return "";
}

// A grid sweep over two axes of two levels, listed in plan.csv in an order
// that is not alphabetical, three replicates each; one run failed.
void write_sweep(const std::string& dir) {
  write(dir + "/manifest.json", R"({"sweep": "delay_by_withdrawal", "sweep_file": "x.yaml",
    "sweep_text": "", "engine_version": "0.1.0", "build": "Release",
    "started": "2026-01-01T00:00:00Z", "finished": "2026-01-01T00:05:00Z", "design": "grid",
    "axes": ["withdrawal", "flight_delay"], "reference_variant": "v0", "runs_planned": 12,
    "runs_done": 12, "runs_failed": 1,
    "outcomes": ["civilian_deaths.total", "civilian_deaths.by_perpetrator_kind.jihadist",
                 "civilian_deaths.by_region.Mopti", "protection.hours_to_first_arrival.median"]})");
  const std::vector<std::vector<std::string>> variants = {
      {"v0", "none", "72"}, {"v1", "none", "0"}, {"v2", "barkhane", "72"}, {"v3", "barkhane", "0"}};
  std::string plan =
      "run_id,variant_id,variant,replicate,seed,withdrawal,flight_delay,"
      "flights.authorisation_delay_hours\n";
  std::string runs =
      "run_id,variant_id,variant,replicate,seed,withdrawal,flight_delay,"
      "flights.authorisation_delay_hours,status,error,civilian_deaths.total,"
      "civilian_deaths.by_perpetrator_kind.jihadist,"
      "civilian_deaths.by_region.Mopti,protection.hours_to_first_arrival.median\n";
  int run = 0;
  for (std::size_t v = 0; v < variants.size(); ++v)
    for (int replicate = 0; replicate < 3; ++replicate, ++run) {
      const std::string row = std::to_string(run) + "," + variants[v][0] +
                              ",withdrawal=" + variants[v][1] + " flight_delay=" + variants[v][2] +
                              "," + std::to_string(replicate) + "," +
                              std::to_string(7 + replicate) + "," + variants[v][1] + "," +
                              variants[v][2] + "," + variants[v][2];
      plan += row + "\n";
      const int deaths = 100 + 20 * static_cast<int>(v) + replicate;
      runs += run == 11 ? row + ",failed,the engine gave up,,,,\n"
                        : row + ",ok,," + std::to_string(deaths) + "," +
                              std::to_string(deaths / 2) + "," + std::to_string(deaths / 3) + "," +
                              std::to_string(10 + replicate) + "\n";
    }
  write(dir + "/plan.csv", plan);
  write(dir + "/runs.csv", runs);
  std::string summary = "variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95\n";
  std::string differences =
      "variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high\n";
  for (std::size_t v = 0; v < variants.size(); ++v) {
    const std::string label =
        variants[v][0] + ",withdrawal=" + variants[v][1] + " flight_delay=" + variants[v][2];
    const std::string mean = std::to_string(101 + 20 * v);
    summary += label + ",civilian_deaths.total,3," + mean + ",1,98.5,103.5,100,101,102\n";
    summary += label + ",protection.hours_to_first_arrival.median,3,11,1,8.5,13.5,10,11,12\n";
    differences += label + ",v0,civilian_deaths.total,3," + std::to_string(20 * v) + ",0.5," +
                   std::to_string(20 * v) + ".0," + std::to_string(20 * v + 1) + "\n";
  }
  write(dir + "/summary.csv", summary);
  write(dir + "/differences.csv", differences);
  write(dir + "/sobol.csv",
        "parameter,outcome,first_order,first_order_low,first_order_high,total_order,"
        "total_order_low,total_order_high\n"
        "flights.authorisation_delay_hours,civilian_deaths.total,0.6,0.5,0.7,0.7,0.6,0.8\n"
        "partners.barkhane.withdrawal_date,civilian_deaths.total,0.2,0.1,0.3,0.3,0.2,0.4\n");
}

// differences.csv of the sweep above as a current pocsim writes it: with
// p-values, and each variant's civilian deaths by region.
void write_regional_differences(const std::string& dir) {
  std::string text =
      "variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high,p_value,"
      "p_adjusted\n";
  for (const std::string& variant :
       {"v1,withdrawal=none flight_delay=0", "v2,withdrawal=barkhane flight_delay=72",
        "v3,withdrawal=barkhane flight_delay=0"}) {
    text += variant + ",v0,civilian_deaths.total,3,20,0.5,18.8,21.2,0.001,0.003\n";
    text += variant + ",v0,civilian_deaths.by_region.Mopti,3,12,0.5,10.8,13.2,0.002,0.004\n";
    text += variant + ",v0,civilian_deaths.by_region.Gao,3,-2,1,-4.5,0.5,0.08,0.08\n";
  }
  write(dir + "/differences.csv", text);
}

// SWEEP/timeseries.csv.gz of `keep_timeseries: all`: two weeks of every run.
void write_sweep_timeseries(const std::string& dir) {
  std::string text = "run_id,variant_id,replicate,date,day,region,civilian_deaths,displaced\n";
  const char* variants[] = {"v0", "v1", "v2", "v3"};
  for (int run = 0; run < 12; ++run)
    for (int day = 0; day < 14; ++day)
      for (const char* region : {"Gao", "Mopti"})
        text += std::to_string(run) + "," + variants[run / 3] + "," + std::to_string(run % 3) +
                ",2022-01-" + (day < 9 ? "0" : "") + std::to_string(day + 1) + "," +
                std::to_string(day) + "," + region + "," + std::to_string(run / 3 + day % 3) +
                ",100\n";
  write(dir + "/timeseries.csv", text);
  // Compressed by the Python the report runs with, which the report needs anyway.
  const ProcessResult r = run_process(
      {POCSIM_PYTHON, "-c",
       "import gzip, os, sys; data = open(sys.argv[1], 'rb').read(); "
       "open(sys.argv[1] + '.gz', 'wb').write(gzip.compress(data)); os.remove(sys.argv[1])",
       dir + "/timeseries.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace

TEST(Report, ARunGetsAPageWithItsPlotsInlinedAndAsPngs) {
  TempDir tmp;
  const std::string dir = tmp.file("run");
  const ProcessResult r =
      run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"), "--out", dir, "--set",
                  "scenario.duration_days=10", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = report_and_check(dir);
  for (const char* plot : {"map", "timeseries", "deaths_breakdown", "response_times"})
    EXPECT_TRUE(has_image(html, plot)) << plot;
  EXPECT_NE(html.find("first_run"), std::string::npos);
  // Under the map, the attributions its data require (NOTICE): the places of the
  // countries-states-cities database (ODbL) and Natural Earth's outline.
  const std::size_t map = html.find("<figure id=\"map\">");
  const std::size_t caption_end = html.find("</figcaption>", map);
  ASSERT_NE(caption_end, std::string::npos);
  const std::string caption = html.substr(map, caption_end - map);
  EXPECT_NE(caption.find("class=\"credit\">Map data: "), std::string::npos) << caption;
  EXPECT_NE(caption.find("countries-states-cities database (dr5hn), made available under the "
                         "Open Database License (ODbL)"),
            std::string::npos)
      << caption;
  EXPECT_NE(caption.find("Natural Earth (public domain)"), std::string::npos) << caption;
  // The footer names the pocsim that made the results and the one that drew the page.
  const std::string made_by = std::string("Results produced by: pocsim ") + engine_version() +
                              ", commit " + build_info().commit;
  EXPECT_NE(html.find("<footer>" + made_by), std::string::npos) << made_by;
  EXPECT_NE(html.find(std::string("Page drawn by pocsim report: pocsim ") + engine_version() +
                      ", commit "),
            std::string::npos);
}

TEST(Report, ASweepGetsAHeatmapASobolPlotAndItsVariantsInPlanOrder) {
  TempDir tmp;
  const std::string dir = tmp.file("sweep");
  write_sweep(dir);
  const std::string html = report_and_check(dir);
  for (const char* plot : {"heatmap", "sobol", "differences", "deaths_breakdown", "response_times"})
    EXPECT_TRUE(has_image(html, plot)) << plot;
  EXPECT_FALSE(has_image(html, "variant_means"));  // two axes: the heatmap instead
  EXPECT_NE(html.find("delay_by_withdrawal"), std::string::npos);
  const std::size_t first = html.find("withdrawal=none flight_delay=72");
  const std::size_t last = html.find("withdrawal=barkhane flight_delay=0");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(first, last);
}

TEST(Report, ASweepWithOneAxisGetsAChartOfItsVariants) {
  TempDir tmp;
  const std::string dir = tmp.file("sweep");
  write_sweep(dir);
  std::string manifest = read_text(dir + "/manifest.json");
  manifest.replace(manifest.find("\"withdrawal\", "), std::string("\"withdrawal\", ").size(), "");
  write(dir + "/manifest.json", manifest);
  const std::string html = report_and_check(dir, /*quiet=*/true);
  EXPECT_TRUE(has_image(html, "variant_means"));
  EXPECT_FALSE(has_image(html, "heatmap"));
}

TEST(Report, ASweepShowsWhereAndWhenWhenItsFilesHoldThem) {
  TempDir tmp;
  const std::string dir = tmp.file("sweep");
  write_sweep(dir);
  write_regional_differences(dir);
  write_sweep_timeseries(dir);
  std::string html = report_and_check(dir, /*quiet=*/true);
  EXPECT_TRUE(has_image(html, "region_differences"));
  EXPECT_TRUE(has_image(html, "difference_over_time"));
  // The regional table: Mopti's difference is significant after adjustment, Gao's is not.
  EXPECT_NE(html.find("<td>Mopti</td><td>+12 [+11, +13]</td><td>0.004 *</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>Gao</td><td>-2.0 [-4.5, +0.5]</td><td>0.080</td>"), std::string::npos);
  EXPECT_NE(html.find("Benjamini–Hochberg"), std::string::npos);
  EXPECT_EQ(html.find("keep_timeseries: all"), std::string::npos);

  fs::remove(dir + "/timeseries.csv.gz");  // a sweep that kept no series
  html = report_and_check(dir, /*quiet=*/true);
  EXPECT_FALSE(has_image(html, "difference_over_time"));
  EXPECT_NE(html.find("add `keep_timeseries: all` under `sweep:` in the sweep file"),
            std::string::npos);
  EXPECT_TRUE(has_image(html, "region_differences"));
}

// A real sweep that keeps every run's series: a teaching scenario confined to
// Mopti, two abuse rates, three seeds each.
TEST(Report, ASweepThatKeepsItsSeriesGetsItsDifferenceOverTimeAndByRegion) {
  TempDir tmp;
  const std::string sweep_file = tmp.file("abuse.yaml");
  write(sweep_file,
        "sweep:\n  name: abuse\n  scenario: " + source_path("scenarios/teaching/first_run.yaml") +
            "\n  replications: 3\n  keep_timeseries: all\n"
            "axes:\n  - key: factions.FAMa.abuse_rate\n    values: [0.1, 0.02]\n");
  const std::string dir = tmp.file("sweep");
  const ProcessResult sweep =
      run_pocsim({"sweep", sweep_file, "--out", dir, "--quiet", "--jobs", "2"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  ASSERT_TRUE(fs::exists(dir + "/timeseries.csv.gz"));
  const std::string html = report_and_check(dir, /*quiet=*/true);
  EXPECT_TRUE(has_image(html, "region_differences"));
  EXPECT_TRUE(has_image(html, "difference_over_time"));
  EXPECT_NE(html.find("<td>Mopti</td>"), std::string::npos);
  EXPECT_NE(html.find("Benjamini–Hochberg"), std::string::npos);
  EXPECT_EQ(html.find("Adjustment for multiple comparisons is unavailable"), std::string::npos);
  // The three displacement figures under their own names, and no interval of a
  // count in the table of means below zero.
  const std::size_t table = html.find("<h2>Key outcomes per variant</h2>");
  const std::string means = html.substr(table, html.find("<h2>", table + 4) - table);
  for (const char* label :
       {"displaced on the first day", "displaced at the end", "most displaced on one day"})
    EXPECT_NE(means.find(label), std::string::npos) << label;
  // Columns 2 to 5 (after variant and runs): deaths and the three displaced.
  int rows = 0;  // the rows of cells (<tr> or <tr class="reference">), not the header
  for (std::size_t row = means.find("<tr"); row != std::string::npos;
       row = means.find("<tr", row + 1)) {
    if (means.find("<td>", row) > means.find("</tr>", row)) continue;
    ++rows;
    std::size_t cell = row;
    for (int column = 0; column < 6; ++column) {
      cell = means.find("<td>", cell + 1);
      const std::string text = means.substr(cell + 4, means.find("</td>", cell) - cell - 4);
      if (column >= 2) {
        EXPECT_EQ(text.find("[-"), std::string::npos) << text;
        EXPECT_EQ(text.find("0*"), std::string::npos) << text;  // no interval had to be cut
      }
    }
  }
  EXPECT_EQ(rows, 2);
}

// The page can be sent alone: copied into an empty folder, it references no
// other file and a browser renders it.
TEST(Report, ThePageAloneInAnEmptyFolderHasEverythingItShows) {
  TempDir tmp;
  const std::string dir = tmp.file("sweep");
  write_sweep(dir);
  write_regional_differences(dir);
  report_and_check(dir, /*quiet=*/true);
  const std::string alone = tmp.file("alone");
  fs::create_directories(alone);
  fs::copy_file(dir + "/report.html", alone + "/report.html");
  const std::string html = read_text(alone + "/report.html");
  const std::vector<std::string> references = resource_references(html);
  ASSERT_GE(references.size(), 5u);
  for (const std::string& reference : references)
    EXPECT_EQ(reference.rfind(inlined_png, 0), 0u) << reference.substr(0, 80);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);

  const std::string browser = headless_browser();
  // tools/install-deps.sh installs Debian's chromium with the test build, so
  // its absence is a broken set-up, not a reason to skip the rendering.
  ASSERT_FALSE(browser.empty()) << "no chromium to render the page with: run tools/install-deps.sh "
                                   "(it installs Debian's chromium)";
  const std::string shot = tmp.file("shot.png");
  const ProcessResult r = run_process_in(
      alone, {browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              "--user-data-dir=" + tmp.file("profile"), "--screenshot=" + shot,
              "--window-size=1200,2400", "file://" + alone + "/report.html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string png = read_text(shot);
  ASSERT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // The figures show: text and broken-image icons are grey, the plots coloured.
  // Share of strongly coloured pixels (max - min channel > 0.35) in the
  // screenshot: 0.035 for this page, 0.00006 when its images are missing.
  const ProcessResult colour =
      run_process({POCSIM_PYTHON, "-c",
                   "import sys, matplotlib.image as m; a = m.imread(sys.argv[1])[:, :, :3]; "
                   "print(((a.max(axis=2) - a.min(axis=2)) > 0.35).mean())",
                   shot});
  ASSERT_EQ(colour.exit_code, 0) << colour.err;
  EXPECT_GT(std::stod(colour.out), 0.005) << colour.out;
  // Nothing was written next to the copy but the page itself.
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(alone))
    files.push_back(entry.path().filename().string());
  EXPECT_EQ(files, std::vector<std::string>{"report.html"});
}

TEST(Report, ARunWithoutResultsSaysNoData) {
  TempDir tmp;
  const std::string dir = tmp.file("empty");
  write(dir + "/summary.json", R"({"scenario": "empty", "pocsim_version": "0.1.0"})");
  write(dir + "/events.csv",
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,latitude,"
        "longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id,detection_hours,"
        "request_hours,authorisation_hours,arrival_hours,response_mode,outcome\n");
  write(dir + "/timeseries.csv", "");
  const std::string html = report_and_check(dir);
  EXPECT_NE(html.find("no data"), std::string::npos);
  // A summary of pocsim 0.1.0 names its version alone.
  EXPECT_NE(html.find("Results produced by: pocsim 0.1.0 (commit not recorded)."),
            std::string::npos);
}

TEST(Report, ADirectoryThatIsNeitherIsBadInput) {
  TempDir tmp;
  write(tmp.file("notes.txt"), "not results\n");
  const ProcessResult r = run_pocsim({"report", tmp.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind(tmp.path() + ": error: ", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(tmp.file("report.html")));
  EXPECT_FALSE(fs::exists(tmp.file("plots")));
}

TEST(Report, AMissingDirectoryIsBadInput) {
  TempDir tmp;
  const ProcessResult r = run_pocsim({"report", tmp.file("missing")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind(tmp.file("missing") + ": error: ", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(tmp.file("missing")));
}

TEST(Report, AFailingScriptIsAFailure) {
  TempDir tmp;
  const std::string dir = tmp.file("empty");
  write(dir + "/summary.json", "{}");
  ::setenv("POCSIM_PYTHON", "/bin/false", 1);
  const ProcessResult r = run_pocsim({"report", dir});
  ::unsetenv("POCSIM_PYTHON");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("failed"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/report.html"));
}

// The readers' own tests (analysis/tests), with the Python the report uses.
TEST(Report, PythonUnitTestsPass) {
  // With the binary, the test that compares the report's regions with the engine's runs too.
  ::setenv("POCSIM_BINARY", POCSIM_BINARY, 1);
  const ProcessResult r = run_process(
      {POCSIM_PYTHON, "-B", "-m", "unittest", "discover", "-s", source_path("analysis/tests")});
  ::unsetenv("POCSIM_BINARY");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("OK"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("skipped"), std::string::npos) << r.err;
}

}  // namespace pocsim::test
