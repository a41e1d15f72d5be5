// Must not compile: energy × energy has no meaning here.
#include <trainprint/quantities.hpp>
int main() {
  auto e = trainprint::energy::kwh(1) * trainprint::energy::kwh(1);
  (void)e;
}
