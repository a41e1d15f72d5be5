// Must not compile: no implicit energy → double; use in_kwh().
#include <trainprint/quantities.hpp>
int main() {
  double d = trainprint::energy::kwh(3.0);
  (void)d;
}
