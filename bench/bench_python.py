#!/usr/bin/env python3
"""Speed of the Python package (bench/RESULTS.md, "Python").

    python3 bench/bench_python.py [--rows N] [--repeat R]

Run it with the Python whose `trainprint` is the one to measure (a pip-installed,
Release package: scripts/test-python-package leaves one in WORK/venv). Prints one
line per benchmark: the median of R repeats, wall and CPU (process) time. Every
benchmark runs on one core (the library is single-threaded here).

  estimate            one trainprint.estimate() call (the README's scenario), as a
                      user calls it: keywords in, an Estimate out, energy_kwh read
  estimate+to_dict    the same, then the whole estimate as a dict: the trace made,
                      the JSON written and parsed (what every call cost before the
                      Estimate kept the C++ result)
  parts               where a call's time goes, step by step
  estimate_many       N rows (default 10^6): params, tokens and count as NumPy arrays,
                      hardware and region as lists of str (4 and 5 distinct values),
                      every row a different scenario
"""

import argparse
import json
import statistics
import sys
import time

import numpy as np

import trainprint
from trainprint import _core

BASE = {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 512, "region": "aws:us-east-1"}


def per_call(fn, calls, repeat):
    """Median over `repeat` runs of `calls` calls: (wall µs, CPU µs) per call."""
    walls, cpus = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(calls):
            fn()
        walls.append((time.perf_counter() - w0) / calls * 1e6)
        cpus.append((time.process_time() - c0) / calls * 1e6)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--calls", type=int, default=20_000)
    a = ap.parse_args()
    print(f"trainprint {trainprint.__version__} from {trainprint.__file__}")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}")

    trainprint.estimate(**BASE)  # the embedded catalog, parsed once
    rows = [
        ("estimate", lambda: trainprint.estimate(**BASE).energy_kwh),
        ("estimate+to_dict (what every call did before: trace, JSON, parse)", lambda: trainprint.estimate(**BASE).to_dict()),
    ]
    handle = trainprint.catalog()._handle
    fields = dict(BASE)
    rows += [
        ("parts: _core.estimate (keywords -> scenario -> lean estimate)", lambda: _core.estimate(fields, handle)),
        ("parts: ... + the numbers as a tuple", lambda: _core.estimate(fields, handle).values),
        ("parts: ... + the trace and the JSON text", lambda: _core.estimate(fields, handle).json(2)),
        ("parts: json.loads of that text", lambda t=_core.estimate(fields, handle).json(2): json.loads(t)),
    ]
    for name, fn in rows:
        wall, cpu = per_call(fn, a.calls, a.repeat)
        print(f"{name:<64} {wall:9.2f} µs wall {cpu:9.2f} µs CPU per call")

    n = a.rows
    rng = np.random.default_rng(42)
    params = rng.uniform(1e8, 1e11, n)
    tokens = rng.uniform(1e10, 1e13, n)
    count = rng.integers(8, 4096, n).astype(np.float64)
    hardware = [("h100", "a100", "tpu-v5p", "mi300x")[i % 4] for i in range(n)]
    region = [("FR", "SE", "PL", "aws:us-east-1", "gcp:europe-west4")[i % 5] for i in range(n)]
    walls, cpus = [], []
    for _ in range(a.repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        r = trainprint.estimate_many(params=params, tokens=tokens, count=count, hardware=hardware, region=region)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    assert not np.isnan(r["energy_facility_kwh"]).any()
    print(f"{'estimate_many: ' + format(n, ',') + ' rows':<64} {statistics.median(walls):9.3f} s wall "
          f"{statistics.median(cpus):9.3f} s CPU (min {min(walls):.3f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
