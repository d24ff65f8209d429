#pragma once
namespace pocsim {
inline constexpr const char* engine_version = "0.1.0";
}
