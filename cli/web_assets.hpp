// SPDX-License-Identifier: Apache-2.0
#pragma once
// The explorer's page (web/), built into the binary by cmake/PocsimEmbedWebAssets.cmake.
#include <span>
#include <string_view>

namespace pocsim::cli {

struct WebAsset {
  const char* path;  // as requested: /index.html
  const char* content_type;
  std::string_view body;
};

std::span<const WebAsset> web_assets();

}  // namespace pocsim::cli
