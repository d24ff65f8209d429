// SPDX-License-Identifier: Apache-2.0
#include "support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/temp_dir.hpp"

namespace pocsim::test {

namespace {

// How often a running child's condition for a kill is looked at.
constexpr unsigned poll_interval_us = 1000;

// Forks and execs argv with its output in files of `scratch`, in `working_dir`
// unless it is empty; when `kill_now` is set the child is killed with SIGKILL
// as soon as it returns true.
ProcessResult spawn(const std::vector<std::string>& argv,
                    const std::function<bool()>& kill_now = nullptr,
                    const std::string& working_dir = "") {
  TempDir scratch;
  const auto start = std::chrono::steady_clock::now();
  const std::string out_path = scratch.path() + "/stdout", err_path = scratch.path() + "/stderr";
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::dup2(in, STDIN_FILENO);
    if (!working_dir.empty() && ::chdir(working_dir.c_str()) != 0) ::_exit(126);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (kill_now) {
    while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
      if (kill_now()) {
        ::kill(pid, SIGKILL);
        ::wait4(pid, &status, 0, &usage);
        break;
      }
      ::usleep(poll_interval_us);
    }
  } else {
    ::wait4(pid, &status, 0, &usage);
  }
  ProcessResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.peak_memory_kib = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv) { return spawn(argv); }

ProcessResult run_process_in(const std::string& working_dir, const std::vector<std::string>& argv) {
  return spawn(argv, nullptr, working_dir);
}

ProcessResult run_pocsim(const std::vector<std::string>& args) {
  std::vector<std::string> argv{POCSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

ProcessResult run_pocsim_killed_when(const std::vector<std::string>& args,
                                     const std::function<bool()>& kill_now) {
  std::vector<std::string> argv{POCSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn(argv, kill_now);
}

std::string source_path(const std::string& relative) {
  return std::string(POCSIM_SOURCE_DIR) + "/" + relative;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace pocsim::test
