// SPDX-License-Identifier: Apache-2.0
#pragma once
namespace pocsim {
inline constexpr const char* engine_version = "0.1.0";
}
