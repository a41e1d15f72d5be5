"""Compares forms of the fitted MFU model by leave-one-organisation-out error (docs/methodology.md sec. 4.1).

    scripts/data/mfu_forms.py [build/dev/bin/trainprint]           the table below
    scripts/data/mfu_forms.py --nested [build/dev/bin/trainprint]  the choice itself held out (below)
    scripts/data/mfu_forms.py --nested --write [build/dev/bin/trainprint]
                                                                   the same, and writes its result into
                                                                   data/calibration.json (mfu.form_choice_held_out),
                                                                   which `trainprint validate` prints
    scripts/data/mfu_forms.py --check build/dev/bin/trainprint     only the refit check (the ctest data.mfu_refit):
                                                                   exit 0, 1 on a difference (or a
                                                                   form_choice_held_out computed for other
                                                                   coefficients, or none), 77 without numpy

The shipped model is fitted in C++ (src/calibration.cpp; `trainprint validate --calibration` prints
data/calibration.json). This script refits it in numpy from the same runs, checks that its coefficients equal
the shipped ones, and then refits candidate forms (features, objective and weighting), each with all of one
organisation's runs left out at once. The shipped fit: least absolute deviations on ln MFU (iteratively reweighted
least squares, weights 1 / max(|residual|, 1e-4), 200 rounds from the least-squares start) with a ridge penalty on
all but the intercept, every run in the fit counting once. The candidates also use least squares (one round) and
weights that make every organisation count equally (1 / its number of runs, scaled to sum to the number of runs).

What it prints for each form and penalty: the median and 90th percentile of |energy error| over the runs that
`trainprint validate` scores held out, and the share whose held-out MFU residual lies inside the 90% bounds from
the other organisations' residuals (nested, split-conformal as in src/calibration.cpp). The energy error of a run
under another form is its held-out energy error today times the ratio of today's held-out MFU to the form's: the
power model and the source's accounting convention are unchanged, and energy is proportional to 1 / MFU in predict
mode. The coverage is that of the MFU factor alone (measured-power runs have a slightly wider energy interval), so it
is close to, not equal to, what `trainprint validate` reports.

The shipped form was chosen by the same held-out error it is judged by, so its score flatters it. `--nested` measures
the choice itself: for each organisation left out, the form, objective, weighting and penalty (the 64 candidates of
the four size/peak forms) are chosen on the other organisations alone (their own leave-one-organisation-out median)
and the chosen fit predicts the left-out organisation; it prints each choice and the median over all runs.
With --write it also stores that median, its 90th percentile, the number of runs and of candidates, the date, the
command and the shipped coefficients it was computed with in data/calibration.json (mfu.form_choice_held_out, keys
sorted and indented as `trainprint validate --calibration` prints them, which carries the block through a refit).
"""
import datetime
import json
import math
import os
import subprocess
import sys

try:
    import numpy as np
except ImportError:  # the check is skipped (ctest SKIP_RETURN_CODE) where numpy is not installed
    np = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
A100 = 312e12  # the origin of p (src/calibration.cpp)


def load(cli):
    cal = json.loads(subprocess.run([cli, "validate", "--calibration"], check=True, capture_output=True, text=True).stdout)
    val = json.loads(subprocess.run([cli, "validate", "--format", "json"], check=True, capture_output=True, text=True).stdout)
    presets = {p["id"]: p for p in json.load(open(os.path.join(ROOT, "data", "presets.json")))["presets"]}
    hardware = {h["id"]: h for h in json.load(open(os.path.join(ROOT, "data", "hardware.json")))["accelerators"]}

    def peak(hw):
        pk = hardware[hw]["peak_tflops_dense"]
        return next(pk[k] * 1e12 for k in ("bf16", "fp16", "fp32") if pk.get(k))

    years = {i: p["year"] for i, p in presets.items()}
    runs = []
    for r in cal["mfu"]["published_runs"]:
        pv = presets[r["id"]]["predict"]
        total = pv.get("params")
        runs.append({"id": r["id"], "org": r["organisation"], "mfu": r["mfu"], "fit": r["in_fit"],
                     "peak": peak(pv["hardware"]), "family": hardware[pv["hardware"]]["family"],
                     "active": pv.get("active_params", total), "total": total, "count": pv.get("count"),
                     "year": years[r["id"]]})
    rows = {r["id"]: r for r in val["rows"] if r["held_out"]["energy_error"] is not None}
    return cal["mfu"], runs, rows


def p_(r):
    return math.log10(r["peak"] / A100)


def n_(r, n_unknown):
    return math.log10(r["active"] / 1e9) if r["active"] else n_unknown


def moe_(r):
    return math.log(r["total"] / r["active"]) if r["active"] and r["total"] and r["total"] > r["active"] else 0.0


SHIPPED = "shipped: max(p,0), n, n*max(p,0), moe"


def forms(runs):
    """name -> (features, objective, weighting). The shipped form first."""
    counts = [math.log10(r["count"]) for r in runs if r["fit"] and r["count"]]
    c_mean = sum(counts) / len(counts)
    c_ = lambda r: math.log10(r["count"]) - c_mean if r["count"] else 0.0  # unknown count: the fitted runs' mean
    years = [r["year"] for r in runs if r["fit"]]
    y_mean = sum(years) / len(years)
    y_ = lambda r: r["year"] - y_mean  # a future run: the catalog's year would be needed (not shipped)
    hinge = lambda r: max(p_(r), 0.0)  # no MFU gain on chips slower than an A100
    fams = ["hopper", "tpu-v2", "tpu-v3", "tpu-v4", "volta"]
    hinged = lambda r, u: [1, hinge(r), n_(r, u), n_(r, u) * hinge(r), moe_(r)]
    before = lambda r, u: [1, p_(r), n_(r, u), n_(r, u) * p_(r), moe_(r)]
    table = {SHIPPED: (hinged, "lad", "run")}
    for obj in ("lad", "ls"):
        for wt in ("run", "org"):
            tag = f" [{obj}, {'per run' if wt == 'run' else 'per org.'}]"
            table.update({
                "p, n, n*p, moe" + tag: (before, obj, wt),
                "p, n, moe (no n*p)" + tag: (lambda r, u: [1, p_(r), n_(r, u), moe_(r)], obj, wt),
                "max(p,0), n, n*max(p,0), moe" + tag: (hinged, obj, wt),
                "max(p,0), n, moe" + tag: (lambda r, u: [1, hinge(r), n_(r, u), moe_(r)], obj, wt),
                "p form + log count" + tag: (lambda r, u: before(r, u) + [c_(r)], obj, wt),
                "max(p,0) form + log count" + tag: (lambda r, u: hinged(r, u) + [c_(r)], obj, wt),
                "p form + year" + tag: (lambda r, u: before(r, u) + [y_(r)], obj, wt),
                "max(p,0) form + year" + tag: (lambda r, u: hinged(r, u) + [y_(r)], obj, wt),
                "family indicators, n, moe" + tag: (lambda r, u: [1] + [float(r["family"] == f) for f in fams]
                                                    + [n_(r, u), moe_(r)], obj, wt),
                "constant" + tag: (lambda r, u: [1], obj, wt),
            })
    del table["max(p,0), n, n*max(p,0), moe [lad, per run]"]  # the shipped form
    return table


def fit(train, form, ridge):
    feats, objective, weighting = form
    sizes = [math.log10(r["active"] / 1e9) for r in train if r["fit"] and r["active"]]
    n_unknown = sum(sizes) / len(sizes)
    fitted = [r for r in train if r["fit"]]
    x = np.array([feats(r, n_unknown) for r in fitted], dtype=float)
    y = np.array([math.log(r["mfu"]) for r in fitted])
    w0 = np.ones(len(fitted))
    if weighting == "org":
        per_org = {}
        for r in fitted:
            per_org[r["org"]] = per_org.get(r["org"], 0) + 1
        w0 = np.array([len(fitted) / len(per_org) / per_org[r["org"]] for r in fitted])
    penalty = ridge * np.diag([0.0] + [1.0] * (x.shape[1] - 1))
    w = w0
    for _ in range(200 if objective == "lad" else 1):
        c = np.linalg.solve(x.T @ (w[:, None] * x) + penalty, x.T @ (w * y))
        w = w0 / np.maximum(np.abs(y - x @ c), 1e-4)
    return (lambda r: min(1.0, math.exp(float(np.dot(c, feats(r, n_unknown)))))), c


def held_out(runs, rows, feats, ridge, per_run=None):
    errors, inside = [], []
    orgs = sorted({r["org"] for r in runs})
    for org in orgs:
        train = [r for r in runs if r["org"] != org]
        predict, _ = fit(train, feats, ridge)
        residuals = []
        for other in sorted({r["org"] for r in train}):
            g, _ = fit([r for r in train if r["org"] != other], feats, ridge)
            residuals += [math.log(r["mfu"] / g(r)) for r in train if r["org"] == other]
        residuals.sort()
        k = len(residuals)
        lo = residuals[max(1, math.floor((k + 1) * 0.05)) - 1]
        hi = residuals[min(k, math.ceil((k + 1) * 0.95)) - 1]
        for r in runs:
            if r["org"] != org or r["id"] not in rows:
                continue
            today = rows[r["id"]]["held_out"]
            errors.append(abs((1 + today["energy_error"]) * today["mfu"] / predict(r) - 1))
            if per_run is not None:
                per_run[r["id"]] = (r["org"], errors[-1])
            inside.append(lo <= math.log(r["mfu"] / predict(r)) <= hi)
    run_ids = {r["id"] for r in runs}
    errors += [abs(v["held_out"]["energy_error"]) for k, v in rows.items() if k not in run_ids]  # no hours: unchanged
    return float(np.median(errors)), float(np.quantile(errors, 0.9)), sum(inside) / len(inside), len(errors)


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == "--check"
    nest = bool(args) and args[0] == "--nested"
    if check or nest:
        args = args[1:]
    write = nest and bool(args) and args[0] == "--write"
    if write:
        args = args[1:]
    if np is None:
        print("numpy is not installed: nothing refitted", file=sys.stderr)
        sys.exit(77)
    cli = args[0] if args else os.path.join(ROOT, "build", "dev", "bin", "trainprint")
    shipped, runs, rows = load(cli)
    table = forms(runs)
    _, c = fit(runs, table[SHIPPED], shipped["ridge"])
    if not np.allclose(c, shipped["coefficients"], rtol=1e-7, atol=1e-9):
        sys.exit(f"the numpy refit {c} differs from data/calibration.json {shipped['coefficients']}")
    print(f"numpy refit equals data/calibration.json: c = {np.round(c, 4).tolist()}")
    if check:
        choice = shipped.get("form_choice_held_out")
        if choice is None:
            sys.exit("data/calibration.json has no mfu.form_choice_held_out: run scripts/data/mfu_forms.py --nested --write")
        if choice["coefficients"] != shipped["coefficients"]:
            sys.exit(f"mfu.form_choice_held_out was computed for the coefficients {choice['coefficients']}, not the "
                     f"shipped {shipped['coefficients']}: run scripts/data/mfu_forms.py --nested --write")
        print(f"mfu.form_choice_held_out belongs to these coefficients ({choice['date']})")
        return
    if nest:
        med, p90, n, candidates = nested(runs, rows)
        if write:
            store(shipped, med, p90, n, candidates, cli)
        return
    print(f"{'form':50} {'ridge':>5}  {'median':>6}  {'p90':>6}  {'MFU coverage':>12}  n")
    for name, feats in table.items():
        for ridge in (0.03, 0.1, 0.3, 1.0):
            med, p90, cov, n = held_out(runs, rows, feats, ridge)
            print(f"{name:50} {ridge:5g}  {med:6.1%}  {p90:6.1%}  {cov:12.1%}  {n}")
    ridge = shipped["ridge"]
    print(f"\nshipped form minus each other form, median |energy error| of the runs with MFU, at ridge {ridge:g}, "
          "over 2,000 resamplings of the organisations:")
    base = {}
    held_out(runs, rows, table[SHIPPED], ridge, base)
    for name, feats in list(table.items())[1:]:
        other = {}
        held_out(runs, rows, feats, ridge, other)
        mean, lo, hi, better = bootstrap(base, other)
        print(f"{name:50} {mean * 100:+5.1f} points (90%: {lo * 100:+5.1f} to {hi * 100:+5.1f}); other better in {better:.0%}")


def nested(runs, rows):
    table = forms(runs)
    table["max(p,0), n, n*max(p,0), moe [lad, per run]"] = table[SHIPPED]
    names = [n for n in table if n.split(" [")[0] in ("p, n, n*p, moe", "p, n, moe (no n*p)",
                                                       "max(p,0), n, n*max(p,0), moe", "max(p,0), n, moe")]
    configs = [(n, ridge) for n in names for ridge in (0.03, 0.1, 0.3, 1.0)]

    def error(r, predict):
        today = rows[r["id"]]["held_out"]
        return abs((1 + today["energy_error"]) * today["mfu"] / predict(r) - 1)

    outer = []
    for org in sorted({r["org"] for r in runs}):
        train = [r for r in runs if r["org"] != org]
        scores = []
        for name, ridge in configs:
            e = []
            for other in sorted({r["org"] for r in train}):
                g, _ = fit([r for r in train if r["org"] != other], table[name], ridge)
                e += [error(r, g) for r in train if r["org"] == other and r["id"] in rows]
            scores.append(float(np.median(e)))
        name, ridge = configs[int(np.argmin(scores))]
        g, _ = fit(train, table[name], ridge)
        e = [error(r, g) for r in runs if r["org"] == org and r["id"] in rows]
        outer += e
        print(f"{org[:30]:30} chose {name} at {ridge:g} (inner median {min(scores):.1%}): "
              + " ".join(f"{x:.0%}" for x in e), flush=True)
    print(f"the choice held out: median |energy error| {np.median(outer):.1%}, "
          f"90th percentile {np.quantile(outer, 0.9):.1%}, {len(outer)} runs with an MFU")
    return float(np.median(outer)), float(np.quantile(outer, 0.9)), len(outer), len(configs)


def store(shipped, med, p90, n, candidates, cli):
    """Writes the nested result into data/calibration.json (mfu.form_choice_held_out), in the layout of
    `trainprint validate --calibration` (nlohmann's: keys sorted, indent 2, UTF-8 unescaped)."""
    path = os.path.join(ROOT, "data", "calibration.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc["mfu"]["coefficients"] != shipped["coefficients"]:
        sys.exit("data/calibration.json is not the fit the binary prints: refresh it first with "
                 f"{cli} validate --calibration > data/calibration.json, rebuild, and rerun")
    doc["mfu"]["form_choice_held_out"] = {
        "energy_mae": med,
        "energy_p90": p90,
        "energy_n": n,
        "candidates": candidates,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        # The command from the repository root, without the binary: a build path (absolute, or one
        # worktree's) says nothing about the result, which any build of these sources reproduces.
        "command": "scripts/data/mfu_forms.py --nested --write",
        "coefficients": shipped["coefficients"],
        "source": (f"nested leave-one-organisation-out |energy error| of the {n} published runs with an MFU: for each "
                   "organisation left out, the MFU model's form (p or max(p,0); with or without n*p), objective "
                   "(least absolute deviations or least squares), weighting (per run or per organisation) and ridge "
                   f"penalty (0.03, 0.1, 0.3, 1), {candidates} candidates, are chosen on the other organisations alone "
                   "by their own leave-one-organisation-out median, and the chosen fit predicts the left-out "
                   "organisation (energy error = today's held-out error x today's MFU / the chosen fit's MFU). The "
                   "search that picked the shipped form (about 270 combinations, docs/methodology.md sec. 4.1) also "
                   "tried forms outside these candidates (log count, year, family indicators), so even this figure "
                   "is slightly optimistic; scripts/data/mfu_forms.py"),
    }
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", ": ")) + "\n")
    print(f"wrote mfu.form_choice_held_out into {os.path.relpath(path, ROOT)}")


def bootstrap(shipped, other, draws=2000, seed=1):
    """Resamples the organisations (with replacement): the median |error| of `shipped` minus that of `other`
    (runs with MFU in both), its 5th and 95th percentiles, and the share of draws where `other` is lower."""
    orgs = sorted({o for o, _ in shipped.values()})
    by_org = {o: [i for i, (oo, _) in shipped.items() if oo == o] for o in orgs}
    rng = np.random.default_rng(seed)
    d = []
    for _ in range(draws):
        ids = [i for o in rng.choice(orgs, len(orgs)) for i in by_org[o]]
        d.append(np.median([shipped[i][1] for i in ids]) - np.median([other[i][1] for i in ids]))
    d = np.array(d)
    return d.mean(), np.quantile(d, 0.05), np.quantile(d, 0.95), (d > 0).mean()


if __name__ == "__main__":
    main()
