// SPDX-License-Identifier: Apache-2.0
#pragma once
// A results folder that a command creates, and removes again when the
// command fails before it has written its results: a run that fails for a
// full disk leaves nothing behind that was not there before it started.
// Only what did not exist goes (the topmost folder it had to create, with
// everything under it); a folder that was there already stays, with what
// was in it.
#include <filesystem>

namespace pocsim::cli {

class CreatedFolder {
 public:
  // Creates `folder` and any missing parents (std::filesystem errors).
  explicit CreatedFolder(const std::filesystem::path& folder);
  ~CreatedFolder();
  CreatedFolder(const CreatedFolder&) = delete;
  CreatedFolder& operator=(const CreatedFolder&) = delete;

  // The results are written: the folder stays.
  void keep() { created_.clear(); }

 private:
  std::filesystem::path created_;  // empty when nothing was created
};

}  // namespace pocsim::cli
