#!/usr/bin/env python3
"""Build data/energy_sources.json, providers.json, presets.json and equivalents.json.

Helpers in common.py; the four tables' JSON Schemas in misc_schemas.py (written to
<out>/schema/ beside the tables). Deterministic: same inputs -> byte-identical output
(2-space indent, entries sorted by id, trailing newline). Numbers that come from upstream files are
read from --upstream (default ../shared/upstream-data relative to the repo root);
hand-curated content (provider reports, papers, model cards) lives in this script
with its source on every entry. See scripts/data/misc_NOTES.md.

Usage: python3 scripts/data/build_misc.py [--upstream DIR] [--out DIR] [--generated YYYY-MM-DD] [--check]
"""
import os
import re
import sys

from common import (DATA_DIR, arguments, cited_sources, clean, dedup_aliases, dumps, fail_on, meta, name_clashes,
                    num, read_csv, read_json, source, source_errors, upstream_dir, validate, write_text)
from misc_schemas import ENTRIES_KEY, schemas
from runs import run_presets

GENERATOR = "scripts/data/build_misc.py"
GAL_PER_MWH_TO_L_PER_KWH = 3.785411784 / 1000.0


def r3(x):
    return None if x is None else round(x, 3)


def table_doc(table, entries, license_notes, generated):
    """A table document: meta, the SOURCES its entries cite (sorted) and the entries."""
    return {"meta": meta(table, GENERATOR, license_notes, generated),
            "sources": {k: SOURCES[k] for k in sorted(cited_sources(entries))}, ENTRIES_KEY[table]: entries}


# --------------------------------------------------------------------------- sources
SOURCES = {
    "ipcc-ar5": source("IPCC AR5 WGIII Annex III: Technology-specific cost and performance parameters (Schloemer et al. 2014), Table A.III.2",
                    "https://www.ipcc.ch/site/assets/uploads/2018/02/ipcc_wg3_ar5_annex-iii.pdf#page=7", 2014, "facts"),
    "macknick-2012": source("Macknick, Newmark, Heath, Hallett (2012) Operational water consumption and withdrawal factors for electricity generating technologies: a review of existing literature, Environ. Res. Lett. 7 045802, Table 1",
                         "https://doi.org/10.1088/1748-9326/7/4/045802", 2012, "CC-BY-3.0"),
    "li-2023": source("Li, Yang, Islam, Ren (2023) Making AI Less 'Thirsty' (arXiv:2304.03271), EWIF per fuel in the authors' code utils/dataloader.py",
                   "https://github.com/Ren-Research/Making-AI-Less-Thirsty", 2023, "MIT",
                   notes="Copyright (c) Ren-Research; factor values reused as facts with attribution."),
    "electricitymaps-defaults": source("Electricity Maps default emission factors (config/defaults.yaml): oil 650 gCO2e/kWh lifecycle (UK POST 2006), unknown 700",
                                    "https://github.com/electricitymaps/electricitymaps-contrib/blob/master/config/defaults.yaml", 2024, "facts",
                                    notes="Only the cited factual values (UK POST / assumed thermal) are used; no Electricity Maps data set (ODbL) and no AGPL code is copied."),
    "uk-post-2006": source("UK Parliamentary Office of Science and Technology, POSTnote 268: Carbon footprint of electricity generation",
                        "https://www.parliament.uk/globalassets/documents/post/postpn268.pdf", 2006, "facts"),
    # providers
    "aws-sustainability": source("Amazon Sustainability: AWS Cloud (PUE, WUE, renewable energy matching)",
                              "https://sustainability.aboutamazon.com/environment/the-cloud/asdi", 2025, "facts"),
    "aws-datacenters": source("AWS Sustainable Infrastructure: data centers (global PUE 1.15 in 2024; IDC averages 1.25 cloud / 1.63 on-prem)",
                           "https://aws.amazon.com/sustainability/data-centers/", 2025, "facts"),
    "dcd-aws-pue-2023": source("DatacenterDynamics: AWS global data centers achieved PUE of 1.15 in 2023 (also quotes Google ~1.1, Meta ~1.08, Microsoft 1.18 fleet / 1.12 new, Oracle 'as low as' 1.15)",
                            "https://www.datacenterdynamics.com/en/news/aws-global-data-centers-achieved-pue-of-115-in-2023/", 2024, "facts"),
    "greenbiz-aws-water-2022": source("GreenBiz: What sets Amazon's cloud water strategy apart (AWS 2021 WUE 0.25 L/kWh; industry ~1.8 L/kWh)",
                                   "https://www.greenbiz.com/article/what-sets-amazons-cloud-water-strategy-apart", 2022, "facts"),
    "amazon-news-wue-2025": source("Amazon News: AWS data centers used 0.12 L/kWh in 2025 (industry average 0.84 L/kWh)",
                                "https://www.aboutamazon.com/news/aws/aws-data-center-water-efficiency", 2025, "facts"),
    "google-efficiency": source("Google Data Centers: Efficiency (fleet trailing-twelve-month PUE)",
                             "https://www.google.com/about/datacenters/efficiency/", 2024, "facts"),
    "google-env-report": source("Google Environmental Report (2024 and 2025 editions): fleet PUE, water, hourly carbon-free energy",
                             "https://sustainability.google/reports/", 2025, "facts"),
    "microsoft-dc-efficiency": source("Microsoft Datacenters: Sustainability - efficiency (fleet PUE and WUE)",
                                   "https://datacenters.microsoft.com/sustainability/efficiency/", 2024, "facts"),
    "meta-datacenters": source("Meta Sustainability: data centers (PUE 1.09 and WUE 0.26 L/kWh for buildings completed in 2021)",
                            "https://sustainability.fb.com/data-centers/", 2022, "facts"),
    "meta-sustainability-report": source("Meta 2024 Sustainability Report, data index (fleet PUE)",
                                      "https://sustainability.atmeta.com/", 2024, "facts"),
    "green-algorithms": source("Green Algorithms calculator data v3.0 (defaults_PUE.csv, referenceValues.csv); Lannelongue, Grealey, Inouye (2021) Adv. Sci. 8:2100707",
                            "https://github.com/GreenAlgorithms/green-algorithms-tool", 2025, "CC-BY-4.0",
                            notes="Attribution: Green Algorithms (www.green-algorithms.org), CC BY 4.0."),
    "uptime-survey": source("Uptime Institute Global Data Center Survey (annual average PUE, 2019-2024)",
                         "https://datacenter.uptimeinstitute.com/rs/711-RIA-145/images/2024.GlobalDataCenterSurvey.Report.pdf", 2024, "facts"),
    "lbnl-2016": source("Shehabi et al. (2016) United States Data Center Energy Usage Report, LBNL-1005775 (water intensity ~1.8 L/kWh lineage)",
                     "https://eta.lbl.gov/publications/united-states-data-center-energy", 2016, "public-domain"),
    "coreweave": source("CoreWeave corporate website (no fleet PUE/WUE found)", "https://www.coreweave.com/", 2025, "facts"),
    # presets
    "patterson-2021": source("Patterson et al. (2021) Carbon Emissions and Large Neural Network Training, arXiv:2104.10350, Tables 3-4",
                          "https://arxiv.org/abs/2104.10350", 2021, "facts"),
    "luccioni-2023": source("Luccioni, Viguier, Ligozat (2023) Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model, JMLR 24(253)",
                         "https://jmlr.org/papers/v24/23-0069.html", 2023, "facts"),
    "bigscience-2022": source("BigScience Workshop (2022) BLOOM: A 176B-Parameter Open-Access Multilingual Language Model, arXiv:2211.05100",
                           "https://arxiv.org/abs/2211.05100", 2022, "facts"),
    "zhang-2022-opt": source("Zhang et al. (2022) OPT: Open Pre-trained Transformer Language Models, arXiv:2205.01068",
                          "https://arxiv.org/abs/2205.01068", 2022, "facts"),
    "touvron-2023a": source("Touvron et al. (2023) LLaMA: Open and Efficient Foundation Language Models, arXiv:2302.13971, Table 15",
                         "https://arxiv.org/abs/2302.13971", 2023, "facts"),
    "llama2-model-card": source("Meta Llama 2 model card (MODEL_CARD.md), Carbon Footprint table",
                             "https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md", 2023, "facts"),
    "llama3-model-card": source("Meta Llama 3 model card (MODEL_CARD.md), Carbon Footprint table",
                             "https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md", 2024, "facts"),
    "llama31-model-card": source("Meta Llama 3.1 model card (models/llama3_1/MODEL_CARD.md), training energy and GHG table",
                              "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md", 2024, "facts"),
    "thoppilan-2022": source("Thoppilan et al. (2022) LaMDA: Language Models for Dialog Applications, arXiv:2201.08239, Section 10 (energy and carbon footprint)",
                          "https://arxiv.org/abs/2201.08239", 2022, "facts"),
    "rae-2021": source("Rae et al. (2021) Scaling Language Models: Methods, Analysis & Insights from Training Gopher, arXiv:2112.11446, Appendix (compute and carbon)",
                    "https://arxiv.org/abs/2112.11446", 2021, "facts"),
    "groeneveld-2024": source("Groeneveld et al. (2024) OLMo: Accelerating the Science of Language Models, arXiv:2402.00838, Table 6 (power and carbon)",
                           "https://arxiv.org/abs/2402.00838", 2024, "facts"),
    # equivalents
    "epa-typical-vehicle-2023": source("US EPA (2023) Tailpipe Greenhouse Gas Emissions from a Typical Passenger Vehicle, EPA-420-F-23-014",
                                    "https://www.epa.gov/greenvehicles/greenhouse-gas-emissions-typical-passenger-vehicle", 2023, "public-domain"),
    "eia-faq-97": source("US EIA FAQ: How much electricity does an American home use? (2020: 10,715 kWh per residential customer)",
                      "https://www.eia.gov/tools/faqs/faq.php?id=97&t=3", 2021, "public-domain"),
    "who-gdwq-2022": source("WHO (2022) Guidelines for drinking-water quality, 4th ed. incorporating the 1st and 2nd addenda (default adult consumption 2 L/day)",
                         "https://www.who.int/publications/i/item/9789240045064", 2022, "facts"),
    "world-aquatics-fr2": source("World Aquatics (FINA) Facilities Rules FR 2 / FR 3: Olympic pool 50 m x 25 m, minimum depth 2 m",
                              "https://www.worldaquatics.com/rules/competition-regulations", 2023, "facts"),
    "morrison-2025": source("Morrison et al. (2025) Holistically Evaluating the Environmental Impact of Creating Language Models, arXiv:2503.05804 (ICLR 2025), abstract",
                         "https://arxiv.org/abs/2503.05804", 2025, "facts"),
}


# --------------------------------------------------------------------------- energy sources
def build_energy_sources(up, generated):
    ipcc = {r["source_key"]: r for r in read_csv(os.path.join(up, "ipcc-ar5-annex3", "lifecycle_emission_factors.csv"))}
    mk = read_csv(os.path.join(up, "macknick-2012-water", "operational_water_consumption_factors.csv"))
    li = {r["eia_fuel_code"]: r for r in read_csv(os.path.join(up, "li-2023-making-ai-less-thirsty", "ewif_and_carbon_by_fuel.csv"))}
    em = {r["mode"]: r for r in read_csv(os.path.join(up, "electricitymaps-default-factors", "default_emission_factors.csv"))}

    def lc(key, conf="high", notes=None):
        r = ipcc[key]
        return {"min": num(r["lifecycle_min_gco2e_kwh"]), "median": num(r["lifecycle_median_gco2e_kwh"]),
                "max": num(r["lifecycle_max_gco2e_kwh"]), "source": "ipcc-ar5", "confidence": conf, "notes": notes}

    def mrow(fuel, tech, cooling):
        for r in mk:
            if r["fuel"] == fuel and r["technology"] == tech and r["cooling"] == cooling:
                return num(r["consumption_median_gal_per_mwh"]) * GAL_PER_MWH_TO_L_PER_KWH
        raise KeyError((fuel, tech, cooling))

    def mrange(fuel, techs):
        vals = [num(r["consumption_median_gal_per_mwh"]) * GAL_PER_MWH_TO_L_PER_KWH
                for r in mk if r["fuel"] == fuel and r["technology"] in techs]
        return min(vals), max(vals)

    def water(value, lo, hi, notes, conf="medium", source="macknick-2012"):
        return {"value": r3(value), "min": r3(lo), "max": r3(hi), "source": source, "confidence": conf, "notes": notes}

    def li_alt(code, notes=None):
        return {"factor_set": "li-2023", "value": r3(num(li[code]["ewif_gal_per_mwh"]) * GAL_PER_MWH_TO_L_PER_KWH),
                "source": "li-2023", "confidence": "medium", "notes": notes}

    mm = "Macknick et al. 2012 Table 1 median operational consumption; min/max = lowest/highest median over the cooling types listed for this technology (not the literature min/max)."
    out = []
    lo, hi = mrange("coal", {"generic"})
    out.append({"id": "coal", "name": "Coal", "aliases": ["hard_coal", "lignite", "brown_coal", "bituminous_coal", "coal_pc"],
                "lifecycle_gco2e_per_kwh": lc("coal", notes="Pulverised coal (PC). Direct (combustion) median 760."),
                "water_l_per_kwh": water(mrow("coal", "generic", "tower"), lo, hi, "Generic coal, cooling tower (687 gal/MWh). " + mm),
                "water_alternatives": [li_alt("COL")], "source": "ipcc-ar5", "confidence": "high"})
    lo, hi = mrange("natural_gas", {"combined cycle"})
    out.append({"id": "gas", "name": "Natural gas", "aliases": ["natural_gas", "fossil_gas", "ngcc", "ccgt", "gas_cc"],
                "lifecycle_gco2e_per_kwh": lc("gas_cc", notes="Combined cycle. Direct median 370. Open-cycle/steam plants emit more."),
                "water_l_per_kwh": water(mrow("natural_gas", "combined cycle", "tower"), lo, hi,
                                         "NGCC, cooling tower (205 gal/MWh; NREL TP-6A20-50900 quotes 198). " + mm),
                "water_alternatives": [li_alt("NG")], "source": "ipcc-ar5", "confidence": "high"})
    oil = em["oil"]
    out.append({"id": "oil", "name": "Oil", "aliases": ["petroleum", "fuel_oil", "diesel", "heavy_fuel_oil"],
                "lifecycle_gco2e_per_kwh": {"median": num(oil["lifecycle_gco2e_kwh"]), "source": "electricitymaps-defaults", "confidence": "medium",
                                            "notes": "No oil row in IPCC AR5 Table A.III.2. Electricity Maps default 650 gCO2e/kWh, citing UK POST (POSTnote 268, 2006). Direct factor used by Electricity Maps: 406. No min/max published."},
                "water_l_per_kwh": water(mrow("natural_gas", "steam", "tower"), mrow("natural_gas", "steam", "once-through"),
                                         mrow("natural_gas", "steam", "tower"),
                                         "Estimate: Macknick has no oil row; oil-fired plants are mostly steam (Rankine) units, so the natural-gas steam-turbine values are used as a proxy (tower 826, once-through 240 gal/MWh).",
                                         conf="low"),
                "water_alternatives": [li_alt("OIL")], "source": "electricitymaps-defaults", "confidence": "medium",
                "field_sources": {"lifecycle_gco2e_per_kwh": {"source": "uk-post-2006", "confidence": "medium", "notes": "primary source behind the Electricity Maps default"}}})
    lo, hi = mrange("nuclear", {"generic"})
    out.append({"id": "nuclear", "name": "Nuclear", "aliases": ["nuclear_power", "fission"],
                "lifecycle_gco2e_per_kwh": lc("nuclear"),
                "water_l_per_kwh": water(mrow("nuclear", "generic", "tower"), lo, hi, "Generic nuclear, cooling tower (672 gal/MWh). " + mm),
                "water_alternatives": [li_alt("NUC")], "source": "ipcc-ar5", "confidence": "high"})
    hyd = mrow("hydropower", "reservoir (evaporation)", "n/a")
    out.append({"id": "hydro", "name": "Hydropower", "aliases": ["hydropower", "hydroelectric", "hydro_reservoir", "run_of_river", "water"],
                "lifecycle_gco2e_per_kwh": lc("hydro", notes="Max 2200 driven by tropical reservoirs (methane)."),
                "water_l_per_kwh": {"value": 0.0, "min": 0.0, "max": r3(hyd), "source": "li-2023", "confidence": "medium",
                                    "notes": "Default 0: reservoir evaporation is excluded by default, as in Li et al. 2023 (their code sets hydro EWIF to 0) because evaporation from multi-purpose reservoirs is not attributable to power alone. Macknick et al. 2012 give a median 4,491 gal/MWh (17.0 L/kWh, Torcellini et al. 2003 evaporation); use factor_set 'macknick-2012-with-hydro-evaporation' to include it. This choice alone changes EWIF by an order of magnitude in hydro-heavy grids."},
                "water_alternatives": [{"factor_set": "macknick-2012-with-hydro-evaporation", "value": r3(hyd), "source": "macknick-2012", "confidence": "medium",
                                        "notes": "Median reservoir evaporation attributed entirely to power (4,491 gal/MWh)."},
                                       li_alt("WAT", notes="hydro deliberately 0 in Li et al.'s code")],
                "source": "ipcc-ar5", "confidence": "high"})
    out.append({"id": "wind", "name": "Wind", "aliases": ["onshore_wind", "wind_onshore", "offshore_wind", "wind_offshore"],
                "lifecycle_gco2e_per_kwh": lc("wind_onshore", notes="Onshore wind. Offshore: 8 / 12 / 35 (IPCC AR5); offshore is aliased here to onshore values (difference 1 g at the median)."),
                "water_l_per_kwh": {"value": 0.0, "min": 0.0, "max": 0.0, "source": "macknick-2012", "confidence": "high", "notes": "Macknick: wind 0 gal/MWh."},
                "water_alternatives": [li_alt("WND")], "source": "ipcc-ar5", "confidence": "high"})
    out.append({"id": "solar", "name": "Solar photovoltaic", "aliases": ["pv", "solar_pv", "photovoltaic", "solar_utility", "solar_rooftop"],
                "lifecycle_gco2e_per_kwh": lc("solar_pv_utility", notes="Choice: PV utility-scale 18 / 48 / 180. PV rooftop is 26 / 41 / 60; Electricity Maps blends to 45. Concentrated solar is the separate 'csp' entry."),
                "water_l_per_kwh": water(mrow("solar_pv", "utility", "n/a"), 0.0, mrow("solar_pv", "utility", "n/a"),
                                         "Utility PV, panel washing (1 gal/MWh); min 0 for unwashed/rooftop (estimate).", conf="medium"),
                "water_alternatives": [li_alt("SUN")], "source": "ipcc-ar5", "confidence": "high"})
    lo, hi = mrange("csp", {"trough", "power tower", "fresnel", "stirling"})
    out.append({"id": "csp", "name": "Concentrated solar power", "aliases": ["solar_thermal", "concentrated_solar"],
                "lifecycle_gco2e_per_kwh": lc("csp"),
                "water_l_per_kwh": water(mrow("csp", "trough", "tower"), lo, hi, "Parabolic trough, cooling tower (906 gal/MWh). " + mm),
                "source": "ipcc-ar5", "confidence": "high"})
    lo, hi = mrange("biopower", {"steam", "biogas"})
    out.append({"id": "biomass", "name": "Biomass (dedicated)", "aliases": ["bioenergy", "biopower", "biofuel", "biogas", "wood", "waste_biomass"],
                "lifecycle_gco2e_per_kwh": lc("biomass_dedicated", notes="Dedicated biomass (biogenic CO2 counted as 0 by IPCC). Biomass cofiring with coal: 620 / 740 / 890."),
                "water_l_per_kwh": water(mrow("biopower", "steam", "tower"), lo, hi, "Biopower steam, cooling tower (553 gal/MWh). " + mm),
                "source": "ipcc-ar5", "confidence": "high"})
    lo, hi = mrange("geothermal", {"flash", "binary", "EGS"})
    out.append({"id": "geothermal", "name": "Geothermal", "aliases": ["geo", "geothermal_flash"],
                "lifecycle_gco2e_per_kwh": lc("geothermal"),
                "water_l_per_kwh": water(mrow("geothermal", "flash", "tower"), lo, hi,
                                         "Flash plant, cooling tower, freshwater only (15 gal/MWh; most geothermal cooling uses geofluid). Binary dry 270, EGS dry 505 gal/MWh. " + mm,
                                         conf="low"),
                "source": "ipcc-ar5", "confidence": "high"})
    unk = em["unknown"]
    out.append({"id": "other", "name": "Other / unknown", "aliases": ["unknown", "others", "mixed", "unspecified"],
                "lifecycle_gco2e_per_kwh": {"median": num(unk["lifecycle_gco2e_kwh"]), "source": "electricitymaps-defaults", "confidence": "low",
                                            "notes": "Electricity Maps 'unknown' default, assumed thermal (coal/gas/oil/biomass). Not an IPCC value."},
                "water_l_per_kwh": {"value": r3(num(li["OTH"]["ewif_gal_per_mwh"]) * GAL_PER_MWH_TO_L_PER_KWH), "source": "li-2023", "confidence": "low",
                                    "notes": "Li et al. 2023 code value for EIA 'other' (475 gal/MWh); no Macknick row."},
                "water_alternatives": [li_alt("OTH")], "source": "electricitymaps-defaults", "confidence": "low"})
    for e in out:
        e.setdefault("water_alternatives", [])
        e["water_alternatives"].sort(key=lambda a: a["factor_set"])
    out.sort(key=lambda e: e["id"])
    return table_doc("energy_sources", out, ["Macknick et al. 2012 (ERL, CC BY 3.0): water consumption factors, cited per entry.",
                              "Li et al. 2023 code (MIT, (c) Ren-Research): EWIF values per fuel reused as facts with attribution.",
                              "IPCC AR5 and UK POST values are facts; Electricity Maps defaults are used only as a pointer to those facts (no ODbL data, no AGPL code)."], generated)


# --------------------------------------------------------------------------- providers
def yv(value, year, scope, source, conf, notes=None, kind=None):
    d = {"value": value, "year": year, "scope": scope, "kind": kind, "source": source, "confidence": conf, "notes": notes}
    return d


def build_providers(up, generated):
    pe = read_csv(os.path.join(up, "research-compiled", "provider_efficiency.csv"))
    ga = {r["provider"]: r for r in read_csv(os.path.join(up, "green-algorithms", "defaults_PUE.csv"), skip_rows=1)}
    uptime = sorted((int(r["year"]), float(r["value"])) for r in pe
                    if r["provider"] == "industry" and r["metric"] == "PUE" and "Uptime" in r["scope"])
    P = []
    P.append({"id": "aws", "name": "Amazon Web Services", "kind": "cloud", "aliases": ["amazon", "amazon-web-services", "ec2"],
              "pue": [yv(1.15, 2023, "global fleet", "dcd-aws-pue-2023", "high", "first AWS PUE disclosure (re:Invent, Dec 2024); best site 1.04"),
                      yv(1.15, 2024, "global fleet", "aws-datacenters", "high", "best sites: Europe 1.04, Americas 1.05, Asia Pacific 1.07"),
                      yv(1.14, 2025, "global fleet", "aws-sustainability", "high")],
              "wue_l_per_kwh": [yv(0.25, 2021, "global fleet", "greenbiz-aws-water-2022", "medium"),
                                yv(0.18, 2023, "global fleet", "aws-sustainability", "low", "from research-compiled table; not re-verified in the Amazon report"),
                                yv(0.15, 2024, "global fleet", "aws-sustainability", "low", "from research-compiled table; not re-verified in the Amazon report"),
                                yv(0.12, 2025, "global fleet", "amazon-news-wue-2025", "medium", "Amazon quotes an industry average of 0.84 L/kWh alongside")],
              "cfe": [yv(1.0, 2023, "all Amazon electricity", "aws-sustainability", "medium", kind="annual renewable matching",
                         notes="Annual volumetric matching with renewable purchases (PPAs/RECs), not hourly carbon-free energy; location-based emissions are unaffected."),
                      yv(1.0, 2024, "all Amazon electricity", "aws-sustainability", "medium", kind="annual renewable matching",
                         notes="'100% of electricity consumed by Amazon was matched with renewable energy sources in 2024, for the second consecutive year'. Annual matching, not hourly CFE.")],
              "source": "aws-sustainability", "confidence": "high"})
    P.append({"id": "gcp", "name": "Google Cloud", "kind": "cloud", "aliases": ["google", "google-cloud", "google-cloud-platform"],
              "pue": [yv(1.10, 2023, "global fleet, trailing twelve months", "google-efficiency", "medium", "per-campus PUE also published"),
                      yv(1.09, 2024, "global fleet, annual", "google-env-report", "medium", "Google 2025 Environmental Report (not re-verified here)")],
              "wue_l_per_kwh": [yv(1.0, 2023, "global fleet (derived)", "google-env-report", "low",
                                   "Estimate: Google does not publish WUE; ~1 L/kWh = data-centre water consumption / data-centre electricity from the Environmental Report (Li et al. 2023 use a similar value).")],
              "cfe": [yv(0.64, 2023, "global fleet", "google-env-report", "low", kind="hourly carbon-free energy",
                         notes="Google reports hourly-matched carbon-free energy (CFE%) for its data centres and offices; 64% for 2023 as recalled from the 2024 Environmental Report - not re-verified here. Per-region CFE% is in regions.json.")],
              "source": "google-efficiency", "confidence": "medium"})
    P.append({"id": "azure", "name": "Microsoft Azure", "kind": "cloud", "aliases": ["microsoft", "microsoft-azure", "msft"],
              "pue": [yv(1.18, 2024, "global fleet (new designs ~1.12)", "microsoft-dc-efficiency", "medium", "figure also reported by DatacenterDynamics Dec 2024")],
              "wue_l_per_kwh": [yv(0.49, 2021, "global fleet (FY21)", "microsoft-dc-efficiency", "medium"),
                                yv(0.30, 2024, "global fleet (FY24)", "microsoft-dc-efficiency", "medium", "39% lower than FY21 per Microsoft")],
              "cfe": [], "source": "microsoft-dc-efficiency", "confidence": "medium",
              "notes": "Microsoft's renewable-matching share is not recorded: no verifiable yearly figure was found."})
    P.append({"id": "meta", "name": "Meta (own data centres)", "kind": "self", "aliases": ["facebook", "meta-platforms", "meta-rsc"],
              "pue": [yv(1.09, 2021, "buildings completed in 2021", "meta-datacenters", "medium"),
                      yv(1.08, 2023, "global fleet", "meta-sustainability-report", "medium", "also quoted as ~1.08 by DatacenterDynamics (2024)")],
              "wue_l_per_kwh": [yv(0.26, 2021, "buildings completed in 2021", "meta-datacenters", "medium", "fleet WUE for later years not verified")],
              "cfe": [yv(1.0, 2023, "global operations", "llama31-model-card", "medium", kind="annual renewable matching",
                         notes="'Since 2020, Meta has ... matched 100% of its electricity use with renewable energy' (Llama 3.1 model card). Annual matching, not hourly CFE.")],
              "source": "meta-sustainability-report", "confidence": "medium", "notes": "Meta does not rent capacity; kind 'self' = operator's own data centres."})
    o = ga["Oracle"]
    P.append({"id": "oracle", "name": "Oracle Cloud Infrastructure", "kind": "cloud", "aliases": ["oci", "oracle-cloud"],
              "pue": [yv(float(o["PUE"]), 2023, "default (not an Oracle disclosure)", "green-algorithms", "low",
                         "Green Algorithms default, citing a nutanix.dev blog (2023). Oracle itself only claims PUE 'as low as 1.15' (best case, via DatacenterDynamics 2024).")],
              "wue_l_per_kwh": [], "cfe": [], "source": "green-algorithms", "confidence": "low"})
    o = ga["OVHcloud"]
    P.append({"id": "ovhcloud", "name": "OVHcloud", "kind": "cloud", "aliases": ["ovh"],
              "pue": [yv(float(o["PUE"]), 2023, "default (secondary)", "green-algorithms", "low", "Green Algorithms default, citing a nutanix.dev blog (2023)")],
              "wue_l_per_kwh": [], "cfe": [], "source": "green-algorithms", "confidence": "low"})
    P.append({"id": "coreweave", "name": "CoreWeave", "kind": "cloud", "aliases": ["core-weave"],
              "pue": [], "wue_l_per_kwh": [], "cfe": [], "source": "coreweave", "confidence": "low",
              "notes": "No fleet PUE, WUE or CFE disclosure found; listed so the id resolves. Estimator should fall back to 'industry-average'."})
    P.append({"id": "idris-jean-zay", "name": "IDRIS Jean Zay supercomputer (GENCI/CNRS, France)", "kind": "hpc", "aliases": ["jean-zay", "idris"],
              "pue": [yv(1.2, 2022, "Jean Zay", "luccioni-2023", "medium", "PUE used by Luccioni et al. for BLOOM training")],
              "wue_l_per_kwh": [], "cfe": [], "source": "luccioni-2023", "confidence": "medium"})
    P.append({"id": "industry-average", "name": "Industry average data centre", "kind": "average", "aliases": ["average", "typical", "uptime-average"],
              "pue": [yv(v, y, "Uptime Institute survey average", "uptime-survey", "high" if y >= 2020 else "medium") for y, v in uptime],
              "wue_l_per_kwh": [yv(1.8, 2016, "US data centres (commonly cited)", "lbnl-2016", "low",
                                   "LBNL 2016 lineage; very climate dependent. Amazon quotes an industry average of 0.84 L/kWh (2025).")],
              "cfe": [], "source": "uptime-survey", "confidence": "medium"})
    P.append({"id": "on-premises", "name": "On-premises / enterprise data centre", "kind": "self", "aliases": ["on-prem", "onprem", "self-hosted", "enterprise"],
              "pue": [yv(uptime[-1][1], uptime[-1][0], "Uptime Institute survey average", "uptime-survey", "medium",
                         "Uptime average used for an unknown own facility. IDC estimates 1.63 for on-premises enterprise data centres (2024, as quoted by AWS); measure your own PUE if you can.")],
              "wue_l_per_kwh": [yv(1.8, 2016, "US data centres (commonly cited)", "lbnl-2016", "low")],
              "cfe": [], "source": "uptime-survey", "confidence": "low"})
    for p in P:
        for k in ("pue", "wue_l_per_kwh", "cfe"):
            p[k].sort(key=lambda e: e["year"])
    P.sort(key=lambda e: e["id"])
    return table_doc("providers", P, ["Green Algorithms defaults_PUE.csv (CC BY 4.0): attribution 'Green Algorithms, Lannelongue et al. 2021'.",
                              "Provider figures are facts from the providers' own reports, cited per value."], generated)


# --------------------------------------------------------------------------- presets
def hardware_ids():
    """The accelerator ids presets may name: those of data/hardware.json."""
    return {a["id"] for a in read_json(os.path.join(DATA_DIR, "hardware.json"))["accelerators"]}


def predict_view(hw, count=None, region=None, provider=None, params=None, tokens=None, flops=None, active_params=None):
    """What is known before a run: the workload (params and tokens, or FLOPs), the hardware, the count and the place.
    A source that gives FLOPs and the model's size (params, and active_params for a sparse MoE) but no tokens:
    the size is kept, since the MFU model reads it, with tokens = FLOPs / (6 x active parameters), so that 6ND is
    the source's FLOPs exactly. Everything else (MFU, power, host, PUE, intensity) is left to trainprint's
    defaults by `trainprint validate`."""
    if flops is not None and params is not None:
        active = active_params if active_params is not None and active_params < params else params
        v = {"params": params, "tokens": flops / (6 * active)}
        if active < params:
            v["active_params"] = active
    else:
        v = {"params": params, "tokens": tokens} if flops is None else {"flops": flops}
    v.update({"hardware": hw, "count": count, "region": region, "provider": provider})
    return {k: x for k, x in v.items() if x is not None}


def patterson(pid, name, aliases, year, hw, chips, days, watts, pue, net_kg, gross_kg, mwh, net_t, gross_t, params_b, flops,
              dc, when, cfe, tdp, tflops, extra_pub=None, notes=None, active=None, provider="gcp", region=None):
    intensity = net_kg * 1000
    pub = {"params": params_b * 1e9, "hardware": hw, "count": chips, "days": days, "tdp_w": tdp,
           "measured_avg_system_power_per_accelerator_w": watts, "pue": pue, "gross_kgco2e_per_kwh": gross_kg,
           "net_kgco2e_per_kwh": net_kg, "measured_tflops_per_chip": tflops, "flops": flops, "energy_mwh": mwh,
           "gross_t_co2e": gross_t, "net_t_co2e": net_t, "datacenter": dc, "when": when, "cfe_24x7": cfe,
           "fraction_activated_per_token": active}
    if extra_pub:
        pub.update(extra_pub)
    calc = chips * days * 24 * watts * pue / 1e6
    rnote = f"Energy = chips x days x 24 h x measured system power x PUE (reproduces {calc:.1f} MWh vs {mwh} reported). Emissions use the net (after Google's carbon-free purchases) factor."
    if gross_t != net_t:
        rnote += f" Gross emissions {gross_t} t at {gross_kg * 1000:g} g/kWh."
    return {"id": pid, "name": name, "aliases": aliases, "year": year,
            "scenario": {"duration_h": round(days * 24, 4), "count": chips, "hardware": hw, "power_w": watts, "boundary": "accelerators",
                         "pue": pue, "intensity": intensity, "provider": provider, "embodied": False},
            "published": pub,
            "reported": {"energy_mwh": mwh, "emissions_t_co2e": net_t,
                         "boundary": "servers: measured average system power per accelerator incl. memory, NIC, fans, host CPU; times PUE",
                         "includes_pue": True, "power_basis": "measured_system", "notes": rnote},
            "predict": predict_view(flops=flops, hw=hw, count=chips, region=region, provider=provider, params=params_b * 1e9,
                                    active_params=params_b * 1e9 * active if active else None),
            "source": "patterson-2021", "confidence": "high",
            "notes": notes}


def build_presets(up, generated):
    R = []
    # --- Patterson et al. 2021, Table 4 (verified against the paper's full text)
    R.append(patterson("gpt-3", "GPT-3 175B", ["gpt3", "gpt-3-175b", "davinci"], 2020, "nvidia-v100-sxm2-32gb", 10000, 14.8, 330, 1.10,
                       0.429, 0.429, 1287, 552.1, 552.1, 175, 3.14e23, "Microsoft (Azure)", "2020", None, 300, 24.6,
                       extra_pub={"tokens": 300e9},
                       notes="10,000 V100 is NVIDIA's suggestion used by Patterson (not an OpenAI disclosure); power and PUE were measured by OpenAI. The V100 memory variant is not published: the 32 GB id is an assumption (power_w is explicit, so it does not change the result).",
                       provider="azure"))
    R[-1]["confidence"] = "medium"
    R.append(patterson("t5-11b", "T5 11B", ["t5", "t5-xxl"], 2019, "google-tpu-v3", 512, 20, 310, 1.12, 0.545, 0.545, 85.7, 46.7, 46.7,
                       11, 4.05e22, "Google Taiwan", "Sep 2019", 0.19, 450, 45.6, region="gcp:asia-east1"))
    R.append(patterson("meena", "Meena 2.6B", ["meena-2.6b"], 2019, "google-tpu-v3", 1024, 30, 289, 1.09, 0.415, 0.415, 232, 96.4, 96.4,
                       2.6, 1.12e23, "Google Georgia", "Dec 2019", 0.30, 450, 42.3, region="egrid:SRSO"))
    R.append(patterson("gshard-600b", "GShard 600B (MoE)", ["gshard"], 2020, "google-tpu-v3", 1024, 3.1, 288, 1.09, 0.177, 0.201, 24.1, 4.3, 4.8,
                       619, 1.33e22, "Google North Carolina", "Apr 2020", 0.73, 450, 48.0, active=0.0025, region="egrid:SRVC",
                       notes="Sparse MoE: 0.25% of parameters active per token. LLMCarbon's database lists 1,000 chips; Patterson Table 4 says 1,024."))
    R.append(patterson("switch-transformer", "Switch Transformer 1.5T (MoE)", ["switch", "switch-1.5t", "switch-c"], 2020, "google-tpu-v3", 1024, 27, 245, 1.10,
                       0.330, 0.403, 179, 59.1, 72.2, 1500, 8.22e22, "Google Georgia", "Oct 2020", 0.43, 450, 34.4, active=0.001, region="egrid:SRSO",
                       notes="Sparse MoE: 0.1% of parameters active per token. Patterson's text says this energy was 'estimated'. LLMCarbon lists 1,000 chips; Table 4 says 1,024."))
    R.append(patterson("evolved-transformer-nas", "Evolved Transformer neural architecture search", ["evolved-transformer", "et-nas"], 2018, "google-tpu-v2", 200, 6.8, 208, 1.10,
                       0.431, 0.431, 7.5, 3.2, 3.2, 0.064, 2.91e21, "Google", "Dec 2018", 0.31, 280, 24.8,
                       notes="Patterson's corrected estimate of the NAS in So et al. 2019 (Strubell et al. 2019 had estimated 284 t). 0.064B parameters per candidate model."))
    # --- BLOOM (Luccioni et al. 2023; BLOOM paper)
    R.append({"id": "bloom-176b", "name": "BLOOM 176B", "aliases": ["bloom"], "year": 2022,
              "scenario": {"gpu_hours": 1082990, "hardware": "nvidia-a100-sxm4-80gb", "count": 384, "power_w": 400, "boundary": "accelerators",
                           "pue": 1.0, "intensity": 57, "region": "FR", "provider": "idris-jean-zay", "embodied": False},
              "published": {"params": 176247e6, "tokens": 366e9, "hardware": "nvidia-a100-sxm4-80gb", "count": 384, "nodes": 48,
                            "training_time": "118 days 5 h 41 min", "gpu_hours": 1082990, "tdp_w": 400, "intensity_gco2e_per_kwh": 57,
                            "pue": 1.2, "dynamic_energy_kwh": 433196, "idle_energy_kwh": 256646,
                            "dynamic_t_co2e": 24.69, "idle_infrastructure_t_co2e": 14.6, "embodied_t_co2e": 11.2, "total_t_co2e": 50.5},
              "reported": {"energy_mwh": 433.196, "emissions_t_co2e": 24.69, "boundary": "accelerators: GPU-hours x 400 W TDP (dynamic consumption only)",
                           "includes_pue": False, "power_basis": "tdp",
                           "notes": "433,196 kWh = 1,082,990 h x 0.4 kW exactly; x 57 g/kWh = 24.69 t. The paper's 50.5 t total adds idle/infrastructure consumption (256,646 kWh, 14.6 t) and embodied emissions (11.2 t). Jean Zay PUE 1.2 is stated but not applied to the 24.7 t figure, so the scenario uses pue 1.0."},
              "predict": predict_view("nvidia-a100-sxm4-80gb", 384, "FR", "idris-jean-zay", params=176247e6, tokens=366e9),
              "source": "luccioni-2023", "confidence": "high",
              "field_sources": {"published": {"source": "bigscience-2022", "confidence": "high", "notes": "params, tokens, 48 nodes x 8 GPUs"}}})
    # --- LLaMA 1, Touvron et al. 2023a Table 15 (verified)
    for sz, p, tok, gh, mwh, t in [("7b", 6.7e9, 1.0e12, 82432, 36, 14), ("13b", 13.0e9, 1.0e12, 135168, 59, 23),
                                   ("33b", 32.5e9, 1.4e12, 530432, 233, 90), ("65b", 65.2e9, 1.4e12, 1022362, 449, 173)]:
        R.append({"id": f"llama-{sz}", "name": f"LLaMA {sz.upper()}", "aliases": [f"llama1-{sz}", f"llama-1-{sz}"], "year": 2023,
                  "scenario": {"gpu_hours": gh, "hardware": "nvidia-a100-sxm4-80gb", "power_w": 400, "boundary": "accelerators",
                               "pue": 1.1, "intensity": 385, "provider": "meta", "embodied": False},
                  "published": {"params": p, "tokens": tok, "hardware": "nvidia-a100-sxm4-80gb", "gpu_hours": gh, "power_w": 400,
                                "pue": 1.1, "intensity_gco2e_per_kwh": 385, "energy_mwh": mwh, "emissions_t_co2e": t,
                                **({"count": 2048, "days": 21} if sz == "65b" else {})},
                  "reported": {"energy_mwh": mwh, "emissions_t_co2e": t, "boundary": "accelerators: GPU-hours x 400 W (A100 NVLink TDP)",
                               "includes_pue": True, "power_basis": "tdp",
                               "notes": "Formula in the paper (after Wu et al. 2022): MWh = GPU-h x 400 W x PUE 1.1; tCO2e = MWh x 0.385 (US national average). The paper also says the whole development (all four sizes, ~5 months on 2048 GPUs) used ~2,638 MWh and ~1,015 tCO2e."},
                  "predict": predict_view("nvidia-a100-sxm4-80gb", 2048 if sz == "65b" else None, "US", "meta", params=p, tokens=tok),
                  "source": "touvron-2023a", "confidence": "high"})
    # --- OPT-175B as recomputed in LLaMA Table 15
    R.append({"id": "opt-175b", "name": "OPT 175B", "aliases": ["opt", "opt175b"], "year": 2022,
              "scenario": {"gpu_hours": 809472, "hardware": "nvidia-a100-sxm4-80gb", "power_w": 400, "boundary": "accelerators",
                           "pue": 1.1, "intensity": 385, "embodied": False},
              "published": {"params": 175e9, "tokens": 180e9, "hardware": "nvidia-a100-sxm4-80gb", "count": 992, "gpu_hours": 809472,
                            "reported_peak_tflops_per_gpu": 147,
                            "opt_paper_emissions_t_co2e": 75, "llama_table15_energy_mwh": 356, "llama_table15_emissions_t_co2e": 137},
              "reported": {"energy_mwh": 356, "emissions_t_co2e": 137, "boundary": "accelerators: GPU-hours x 400 W TDP",
                           "includes_pue": True, "power_basis": "tdp",
                           "notes": "Recomputed by Touvron et al. 2023 (Table 15) 'in the same data center' (PUE 1.1, 0.385 kg/kWh); 809,472 GPU-h = 992 GPUs x 34 days from the OPT logbook. The OPT paper itself (Zhang et al. 2022) reports only ~75 tCO2e, without the energy or intensity behind it; the two figures differ mainly by grid intensity."},
              "predict": predict_view("nvidia-a100-sxm4-80gb", 992, "US", params=175e9, tokens=180e9),
              "source": "touvron-2023a", "confidence": "medium",
              "field_sources": {"published": {"source": "zhang-2022-opt", "confidence": "medium", "notes": "992 x A100 80GB, ~180B tokens, up to 147 TFLOP/s per GPU and ~75 tCO2e from the OPT paper (tokens and TFLOP/s checked in a secondary summary of the paper, 2026-11)"}}})
    # --- Llama 2 model card (verified)
    for sz, p, gh, t in [("7b", 7e9, 184320, 31.22), ("13b", 13e9, 368640, 62.44), ("70b", 70e9, 1720320, 291.42)]:
        R.append({"id": f"llama-2-{sz}", "name": f"Llama 2 {sz.upper()}", "aliases": [f"llama2-{sz}"], "year": 2023,
                  "scenario": {"gpu_hours": gh, "hardware": "nvidia-a100-sxm4-80gb", "power_w": 400, "boundary": "accelerators",
                               "pue": 1.1, "intensity": 385, "provider": "meta", "embodied": False},
                  "published": {"params": p, "tokens": 2.0e12, "hardware": "nvidia-a100-sxm4-80gb", "gpu_hours": gh, "power_w": 400,
                                "tdp_range_w": "350-400", "emissions_t_co2e": t, "total_gpu_hours_all_sizes": 3311616, "total_t_co2e_all_sizes": 539.0,
                                "offset": "100% offset by Meta's sustainability program"},
                  "reported": {"emissions_t_co2e": t, "boundary": "accelerators: GPU-hours x 400 W 'peak power capacity per GPU adjusted for power usage efficiency'",
                               "includes_pue": True, "power_basis": "tdp",
                               "notes": f"Energy and intensity are not published. The card's numbers are reproduced exactly by GPU-h x 400 W x PUE 1.1 x 0.385 kg/kWh (the LLaMA-1 constants): {gh * 0.44 * 0.385 / 1000:.2f} t, i.e. {gh * 0.44 / 1000:.1f} MWh (derived). The card also lists a 34B model (1,038,336 GPU-h in the paper) that was not released."},
                  "predict": predict_view("nvidia-a100-sxm4-80gb", None, "US", "meta", params=p, tokens=2.0e12),
                  "source": "llama2-model-card", "confidence": "high",
                  "field_sources": {"scenario": {"source": "touvron-2023a", "confidence": "medium", "notes": "pue 1.1 and 385 g/kWh inferred: they reproduce the card exactly"}}})
    # --- Llama 3 model card (verified)
    for sz, p, gh, t in [("8b", 8e9, 1.3e6, 390), ("70b", 70e9, 6.4e6, 1900)]:
        R.append({"id": f"llama-3-{sz}", "name": f"Llama 3 {sz.upper()}", "aliases": [f"llama3-{sz}", f"meta-llama-3-{sz}"], "year": 2024,
                  "scenario": {"gpu_hours": gh, "hardware": "nvidia-h100-sxm5-80gb", "power_w": 700, "boundary": "accelerators",
                               "pue": 1.1, "intensity": 385, "provider": "meta", "embodied": False},
                  "published": {"params": p, "tokens": 15e12, "tokens_note": "15T+", "hardware": "nvidia-h100-sxm5-80gb", "gpu_hours": gh,
                                "power_w": 700, "emissions_t_co2e": t, "total_gpu_hours_all_sizes": 7.7e6, "total_t_co2e_all_sizes": 2290},
                  "reported": {"emissions_t_co2e": t, "boundary": "accelerators: GPU-hours x 700 W TDP 'adjusted for power usage efficiency'",
                               "includes_pue": True, "power_basis": "tdp",
                               "notes": f"Energy and intensity not published; GPU-hours rounded to 0.1M. PUE 1.1 x 385 g/kWh (Meta's earlier constants) gives {gh * 0.77 * 0.385 / 1000:.0f} t vs {t} reported (within the rounding of GPU-hours)."},
                  "predict": predict_view("nvidia-h100-sxm5-80gb", None, "US", "meta", params=p, tokens=15e12),
                  "source": "llama3-model-card", "confidence": "medium",
                  "field_sources": {"scenario": {"source": "touvron-2023a", "confidence": "low", "notes": "pue and intensity inferred, not published for Llama 3"}}})
    # --- Llama 3.1 model card (verified)
    for sz, p, gh, t in [("8b", 8.03e9, 1.46e6, 420), ("70b", 70.6e9, 7.0e6, 2040), ("405b", 405.9e9, 30.84e6, 8930)]:
        implied = round(t * 1e6 / (gh * 0.77), 1)
        R.append({"id": f"llama-3.1-{sz}", "name": f"Llama 3.1 {sz.upper()}", "aliases": [f"llama3.1-{sz}", f"llama-31-{sz}", f"meta-llama-3.1-{sz}"], "year": 2024,
                  "scenario": {"gpu_hours": gh, "hardware": "nvidia-h100-sxm5-80gb", "power_w": 700, "boundary": "accelerators",
                               "pue": 1.1, "intensity": implied, "provider": "meta", "embodied": False},
                  "published": {"params": p, "tokens": 15e12, "tokens_note": "~15T ('15T+'; the Llama 3 paper gives 15.6T for 405B)", "hardware": "nvidia-h100-sxm5-80gb",
                                "gpu_hours": gh, "power_w": 700, "location_based_t_co2e": t, "market_based_t_co2e": 0,
                                "total_gpu_hours_all_sizes": 39.3e6, "total_location_based_t_co2e": 11390, **({"max_count": 16384} if sz == "405b" else {})},
                  "reported": {"emissions_t_co2e": t, "boundary": "accelerators: GPU-hours x 700 W TDP 'adjusted for power usage efficiency'",
                               "includes_pue": True, "power_basis": "tdp",
                               "notes": f"Location-based; market-based 0 t (100% annual renewable matching). Intensity {implied} g/kWh is derived = t / (GPU-h x 0.7 kW x PUE 1.1); PUE 1.1 is assumed, Meta publishes neither. Methodology: Wu et al. 2022 (arXiv:2204.05149)."},
                  "predict": predict_view("nvidia-h100-sxm5-80gb", 16384 if sz == "405b" else None, "US", "meta", params=p,
                                          tokens=15.6e12 if sz == "405b" else 15e12),
                  "source": "llama31-model-card", "confidence": "medium",
                  "field_sources": {"scenario": {"source": "llama31-model-card", "confidence": "low", "notes": "intensity derived from the card; pue assumed 1.1"}}})
    # --- LaMDA (verified text)
    R.append({"id": "lamda-137b", "name": "LaMDA 137B (pre-training)", "aliases": ["lamda"], "year": 2022,
              "scenario": {"duration_h": round(57.7 * 24, 4), "count": 1024, "hardware": "google-tpu-v3", "power_w": 289, "boundary": "accelerators",
                           "pue": 1.10, "intensity": 56, "provider": "gcp", "embodied": False},
              "published": {"params": 137e9, "words": 1.56e12, "hardware": "google-tpu-v3", "count": 1024, "days": 57.7, "flops": 3.55e23,
                            "pue": 1.10, "power_w": 289, "energy_mwh": 451, "kgco2e_per_kwh": 0.056, "emissions_t_co2e": 25.2,
                            "smaller_models_and_finetuning_t_co2e": 0.7},
              "reported": {"energy_mwh": 451, "emissions_t_co2e": 25.2, "boundary": "servers: 289 W system power per TPU borrowed from Meena measurements; times PUE",
                           "includes_pue": True, "power_basis": "measured_system", "notes": "57.7 d x 1024 chips x 289 W x 1.1 x 24 h = 451 MWh; x 0.056 kg/kWh = 25.2 t (largest model's pre-training only)."},
              "predict": predict_view("google-tpu-v3", 1024, None, "gcp", flops=3.55e23, params=137e9),
              "source": "thoppilan-2022", "confidence": "high"})
    # --- Gopher
    R.append({"id": "gopher-280b", "name": "Gopher 280B", "aliases": ["gopher"], "year": 2021,
              "scenario": {"duration_h": 920, "count": 4096, "hardware": "google-tpu-v3", "power_w": 283, "boundary": "accelerators",
                           "pue": 1.08, "intensity": 330, "embodied": False},
              "published": {"params": 280e9, "tokens": 300e9, "hardware": "google-tpu-v3", "count": 4096, "hours": 920,
                            "pue": 1.08, "net_kgco2e_per_kwh": 0.33, "net_t_co2e": 380, "luccioni_2023_energy_mwh": 1066},
              "reported": {"emissions_t_co2e": 380, "boundary": "servers: 283 W average TPUv3 system power (Patterson Table 3)",
                           "includes_pue": True, "power_basis": "measured_system",
                           "notes": "The paper gives emissions only. Energy 1,066 MWh (tabulated by Luccioni et al. 2023, not by Rae et al.) = 4096 x 920 h x 283 W, before PUE; 380 net tCO2e = 1,066 x 1.08 x 0.33. 4096 chips x 920 h cross-checked against a transcription of the paper's appendix; PUE 1.08 and 0.33 t/MWh are from the Gopher appendix as recalled, consistent with 380 t to 0.1%. Luccioni's table lists 352 t (no PUE)."},
              "predict": predict_view("google-tpu-v3", 4096, None, "gcp", params=280e9, tokens=300e9),
              "source": "rae-2021", "confidence": "medium"})
    # --- OLMo 7B (A100 run)
    R.append({"id": "olmo-7b", "name": "OLMo 7B (MosaicML A100 run)", "aliases": ["olmo", "olmo-1-7b"], "year": 2024,
              "scenario": {"params": 6.9e9, "tokens": 2.46e12, "hardware": "nvidia-a100-sxm4-40gb", "count": 216, "pue": 1.1, "embodied": False},
              "published": {"params": 6.9e9, "tokens": 2.46e12, "tokens_note": "released checkpoint trained to 2.46T tokens; the A100 run's own token count is not stated (>= 2T)",
                            "hardware": "nvidia-a100-sxm4-40gb", "count": 216, "nodes": 27, "gpu_energy_mwh": 104, "pue": 1.1},
              "reported": {"energy_mwh": 104, "boundary": "accelerators: measured GPU power on one node, extrapolated to all nodes (GPU only)",
                           "includes_pue": False, "power_basis": "measured_accelerators", "reproducible": False,
                           "notes": "The paper gives the measured GPU energy only, neither GPU-hours nor average power, so no estimate can reproduce it from the source's inputs: the scenario (params+tokens) rests on trainprint's MFU and power defaults, which is predict mode, not reproduce. The 104 MWh is the GPUs' own energy, before PUE, so it is compared with the estimate's IT energy (PUE out); the PUE of 1.1 that Table 6 gives beside it is kept in the scenario, where it only scales the facility energy and emissions, which are not compared. Table 6 of the paper also gives carbon intensity and tCO2e for the A100 and LUMI (MI250X) runs; those were not re-verified here and are left out."},
              "predict": predict_view("nvidia-a100-sxm4-40gb", 216, params=6.9e9, tokens=2.46e12),
              "source": "groeneveld-2024", "confidence": "low"})
    # --- who trained each run (leave-one-organisation-out validation), and whether it enters the MFU fit
    trainers = {"gpt-3": "OpenAI", "gopher-280b": "DeepMind", "bloom-176b": "BigScience", "olmo-7b": "AI2"}
    for e in R:
        e["organisation"] = trainers.get(e["id"], "Meta" if e["id"].startswith(("llama", "opt")) else "Google")
        e["kind"] = "search" if e["id"] == "evolved-transformer-nas" else "pretrain"
        use, why = preset_calibration_use(e)
        e["calibration"] = {"use": use, **({"why_not": why} if why else {})}
    tdp = {a["id"]: a["tdp_w"] for a in read_json(os.path.join(DATA_DIR, "hardware.json"))["accelerators"] if a.get("tdp_w")}
    extra, extra_sources = run_presets(tdp)
    SOURCES.update(extra_sources)
    R += extra
    R.sort(key=lambda e: e["id"])
    return table_doc("presets", R, ["Published figures from papers and model cards are facts, cited per preset."], generated)


def preset_calibration_use(e):
    """Whether a hand-built preset's whole-run MFU may enter the fit (the rule of runs.calibration_use)."""
    if e["kind"] != "pretrain":
        return False, "architecture search, not a pre-training run"
    if e["confidence"] == "low":
        return False, "low-confidence figures"
    s = e["scenario"]
    if "predict" not in e or not ("gpu_hours" in s or "duration_h" in s):
        return False, "no accelerator-hours with a workload"
    return True, ""


# --------------------------------------------------------------------------- equivalents
def build_equivalents(up, generated):
    ga = {r["variable"]: r for r in read_csv(os.path.join(up, "green-algorithms", "referenceValues.csv"), skip_rows=1)}
    g_per_mile = 8887 / 22.2
    E = [
        {"id": "car-km", "region": "us", "name": "km driven by a typical US passenger vehicle (tailpipe CO2)", "aliases": ["car", "car-km-us", "driving-km"],
         "applies_to": "emissions", "per_unit_kg_co2e": round(g_per_mile / 1.609344 / 1000, 4), "unit": "km",
         "source": "epa-typical-vehicle-2023", "confidence": "medium",
         "notes": f"EPA: 8,887 g CO2 per gallon of gasoline at ~22.2 mpg = ~400 g CO2/mile = {g_per_mile / 1.609344:.1f} g/km. Tailpipe CO2 only (no fuel production, CH4/N2O ~1-3%)."},
        {"id": "car-km-eu", "region": "eu", "name": "km driven by an average European passenger car", "aliases": ["car-eu"],
         "applies_to": "emissions", "per_unit_kg_co2e": float(ga["passengerCar_EU_perkm"]["value"]) / 1000, "unit": "km",
         "source": "green-algorithms", "confidence": "medium",
         "notes": "Green Algorithms reference value 175 gCO2/km, citing Atmos. Env. 2018 and UK BEIS/DEFRA 2019 conversion factors."},
        {"id": "flight-passenger-km", "region": "global", "name": "passenger-km flown in economy class", "aliases": ["flight-km", "air-km"],
         "applies_to": "emissions", "per_unit_kg_co2e": float(ga["flight_economy_perkm"]["value"]) / 1000, "unit": "passenger-km",
         "source": "green-algorithms", "confidence": "medium",
         "notes": "Green Algorithms reference value 171 gCO2/km (range 139-244 by haul and class), citing UK Government GHG conversion factors 2020."},
        {"id": "jet-round-trip-sfo-jfk", "region": "global", "name": "whole passenger jet, round trip San Francisco - New York", "aliases": ["sf-ny-round-trip-plane"],
         "applies_to": "emissions", "per_unit_kg_co2e": 180000, "unit": "round trip (whole aircraft)",
         "source": "patterson-2021", "confidence": "medium",
         "notes": "Patterson et al. 2021 Table 4 / Appendix A: '~180 t' for an entire jet plane round trip SFO <-> JFK. Not per passenger."},
        {"id": "household-year-us", "region": "us", "name": "years of electricity of an average US home", "aliases": ["us-home-year", "household-year"],
         "applies_to": "energy", "per_unit_kwh": 10715, "unit": "household-year",
         "source": "eia-faq-97", "confidence": "high",
         "notes": "EIA: average annual electricity consumption of a US residential utility customer in 2020 (893 kWh/month)."},
        {"id": "drinking-water-person-day", "region": "global", "name": "days of drinking water for one adult", "aliases": ["drinking-water-day"],
         "applies_to": "water", "per_unit_l": 2.0, "unit": "person-day",
         "source": "who-gdwq-2022", "confidence": "medium",
         "notes": "WHO guideline values assume 2 L/day drinking-water consumption by a 60 kg adult (default assumption, not a measured average)."},
        {"id": "olympic-pool", "region": "global", "name": "Olympic swimming pools", "aliases": ["swimming-pool", "olympic-swimming-pool"],
         "applies_to": "water", "per_unit_l": 2500000, "unit": "pool",
         "source": "world-aquatics-fr2", "confidence": "medium",
         "notes": "Derived: 50 m x 25 m x 2 m minimum depth = 2,500 m3. Deeper (3 m) pools hold 3,750 m3."},
        {"id": "us-person-water-year", "region": "us", "name": "years of water use by one person in the United States", "aliases": ["us-person-water-year"],
         "applies_to": "water", "per_unit_l": round(2.769e6 / 24.5), "unit": "person-year",
         "source": "morrison-2025", "confidence": "low",
         "notes": "Derived: Morrison et al. 2025 equate 2.769 million litres with 'about 24.5 years of water usage by a person in the United States' -> ~113,000 L per person-year (household use)."},
    ]
    E = [dict(e) for e in E]
    E.sort(key=lambda e: e["id"])
    for e in E:  # us-person-water-year's alias repeats its id
        e["aliases"] = dedup_aliases(e["id"], e["aliases"])
    return table_doc("equivalents", E, ["Green Algorithms referenceValues.csv (CC BY 4.0): attribution 'Green Algorithms, Lannelongue et al. 2021'.",
                              "US EPA and EIA material is public domain; other values are facts, cited per entry."], generated)


# --------------------------------------------------------------------------- checks
def check(tables, schema_map, region_ids):
    """Each table against its JSON Schema, plus what a schema cannot say: names unique
    case-insensitively, cited sources listed and listed sources cited, entries sorted by id,
    and the presets' references to hardware, providers, regions and energy sources."""
    errs = []
    for name, doc in tables.items():
        entries = doc[ENTRIES_KEY[name]]
        errs += validate(clean(doc), schema_map[name], name) + name_clashes(entries, name) + source_errors(doc, name)
        ids = [e["id"] for e in entries]
        if ids != sorted(ids):
            errs.append(f"{name}: entries not sorted by id")
    energy_ids = {e["id"] for e in tables["energy_sources"]["sources_of_energy"]}
    provider_ids = {e["id"] for e in tables["providers"]["providers"]}
    hw_ids = hardware_ids()
    for p in tables["presets"]["presets"]:
        s, v, where = p["scenario"], p.get("predict"), f"presets: {p['id']}"
        if s.get("hardware") not in hw_ids:
            errs.append(f"{where}: unknown hardware {s.get('hardware')}")
        if "region" in s and not re.match(r"^[A-Z]{2}$", s["region"]):
            errs.append(f"{where}: region not ISO alpha-2")
        if "provider" in s and s["provider"] not in provider_ids:
            errs.append(f"{where}: unknown provider {s['provider']}")
        errs += [f"{where}: mix key {k}" for k in s.get("mix", {}) if k not in energy_ids]
        if v is None:
            if p.get("calibration", {}).get("use"):
                errs.append(f"{where}: in the MFU fit without a predict view")
        else:
            if v.get("hardware") not in hw_ids:
                errs.append(f"{where}: predict: unknown hardware {v.get('hardware')}")
            if "provider" in v and v["provider"] not in provider_ids:
                errs.append(f"{where}: predict: unknown provider {v['provider']}")
            if "region" in v and v["region"] not in region_ids:
                errs.append(f"{where}: predict: unknown region {v['region']}")
        if p["reported"].get("power_basis") is None:
            errs.append(f"{where}: reported.power_basis missing")
    return errs


# --------------------------------------------------------------------------- main
def main(argv=None):
    ap = arguments(__doc__)
    ap.add_argument("--regions", default=None,
                    help="regions.json whose ids presets may name (default: <out>/regions.json if there, else data/regions.json)")
    ap.add_argument("--check", action="store_true", help="only check that the files in --out are up to date")
    a = ap.parse_args(argv)
    up = upstream_dir(ap, a.upstream)
    tables = {"energy_sources": build_energy_sources(up, a.generated), "providers": build_providers(up, a.generated),
              "presets": build_presets(up, a.generated), "equivalents": build_equivalents(up, a.generated)}
    schema_map = schemas()
    regions = a.regions or next(p for p in (os.path.join(a.out, "regions.json"), os.path.join(DATA_DIR, "regions.json"))
                                if os.path.exists(p))
    fail_on(check(tables, schema_map, {e["id"] for e in read_json(regions)["regions"]}), limit=None)
    stale = []
    outputs = [(os.path.join(a.out, f"{n}.json"), tables[n]) for n in tables] + \
              [(os.path.join(a.out, "schema", f"{n}.schema.json"), schema_map[n]) for n in schema_map]
    for path, obj in outputs:
        text = dumps(clean(obj))
        if not a.check:
            write_text(path, text)
        elif not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
            stale.append(path)
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    counts = {n: len(t[ENTRIES_KEY[n]]) for n, t in tables.items()}
    print(f"{'checked' if a.check else 'wrote'} {counts} (validated: jsonschema)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
