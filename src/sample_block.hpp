#pragma once
// The block of Monte Carlo samples that propagate() runs the formula on
// (detail::compute<sample_block>, include/trainprint/detail/model.hpp). Private to the
// library; tests/unit/model.test.cpp checks it against evaluate() bit for bit.
//
// Two block types: sample_block runs two samples an operation (SSE2), wide_sample_block
// four (GCC's vector extensions; AVX registers in propagate()'s AVX2 path).
// A block holds uncertainty_block samples of one number on the heap, so that
// an output is assigned in place and a block is moved, not copied. Arithmetic on
// blocks is lazy: `a * b / 3600.0` builds a small expression and runs one loop when
// it is assigned to a block, as compute<double> runs it sample by sample, instead of
// one loop and one 8 KiB temporary per operation (bench/RESULTS.md, session 11).
// Each element takes the same IEEE operations, operands in the same order, as
// compute<double>: the library is built with -ffp-contract=off, so nothing is fused
// or reordered, and a sample equals evaluate() of its inputs bit for bit.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "trainprint/uncertainty.hpp"

// The element functions run inside the assignment loop: inlined whatever their depth,
// so that no call and no constant's broadcast is left in the loop.
#if defined(__GNUC__)
#define TRAINPRINT_SAMPLE_INLINE [[gnu::always_inline]] inline
#else
#define TRAINPRINT_SAMPLE_INLINE inline
#endif

namespace trainprint::inline v0::detail {

/// Two samples: one SSE2 register where there is one, else two doubles. Each
/// operation is double's, lane by lane (SSE2's add, sub, mul, div and sqrt are the
/// IEEE operations of the scalar ones).
struct sample_pair {
  static constexpr std::size_t width = 2;
#if defined(__SSE2__)
  __m128d v;
  static sample_pair load(const double* p) noexcept { return {_mm_load_pd(p)}; }
  static sample_pair all(double x) noexcept { return {_mm_set1_pd(x)}; }
  void store(double* p) const noexcept { _mm_store_pd(p, v); }
  friend sample_pair operator+(sample_pair a, sample_pair b) noexcept { return {_mm_add_pd(a.v, b.v)}; }
  friend sample_pair operator-(sample_pair a, sample_pair b) noexcept { return {_mm_sub_pd(a.v, b.v)}; }
  friend sample_pair operator*(sample_pair a, sample_pair b) noexcept { return {_mm_mul_pd(a.v, b.v)}; }
  friend sample_pair operator/(sample_pair a, sample_pair b) noexcept { return {_mm_div_pd(a.v, b.v)}; }
  /// Lane by lane: `a < b ? x : y` (false where either is NaN, as for double).
  static sample_pair if_less(sample_pair a, sample_pair b, sample_pair x, sample_pair y) noexcept {
    const __m128d m = _mm_cmplt_pd(a.v, b.v);
    return {_mm_or_pd(_mm_and_pd(m, x.v), _mm_andnot_pd(m, y.v))};
  }
#else
  double v[2];
  static sample_pair load(const double* p) noexcept { return {{p[0], p[1]}}; }
  static sample_pair all(double x) noexcept { return {{x, x}}; }
  void store(double* p) const noexcept { p[0] = v[0], p[1] = v[1]; }
  friend sample_pair operator+(sample_pair a, sample_pair b) noexcept { return {{a.v[0] + b.v[0], a.v[1] + b.v[1]}}; }
  friend sample_pair operator-(sample_pair a, sample_pair b) noexcept { return {{a.v[0] - b.v[0], a.v[1] - b.v[1]}}; }
  friend sample_pair operator*(sample_pair a, sample_pair b) noexcept { return {{a.v[0] * b.v[0], a.v[1] * b.v[1]}}; }
  friend sample_pair operator/(sample_pair a, sample_pair b) noexcept { return {{a.v[0] / b.v[0], a.v[1] / b.v[1]}}; }
  static sample_pair if_less(sample_pair a, sample_pair b, sample_pair x, sample_pair y) noexcept {
    return {{a.v[0] < b.v[0] ? x.v[0] : y.v[0], a.v[1] < b.v[1] ? x.v[1] : y.v[1]}};
  }
#endif
};

/// Four samples, as one vector of the compiler's (GCC and Clang vector extensions),
/// else four doubles. Each operation is double's, lane by lane: the vector add, sub,
/// mul and div are the IEEE operations of the scalar ones. For propagate()'s wide
/// path (src/uncertainty.cpp), built for AVX2, where a vector is one AVX register.
struct sample_quad {
  static constexpr std::size_t width = 4;
#if defined(__GNUC__)
  typedef double lanes __attribute__((vector_size(32)));
  typedef long long mask __attribute__((vector_size(32)));
  lanes v;
  static sample_quad load(const double* p) noexcept {
    sample_quad r;
    std::memcpy(&r.v, p, sizeof r.v);
    return r;
  }
  static sample_quad all(double x) noexcept { return {lanes{x, x, x, x}}; }
  void store(double* p) const noexcept { std::memcpy(p, &v, sizeof v); }
  friend sample_quad operator+(const sample_quad& a, const sample_quad& b) noexcept { return {a.v + b.v}; }
  friend sample_quad operator-(const sample_quad& a, const sample_quad& b) noexcept { return {a.v - b.v}; }
  friend sample_quad operator*(const sample_quad& a, const sample_quad& b) noexcept { return {a.v * b.v}; }
  friend sample_quad operator/(const sample_quad& a, const sample_quad& b) noexcept { return {a.v / b.v}; }
  /// Lane by lane: `a < b ? x : y` (false where either is NaN, as for double).
  static sample_quad if_less(const sample_quad& a, const sample_quad& b, const sample_quad& x, const sample_quad& y) noexcept {
    const mask m = a.v < b.v;
    return {reinterpret_cast<lanes>((reinterpret_cast<mask>(x.v) & m) | (reinterpret_cast<mask>(y.v) & ~m))};
  }
#else
  double v[width];
  static sample_quad load(const double* p) noexcept { return {{p[0], p[1], p[2], p[3]}}; }
  static sample_quad all(double x) noexcept { return {{x, x, x, x}}; }
  void store(double* p) const noexcept { std::copy(v, v + width, p); }
  template <class F>
  static sample_quad each(sample_quad a, sample_quad b, F f) noexcept {
    return {{f(a.v[0], b.v[0]), f(a.v[1], b.v[1]), f(a.v[2], b.v[2]), f(a.v[3], b.v[3])}};
  }
  friend sample_quad operator+(const sample_quad& a, const sample_quad& b) noexcept { return each(a, b, [](double p, double q) { return p + q; }); }
  friend sample_quad operator-(const sample_quad& a, const sample_quad& b) noexcept { return each(a, b, [](double p, double q) { return p - q; }); }
  friend sample_quad operator*(const sample_quad& a, const sample_quad& b) noexcept { return each(a, b, [](double p, double q) { return p * q; }); }
  friend sample_quad operator/(const sample_quad& a, const sample_quad& b) noexcept { return each(a, b, [](double p, double q) { return p / q; }); }
  static sample_quad if_less(const sample_quad& a, const sample_quad& b, const sample_quad& x, const sample_quad& y) noexcept {
    sample_quad r;
    for (std::size_t k = 0; k < width; ++k) r.v[k] = a.v[k] < b.v[k] ? x.v[k] : y.v[k];
    return r;
  }
#endif
};

/// The operations of the formula, each as compute<double> writes it (model.hpp):
/// `apply(p, q)` on the samples of one sample_pair or sample_quad, p from the left operand.
namespace sample_ops {
// An operation whose samples are one expression of p and q.
#define TRAINPRINT_SAMPLE_OP(name, expr)                                                           \
  struct name {                                                                                    \
    template <class T>                                                                             \
    TRAINPRINT_SAMPLE_INLINE static T apply(const T& p, const T& q) noexcept { return expr; } \
  };
TRAINPRINT_SAMPLE_OP(add, p + q)
TRAINPRINT_SAMPLE_OP(sub, p - q)
TRAINPRINT_SAMPLE_OP(mul, p * q)
TRAINPRINT_SAMPLE_OP(div, p / q)
/// min1(p) = std::min(1.0, p) = p < 1 ? p : 1 (q is 1).
TRAINPRINT_SAMPLE_OP(min_one, T::if_less(p, q, p, q))
/// max_of(p, q) = std::max(p, q) = p < q ? q : p.
TRAINPRINT_SAMPLE_OP(max_of, T::if_less(p, q, q, p))
#undef TRAINPRINT_SAMPLE_OP
/// ratio_or_one(p, q) = q > 0 ? p / q : 1.
struct ratio_or_one {
  template <class T>
  TRAINPRINT_SAMPLE_INLINE static T apply(const T& p, const T& q) noexcept {
    return T::if_less(T::all(0.0), q, p / q, T::all(1.0));
  }
};
/// clamp_fraction(p, floor q) = std::min(1.0, std::max(q, p)).
struct clamp_fraction {
  template <class T>
  TRAINPRINT_SAMPLE_INLINE static T apply(const T& p, const T& q) noexcept {
    const T m = T::if_less(q, p, p, q);  // std::max(q, p) = q < p ? p : q
    const T one = T::all(1.0);
    return T::if_less(m, one, m, one);   // std::min(1.0, m) = m < 1 ? m : 1
  }
};
}  // namespace sample_ops

/// An operand read from a block's storage.
struct sample_ref {
  const double* p;
};

/// `Op` on two operands (a sample_ref, a double or another expression), evaluated a
/// sample_pair or a sample_quad at a time when assigned to a block. Holds references to the blocks
/// it reads: it lives only within the full expression that builds it (compute<V>
/// stores every result in a V).
template <class Op, class L, class R>
struct sample_expr {
  L l;
  R r;
};

template <class T>
TRAINPRINT_SAMPLE_INLINE T element(const sample_ref& x, std::size_t i) noexcept {
  return T::load(x.p + i);
}
template <class T>
TRAINPRINT_SAMPLE_INLINE T element(double x, std::size_t) noexcept {
  return T::all(x);
}
template <class T, class Op, class L, class R>
TRAINPRINT_SAMPLE_INLINE T element(const sample_expr<Op, L, R>& e, std::size_t i) noexcept {
  return Op::template apply<T>(element<T>(e.l, i), element<T>(e.r, i));
}

template <class T>
inline constexpr bool is_sample_expr = false;
template <class Op, class L, class R>
inline constexpr bool is_sample_expr<sample_expr<Op, L, R>> = true;

/// Samples of one number: uncertainty_block doubles, 64-byte aligned, on the heap;
/// an expression assigned to it is evaluated `Lanes` (sample_pair or sample_quad) at a time.
template <class Lanes>
class basic_sample_block {
 public:
  static constexpr std::size_t size = uncertainty_block;
  basic_sample_block() = default;
  explicit basic_sample_block(double v) : p_(make()) { std::fill(p_.get(), p_.get() + size, v); }
  basic_sample_block(const basic_sample_block& o) : p_(make()) { std::copy(o.data(), o.data() + size, p_.get()); }
  basic_sample_block(basic_sample_block&&) noexcept = default;
  /// The samples of an expression, in one pass.
  template <class Op, class L, class R>
  basic_sample_block(const sample_expr<Op, L, R>& e) : p_(make()) {  // NOLINT: implicit, as V = double converts
    assign(e);
  }
  basic_sample_block& operator=(basic_sample_block&&) noexcept = default;
  /// Copies into this block's storage (allocated once).
  basic_sample_block& operator=(const basic_sample_block& o) {
    if (this != &o) {
      if (!p_) p_ = make();
      std::copy(o.data(), o.data() + size, p_.get());
    }
    return *this;
  }
  /// Evaluates `e` into this block's storage. `e` may read this block: each sample is
  /// read before it is written.
  template <class Op, class L, class R>
  basic_sample_block& operator=(const sample_expr<Op, L, R>& e) {
    if (!p_) p_ = make();
    assign(e);
    return *this;
  }
  double* data() noexcept { return p_.get(); }
  const double* data() const noexcept { return p_.get(); }

 private:
  template <class E>
  void assign(const E& e) noexcept {
    double* out = p_.get();
    constexpr std::size_t w = Lanes::width;
    static_assert(size % (2 * w) == 0);
    for (std::size_t i = 0; i < size; i += 2 * w) {  // two a turn: half the loop's own work
      element<Lanes>(e, i).store(out + i);
      element<Lanes>(e, i + w).store(out + i + w);
    }
  }
  struct free_aligned {
    void operator()(double* p) const noexcept { std::free(p); }
  };
  using storage = std::unique_ptr<double[], free_aligned>;
  static storage make() {
    void* p = std::aligned_alloc(64, size * sizeof(double));
    if (!p) throw std::bad_alloc();
    return storage(static_cast<double*>(p));
  }
  storage p_;
};

/// The blocks of propagate()'s portable path: two samples an operation (SSE2).
using sample_block = basic_sample_block<sample_pair>;
/// The blocks of its wide path: four samples an operation, in AVX registers where
/// built for AVX2.
using wide_sample_block = basic_sample_block<sample_quad>;

template <class T>
inline constexpr bool is_sample_block = false;
template <class Lanes>
inline constexpr bool is_sample_block<basic_sample_block<Lanes>> = true;

template <class T>
concept sample_operand = is_sample_block<T> || is_sample_expr<T> || std::same_as<T, double>;
template <class A, class B>
concept sample_operands = sample_operand<A> && sample_operand<B> && !(std::same_as<A, double> && std::same_as<B, double>);

template <class Lanes>
sample_ref operand(const basic_sample_block<Lanes>& b) noexcept {
  return {b.data()};
}
inline double operand(double x) noexcept { return x; }
template <class Op, class L, class R>
sample_expr<Op, L, R> operand(const sample_expr<Op, L, R>& e) noexcept {
  return e;
}
template <class Op, class A, class B>
auto lazy(const A& a, const B& b) noexcept {
  return sample_expr<Op, decltype(operand(a)), decltype(operand(b))>{operand(a), operand(b)};
}

// The operators and functions compute<V> uses (model.hpp), as double's.
template <class A, class B>
  requires sample_operands<A, B>
auto operator+(const A& a, const B& b) noexcept {
  return lazy<sample_ops::add>(a, b);
}
template <class A, class B>
  requires sample_operands<A, B>
auto operator-(const A& a, const B& b) noexcept {
  return lazy<sample_ops::sub>(a, b);
}
template <class A, class B>
  requires sample_operands<A, B>
auto operator*(const A& a, const B& b) noexcept {
  return lazy<sample_ops::mul>(a, b);
}
template <class A, class B>
  requires sample_operands<A, B>
auto operator/(const A& a, const B& b) noexcept {
  return lazy<sample_ops::div>(a, b);
}
template <class A>
  requires sample_operands<A, double>
auto min1(const A& a) noexcept {
  return lazy<sample_ops::min_one>(a, 1.0);
}
template <class A, class B>
  requires sample_operands<A, B>
auto ratio_or_one(const A& a, const B& b) noexcept {
  return lazy<sample_ops::ratio_or_one>(a, b);
}
template <class A, class B>
  requires sample_operands<A, B>
auto max_of(const A& a, const B& b) noexcept {
  return lazy<sample_ops::max_of>(a, b);
}
template <class A>
  requires sample_operands<A, double>
auto clamp_fraction(const A& a, double floor) noexcept {
  return lazy<sample_ops::clamp_fraction>(a, floor);
}

}  // namespace trainprint::inline v0::detail

#undef TRAINPRINT_SAMPLE_INLINE
