// Must not compile: energy and emissions are different kinds of quantity.
#include <trainprint/quantities.hpp>
int main() {
  auto e = trainprint::energy::kwh(1) + trainprint::emissions::kg_co2e(1);
  (void)e;
}
