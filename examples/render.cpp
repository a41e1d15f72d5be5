// Rendering (format.hpp, render.hpp): quantities with fmt, readable magnitudes,
// one estimate and one comparison in the output formats people and programs read.
#include <trainprint/trainprint.hpp>

int main() {
  using namespace trainprint;
  fmt::print("{}\n", energy::kwh(1500));            // "1500 kWh"
  fmt::print("{}\n", readable(energy::kwh(1500)));  // "1.50 MWh"

  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "FR";
  const estimate e = make_estimate(s);
  fmt::print("{}", render(e, output_format::md));   // a Markdown section
  fmt::print("{}", render(e, output_format::csv));  // header row and one row

  const comparison c = compare(s, "region", {"FR", "PL"});
  const std::string json = to_json_text(c);  // {"key": "region", ..., "schema": "trainprint.compare/1", ...}
  const auto at = json.rfind("\"schema\"");  // the last: the rows hold estimates with their own
  fmt::print("{}\n", json.substr(at, json.find(',', at) - at));  // "schema": "trainprint.compare/1"
  fmt::print("{}", render(c, output_format::table));
}
