// SPDX-License-Identifier: Apache-2.0
// `pocsim report DIR [--acled EXPORT.csv [--acled-variant NAME]]`: plots and an
// HTML page for a run or sweep directory, drawn by analysis/report.py (pandas
// and matplotlib) in a child process; with --acled, beside the user's own ACLED
// export, which the script reads and checks.
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "installed_paths.hpp"
#include "pocsim/core/version.hpp"

extern char** environ;

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::string dir;
  std::string acled_export;   // empty: no "Beside ACLED" section
  std::string acled_variant;  // empty: the sweep's reference variant
  bool quiet = false;
};

// An environment variable, or the fallback when it is unset or empty.
std::string setting(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// An unreadable file counts as absent rather than throwing.
bool has_file(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::is_regular_file(dir / name, ec);
}

bool is_run_dir(const fs::path& dir) { return has_file(dir, "summary.json"); }

bool is_sweep_dir(const fs::path& dir) {
  return has_file(dir, "manifest.json") && has_file(dir, "plan.csv");
}

bool is_calibration_dir(const fs::path& dir) {
  return has_file(dir, "manifest.json") && has_file(dir, "posterior.csv");
}

// Runs argv without a shell (argv[0] looked up in PATH when it has no slash), the child's stdout
// and stderr being ours, and returns its exit status (128 + signal when killed), or -1 with `error`
// set when it could not start.
int spawn_and_wait(const std::vector<std::string>& argv, std::string& error) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int started = ::posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
  if (started != 0) {
    error = std::strerror(started);
    return -1;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      error = std::strerror(errno);
      return -1;
    }
  if (WIFEXITED(status)) {
    // Older C libraries report a failed exec as exit status 127 of the child.
    if (WEXITSTATUS(status) == 127) error = "could not execute " + argv[0];
    return WEXITSTATUS(status);
  }
  return 128 + WTERMSIG(status);
}

int report(const ReportOptions& o) {
  const fs::path dir(o.dir);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << o.dir
              << ": error: " << (fs::exists(dir, ec) ? "not a directory" : "no such directory")
              << "\n";
    return exit_bad_input;
  }
  if (!is_run_dir(dir) && !is_sweep_dir(dir) && !is_calibration_dir(dir)) {
    std::cerr << o.dir
              << ": error: neither a run directory (summary.json) nor a sweep directory "
                 "(manifest.json and plan.csv) nor a calibration directory (manifest.json and "
                 "posterior.csv)\n";
    return exit_bad_input;
  }
  const fs::path script = analysis_dir() / "report.py";
  const std::string python = setting("POCSIM_PYTHON", "/usr/bin/python3");
  if (!fs::is_regular_file(script, ec)) {
    std::cerr << "pocsim report: error: " << script.string()
              << " not found; set POCSIM_ANALYSIS_DIR to the analysis folder of pocsim's "
                 "source tree or of its installation (share/pocsim/analysis)\n";
    return exit_failure;
  }
  // The page's footer names the pocsim that drew it as well as the one that made the results.
  ::setenv("POCSIM_REPORT_BY",
           ("pocsim " + std::string(engine_version()) + ", commit " + commit_description()).c_str(),
           1);
  std::vector<std::string> argv{python, script.string(), o.dir};
  if (!o.acled_export.empty()) argv.insert(argv.end(), {"--acled", o.acled_export});
  if (!o.acled_variant.empty()) argv.insert(argv.end(), {"--acled-variant", o.acled_variant});
  std::string error;
  const int status = spawn_and_wait(argv, error);
  // The script has said what it could not read (the export, the variant) and written nothing.
  if (status == exit_bad_input && error.empty()) return exit_bad_input;
  if (status != 0) {
    std::cerr << "pocsim report: error: ";
    if (status < 0 || !error.empty())
      std::cerr << "cannot run " << python << " (" << (error.empty() ? "unknown" : error)
                << "); set POCSIM_PYTHON to a Python with pandas and matplotlib\n";
    else
      std::cerr << script.string() << " failed with exit status " << status << "\n";
    return exit_failure;
  }
  const fs::path page = dir / "report.html";
  if (!fs::is_regular_file(page, ec)) {
    std::cerr << "pocsim report: error: " << script.string() << " wrote no " << page.string()
              << "\n";
    return exit_failure;
  }
  if (!o.quiet) std::cout << page.string() << "\n";
  return exit_ok;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "report", "Write report.html and PNG plots (DIR/plots/) for a run or sweep directory");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("dir", o->dir, "run directory (pocsim run) or sweep directory (pocsim sweep)")
      ->required();
  cmd->add_option("--acled", o->acled_export,
                  "lay the results beside your own ACLED export (CSV): section \"Beside "
                  "ACLED\" (docs/report.md)");
  cmd->add_option("--acled-variant", o->acled_variant,
                  "the sweep variant laid beside the export (default: the reference)")
      ->needs("--acled");
  cmd->add_flag("--quiet", o->quiet, "do not print the path of the page");
  return [o] { return report(*o); };
}

}  // namespace pocsim::cli
