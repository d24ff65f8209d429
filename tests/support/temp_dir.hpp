// SPDX-License-Identifier: Apache-2.0
#pragma once
// A fresh folder under the system temp folder, removed with everything in it.
#include <string>

namespace pocsim::test {

class TempDir {
 public:
  TempDir();
  // A folder under `base` (the system's temporary folder by default).
  explicit TempDir(const std::string& base);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace pocsim::test
