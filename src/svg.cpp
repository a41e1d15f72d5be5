// Accessible SVG bar charts (see include/trainprint/svg.hpp).

#include "trainprint/svg.hpp"
#include "trainprint/detail/charts.hpp"

#include "text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "trainprint/error.hpp"

namespace trainprint::inline v0 {
namespace {

/// Series fills: a dark solid, a light hatch and a mid-tone dot pattern, so each
/// stays distinct when printed in greyscale.
struct series_style {
  const char* fill;        // solid colour, or the pattern's background
  const char* ink;         // the pattern's lines or dots; nullptr for solid
  const char* pattern;     // "hatch", "dots" or nullptr
};
constexpr std::array<series_style, 3> styles{{
    {"#2b5d8a", nullptr, nullptr},
    {"#bcd5ea", "#2b5d8a", "hatch"},
    {"#e9a93b", "#5a3b00", "dots"},
}};

constexpr double width_px = 760;
constexpr double bar_h = 20, bar_step = 30;
constexpr double char_w = 6.9;  // average advance of a 12px sans-serif character, rounded up
constexpr std::size_t max_label_chars = 32;

/// Number of characters (code points) in UTF-8 text.
std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

/// At most `n` characters, with "…" in place of the rest.
std::string truncated(std::string_view s, std::size_t n) {
  if (chars(s) <= n) return std::string(s);
  std::string out;
  std::size_t k = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if ((ch & 0xC0) != 0x80 && ++k > n - 1) break;
    out += s[i];
  }
  return out + "…";
}

/// Coordinates with at most one decimal.
std::string px(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

/// A step of 1, 2, 2.5 or 5 × 10^k giving about five ticks up to `max`.
double nice_step(double max) {
  const double raw = max / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double f = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return f * mag;
}

double total_of(const chart_bar& b) {
  double t = 0;
  for (const auto& v : b.values)
    if (v) t += std::max(0.0, *v);
  return t;
}
bool known(const chart_bar& b) {
  return std::any_of(b.values.begin(), b.values.end(), [](const auto& v) { return v.has_value(); });
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string chart_number(double x) { return text::three_digits(x, 1e6); }

std::string render_svg(const bar_chart& c) {
  if (c.id.empty()) throw input_error("chart id", "''", "a non-empty id");
  const std::size_t n_series = std::max<std::size_t>(1, c.series.size());
  for (const auto& b : c.bars)
    if (b.values.size() != n_series)
      throw input_error("chart bar '" + b.label + "'", fmt::format("{} values", b.values.size()),
                        fmt::format("one value per series ({})", n_series));
  const std::string id = xml_escape(c.id);

  // Value texts first: they set the right margin.
  std::vector<std::string> value_texts;
  double max_value = 0;
  std::size_t label_chars = 4, value_chars = 7;
  for (const auto& b : c.bars) {
    const double t = total_of(b);
    max_value = std::max({max_value, t, b.high.value_or(0)});
    value_texts.push_back(!known(b) ? std::string("unknown") : !b.value_text.empty() ? b.value_text : chart_number(t));
    label_chars = std::max(label_chars, std::min(max_label_chars, chars(b.label)));
    value_chars = std::max(value_chars, chars(value_texts.back()));
  }
  const double label_w = std::ceil(static_cast<double>(label_chars) * char_w + 14);
  const double value_w = std::ceil(static_cast<double>(value_chars) * char_w + 12);
  const double plot_w = std::max(200.0, width_px - label_w - value_w - 8);
  const double width = label_w + plot_w + value_w + 8;
  const double x0 = label_w;

  const double step = nice_step(max_value > 0 ? max_value : 1);
  const double axis_max = std::max(step, std::ceil(max_value / step - 1e-9) * step);
  auto xs = [&](double v) { return x0 + plot_w * std::max(0.0, v) / axis_max; };

  double y = 8;
  const double title_y = c.show_title ? y + 14 : 0;
  if (c.show_title) y += 26;
  const bool legend = c.series.size() > 1;
  const double legend_y = y;
  if (legend) y += 24;
  const double bars_top = y;
  const double bars_bottom = bars_top + bar_step * static_cast<double>(c.bars.size());
  const double height = bars_bottom + 44;

  std::string o;
  o += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
      "height=\"{2}\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
      "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
      id, px(width), px(height));
  o += fmt::format("<title id=\"{}-title\">{}</title>\n", id, xml_escape(c.title));
  o += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, xml_escape(c.description));
  // Opaque, so a standalone file stays readable in dark-mode viewers.
  o += "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  // Patterns for the second and third series.
  if (n_series > 1) o += "<defs>\n";
  for (std::size_t i = 0; i < n_series && i < styles.size(); ++i) {
    const auto& st = styles[i];
    if (!st.pattern) continue;
    const std::string pid = fmt::format("{}-{}", id, st.pattern);
    if (std::string_view(st.pattern) == "hatch")
      o += fmt::format(
          "<pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
          "<rect width=\"6\" height=\"6\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" "
          "stroke-width=\"2\"/></pattern>\n",
          pid, st.fill, st.ink);
    else
      o += fmt::format(
          "<pattern id=\"{}\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
          "<rect width=\"5\" height=\"5\" fill=\"{}\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"{}\"/></pattern>\n",
          pid, st.fill, st.ink);
  }
  if (n_series > 1) o += "</defs>\n";
  auto fill_of = [&](std::size_t i) {
    const auto& st = styles[i % styles.size()];
    return st.pattern ? fmt::format("url(#{}-{})", id, st.pattern) : std::string(st.fill);
  };

  if (c.show_title)
    o += fmt::format("<text class=\"chart-title\" x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
                     px(8), px(title_y), xml_escape(c.title));
  if (legend) {
    double lx = x0;
    for (std::size_t i = 0; i < c.series.size(); ++i) {
      o += fmt::format(
          "<rect class=\"swatch\" x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#333\" "
          "stroke-width=\"0.6\"/><text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>\n",
          px(lx), px(legend_y + 2), fill_of(i), px(lx + 20), px(legend_y + 13), xml_escape(c.series[i]));
      lx += 20 + static_cast<double>(chars(c.series[i])) * char_w + 24;
    }
  }

  // Grid lines and ticks.
  o += "<g class=\"axis\" fill=\"#444\" font-size=\"11\">\n";
  const auto ticks = static_cast<int>(std::lround(axis_max / step));
  for (int k = 0; k <= ticks; ++k) {
    const double t = step * k;
    const double x = xs(t);
    o += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1\"/>", px(x),
                     px(bars_top - 4), px(bars_bottom), t == 0 ? "#444" : "#ddd");
    o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", px(x), px(bars_bottom + 15),
                     fmt::format("{:.6g}", t));
  }
  o += fmt::format("<text class=\"unit\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", px(x0 + plot_w / 2),
                   px(bars_bottom + 33), xml_escape(c.unit));
  o += "</g>\n";

  for (std::size_t k = 0; k < c.bars.size(); ++k) {
    const auto& b = c.bars[k];
    const double top = bars_top + bar_step * static_cast<double>(k) + (bar_step - bar_h) / 2;
    const double mid = top + bar_h / 2;
    o += "<g class=\"row\">\n";
    o += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", px(x0 - 8), px(mid + 4),
                     xml_escape(truncated(b.label, max_label_chars)));
    double at = 0;
    for (std::size_t i = 0; i < b.values.size(); ++i) {
      if (!b.values[i]) continue;
      const double v = std::max(0.0, *b.values[i]);
      const std::string name = c.series.empty() ? std::string{} : " — " + c.series[i];
      o += fmt::format(
          "<rect class=\"bar\" data-series=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "stroke=\"#fff\" stroke-width=\"0.8\"><title>{}</title></rect>\n",
          i, px(xs(at)), px(top), px(xs(at + v) - xs(at)), px(bar_h), fill_of(i),
          xml_escape(fmt::format("{}{}: {} {}", b.label, name, chart_number(*b.values[i]), c.unit)));
      at += v;
    }
    double end = xs(total_of(b));
    if (b.low && b.high && known(b)) {
      const double lo = xs(*b.low), hi = xs(*b.high);
      end = std::max(end, hi);
      const std::string path = fmt::format("M{0} {1}V{2}M{0} {3}H{4}M{4} {1}V{2}", px(lo), px(mid - 6), px(mid + 6),
                                           px(mid), px(hi));
      o += fmt::format(
          "<g class=\"whisker\"><title>{}</title><path d=\"{}\" stroke=\"#fff\" stroke-width=\"4\" fill=\"none\"/>"
          "<path d=\"{}\" stroke=\"#111\" stroke-width=\"1.5\" fill=\"none\"/></g>\n",
          xml_escape(fmt::format("{}: 90% interval {}–{} {}", b.label, chart_number(*b.low), chart_number(*b.high), c.unit)),
          path, path);
    }
    o += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\"{}>{}</text>\n", px(end + 6), px(mid + 4),
                     known(b) ? "" : " font-style=\"italic\" fill=\"#555\"", xml_escape(value_texts[k]));
    o += "</g>\n";
  }
  o += "</svg>\n";
  return o;
}

}  // namespace trainprint::inline v0
