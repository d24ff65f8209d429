// SPDX-License-Identifier: Apache-2.0
// `pocsim report` end to end: a short run, a hand-written sweep directory,
// an empty run, and directories that are neither.
#include <gtest/gtest.h>

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

// The src of every <img> of the page, in page order.
std::vector<std::string> image_sources(const std::string& html) {
  std::vector<std::string> sources;
  const std::string marker = "<img src=\"";
  for (std::size_t at = html.find(marker); at != std::string::npos;
       at = html.find(marker, at + 1)) {
    const std::size_t start = at + marker.size();
    sources.push_back(html.substr(start, html.find('"', start) - start));
  }
  return sources;
}

// Reports the directory and checks the page: exit 0, its path printed unless
// quiet, and every image a PNG file next to it. Returns the page's text.
std::string report_and_check(const std::string& dir, bool quiet = false) {
  const ProcessResult r =
      quiet ? run_pocsim({"report", dir, "--quiet"}) : run_pocsim({"report", dir});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, quiet ? "" : dir + "/report.html\n");
  EXPECT_EQ(r.err.find("failed"), std::string::npos) << r.err;  // no plot fell over
  const std::string html = read_text(dir + "/report.html");
  EXPECT_NE(html.find("</html>"), std::string::npos);
  const std::vector<std::string> sources = image_sources(html);
  EXPECT_GE(sources.size(), 4u);
  for (const std::string& src : sources) {
    EXPECT_FALSE(fs::path(src).is_absolute()) << src;
    const std::string png = read_text(dir + "/" + src);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << src;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  return html;
}

bool has_image(const std::string& html, const std::string& src) {
  const std::vector<std::string> sources = image_sources(html);
  return std::find(sources.begin(), sources.end(), src) != sources.end();
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

}  // namespace

TEST(Report, ARunGetsAPageWhoseImagesArePngs) {
  TempDir tmp;
  const std::string dir = tmp.file("run");
  const ProcessResult r =
      run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"), "--out", dir, "--set",
                  "scenario.duration_days=10", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = report_and_check(dir);
  for (const char* plot : {"plots/map.png", "plots/timeseries.png", "plots/deaths_breakdown.png",
                           "plots/response_times.png"})
    EXPECT_TRUE(has_image(html, plot)) << plot;
  EXPECT_NE(html.find("first_run"), std::string::npos);
  // Under the map, the attributions its data require (NOTICE): the places of the
  // countries-states-cities database (ODbL) and Natural Earth's outline.
  const std::size_t map = html.find("plots/map.png");
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
  for (const char* plot : {"plots/heatmap.png", "plots/sobol.png", "plots/differences.png",
                           "plots/deaths_breakdown.png", "plots/response_times.png"})
    EXPECT_TRUE(has_image(html, plot)) << plot;
  EXPECT_FALSE(has_image(html, "plots/variant_means.png"));  // two axes: the heatmap instead
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
  EXPECT_TRUE(has_image(html, "plots/variant_means.png"));
  EXPECT_FALSE(has_image(html, "plots/heatmap.png"));
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
  const ProcessResult r = run_process(
      {POCSIM_PYTHON, "-B", "-m", "unittest", "discover", "-s", source_path("analysis/tests")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("OK"), std::string::npos) << r.err;
}

}  // namespace pocsim::test
