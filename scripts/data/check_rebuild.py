#!/usr/bin/env python3
"""Rebuild every data/*.json table from the upstream snapshot into a temporary folder and
compare it, byte for byte, with the committed file (the ctest data.rebuild runs this).

    python3 scripts/data/check_rebuild.py [--upstream DIR] [--keep DIR]

Runs build_hardware.py, build_regions.py and build_misc.py with --out <temporary folder>,
so nothing is written into the source tree; the tables' folder is data/ beside this
script's repository. Exit status: 0 when every rebuilt file equals the committed one,
1 on any difference (a unified diff of each is printed), a missing or extra table or a
builder that fails, 77 (ctest's SKIP_RETURN_CODE) when the upstream folder is absent.
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

from common import DATA_DIR, DEFAULT_UPSTREAM

HERE = os.path.dirname(os.path.abspath(__file__))
BUILDERS = ["build_hardware.py", "build_regions.py", "build_misc.py"]  # regions before misc: presets name regions
NOT_BUILT = {"catalog.json", "calibration.json"}  # version and date by hand; the MFU fit by `trainprint validate --calibration` (tests/unit/calibration.test.cpp checks it)
SKIP = 77
DIFF_LINES = 40  # lines of unified diff shown per differing file


def rebuild(upstream, out):
    """Run every builder into `out`; the exit status of the first that fails, else 0."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for b in BUILDERS:
        rc = subprocess.run([sys.executable, os.path.join(HERE, b), "--upstream", upstream, "--out", out],
                            env=env, stdout=subprocess.DEVNULL).returncode
        if rc != 0:
            print(f"{b} failed (exit {rc})", file=sys.stderr)
            return rc
    return 0


def built_files(out):
    """Paths of the rebuilt files relative to `out`, sorted."""
    return sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs)


def compare(out):
    """Messages for every rebuilt file that differs from data/, and for tables without a builder."""
    problems = []
    for rel in built_files(out):
        with open(os.path.join(out, rel), encoding="utf-8") as f:
            new = f.read()
        committed = os.path.join(DATA_DIR, rel)
        old = open(committed, encoding="utf-8").read() if os.path.exists(committed) else None
        if old is None:
            problems.append(f"{rel}: rebuilt but not committed in data/")
        elif old != new:
            diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"data/{rel}", f"rebuilt/{rel}",
                                             lineterm=""))
            more = [f"... ({len(diff) - DIFF_LINES} more diff lines)"] if len(diff) > DIFF_LINES else []
            problems.append("\n".join([f"{rel}: differs from the rebuilt file"] + diff[:DIFF_LINES] + more))
    rebuilt = set(built_files(out))
    for f in sorted(os.listdir(DATA_DIR)):
        if f.endswith(".json") and f not in NOT_BUILT and f not in rebuilt:
            problems.append(f"{f}: in data/ but no builder wrote it")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream", default=DEFAULT_UPSTREAM, help="shared/upstream-data folder (default: %(default)s)")
    ap.add_argument("--keep", help="rebuild into this folder and keep it (default: a temporary folder)")
    a = ap.parse_args(argv)
    if not os.path.isdir(a.upstream):
        print(f"SKIP: no upstream snapshot at {a.upstream}", file=sys.stderr)
        return SKIP
    with tempfile.TemporaryDirectory(prefix="trainprint-rebuild-") as tmp:
        out = a.keep or tmp
        rc = rebuild(a.upstream, out)
        if rc != 0:
            return 1
        problems = compare(out)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} table file(s) differ from a rebuild from {a.upstream}: rerun the builders "
              "(data/README.md, Refresh) or fix the change that made them differ", file=sys.stderr)
        return 1
    print(f"data/*.json equals a rebuild from {a.upstream}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
