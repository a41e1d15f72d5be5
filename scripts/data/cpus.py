"""Server CPUs for CPU-only jobs (hardware.json `accelerators` with kind "cpu"), read from
Green Algorithms' TDP_cpu.csv (CC BY 4.0; each row names the vendor page or TechPowerUp entry
its TDP and core count come from).

A CPU entry counts cores, as Green Algorithms does: `tdp_w` is the power per core (package TDP /
cores, tdp_kind derived_estimate), `cores` and `package_tdp_w` keep the datasheet figures, so
`--hardware xeon-gold-6248 --count 40` is 40 cores. No peak FLOP/s is sourced for a CPU, so an
estimate needs hours (duration with count, or core-hours); src/cpu_path.cpp refuses the rest.
"""
import os
import re

from common import read_csv, source

SOURCE_ID = "green-algorithms-tdp-cpu"
SOURCE = source("Green Algorithms TDP_cpu.csv v3.0 (Lannelongue, Grealey, Inouye 2021): CPU TDP and core counts, "
                "each row citing Intel ARK, AMD product pages or TechPowerUp",
                "https://github.com/GreenAlgorithms/green-algorithms-tool/blob/30df2feead1c/data/v3.0/TDP_cpu.csv",
                2022, "CC-BY-4.0", retrieved="2025-02-05")
LICENSE_NOTE = ("Server CPU TDP and core counts: Green Algorithms (Lannelongue et al. 2021) TDP_cpu.csv, CC BY 4.0 – "
                "attribution required; figures from Intel ARK, AMD and TechPowerUp.")

# Server lines only (desktop and laptop parts in the file are left out); the Xeon Phi 5110P is a
# coprocessor card, not a host CPU.
SERVER = re.compile(r"^(AMD EPYC |AMD 7\d\d\d|Xeon (?!Phi))")


def _names(model):
    """(id, vendor, model name, aliases) of a Green Algorithms model string."""
    model = model.strip()
    if model.startswith("AMD 7"):  # "AMD 7552": the EPYC 7552 (its row cites the EPYC 7002 datasheet)
        model = "AMD EPYC " + model[4:]
    vendor = "AMD" if model.startswith("AMD") else "Intel"
    name = model[4:] if vendor == "AMD" else model  # "EPYC 7552", "Xeon Gold 6248"
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    aliases = [slug, name, f"{vendor} {name}"]
    short = re.sub(r"^(xeon|epyc)-", "", slug)  # gold-6248, e5-2699-v4, 7763
    if not short.isdigit():
        aliases.append(short)
    return f"{vendor.lower()}-{slug}", vendor, name, aliases


def load_cpus(up):
    """The CPU entries, sorted by id."""
    rows = read_csv(os.path.join(up, "green-algorithms", "TDP_cpu.csv"), skip_rows=1)  # row 1: units
    out = []
    for r in rows:
        if not SERVER.match(r["model"].strip()):
            continue
        tdp, cores = float(r["TDP"]), int(r["n_cores"])
        aid, vendor, name, aliases = _names(r["model"])
        per_core = round(tdp / cores, 3)
        out.append({
            "id": aid, "name": f"{vendor} {name} (per core)", "vendor": vendor, "model": name,
            "variant": f"{cores} cores, {tdp:g} W", "kind": "cpu", "family": "cpu", "segment": "data-centre",
            "release_year": None, "tdp_w": per_core, "tdp_kind": "derived_estimate", "peak_tflops_dense": {},
            "memory_gb": None, "memory_type": None, "memory_bw_gb_s": None, "die_area_mm2": None,
            "process": None, "process_nm": None, "system": None, "cores": cores, "package_tdp_w": tdp,
            "aliases": aliases, "source": SOURCE_ID, "confidence": "medium",
            "notes": f"power per core = package TDP {tdp:g} W / {cores} cores (Green Algorithms' method); "
                     f"count counts cores; TDP and cores from {r['source'].strip()}",
            "field_sources": {},
        })
    return sorted(out, key=lambda e: e["id"])


def cpu_errors(accs):
    """A CPU entry has its cores and package TDP, and its power per core is their quotient."""
    errs = []
    for a in accs:
        if a["kind"] != "cpu":
            if "cores" in a or "package_tdp_w" in a:
                errs.append(f"{a['id']}: cores/package_tdp_w are for kind cpu")
            continue
        if not a.get("cores") or not a.get("package_tdp_w"):
            errs.append(f"{a['id']}: a cpu needs cores and package_tdp_w")
        elif abs(a["tdp_w"] - a["package_tdp_w"] / a["cores"]) > 1e-3:  # tdp_w is rounded to 3 decimals
            errs.append(f"{a['id']}: tdp_w {a['tdp_w']} is not package_tdp_w / cores")
        if a["peak_tflops_dense"]:
            errs.append(f"{a['id']}: no peak FLOP/s is sourced for CPUs")
    return errs
