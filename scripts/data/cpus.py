"""Parts estimated from power and hours only. Server CPUs for CPU-only jobs (hardware.json `accelerators` with kind "cpu"), read from
Green Algorithms' TDP_cpu.csv (CC BY 4.0; each row names the vendor page or TechPowerUp entry
its TDP and core count come from).

A CPU entry counts cores, as Green Algorithms does: `tdp_w` is the power per core (package TDP /
cores, tdp_kind derived_estimate), `cores` and `package_tdp_w` keep the datasheet figures, so
`--hardware xeon-gold-6248 --count 40` is 40 cores. No peak FLOP/s is sourced for a CPU, so an
estimate needs hours (duration with count, or core-hours); src/cpu_path.cpp refuses the rest.
Apple M-series machines (kind "soc", below): Apple's maximum wall power per Mac Studio.
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
        if a["kind"] == "soc" and a["peak_tflops_dense"]:
            errs.append(f"{a['id']}: no peak FLOP/s is sourced for Apple M-series")
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


# Apple M-series (kind "soc"): Apple publishes each Mac Studio's maximum power at the wall (a
# compute-intensive test maximising processor usage; power supply and system losses included),
# for one tested configuration each. No separate host: the machine is the part, counted by
# machines. Apple publishes no peak FLOP/s figure per precision, so hours must be given.
APPLE_SOURCE_ID = "apple-mac-studio-power"
APPLE_SOURCE = source("Apple Support: Mac Studio power consumption and thermal output (BTU) information (article 102027)",
                      "https://support.apple.com/en-nz/102027", 2023, "facts")
# id, chip, year (Mac Studio 2022 / 2023), tested configuration, unified memory GB, idle W, max W
APPLE_MAC_STUDIO = [
    ("apple-m1-max-mac-studio", "M1 Max", 2022, "10-core CPU, 32-core GPU, 32 GB, 2 TB SSD", 32, 11, 115),
    ("apple-m1-ultra-mac-studio", "M1 Ultra", 2022, "20-core CPU, 48-core GPU, 64 GB, 1 TB SSD", 64, 13, 215),
    ("apple-m2-max-mac-studio", "M2 Max", 2023, "12-core CPU, 30-core GPU, 32 GB, 512 GB SSD", 32, 9, 145),
    ("apple-m2-ultra-mac-studio", "M2 Ultra", 2023, "24-core CPU, 76-core GPU, 192 GB, 8 TB SSD", 192, 10, 295),
]


def load_apple():
    """The Apple M-series entries (one Mac Studio each), sorted by id."""
    out = []
    for aid, chip, year, config, mem, idle, peak_w in APPLE_MAC_STUDIO:
        slug = chip.lower().replace(" ", "-")
        out.append({
            "id": aid, "name": f"Apple {chip} (Mac Studio {year})", "vendor": "Apple", "model": chip,
            "variant": f"Mac Studio {year}, {config}", "kind": "soc", "family": "apple-m", "segment": "consumer",
            "release_year": year, "tdp_w": peak_w, "tdp_kind": "datasheet_max", "peak_tflops_dense": {},
            "memory_gb": mem, "memory_type": "unified", "memory_bw_gb_s": None, "die_area_mm2": None,
            "process": None, "process_nm": None, "system": None,
            "aliases": [slug, f"apple-{slug}", chip, f"Apple {chip}", f"Mac Studio {chip}"],
            "source": APPLE_SOURCE_ID, "confidence": "medium",
            "notes": f"whole machine at the wall, Apple's 'Max' (compute-intensive test maximising processor usage; "
                     f"power supply and system losses included), idle {idle} W, for the tested configuration; "
                     f"other memory/SSD configurations differ; no separate host",
            "field_sources": {},
        })
    return out
