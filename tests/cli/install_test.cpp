// SPDX-License-Identifier: Apache-2.0
// `cmake --install` into a temporary prefix, then the installed pocsim from a
// folder outside the checkout: shipped scenarios by name, a report drawn by
// the installed analysis package, --version; and the Debian package that
// `cpack -G DEB` makes of the same install rules.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pocsim/core/version.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {

namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// One installation for the whole suite: the install takes a few seconds.
class Installed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = std::make_unique<TempDir>();
    install_ =
        run_process({POCSIM_CMAKE, "--install", POCSIM_BUILD_DIR, "--prefix", prefix_->path()});
  }
  static void TearDownTestSuite() { prefix_.reset(); }

  void SetUp() override { ASSERT_EQ(install_.exit_code, 0) << install_.out << install_.err; }

  static std::string prefix() { return prefix_->path(); }
  static std::string pocsim() { return prefix_->path() + "/bin/pocsim"; }

  // The installed pocsim, run in `folder`, which lies outside the checkout. Neither
  // POCSIM_ANALYSIS_DIR nor POCSIM_PYTHON is set by the tests.
  static ProcessResult installed(const std::string& folder, std::vector<std::string> args) {
    args.insert(args.begin(), pocsim());
    return run_process_in(folder, args);
  }

 private:
  static std::unique_ptr<TempDir> prefix_;
  static ProcessResult install_;
};

std::unique_ptr<TempDir> Installed::prefix_;
ProcessResult Installed::install_;

TEST_F(Installed, PutsEachPartInItsConventionalPlace) {
  struct stat info {};
  ASSERT_EQ(::stat(pocsim().c_str(), &info), 0);
  EXPECT_TRUE(info.st_mode & S_IXUSR);
  for (const char* file :
       {"share/pocsim/scenarios/mali_2022/baseline.yaml",
        "share/pocsim/scenarios/teaching/first_run.yaml", "share/pocsim/scenarios/sweeps/demo.yaml",
        "share/pocsim/scenarios/data/mali_places.yaml",
        "share/pocsim/scenarios/data/mali_outline.geojson", "share/pocsim/analysis/report.py",
        "share/pocsim/analysis/pocsim_report/build.py",
        "share/pocsim/analysis/pocsim_report/attribution.py", "share/doc/pocsim/README.md",
        "share/doc/pocsim/CHANGELOG.md", "share/doc/pocsim/LICENSE", "share/doc/pocsim/NOTICE",
        "share/doc/pocsim/CITATION.cff", "share/doc/pocsim/docs/install.md",
        "share/doc/pocsim/docs/architecture.md"})
    EXPECT_TRUE(fs::is_regular_file(prefix() + "/" + file)) << file;
  // The analysis package's own tests and Python caches stay behind.
  EXPECT_FALSE(fs::exists(prefix() + "/share/pocsim/analysis/tests"));
  for (const auto& entry : fs::recursive_directory_iterator(prefix()))
    EXPECT_NE(entry.path().filename(), "__pycache__") << entry.path();
}

TEST_F(Installed, VersionNamesTheCommitTheBuildAndTheCompiler) {
  TempDir elsewhere;
  const ProcessResult r = installed(elsewhere.path(), {"--version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, version_text() + "\n");
  EXPECT_EQ(r.out.rfind(std::string("pocsim ") + engine_version() + "\ncommit ", 0), 0u) << r.out;
  EXPECT_TRUE(contains(r.out, build_info().commit)) << r.out;
  EXPECT_TRUE(contains(r.out, build_info().compiler)) << r.out;
}

// `pocsim serve` starts the installed pocsim-serve beside it, with its
// arguments: its help, and its refusal of a bad option as bad input.
TEST_F(Installed, ServeStartsTheServerBesideIt) {
  TempDir elsewhere;
  const ProcessResult help = installed(elsewhere.path(), {"serve", "--help"});
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_TRUE(contains(help.out, "Usage: pocsim serve [OPTIONS]")) << help.out;
  EXPECT_TRUE(contains(help.out, "--max-days")) << help.out;
  const ProcessResult bad = installed(elsewhere.path(), {"serve", "--port", "70000"});
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
  EXPECT_TRUE(contains(bad.err, "--port")) << bad.err;
}

TEST_F(Installed, ListsTheShippedScenarios) {
  TempDir elsewhere;
  const ProcessResult r = installed(elsewhere.path(), {"scenarios"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Shipped scenarios in " + fs::canonical(prefix()).string() +
                                  "/share/pocsim/scenarios"))
      << r.out;
  for (const char* name : {"  mali_2022/baseline ", "  teaching/first_run ",
                           "  mali_2022/flights/72h ", "  sweeps/demo ", "  mali_2022/targets "})
    EXPECT_TRUE(contains(r.out, name)) << name << "\n" << r.out;
  EXPECT_FALSE(contains(r.out, "data/mali_places")) << r.out;
  // Only the installed tree: the installed binary does not read the checkout.
  EXPECT_FALSE(contains(r.out, POCSIM_SOURCE_DIR)) << r.out;
}

TEST_F(Installed, RunsShippedScenariosByNameAndReportsThemFromAnotherFolder) {
  TempDir elsewhere;
  const std::string folder = elsewhere.path();

  ProcessResult r = installed(folder, {"run", "teaching/first_run", "--out", "first", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::is_regular_file(folder + "/first/summary.json"));

  r = installed(folder, {"run", "mali_2022/baseline.yaml", "--set", "scenario.duration_days=30",
                         "--out", "R", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json summary = nlohmann::json::parse(read_text(folder + "/R/summary.json"));
  EXPECT_EQ(summary.at("scenario"), "mali_2022_baseline");
  EXPECT_EQ(summary.at("days"), 30);
  EXPECT_EQ(summary.at("pocsim").at("version"), engine_version());
  EXPECT_EQ(summary.at("pocsim").at("commit"), build_info().commit);
  // The data came from the installed share/pocsim, not from the checkout.
  const std::string resolved = read_text(folder + "/R/scenario.resolved.yaml");
  EXPECT_TRUE(contains(resolved, "/share/pocsim/scenarios/data/mali_places.yaml")) << resolved;
  EXPECT_FALSE(contains(resolved, std::string(POCSIM_SOURCE_DIR) + "/scenarios")) << resolved;

  r = installed(folder, {"report", "R"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "R/report.html\n");
  const std::string html = read_text(folder + "/R/report.html");
  EXPECT_TRUE(contains(html, "<figure id=\"map\"><img src=\"data:image/png;base64,"));
  EXPECT_TRUE(contains(html, "Open Database License (ODbL)"));
  EXPECT_TRUE(contains(html, std::string("Results produced by: pocsim ") + engine_version() +
                                 ", commit " + build_info().commit));
  EXPECT_TRUE(fs::is_regular_file(folder + "/R/plots/map.png"));
}

TEST_F(Installed, AnUnknownNameIsBadInput) {
  TempDir elsewhere;
  const ProcessResult r = installed(elsewhere.path(), {"run", "mali_2022/nowhere", "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "mali_2022/nowhere")) << r.err;
}

// `cpack -G DEB` of the build folder (the package lands in a temporary folder).
TEST(DebianPackage, HoldsTheInstallAndDeclaresItsDependencies) {
  TempDir out;
  const ProcessResult pack =
      run_process({POCSIM_CPACK, "-G", "DEB", "--config",
                   std::string(POCSIM_BUILD_DIR) + "/CPackConfig.cmake", "-B", out.path()});
  ASSERT_EQ(pack.exit_code, 0) << pack.out << pack.err;
  std::vector<std::string> packages;
  for (const auto& entry : fs::directory_iterator(out.path()))
    if (entry.path().extension() == ".deb") packages.push_back(entry.path().string());
  ASSERT_EQ(packages.size(), 1u) << pack.out;
  const std::string deb = packages[0];
  EXPECT_TRUE(
      contains(fs::path(deb).filename().string(), std::string("pocsim_") + engine_version() + "_"))
      << deb;

  const ProcessResult contents = run_process({"/usr/bin/dpkg-deb", "-c", deb});
  ASSERT_EQ(contents.exit_code, 0) << contents.err;
  for (const char* file :
       {"./usr/bin/pocsim", "./usr/share/pocsim/scenarios/mali_2022/baseline.yaml",
        "./usr/share/pocsim/scenarios/data/mali_places.yaml",
        "./usr/share/pocsim/analysis/report.py",
        "./usr/share/pocsim/analysis/pocsim_report/maps.py", "./usr/share/doc/pocsim/NOTICE",
        "./usr/share/doc/pocsim/LICENSE", "./usr/share/doc/pocsim/CITATION.cff"})
    EXPECT_TRUE(contains(contents.out, std::string(file) + "\n")) << file << "\n" << contents.out;
  EXPECT_FALSE(contains(contents.out, "pocsim_tests")) << contents.out;

  const ProcessResult fields =
      run_process({"/usr/bin/dpkg-deb", "-f", deb, "Package", "Version", "Depends"});
  ASSERT_EQ(fields.exit_code, 0) << fields.err;
  EXPECT_TRUE(contains(fields.out, "Package: pocsim\n")) << fields.out;
  EXPECT_TRUE(contains(fields.out, std::string("Version: ") + engine_version() + "\n"))
      << fields.out;
  // What the binary links (found by dpkg-shlibdeps) and what the report runs.
  for (const char* dependency :
       {"libtbb12", "libyaml-cpp0.7", "libstdc++6", "libc6", "python3", "python3-pandas",
        "python3-matplotlib", "python3-numpy", "python3-yaml"})
    EXPECT_TRUE(contains(fields.out, std::string(dependency) + " ") ||
                contains(fields.out, std::string(dependency) + ",") ||
                contains(fields.out, std::string(dependency) + "\n"))
        << dependency << "\n"
        << fields.out;
}

}  // namespace
}  // namespace pocsim::test
