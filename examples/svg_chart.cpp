// An SVG bar chart (svg.hpp): total emissions of two options, one with a 90% interval.
#include <trainprint/trainprint.hpp>

int main() {
  using namespace trainprint;
  bar_chart c{.id = "em", .title = "Total emissions", .unit = "t CO2e"};
  c.bars.push_back({.label = "FR", .values = {6.35}, .low = 4.06, .high = 9.96});
  c.bars.push_back({.label = "PL", .values = {78.7}});
  fmt::print("{}", render_svg(c));  // <svg xmlns=... role="img">...
}
