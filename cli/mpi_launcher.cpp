// SPDX-License-Identifier: Apache-2.0
#include "mpi_launcher.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::cli {

bool started_by_mpi_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(name)) return true;
  return false;
}

std::size_t launcher_world_size() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    if (const char* value = std::getenv(name))
      return scenario::parse_integer<std::size_t>(value).value_or(0);
  return 0;
}

bool stderr_reaches_a_terminal() {
  if (::isatty(STDERR_FILENO)) return true;
  if (!started_by_mpi_launcher()) return false;
  std::error_code error;
  const auto target =
      std::filesystem::read_symlink("/proc/" + std::to_string(::getppid()) + "/fd/2", error);
  if (error) return false;
  const std::string device = target.string();
  return device.starts_with("/dev/pts/") || device.starts_with("/dev/tty");
}

}  // namespace pocsim::cli
