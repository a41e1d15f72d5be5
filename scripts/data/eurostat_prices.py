"""European electricity prices for data/regions.json (used by build_regions.py).

Reads the transcribed Eurostat table in data/upstream/eurostat-nrg-pc-205-nonhousehold (see its
SOURCE.md): non-household consumers, band IC (500-1 999 MWh a year), excluding VAT and other
recoverable taxes and levies, EUR per kWh, one column per semester. A country's price is the
mean of its 2023-S1 and 2023-S2 figures, converted at the Federal Reserve's 2023 annual average
rate (G.5A), so that it is dated like the US states' EIA 2023 prices.
"""
import csv
import os

from common import REPO_UPSTREAM

FOLDER = "eurostat-nrg-pc-205-nonhousehold"
FILE = "nrg_pc_205_MWH500-1999_X_VAT_EUR.tsv"
YEAR = 2023
SEMESTERS = ("2023-S1", "2023-S2")
# Federal Reserve G.5A (released 2024-02-01): EMU members, euro, 2023 average = 1.0817 US dollars
# per euro (noon buying rates in New York). https://www.federalreserve.gov/releases/g5a/20240201/
USD_PER_EUR_2023 = 1.0817
# Eurostat geo codes that are not the catalog's ISO 3166-1 ids.
GEO_TO_ID = {"EL": "GR", "UK": "GB", "EU27_2020": "EU-27"}
SKIP_GEO = {"EA"}  # euro area: no catalog entry


def parse_cell(cell):
    """(value or None, flag) of one Eurostat cell such as '0.2759 ', '0.1786 e' or ': '."""
    parts = cell.strip().split()
    if not parts or parts[0].startswith(":"):
        return None, ""
    return float(parts[0]), " ".join(parts[1:])


def read_eurostat_prices(path=None):
    """{catalog id: {"S1": (value, flag), "S2": (value, flag)}} for every geo with both 2023
    semesters; rows whose key is not band IC / X_VAT / EUR / KWH are an error."""
    path = path or os.path.join(REPO_UPSTREAM, FOLDER, FILE)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header = [h.strip() for h in rows[0]]
    cols = [header.index(s) for s in SEMESTERS]
    out = {}
    for r in rows[1:]:
        freq, siec, cons, unit, tax, cur, geo = r[0].split(",")
        if (freq, siec, cons, unit, tax, cur) != ("S", "E7000", "MWH500-1999", "KWH", "X_VAT", "EUR"):
            raise SystemExit("%s: unexpected series %s" % (FILE, r[0]))
        if geo in SKIP_GEO:
            continue
        s1, s2 = (parse_cell(r[c]) for c in cols)
        if s1[0] is None or s2[0] is None:
            continue
        out[GEO_TO_ID.get(geo, geo)] = {"S1": s1, "S2": s2, "geo": geo}
    return out


def country_price(rec):
    """The price_usd_per_kwh object from one geo's two 2023 semesters (EUR/kWh)."""
    (a, fa), (b, fb) = rec["S1"], rec["S2"]
    eur = (a + b) / 2
    flags = "; Eurostat flags: %s" % ", ".join("%s '%s'" % (s, fl) for s, fl in zip(SEMESTERS, (fa, fb)) if fl) \
        if (fa or fb) else ""
    return {"value": round(eur * USD_PER_EUR_2023, 4), "year": YEAR, "source": "eurostat-nrg-pc-205",
            "confidence": "medium",
            "notes": "Eurostat nrg_pc_205 (geo %s), non-household band IC (500-1999 MWh/yr), excluding VAT and "
                     "other recoverable taxes and levies: mean of 2023-S1 %s and 2023-S2 %s EUR/kWh = %s EUR/kWh, "
                     "x %s USD/EUR (Federal Reserve G.5A, 2023 average)%s" % (
                         rec["geo"], a, b, round(eur, 5), USD_PER_EUR_2023, flags)}


def apply_country_prices(entries):
    """Set price_usd_per_kwh on every country (and the EU-27 aggregate) the table prices, and on
    subnational entries that use such a country's grid and have no price of their own (the Nordic
    bidding zones). Returns the sorted ids priced from the table and the Eurostat geos without a
    catalog entry."""
    prices = read_eurostat_prices()
    done, unmatched = [], []
    for cid, rec in sorted(prices.items()):
        e = entries.get(cid)
        if e is None or e["kind"] not in ("country", "grid"):
            unmatched.append(rec["geo"])
            continue
        e["price_usd_per_kwh"] = country_price(rec)
        done.append(cid)
    for e in entries.values():
        g = entries.get(e["grid"]) if e["grid"] else None
        if e["kind"] == "subnational" and e["price_usd_per_kwh"] is None and g is not None \
                and g["id"] in done and g["kind"] == "country":
            p = dict(g["price_usd_per_kwh"])
            p["confidence"] = "low"
            p["notes"] = ("%s's national average used for this zone (no open per-zone retail price found); " % g["id"]
                          + p["notes"])
            e["price_usd_per_kwh"] = p
    return done, unmatched
