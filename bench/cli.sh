#!/bin/sh
# The trainprint CLI as a whole process: every run is a fresh process, so the
# embedded catalog is parsed cold each time. Median of RUNS (default 20) runs.
#   bench/cli.sh [path/to/trainprint] [path/to/trainprint_spawn_time]
# Built and run by `cmake --workflow --preset bench` (target bench-run).
set -eu
tp=${1:-build/bench/bin/trainprint}
timer=${2:-$(dirname "$tp")/trainprint_spawn_time}
runs=${RUNS:-20}

echo "CLI wall time, ms (whole process, cold catalog; target: estimate < 5 ms)"
printf '%-48s %9s %9s %9s %6s\n' "command" "median" "min" "max" "runs"
"$timer" "$runs" "trainprint --version" "$tp" --version
"$timer" "$runs" "trainprint estimate (7B, 2T tok, 512 h100, aws)" \
  "$tp" estimate --params 7e9 --tokens 2e12 --hardware h100 --count 512 --region aws:us-east-1
"$timer" "$runs" "trainprint estimate --format json" \
  "$tp" estimate --params 7e9 --tokens 2e12 --hardware h100 --count 512 --region aws:us-east-1 --format json
"$timer" "$runs" "trainprint list regions (every table entry)" "$tp" list regions
