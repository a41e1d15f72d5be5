"""Canadian province electricity prices for data/regions.json (used by build_regions.py).

Reads the transcribed Hydro-Québec table in data/upstream/hydroquebec-2022-price-comparison (see its
SOURCE.md): average prices excluding taxes, Canadian cents per kWh, rates in effect April 1, 2022, for
one city per province at four consumption levels. A province's price is its city's figure at the
100,000 kWh/month, 500 kW level, converted at the Federal Reserve's 2022 annual average rate (G.5A).
"""
import csv
import os

from common import REPO_UPSTREAM

FOLDER = "hydroquebec-2022-price-comparison"
FILE = "average_prices_cents_cad_per_kwh_2022.csv"
YEAR = 2022
LEVEL = (100000, 500)  # kWh per month, kW of power demand: 1.2 GWh a year, Eurostat band IC
# Federal Reserve G.5A (released 2024-02-01): Canada, dollar, 2022 average = 1.3014 Canadian dollars per
# US dollar (noon buying rates in New York). https://www.federalreserve.gov/releases/g5a/20240201/
CAD_PER_USD_2022 = 1.3014
# Provinces where one Crown utility's rate serves nearly everyone; elsewhere the city's rate is low confidence.
ONE_UTILITY = {"QC", "MB", "BC"}


def read_hydroquebec_prices(path=None):
    """{province suffix: (city, cents CAD per kWh)} at LEVEL; a province given twice is an error."""
    path = path or os.path.join(REPO_UPSTREAM, FOLDER, FILE)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        if (int(r["consumption_kwh_per_month"]), int(r["power_demand_kw"])) != LEVEL:
            continue
        if r["province"] in out:
            raise SystemExit("%s: province %s given twice at %s" % (FILE, r["province"], LEVEL))
        out[r["province"]] = (r["city"], float(r["cents_cad_per_kwh"]))
    return out


def province_price(suffix, city, cents):
    """The price_usd_per_kwh object of one province from its city's average price (CAD cents/kWh)."""
    return {"value": round(cents / 100 / CAD_PER_USD_2022, 4), "year": YEAR, "source": "hydroquebec-2022",
            "confidence": "medium" if suffix in ONE_UTILITY else "low",
            "notes": "Hydro-Québec 2022 comparison (rates in effect April 1, 2022), %s, 100,000 kWh/month at 500 kW "
                     "demand: average price excluding taxes %s CAD cents/kWh / %s CAD per USD (Federal Reserve G.5A, "
                     "2022 average)%s" % (city, cents, CAD_PER_USD_2022,
                                          "" if suffix in ONE_UTILITY else
                                          "; one city's distributor stands for the province")}


def apply_province_prices(entries):
    """Set price_usd_per_kwh on each Canadian province the table prices; returns the sorted ids."""
    done = []
    for suffix, (city, cents) in sorted(read_hydroquebec_prices().items()):
        e = entries.get("CA-" + suffix)
        if e is None or e["kind"] != "subnational":
            raise SystemExit("%s: no catalog entry CA-%s" % (FILE, suffix))
        e["price_usd_per_kwh"] = province_price(suffix, city, cents)
        done.append(e["id"])
    return done
