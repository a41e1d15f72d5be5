#!/usr/bin/env bash
# Runs one CLI test case of cases.txt (or bad_inputs.txt) and checks the exit code, stdout and stderr.
#   check.sh BINARY NAME [--update]
# Run from tests/cli. With --update, writes golden/NAME.out and golden/NAME.err
# instead of comparing (see update-golden.sh).
set -u
bin=$1 name=$2 update=${3:-}
cd "$(dirname "$0")"
line=$(grep -hE "^$name +\|" cases.txt bad_inputs.txt) || { echo "no case '$name' in cases.txt or bad_inputs.txt"; exit 3; }
rc_expected=$(echo "$line" | cut -d'|' -f2 | tr -d ' ')
args=$(echo "$line" | cut -d'|' -f3- | sed 's/^ *//')

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
eval "set -- $args"
"$bin" "$@" >"$out" 2>"$err"
rc=$?

# Versions change with every release; the goldens hold placeholders.
normalise() {
  sed -E -e 's/("trainprint_version": )"[^"]*"/\1"<version>"/' \
         -e 's/^trainprint [0-9][0-9A-Za-z.+-]*$/trainprint <version>/' \
         -e 's/catalog [0-9][0-9.]*[^ ]* \([0-9-]*\)/catalog <version> (<date>)/' \
         -e '/"catalog": \{/,/\}/{s/("version": )"[^"]*"/\1"<version>"/;s/("date": )"[^"]*"/\1"<date>"/}' "$1"
}

fail() { echo "FAIL $name: $*"; echo "--- stdout"; head -c 3000 "$out"; echo "--- stderr"; cat "$err"; exit 1; }

if [ "$update" = --update ]; then
  [ "$rc" = "$rc_expected" ] || fail "exit code $rc, expected $rc_expected"
  case $name in *-help) exit 0 ;; esac
  rm -f "golden/$name.out" "golden/$name.err"
  [ -s "$out" ] && normalise "$out" >"golden/$name.out"
  [ -s "$err" ] && normalise "$err" >"golden/$name.err"
  exit 0
fi

[ "$rc" = "$rc_expected" ] || fail "exit code $rc, expected $rc_expected"
case $name in
  *-help)
    [ -s "$out" ] || fail "empty help"
    [ -s "$err" ] && fail "stderr not empty"
    exit 0 ;;
esac
if [ "$rc" != 0 ]; then
  [ -s "$out" ] && fail "stdout not empty on failure"
  [ -f "golden/$name.err" ] || fail "no golden/$name.err"
  diff -u "golden/$name.err" <(normalise "$err") || fail "stderr differs"
  # One clear message; `data check` lists one line per problem.
  [ "$(wc -l <"$err")" = 1 ] || [[ "$name" == bad-data-check* ]] || [[ "$name" == bad-inventory* ]] || fail "expected one line on stderr"
  exit 0
fi
[ -f "golden/$name.out" ] || fail "no golden/$name.out"
diff -u "golden/$name.out" <(normalise "$out") || fail "stdout differs"
if [ -f "golden/$name.err" ]; then
  diff -u "golden/$name.err" <(normalise "$err") || fail "stderr differs"
else
  [ -s "$err" ] && fail "stderr not empty"
fi
exit 0
