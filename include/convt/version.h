// The version of convt, from CMake's project(VERSION).
#pragma once

namespace convt {
inline constexpr const char* kVersion = CONVT_VERSION;
}  // namespace convt
