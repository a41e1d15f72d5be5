#!/usr/bin/env python3
"""Whole-run ("effective") MFU of every published run in data/presets.json.

    python3 scripts/data/calibrate_defaults.py            # table + median per family (markdown)
    trainprint validate --format json > v.json
    python3 scripts/data/calibrate_defaults.py v.json     # ... + leave-one-out predict errors

effective MFU = training FLOPs / (accelerator-hours x 3600 x dense peak FLOP/s)

FLOPs are the source's own figure where it publishes one (Patterson et al. 2021, LaMDA), else
6 x params x tokens, the same FLOPs `trainprint validate`'s predict mode computes. Accelerator-hours
are the published GPU-hours, or chips x days. This is the utilisation that converts FLOPs into
energy over a whole run (restarts, evaluation, checkpoints, long-context stages and failed steps
included), so it is lower than the per-step MFU papers quote. docs/methodology.md section 4.1
prints this table; include/trainprint/defaults.hpp takes the medians. Reads the tables through
common.py.
"""
import os
import statistics
import sys

from common import DATA_DIR, read_json


def main() -> int:
    presets = read_json(os.path.join(DATA_DIR, "presets.json"))["presets"]
    hw = {a["id"]: a for a in read_json(os.path.join(DATA_DIR, "hardware.json"))["accelerators"]}
    rows = []
    for p in presets:
        s, pub, v = p["scenario"], p["published"], p.get("predict", {})
        if "gpu_hours" in s:
            ah = s["gpu_hours"]
        elif "duration_h" in s:
            ah = s["duration_h"] * s["count"]
        else:
            continue  # no accelerator-hours published (OLMo)
        flops = v.get("flops") or 6 * v["params"] * v["tokens"]
        a = hw[s["hardware"]]
        peak = a["peak_tflops_dense"].get("bf16") or a["peak_tflops_dense"].get("fp16")
        rows.append((a["family"], p["id"], flops, ah, peak, flops / (ah * 3600 * peak * 1e12)))
    rows.sort()
    print("| family | preset | FLOPs | accelerator-hours | peak TFLOP/s | effective MFU |")
    print("|---|---|---|---|---|---|")
    for fam, pid, flops, ah, peak, mfu in rows:
        print(f"| {fam} | {pid} | {flops:.3g} | {ah:,.0f} | {peak:g} | {mfu:.3f} |")
    print()
    fams = sorted({r[0] for r in rows})
    for fam in fams:
        vals = [r[5] for r in rows if r[0] == fam]
        print(f"{fam}: n={len(vals)} median={statistics.median(vals):.3f} min={min(vals):.3f} max={max(vals):.3f}")
    allv = [r[5] for r in rows]
    print(f"all: n={len(allv)} median={statistics.median(allv):.3f} min={min(allv):.3f} max={max(allv):.3f}")
    if len(sys.argv) > 1:
        leave_one_out(rows, read_json(sys.argv[1]))
    return 0


def leave_one_out(rows, report):
    """Predict-mode energy errors had each run's own MFU been left out of the calibration.

    Energy is proportional to 1 / MFU, so the left-out estimate is the predict estimate
    x (MFU used / median MFU of the family's other runs); a family with no other run
    falls back to the median of all other runs. Runs without accelerator-hours (OLMo)
    were not in the calibration and keep their error."""
    by_id = {r[1]: r for r in rows}
    errs = []
    print()
    print("| preset | predict energy error | MFU used | leave-one-out MFU | leave-one-out error |")
    print("|---|--:|--:|--:|--:|")
    for row in report["rows"]:
        e, mfu = row["predict"]["energy_error"], row["predict"]["mfu"]
        if e is None:
            continue
        if row["id"] not in by_id or mfu is None:
            errs.append(abs(e))
            print(f"| {row['id']} | {e:+.1%} | {mfu or float('nan'):.3f} | (not in calibration) | {e:+.1%} |")
            continue
        fam = by_id[row["id"]][0]
        others = [r[5] for r in rows if r[0] == fam and r[1] != row["id"]] or [r[5] for r in rows if r[1] != row["id"]]
        loo = statistics.median(others)
        e2 = (1 + e) * mfu / loo - 1
        errs.append(abs(e2))
        print(f"| {row['id']} | {e:+.1%} | {mfu:.3f} | {loo:.3f} | {e2:+.1%} |")
    print(f"\nleave-one-out median absolute energy error: {statistics.median(errs):.1%} (n={len(errs)})")


if __name__ == "__main__":
    raise SystemExit(main())
