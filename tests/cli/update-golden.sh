#!/usr/bin/env bash
# Regenerates tests/cli/golden/ from the current binary; review with `git diff`.
#   tests/cli/update-golden.sh build/h-cli/bin/trainprint
set -eu
bin=$(realpath "$1")
dir=$(dirname "$0")
status=0
for name in $(grep -hvE '^(#|$)' "$dir/cases.txt" "$dir/bad_inputs.txt" | cut -d'|' -f1); do
  "$dir/check.sh" "$bin" "$name" --update || status=1
done
exit $status
