#pragma once
/// \file version.hpp
/// The single source of trainprint's version; CMake reads the three macros below.

#define TRAINPRINT_VERSION_MAJOR 0
#define TRAINPRINT_VERSION_MINOR 1
#define TRAINPRINT_VERSION_PATCH 0

#define TRAINPRINT_STRINGIFY_(x) #x
#define TRAINPRINT_STRINGIFY(x) TRAINPRINT_STRINGIFY_(x)
/// The version as "major.minor.patch".
#define TRAINPRINT_VERSION                                                                   \
  TRAINPRINT_STRINGIFY(TRAINPRINT_VERSION_MAJOR)                                             \
  "." TRAINPRINT_STRINGIFY(TRAINPRINT_VERSION_MINOR) "." TRAINPRINT_STRINGIFY(              \
      TRAINPRINT_VERSION_PATCH)

namespace trainprint::inline v0 {
/// The library's version as "major.minor.patch".
inline constexpr const char* version = TRAINPRINT_VERSION;
}  // namespace trainprint::inline v0
