#pragma once
// std::bit_cast where the standard library has it (__cpp_lib_bit_cast), and the
// same through std::memcpy where it does not (Emscripten 3.1's libc++, for the
// browser calculator). Not constexpr in the fallback.

#include <cstring>
#include <type_traits>
#include <version>
#if defined(__cpp_lib_bit_cast)
#include <bit>
#endif

namespace trainprint::inline v0::detail {

/// The bits of `from` read as a `To` of the same size.
template <class To, class From>
inline To bit_cast(const From& from) noexcept {
  static_assert(sizeof(To) == sizeof(From) && std::is_trivially_copyable_v<To> && std::is_trivially_copyable_v<From>);
#if defined(__cpp_lib_bit_cast)
  return std::bit_cast<To>(from);
#else
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
#endif
}

}  // namespace trainprint::inline v0::detail
