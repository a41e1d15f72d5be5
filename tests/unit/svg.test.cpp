// SVG bar charts (svg.hpp): bars, labels, whiskers, legend, escaping.
#include <doctest/doctest.h>
#include <trainprint/error.hpp>
#include <trainprint/detail/charts.hpp>
#include <trainprint/svg.hpp>

#include <string>

using namespace trainprint;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

bar_chart two_bars() {
  bar_chart c;
  c.id = "em";
  c.title = "Total emissions";
  c.description = "FR: 6.35; PL: 78.7";
  c.unit = "t CO2e";
  c.bars.push_back({"FR", {6.35}, 4.06, 9.96, "6.35 (4.06–9.96)"});
  c.bars.push_back({"PL", {78.7}, {}, {}, {}});
  return c;
}

}  // namespace

TEST_CASE("svg: one rect per bar, with labels, values and a whisker where given") {
  const std::string s = render_svg(two_bars());
  CHECK(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(s, "<rect class=\"bar\"") == 2);
  CHECK(count(s, "<g class=\"whisker\">") == 1);
  CHECK(s.find(">FR</text>") != std::string::npos);
  CHECK(s.find(">PL</text>") != std::string::npos);
  CHECK(s.find(">6.35 (4.06–9.96)</text>") != std::string::npos);
  CHECK(s.find(">78.7</text>") != std::string::npos);  // the total when no value text is given
  CHECK(s.find("<title id=\"em-title\">Total emissions</title>") != std::string::npos);
  CHECK(s.find("<desc id=\"em-desc\">FR: 6.35; PL: 78.7</desc>") != std::string::npos);
  CHECK(s.find("aria-labelledby=\"em-title em-desc\"") != std::string::npos);
  CHECK(s.find("<title>PL: 78.7 t CO2e</title>") != std::string::npos);  // each bar names itself
  CHECK(s.find(">t CO2e</text>") != std::string::npos);                  // the axis unit
  CHECK(count(s, "class=\"swatch\"") == 0);                              // one series: no legend
  CHECK(s.find("<script") == std::string::npos);
}

TEST_CASE("svg: the axis covers the largest bar and whisker with round ticks") {
  const std::string s = render_svg(two_bars());
  // max(78.7, 9.96) → steps of 20 up to 80
  for (const char* t : {">0</text>", ">20</text>", ">40</text>", ">60</text>", ">80</text>"})
    CHECK(s.find(t) != std::string::npos);
  CHECK(s.find(">100</text>") == std::string::npos);
}

TEST_CASE("svg: stacked series draw one rect per known segment and a legend with patterns") {
  bar_chart c;
  c.id = "parts";
  c.title = "By component";
  c.unit = "t CO2e";
  c.series = {"operational", "embodied"};
  c.bars.push_back({"FR", {5.6, 0.74}, {}, {}, {}});
  c.bars.push_back({"PL", {78.0, std::nullopt}, {}, {}, {}});
  c.bars.push_back({"XX", {std::nullopt, std::nullopt}, {}, {}, {}});
  const std::string s = render_svg(c);
  CHECK(count(s, "<rect class=\"bar\"") == 3);
  CHECK(count(s, "data-series=\"0\"") == 2);
  CHECK(count(s, "data-series=\"1\"") == 1);
  CHECK(count(s, "class=\"swatch\"") == 2);
  CHECK(s.find("<pattern id=\"parts-hatch\"") != std::string::npos);  // ids prefixed: unique in a document
  CHECK(s.find("fill=\"url(#parts-hatch)\"") != std::string::npos);
  CHECK(s.find(">unknown</text>") != std::string::npos);
  CHECK(s.find("<title>FR — embodied: 0.740 t CO2e</title>") != std::string::npos);
}

TEST_CASE("svg: text and attributes are escaped") {
  bar_chart c;
  c.id = "a\"b";
  c.title = "<script>alert('x')</script>";
  c.description = "R&D";
  c.unit = "<u>";
  c.bars.push_back({"lab<1>&\"2\"", {1.0}, {}, {}, {}});
  const std::string s = render_svg(c);
  CHECK(s.find("<script") == std::string::npos);
  CHECK(s.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(s.find("R&amp;D") != std::string::npos);
  CHECK(s.find(">lab&lt;1&gt;&amp;&quot;2&quot;</text>") != std::string::npos);
  CHECK(s.find("id=\"a&quot;b\"") != std::string::npos);
  CHECK(s.find("<u>") == std::string::npos);
  CHECK(xml_escape("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;");
}

TEST_CASE("svg: long labels are shortened, the full label stays in the bar's title") {
  bar_chart c;
  c.id = "long";
  const std::string label(50, 'x');
  c.bars.push_back({label, {1.0}, {}, {}, {}});
  const std::string s = render_svg(c);
  CHECK(s.find(">" + std::string(31, 'x') + "…</text>") != std::string::npos);
  CHECK(s.find("<title>" + label + ": 1.00 </title>") != std::string::npos);
}

TEST_CASE("svg: a bar whose values do not match the series is an input error") {
  bar_chart c;
  c.id = "bad";
  c.series = {"a", "b"};
  c.bars.push_back({"FR", {1.0}, {}, {}, {}});
  CHECK_THROWS_WITH_AS(render_svg(c), "[trainprint.input] chart bar 'FR': got 1 values, expected one value per series (2)",
                       input_error);
  c.id = "";
  CHECK_THROWS_AS(render_svg(c), input_error);
}

TEST_CASE("svg: chart numbers have 3 significant digits") {
  CHECK(chart_number(0) == "0");
  CHECK(chart_number(6.3456) == "6.35");
  CHECK(chart_number(78.66) == "78.7");
  CHECK(chart_number(469.2) == "469");
  CHECK(chart_number(1065.4) == "1065");
  CHECK(chart_number(0.2244) == "0.224");
  CHECK(chart_number(0.0123) == "0.0123");
  CHECK(chart_number(2.5e6) == "2.5e+06");
}
