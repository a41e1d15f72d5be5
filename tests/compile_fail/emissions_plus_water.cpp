// Must not compile: CO2e and water never add.
#include <trainprint/quantities.hpp>
int main() {
  auto e = trainprint::emissions::kg_co2e(1) + trainprint::water_volume::litres(1);
  (void)e;
}
