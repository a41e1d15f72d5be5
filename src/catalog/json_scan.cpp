// The catalog's one JSON scanner (see json_scan.hpp).

#include "catalog/json_scan.hpp"
#include "trainprint/detail/charconv.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace trainprint::inline v0::catalog_detail {
namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// The bytes a strict string takes as they are: ASCII but the quote, the backslash and controls.
constexpr auto plain_byte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

/// The bytes where the trusting scanner's skip over an object or array stops.
constexpr auto structural_byte = [] {
  std::array<bool, 256> t{};
  for (char c : {'"', '{', '}', '[', ']'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

/// The four hex digits at [p, end) as a number; -1 when there are not four.
long hex4(const char* p, const char* end) noexcept {
  if (end - p < 4) return -1;
  long v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}
bool high_surrogate(long u) noexcept { return u >= 0xD800 && u <= 0xDBFF; }
bool low_surrogate(long u) noexcept { return u >= 0xDC00 && u <= 0xDFFF; }
}  // namespace

bool json_scanner::literal(std::string_view w) noexcept {
  if (static_cast<std::size_t>(end_ - p_) < w.size() || std::memcmp(p_, w.data(), w.size()) != 0) return false;
  p_ += w.size();
  return true;
}

bool json_scanner::number() noexcept {
  auto digits = [&] {
    const char* s = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ != s;
  };
  if (p_ < end_ && *p_ == '-') ++p_;
  if (p_ == end_) return false;
  if (*p_ == '0') ++p_;
  else if (!digits()) return false;
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (!digits()) return false;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (!digits()) return false;
  }
  return true;
}

// After the opening quote: up to and past the closing one. Control characters are
// refused, UTF-8 must be well formed (RFC 3629), and escapes are those of RFC 8259
// as nlohmann takes them (a \\u surrogate only as a high-low pair).
bool json_scanner::checked_string_body(bool& escaped) noexcept {
  while (p_ < end_) {
    while (p_ < end_ && plain_byte[static_cast<unsigned char>(*p_)]) ++p_;
    if (p_ == end_) break;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      return true;
    }
    if (c == '\\') {
      escaped = true;
      if (end_ - p_ < 2) return false;
      const char e = p_[1];
      if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        p_ += 2;
        continue;
      }
      if (e != 'u') return false;
      const long u = hex4(p_ + 2, end_);
      if (u < 0 || low_surrogate(u)) return false;
      p_ += 6;
      if (high_surrogate(u)) {
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u' || !low_surrogate(hex4(p_ + 2, end_))) return false;
        p_ += 6;
      }
      continue;
    }
    if (c < 0x20) return false;
    if (c < 0x80) {
      ++p_;
      continue;
    }
    const auto n = static_cast<std::size_t>(end_ - p_);
    auto at = [&](std::size_t i) { return i < n ? static_cast<unsigned char>(p_[i]) : static_cast<unsigned char>(0); };
    const unsigned char c1 = at(1), c2 = at(2), c3 = at(3);
    if (c >= 0xC2 && c <= 0xDF && continuation(c1)) {
      p_ += 2;
    } else if (c >= 0xE0 && c <= 0xEF && continuation(c1) && continuation(c2) && !(c == 0xE0 && c1 < 0xA0) &&
               !(c == 0xED && c1 > 0x9F)) {
      p_ += 3;
    } else if (c >= 0xF0 && c <= 0xF4 && continuation(c1) && continuation(c2) && continuation(c3) &&
               !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F)) {
      p_ += 4;
    } else {
      return false;
    }
  }
  return false;
}

// Trusting: from the opening quote's next byte, the closing quote (the first one not
// escaped by an odd run of backslashes); null when there is none.
const char* json_scanner::closing_quote(const char* start) const noexcept {
  const char* q = start;
  while (true) {
    q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end_ - q)));
    if (!q) return nullptr;
    const char* b = q;
    while (b > start && b[-1] == '\\') --b;
    if ((q - b) % 2 == 0) return q;
    ++q;
  }
}

bool json_scanner::string(std::string_view& raw, bool& escaped) noexcept {
  ws();
  if (p_ == end_ || *p_ != '"') return false;
  const char* start = ++p_;
  if (strict_) {
    escaped = false;
    if (!checked_string_body(escaped)) return false;
    raw = {start, static_cast<std::size_t>(p_ - 1 - start)};
    return true;
  }
  const char* q = closing_quote(start);
  if (!q) return false;
  raw = {start, static_cast<std::size_t>(q - start)};
  escaped = std::memchr(start, '\\', raw.size()) != nullptr;
  p_ = q + 1;
  return true;
}

bool json_scanner::value(std::string_view& span) noexcept {
  ws();
  const char* start = p_;
  if (p_ == end_) return false;
  std::string_view raw;
  bool escaped = false;
  bool ok = false;
  switch (*p_) {
    case '"':
      if (strict_) {
        ok = string(raw, escaped);
      } else {  // skipped: whether it holds an escape does not matter here
        const char* q = closing_quote(p_ + 1);
        ok = q != nullptr;
        if (ok) p_ = q + 1;
      }
      break;
    case '{':
      if (strict_) {
        ok = members([&](std::string_view, bool) {
          std::string_view v;
          return value(v);
        });
        break;
      }
      [[fallthrough]];
    case '[': {
      if (strict_) {
        ok = elements([&] {
          std::string_view v;
          return value(v);
        });
        break;
      }
      int depth = 0;
      while (p_ < end_) {
        while (p_ < end_ && !structural_byte[static_cast<unsigned char>(*p_)]) ++p_;
        if (p_ == end_) break;
        const char c = *p_;
        if (c == '"') {  // skipped: whether it holds an escape does not matter here
          const char* q = closing_quote(p_ + 1);
          if (!q) return false;
          p_ = q + 1;
          continue;
        }
        ++p_;
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) break;
      }
      ok = depth == 0;
      break;
    }
    default:
      if (strict_) {
        ok = *p_ == 't' ? literal("true") : *p_ == 'f' ? literal("false") : *p_ == 'n' ? literal("null") : number();
      } else {
        while (p_ < end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' && !is_ws(*p_)) ++p_;
        ok = p_ != start;
      }
  }
  if (!ok) return false;
  span = {start, static_cast<std::size_t>(p_ - start)};
  return true;
}

// Its item goes to tape.open_ (until its container is done), its members' or
// elements' items, one after the other, to tape.items_.
bool json_scanner::record(json_tape& t, std::string_view key) {
  ws();
  const char* start = p_;
  if (p_ == end_) return false;
  json_tape::item self{key, {}, 0, 0};
  if (*p_ == '{' || *p_ == '[') {
    const std::size_t mark = t.open_.size();
    const bool ok = *p_ == '{' ? members([&](std::string_view k, bool escaped) {
      if (escaped) return false;  // text_node compares keys as they are written
      for (std::size_t i = mark; i < t.open_.size(); ++i)
        if (t.open_[i].key == k) return false;  // a key given twice
      return record(t, k);
    })
                               : elements([&] { return record(t, {}); });
    if (!ok) return false;
    self.first = static_cast<std::uint32_t>(t.items_.size());
    self.count = static_cast<std::uint32_t>(t.open_.size() - mark);
    t.items_.insert(t.items_.end(), t.open_.begin() + static_cast<std::ptrdiff_t>(mark), t.open_.end());
    t.open_.resize(mark);
  } else {
    std::string_view v;
    if (!value(v)) return false;
  }
  self.text = {start, static_cast<std::size_t>(p_ - start)};
  t.open_.push_back(self);
  return true;
}

bool json_tape::scan(std::string_view text) {
  items_.clear();
  open_.clear();
  json_scanner sc(text, true);
  if (!sc.record(*this, {}) || !sc.at_end()) return false;
  items_.push_back(open_.back());
  open_.clear();
  return true;
}

std::optional<double> number_of(std::string_view t) noexcept {
  if (t.empty() || !(t[0] == '-' || (t[0] >= '0' && t[0] <= '9'))) return std::nullopt;
  const bool integer = t.find_first_of(".eE") == std::string_view::npos;
  if (integer) {
    if (t[0] == '-') {
      std::int64_t i = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), i);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size()) return static_cast<double>(i);
    } else {
      std::uint64_t u = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), u);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size()) return static_cast<double>(u);
    }
  }
  double d = 0;
  if (!detail::from_chars_all(t.data(), t.data() + t.size(), d) || !std::isfinite(d)) return std::nullopt;
  return d;
}

const char* text_node::type_name() const noexcept {
  return is_object() ? "object" : is_array() ? "array" : is_string() ? "string" : is_boolean() ? "boolean"
                                                     : is_null()   ? "null"
                                                                   : "number";
}

std::string text_node::string() const {
  if (!is_string()) throw not_fast{};
  const std::string_view t = text().substr(1, text().size() - 2);
  if (t.find('\\') == std::string_view::npos) return std::string(t);
  std::string r;  // the escapes decoded (the strict scanner checked them)
  r.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '\\') {
      r += t[i];
      continue;
    }
    const char e = t[++i];
    if (e != 'u') {  // \b \f \n \r \t; \" \\ \/ stand for themselves
      static constexpr std::string_view from = "bfnrt", to = "\b\f\n\r\t";
      const auto k = from.find(e);
      r += k == std::string_view::npos ? e : to[k];
      continue;
    }
    const char* end = t.data() + t.size();
    long u = hex4(t.data() + i + 1, end);
    i += 4;
    if (high_surrogate(u)) {
      u = 0x10000 + ((u - 0xD800) << 10) + (hex4(t.data() + i + 3, end) - 0xDC00);
      i += 6;
    }
    const auto cu = static_cast<unsigned long>(u);
    if (cu < 0x80) {
      r += static_cast<char>(cu);
    } else if (cu < 0x800) {
      r += static_cast<char>(0xC0 | (cu >> 6));
      r += static_cast<char>(0x80 | (cu & 0x3F));
    } else if (cu < 0x10000) {
      r += static_cast<char>(0xE0 | (cu >> 12));
      r += static_cast<char>(0x80 | ((cu >> 6) & 0x3F));
      r += static_cast<char>(0x80 | (cu & 0x3F));
    } else {
      r += static_cast<char>(0xF0 | (cu >> 18));
      r += static_cast<char>(0x80 | ((cu >> 12) & 0x3F));
      r += static_cast<char>(0x80 | ((cu >> 6) & 0x3F));
      r += static_cast<char>(0x80 | (cu & 0x3F));
    }
  }
  return r;
}

double text_node::number() const {
  const auto d = number_of(text());
  if (!d) throw not_fast{};
  return *d;
}

}  // namespace trainprint::inline v0::catalog_detail
