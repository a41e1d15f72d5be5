// Must not compile: no implicit double → energy.
#include <trainprint/quantities.hpp>
int main() {
  trainprint::energy e = 3.0;
  (void)e;
}
