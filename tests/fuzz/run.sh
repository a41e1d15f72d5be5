#!/usr/bin/env bash
# Runs one fuzz target for a while, nice'd, with a scratch corpus beside the seeds.
#   tests/fuzz/run.sh BUILD_DIR TARGET [SECONDS=30]
# TARGET: scenario, overlay, parse or cli. New inputs go to BUILD_DIR/fuzz-corpus/TARGET,
# crashes to BUILD_DIR/fuzz-artifacts/; the seeds in tests/fuzz/corpus are not touched.
set -eu
build=$(realpath "$1") target=$2 seconds=${3:-30}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-corpus/$target" "$build/fuzz-artifacts"
cd "$here/files"  # the CLI target reads scenario.json and overlay.json here
exec nice -n 10 "$build/bin/fuzz_$target" -max_total_time="$seconds" -timeout=20 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
  "$build/fuzz-corpus/$target" "$here/corpus/$target"
