#!/bin/sh
# Instructions per benchmark body, robust under load (bench/RESULTS.md):
#   bench/icount.sh build/bench/bin/trainprint_icount [BENCHMARK N]...
# prints, for each benchmark, (callgrind total at N - total at 1) / (N - 1).
# Without BENCHMARK N pairs it runs the set used in bench/RESULTS.md.
set -eu
bin=$1
shift
[ $# -gt 0 ] || set -- evaluate 10001 full 201 lean 1001 alias 10001 region 10001 cat_est 6 cat_all 4 mc 2
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
while [ $# -ge 2 ]; do
  a=$(ir "$1" 1)
  b=$(ir "$1" "$2")
  echo "$1 $(( (b - a) / ($2 - 1) ))"
  shift 2
done
