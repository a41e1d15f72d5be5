"""Published training runs of scripts/data/published_runs.csv as preset entries (build_misc.py adds them to
data/presets.json). Each row was checked against the primary source named in it (source_url, locator and a short
quote); see scripts/data/runs_NOTES.md for how the table was compiled and what was rejected.

A run becomes a preset with:
  scenario   the source's own inputs (accelerator-hours, and the power, PUE and intensity it used), for reproduce mode;
  predict    what is known before the run: parameters (total and active) and tokens, or FLOPs, the hardware, the count
             and the precision, for predict mode and the MFU fit;
  reported   the published energy or emissions, or else the accelerator-hours alone (then `trainprint validate`
             compares on accelerator-hours, i.e. on energy at TDP);
  calibration whether the run enters the MFU fit, and if not why (a rule on the row's columns, never a list of runs).
"""
import csv
import os

from common import num, source

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS_CSV = os.path.join(HERE, "published_runs.csv")

def whole(x):
    return None if x is None else int(round(x))


def calibration_use(r):
    """Whether the run's whole-run MFU may enter the fit, and why not: a rule on the row's columns."""
    if r["kind"] != "pretrain":
        return False, "fine-tuning run: its MFU is not a pre-training MFU"
    if r["confidence"] == "low":
        return False, "low-confidence figures (secondary sources or coarse durations)"
    if r["hours_basis"] == "step-time":
        return False, "accelerator-hours from per-step time, not a whole run (no restarts, evaluation or checkpoints)"
    if r["hours_basis"] == "upper-bound":
        return False, "accelerator-hours are an upper bound"
    if r["workload_note"] == "distillation":
        return False, "distilled from a teacher's outputs: the teacher's forward passes are not in 6ND"
    if not (num(r["gpu_hours"]) and (num(r["flops_published"]) or (num(r["params"]) and num(r["tokens"])))):
        return False, "no accelerator-hours with a workload"
    return True, ""


def run_presets(tdp_by_hardware):
    """(presets, sources) for every row of published_runs.csv that has accelerator-hours."""
    presets, sources = [], {}
    with open(RUNS_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        hours = num(r["gpu_hours"])
        if not hours:
            continue
        hw = r["hardware"]
        sid = "run-" + r["id"]
        sources[sid] = source(r["source_title"], r["source_url"], int(r["year"]), "facts",
                              notes=f"{r['locator']}: \u201c{r['quote']}\u201d")
        params, active, tokens = num(r["params"]), num(r["active_params"]), num(r["tokens"])
        flops, count = num(r["flops_published"]), whole(num(r["chip_count"]))
        energy, tco2e, pue = num(r["energy_mwh"]), num(r["tco2e"]), num(r["pue"])
        includes_pue = r["energy_includes_pue"] == "true"
        basis = {"tdp": "tdp", "measured-accelerator": "measured_accelerators",
                 "measured-system": "measured_system"}.get(r["power_basis"], "tdp")
        power = num(r["avg_power_w_per_chip"]) if basis != "tdp" else (num(r["avg_power_w_per_chip"]) or tdp_by_hardware[hw])
        scenario = {"gpu_hours": hours, "hardware": hw, "power_w": power, "boundary": "accelerators",
                    "pue": pue if (pue and includes_pue) else 1.0, "embodied": False}
        if count:
            scenario["count"] = count
        if r["grid_gco2e_per_kwh"]:
            scenario["intensity"] = num(r["grid_gco2e_per_kwh"])
        reported = {"boundary": "accelerators: " + ("GPU-hours x TDP" if basis == "tdp" else "measured accelerator power"),
                    "includes_pue": includes_pue, "power_basis": basis}
        if energy is not None:
            reported["energy_mwh"] = energy
        if tco2e is not None and r["grid_gco2e_per_kwh"]:
            reported["emissions_t_co2e"] = tco2e
        if energy is None and "emissions_t_co2e" not in reported:
            reported["accelerator_hours"] = hours
            reported["boundary"] = "accelerator-hours only (no energy published): compared at TDP"
        reported["notes"] = r["notes"]
        predict = {"hardware": hw}
        if flops and params and not tokens:  # the size the MFU model reads, with tokens so that 6ND = the FLOPs
            predict["params"] = params
            predict["tokens"] = flops / (6 * (active if active and active < params else params))
            if active and active < params:
                predict["active_params"] = active
        elif flops and not (params and tokens):
            predict["flops"] = flops
        elif params and tokens:
            predict["params"] = params
            predict["tokens"] = tokens
            if active and active < params:
                predict["active_params"] = active
        if count:
            predict["count"] = count
        if r["precision"]:
            predict["precision"] = r["precision"]
        published = {k: v for k, v in r.items() if v and k not in ("source_title", "source_url", "locator", "quote", "notes")}
        use, why = calibration_use(r)
        entry = {"id": r["id"], "name": r["model"], "year": int(r["year"]), "organisation": r["organisation"],
                 "kind": r["kind"], "scenario": scenario, "published": published, "reported": reported,
                 "source": sid, "confidence": r["confidence"], "calibration": {"use": use, **({"why_not": why} if why else {})}}
        if "flops" in predict or "params" in predict:
            entry["predict"] = predict
        presets.append(entry)
    return presets, sources
