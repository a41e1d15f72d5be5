#!/usr/bin/env python3
"""Build data/regions.json for trainprint (helpers in common.py).

Inputs
  --upstream DIR    shared/upstream-data folder (default ../shared/upstream-data from the repository)
  scripts/data/regions_curated.json   hand-curated cloud regions, alias variants, per-site PUE
Outputs
  <out>/regions.json  (--out DIR, default data/; sorted by id, 2-space indent, trailing newline;
  deterministic)

Validation: data/schema/regions.schema.json, plus what a schema cannot say (table_checks):
unique ids/aliases case-insensitively, every `grid`/`parent`/`country` resolves, every cloud
`grid` resolves to an entry with an intensity, mix shares sum to 1, source keys exist.

See scripts/data/regions_NOTES.md for sources, licences and doubts.
"""
import os
import sys

from common import (CONFIDENCES, REPO_UPSTREAM, arguments, dedup_aliases, dumps, fail_on, load_schema, meta, name_clashes,
                    read_csv, read_json, source, source_errors, upstream_dir, validate, write_text)
from eurostat_prices import apply_country_prices
from hydroquebec_prices import apply_province_prices

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Reference tables (facts)
# ---------------------------------------------------------------------------
# ISO 3166-1 alpha-3 -> alpha-2 for every code present in the OWID file.
# OWID_KOS -> XK (user-assigned code used by the EU/IMF; Kosovo has no ISO code).
ISO3_TO_ISO2 = {
    "ABW": "AW", "AFG": "AF", "AGO": "AO", "ALB": "AL", "ARE": "AE", "ARG": "AR", "ARM": "AM",
    "ASM": "AS", "ATG": "AG", "AUS": "AU", "AUT": "AT", "AZE": "AZ", "BDI": "BI", "BEL": "BE",
    "BEN": "BJ", "BFA": "BF", "BGD": "BD", "BGR": "BG", "BHR": "BH", "BHS": "BS", "BIH": "BA",
    "BLR": "BY", "BLZ": "BZ", "BMU": "BM", "BOL": "BO", "BRA": "BR", "BRB": "BB", "BRN": "BN",
    "BTN": "BT", "BWA": "BW", "CAF": "CF", "CAN": "CA", "CHE": "CH", "CHL": "CL", "CHN": "CN",
    "CIV": "CI", "CMR": "CM", "COD": "CD", "COG": "CG", "COK": "CK", "COL": "CO", "COM": "KM",
    "CPV": "CV", "CRI": "CR", "CUB": "CU", "CYM": "KY", "CYP": "CY", "CZE": "CZ", "DEU": "DE",
    "DJI": "DJ", "DMA": "DM", "DNK": "DK", "DOM": "DO", "DZA": "DZ", "ECU": "EC", "EGY": "EG",
    "ERI": "ER", "ESH": "EH", "ESP": "ES", "EST": "EE", "ETH": "ET", "FIN": "FI", "FJI": "FJ",
    "FLK": "FK", "FRA": "FR", "FRO": "FO", "GAB": "GA", "GBR": "GB", "GEO": "GE", "GHA": "GH",
    "GIB": "GI", "GIN": "GN", "GLP": "GP", "GMB": "GM", "GNB": "GW", "GNQ": "GQ", "GRC": "GR",
    "GRD": "GD", "GRL": "GL", "GTM": "GT", "GUF": "GF", "GUM": "GU", "GUY": "GY", "HKG": "HK",
    "HND": "HN", "HRV": "HR", "HTI": "HT", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "IE",
    "IRN": "IR", "IRQ": "IQ", "ISL": "IS", "ISR": "IL", "ITA": "IT", "JAM": "JM", "JOR": "JO",
    "JPN": "JP", "KAZ": "KZ", "KEN": "KE", "KGZ": "KG", "KHM": "KH", "KIR": "KI", "KNA": "KN",
    "KOR": "KR", "KWT": "KW", "LAO": "LA", "LBN": "LB", "LBR": "LR", "LBY": "LY", "LCA": "LC",
    "LKA": "LK", "LSO": "LS", "LTU": "LT", "LUX": "LU", "LVA": "LV", "MAC": "MO", "MAR": "MA",
    "MDA": "MD", "MDG": "MG", "MDV": "MV", "MEX": "MX", "MKD": "MK", "MLI": "ML", "MLT": "MT",
    "MMR": "MM", "MNE": "ME", "MNG": "MN", "MOZ": "MZ", "MRT": "MR", "MSR": "MS", "MTQ": "MQ",
    "MUS": "MU", "MWI": "MW", "MYS": "MY", "NAM": "NA", "NCL": "NC", "NER": "NE", "NGA": "NG",
    "NIC": "NI", "NLD": "NL", "NOR": "NO", "NPL": "NP", "NRU": "NR", "NZL": "NZ", "OMN": "OM",
    "OWID_KOS": "XK", "PAK": "PK", "PAN": "PA", "PER": "PE", "PHL": "PH", "PNG": "PG", "POL": "PL",
    "PRI": "PR", "PRK": "KP", "PRT": "PT", "PRY": "PY", "PSE": "PS", "PYF": "PF", "QAT": "QA",
    "REU": "RE", "ROU": "RO", "RUS": "RU", "RWA": "RW", "SAU": "SA", "SDN": "SD", "SEN": "SN",
    "SGP": "SG", "SHN": "SH", "SLB": "SB", "SLE": "SL", "SLV": "SV", "SOM": "SO", "SPM": "PM",
    "SRB": "RS", "SSD": "SS", "STP": "ST", "SUR": "SR", "SVK": "SK", "SVN": "SI", "SWE": "SE",
    "SWZ": "SZ", "SYC": "SC", "SYR": "SY", "TCA": "TC", "TCD": "TD", "TGO": "TG", "THA": "TH",
    "TJK": "TJ", "TKM": "TM", "TLS": "TL", "TON": "TO", "TTO": "TT", "TUN": "TN", "TUR": "TR",
    "TWN": "TW", "TZA": "TZ", "UGA": "UG", "UKR": "UA", "URY": "UY", "USA": "US", "UZB": "UZ",
    "VCT": "VC", "VEN": "VE", "VGB": "VG", "VIR": "VI", "VNM": "VN", "VUT": "VU", "WSM": "WS",
    "YEM": "YE", "ZAF": "ZA", "ZMB": "ZM", "ZWE": "ZW",
}

US_STATES = {  # ISO 3166-2 suffix -> name
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
US_STATE_EXTRA_ALIASES = {
    "DC": ["Washington DC", "Washington, D.C.", "Washington D.C."],
    "WA": ["Washington State"],
    "NY": ["New York State"],
}
# Names that collide with a country name get a qualified display name and no bare alias.
US_STATE_NAME_OVERRIDE = {"GA": ("Georgia (US state)", ["Georgia, US", "Georgia (US)", "Georgia, USA"])}

CA_PROVINCES = {  # ISO 3166-2 suffix -> (name, key in codecarbon canada mix, extra aliases)
    "AB": ("Alberta", "alberta", []),
    "BC": ("British Columbia", "british columbia", []),
    "MB": ("Manitoba", "manitoba", []),
    "NB": ("New Brunswick", "new brunswick", []),
    "NL": ("Newfoundland and Labrador", "newfoundland and labrador", ["Newfoundland"]),
    "NS": ("Nova Scotia", "nova scotia", []),
    "NT": ("Northwest Territories", "northwest territories", []),
    "NU": ("Nunavut", "nunavut", []),
    "ON": ("Ontario", "ontario", []),
    "PE": ("Prince Edward Island", "prince edward island", ["PEI"]),
    "QC": ("Quebec", "quebec", ["Québec"]),
    "SK": ("Saskatchewan", "saskatchewan", []),
    "YT": ("Yukon", "yukon", ["Yukon Territory"]),
}
# Green Algorithms location code -> ISO 3166-2 (upstream uses CA-MT for Manitoba)
GA_CA_CODE_FIX = {"CA-MT": "CA-MB"}

AU_STATES = {  # ISO 3166-2 -> (name, Green Algorithms location code)
    "AU-ACT": ("Australian Capital Territory", "AU-ACT"),
    "AU-NSW": ("New South Wales", "AU-NSW"),
    "AU-NT": ("Northern Territory", "AU-NT"),
    "AU-QLD": ("Queensland", "AU-QLD"),
    "AU-SA": ("South Australia", "AU-SA"),
    "AU-TAS": ("Tasmania", "AU-TAS"),
    "AU-VIC": ("Victoria", "AU-VIC"),
    "AU-WA": ("Western Australia", "AU-WA2"),  # South West Interconnected System (Perth)
}

# Nordic bidding zones (ENTSO-E / Nord Pool area codes; Finland is one zone, the country FI).
# No open per-zone intensity was found: CodeCarbon's nordic_emissions.json gives one rounded 18 g
# for all nine SE/NO zones ("historical averages from ENTSO-E", no basis, SE4 mislabelled
# Stockholm), which says nothing about the zones; the zones therefore resolve to their
# country's grid and say so.
NORDIC_ZONES = {  # id -> (country, main city)
    "SE1": ("SE", "Luleå"), "SE2": ("SE", "Sundsvall"), "SE3": ("SE", "Stockholm"), "SE4": ("SE", "Malmö"),
    "NO1": ("NO", "Oslo"), "NO2": ("NO", "Kristiansand"), "NO3": ("NO", "Trondheim"), "NO4": ("NO", "Tromsø"),
    "NO5": ("NO", "Bergen"),
}

MIX_KEYS = ["coal", "gas", "oil", "nuclear", "hydro", "wind", "solar", "biomass", "other"]

# ---------------------------------------------------------------------------
# Sources cited in the file
# ---------------------------------------------------------------------------
SOURCES = {
    "owid-ember": source("Carbon intensity of electricity generation (Ember Yearly Electricity Data 2025; Energy Institute Statistical Review 2024) – with major processing by Our World in Data", "https://ourworldindata.org/grapher/carbon-intensity-electricity", 2025, "CC-BY-4.0", retrieved="2025-12-09"),
    "codecarbon-global-energy-mix": source("CodeCarbon global_energy_mix.json (per-country generation by source, TWh; derived from Our World in Data / Ember)", "https://github.com/mlco2/codecarbon/tree/b05965e43b69/codecarbon/data", 2024, "MIT; data CC-BY-4.0 (OWID/Ember)", retrieved="2026-08-08"),
    "codecarbon-canada-mix": source("CodeCarbon canada_energy_mix_2023.json (generation mix by province/territory, %)", "https://github.com/mlco2/codecarbon/tree/b05965e43b69/codecarbon/data", 2023, "MIT", retrieved="2026-08-08"),
    "epa-egrid2022": source("US EPA eGRID2022 subregion total output emission rates (CO2, CH4, N2O; CO2e with AR5 GWP100)", "https://www.epa.gov/egrid/download-data", 2022, "public-domain", retrieved="2026-01-27"),
    "epa-egrid2022-states": source("US EPA eGRID2022 state total output emission rates, sheet ST22 of egrid2022_data.xlsx (CO2, CH4, N2O lb/MWh; CO2e here with AR5 GWP100)", "https://www.epa.gov/system/files/documents/2024-01/egrid2022_data.xlsx", 2022, "public-domain", retrieved="2026-12-06", notes="copied into data/upstream/epa-egrid2022-states (see its SOURCE.md for the copy it came from and the checks against EPA)"),
    "green-algorithms-ci": source("Green Algorithms CI_aggregated.csv v3.0 (Lannelongue, Grealey, Inouye 2021; values from carbonfootprint.com March 2022 and national inventories)", "https://github.com/GreenAlgorithms/green-algorithms-tool/blob/30df2feead1c/data/v3.0/CI_aggregated.csv", 2022, "CC-BY-4.0", retrieved="2025-02-05"),
    "google-region-carbon-2024": source("Google Cloud region carbon info, 2024 (Google CFE and grid carbon intensity per region)", "https://github.com/GoogleCloudPlatform/region-carbon-info/blob/49f3f26bfd68/data/yearly/2024.csv", 2024, "Apache-2.0", retrieved="2025-12-03"),
    "google-dc-efficiency": source("Google data centers – efficiency (per-campus trailing-twelve-month PUE), as transcribed in Green Algorithms cloudProviders_datacenters.csv", "https://www.google.com/about/datacenters/efficiency/", 2020, "facts; transcription CC-BY-4.0 (Green Algorithms)", retrieved="2020-09-29"),
    "ipcc-ar5": source("IPCC AR5 WGIII Annex III: Technology-specific cost and performance parameters (Schloemer et al. 2014), Table A.III.2", "https://www.ipcc.ch/site/assets/uploads/2018/02/ipcc_wg3_ar5_annex-iii.pdf#page=7", 2014, "facts"),
    "eia-epa-2023": source("US EIA Electric Power Annual 2023, average revenue per kWh by state and end-use sector (Table 2.10 figures)", "https://www.eia.gov/electricity/annual/secrev-map.php", 2023, "public-domain", retrieved="2026-12-06", notes="transcribed into data/upstream/eia-epa2023-average-revenue (see its SOURCE.md)"),
    "eurostat-nrg-pc-205": source("Eurostat nrg_pc_205, Electricity prices for non-household consumers - bi-annual data (from 2007 onwards), band IC 500-1999 MWh, excluding VAT and other recoverable taxes and levies, EUR/kWh; converted with the Federal Reserve G.5A 2023 average 1.0817 USD/EUR", "https://ec.europa.eu/eurostat/databrowser/view/nrg_pc_205/default/table", 2023, "CC-BY-4.0", retrieved="2026-12-06", notes="transcribed into data/upstream/eurostat-nrg-pc-205-nonhousehold (see its SOURCE.md); exchange rate: https://www.federalreserve.gov/releases/g5a/20240201/ (public domain)"),
    "hydroquebec-2022": source("Hydro-Québec, Comparison of Electricity Prices in Major North American Cities, 2022 edition (rates in effect April 1, 2022): average prices excluding taxes, CAD cents/kWh, 100,000 kWh/month at 500 kW; converted with the Federal Reserve G.5A 2022 average 1.3014 CAD/USD", "https://www.hydroquebec.com/business/customer-space/rates/comparison-electricity-prices.html", 2022, "facts", retrieved="2026-12-07", notes="transcribed into data/upstream/hydroquebec-2022-price-comparison (see its SOURCE.md); exchange rate: https://www.federalreserve.gov/releases/g5a/20240201/ (public domain)"),
    "entsoe-bidding-zones": source("ENTSO-E Transparency Platform bidding zones (area codes SE1-SE4, NO1-NO5)", "https://transparency.entsoe.eu/", 2025, "facts"),
    "aws-regions": source("AWS Regions and Availability Zones (region codes and locations)", "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html", 2025, "facts"),
    "azure-regions": source("Azure regions list (names as in `az account list-locations`)", "https://learn.microsoft.com/en-us/azure/reliability/regions-list", 2025, "facts"),
    "gcp-regions": source("Google Cloud regions and zones", "https://cloud.google.com/compute/docs/regions-zones", 2025, "facts"),
}

LICENSE_NOTES = [
    "Country intensities: Ember (2025); Energy Institute - Statistical Review of World Energy (2024) – with major processing by Our World in Data. CC BY 4.0 – attribution required (ship in NOTICE).",
    "Country generation mixes: CodeCarbon (MIT, (c) the CodeCarbon authors) global_energy_mix.json, itself derived from Our World in Data / Ember (CC BY 4.0). Canadian provincial mixes: CodeCarbon canada_energy_mix_2023.json (MIT).",
    "US eGRID2022 subregions and state rates: US EPA, public domain.",
    "US state electricity prices: U.S. Energy Information Administration (Oct 2024), Electric Power Annual 2023; public domain.",
    "European electricity prices: Eurostat (nrg_pc_205), CC BY 4.0 – attribution required (Eurostat's reuse policy, Commission Decision 2011/833/EU); converted to USD with the Federal Reserve's G.5A 2023 annual average (public domain).",
    "Canadian province electricity prices (Québec, Manitoba, British Columbia, Ontario): Hydro-Québec, Comparison of Electricity Prices in Major North American Cities (rates in effect April 1, 2022), figures only; converted to USD with the Federal Reserve's G.5A 2022 annual average (public domain).",
    "Canadian province (2019 figures kept in notes) and Australian state intensities: Green Algorithms (Lannelongue et al. 2021), CC BY 4.0 – attribution required; values originate from carbonfootprint.com, EPA, Canada's NIR and Australia's NGA factors.",
    "Google Cloud region grid intensity and CFE: GoogleCloudPlatform/region-carbon-info, Apache-2.0 (keep attribution). Per-campus Google PUE: facts from google.com/about/datacenters/efficiency.",
    "Cloud region lists: facts from the providers' public pages; cross-checked with Cloud Carbon Footprint (Apache-2.0). No Electricity Maps (ODbL), co2.js/Ember (CC BY-SA) or Boavizta (AGPL) values are included.",
]


def r1(x, nd=1):
    return round(float(x) + 0.0, nd)


def norm_shares(parts):
    """parts: dict key->non-negative float. Returns shares (6 dp) summing to 1 within 1e-9, or None."""
    tot = sum(v for v in parts.values() if v > 0)
    if tot <= 0:
        return None
    sh = {k: round(v / tot, 6) for k, v in parts.items() if v > 0}
    sh = {k: v for k, v in sh.items() if v > 0}
    resid = round(1.0 - sum(sh.values()), 6)
    if resid:
        kmax = max(sorted(sh), key=lambda k: sh[k])
        sh[kmax] = round(sh[kmax] + resid, 6)
    return {k: sh[k] for k in MIX_KEYS if k in sh}


def blank_entry(eid, kind, name, aliases, country, parent, source, confidence):
    return {
        "id": eid, "kind": kind, "name": name, "aliases": aliases,
        "country": country, "parent": parent, "grid": None,
        "provider": None, "location": None,
        "intensity": None, "cfe": None, "mix": None,
        "ewif_l_per_kwh": None, "pue": None, "wue_l_per_kwh": None, "price_usd_per_kwh": None,
        "source": source, "confidence": confidence,
    }


# ---------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------
def read_owid(up):
    path = os.path.join(up, "owid-ember-carbon-intensity", "carbon-intensity-electricity.csv")
    latest = {}
    for r in read_csv(path):
        code = r["Code"].strip()
        val = r["Carbon intensity of electricity - gCO2/kWh"].strip()
        if not code or not val:
            continue
        y = int(r["Year"])
        if code not in latest or y > latest[code][0]:
            latest[code] = (y, r["Entity"].strip(), float(val))
    return latest


def read_owid_years(up):
    """{OWID code: {year: g CO2e/kWh}} over every year of the OWID file."""
    path = os.path.join(up, "owid-ember-carbon-intensity", "carbon-intensity-electricity.csv")
    out = {}
    for r in read_csv(path):
        code, val = r["Code"].strip(), r["Carbon intensity of electricity - gCO2/kWh"].strip()
        if code and val:
            out.setdefault(code, {})[int(r["Year"])] = float(val)
    return out


def read_global_mix(up):
    return read_json(os.path.join(up, "codecarbon", "global_energy_mix.json"))


def country_mix(rec):
    parts = {
        "coal": rec["coal_TWh"], "gas": rec["gas_TWh"], "oil": rec["oil_TWh"],
        "nuclear": rec["nuclear_TWh"], "hydro": rec["hydroelectricity_TWh"],
        "wind": rec["wind_TWh"], "solar": rec["solar_TWh"], "biomass": rec["biofuel_TWh"],
        "other": rec["other_renewable_exc_biofuel_TWh"],
    }
    sh = norm_shares(parts)
    if sh is None:
        return None
    return {"shares": sh, "year": int(rec["year"]), "source": "codecarbon-global-energy-mix",
            "confidence": "high",
            "notes": "TWh by source normalised to fractions; other = other renewables excl. bioenergy (geothermal, tidal, ...; geothermal not separated upstream)"}


def world_mix(gmix):
    """The world's generation mix: each source's TWh summed over every country of CodeCarbon's
    global_energy_mix.json (OWID/Ember), normalised. The countries' latest years differ (mostly
    2022 and 2023), so this is a derived estimate, marked medium confidence; its year is the
    latest one in the sum."""
    keys = {"coal": "coal", "gas": "gas", "oil": "oil", "nuclear": "nuclear", "hydro": "hydroelectricity",
            "wind": "wind", "solar": "solar", "biomass": "biofuel", "other": "other_renewable_exc_biofuel"}
    parts = {k: sum(rec[u + "_TWh"] for rec in gmix.values()) for k, u in keys.items()}
    years = {}
    for rec in gmix.values():
        years[int(rec["year"])] = years.get(int(rec["year"]), 0) + 1
    total = sum(rec["total_TWh"] for rec in gmix.values())
    return {"shares": norm_shares(parts), "year": max(years), "source": "codecarbon-global-energy-mix",
            "confidence": "medium",
            "notes": "derived: TWh by source summed over the %d countries of the upstream file (%s), %.0f TWh in all, "
                     "normalised to fractions; other = other renewables excl. bioenergy" % (
                         len(gmix), ", ".join("%d in %d" % (n, y) for y, n in sorted(years.items(), reverse=True)),
                         total)}


def read_egrid(up):
    return read_csv(os.path.join(up, "epa-egrid2022-subregions", "egrid2022_subregion_total_output_rates.csv"))


def read_egrid_states():
    """{state abbreviation: row} of eGRID2022's ST22 sheet kept in the repository
    (data/upstream/epa-egrid2022-states)."""
    rows = read_csv(os.path.join(REPO_UPSTREAM, "epa-egrid2022-states", "egrid2022_ST22_total_output.csv"))
    return {r["PSTATABB"].strip(): r for r in rows}


def state_intensity(row):
    """The intensity object of a US state from its eGRID2022 ST22 row: CO2e = CO2 + 28 CH4 +
    265 N2O (AR5 GWP100, as the egrid:* subregions), lb/MWh x 0.45359237 = g/kWh."""
    co2, ch4, n2o = float(row["STCO2RTA"]), float(row["STCH4RTA"]), float(row["STN2ORTA"])
    lb = co2 + 28 * ch4 + 265 * n2o
    return {"gco2e_per_kwh": r1(lb * 0.45359237), "year": int(row["YEAR"]), "basis": "direct",
            "mix_basis": "production", "accounting": "location",
            "source": "epa-egrid2022-states", "confidence": "high",
            "notes": "eGRID2022 state total output emission rate (generation in the state, no imports, combustion "
                     "only); CO2e = %s + 28 x %s + 265 x %s = %s lb/MWh (AR5 GWP100; EPA's own STC2ERTA %s lb/MWh uses "
                     "AR4); lb/MWh x 0.45359237" % (row["STCO2RTA"], row["STCH4RTA"], row["STN2ORTA"],
                                                   round(lb, 3), row["STC2ERTA"])}


def read_ga(up):
    rows = read_csv(os.path.join(up, "green-algorithms", "CI_aggregated.csv"), skip_rows=1)  # row 1: units
    return {r["location"].strip(): r for r in rows}


def read_eia_prices():
    """{state name: row} of the EIA 2023 average-revenue table kept in the repository
    (data/upstream/eia-epa2023-average-revenue)."""
    rows = read_csv(os.path.join(REPO_UPSTREAM, "eia-epa2023-average-revenue", "average_revenue_cents_per_kwh_2023.csv"))
    return {r["state"].strip(): r for r in rows}


def state_price(row):
    """The price_usd_per_kwh object of a US state from its EIA row: the commercial sector's
    average revenue per kWh, cents -> USD."""
    return {"value": round(float(row["commercial"]) / 100, 4), "year": 2023, "source": "eia-epa-2023",
            "confidence": "medium",
            "notes": "commercial sector (EIA counts data centres and office/university server rooms there) average "
                     "revenue per kWh, taxes and charges included, %s cents; residential %s, industrial %s cents" % (
                         row["commercial"], row["residential"], row["industrial"])}


def read_canada_mix(up):
    return read_json(os.path.join(up, "codecarbon", "canada_energy_mix_2023.json"))


def read_gcp(up):
    rows = read_csv(os.path.join(up, "google-cloud-region-carbon", "2024.csv"))
    assert "Grid carbon intensity (gCO2eq / kWh)" in rows[0], "2024 file must be the operational (non-lifecycle) series"
    return {r["Google Cloud Region"].strip(): r for r in rows}


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
def lifecycle_factors(up):
    """Lifecycle g CO2e/kWh by mix key: {key: (min, median)} as energy_sources.json has them
    (build_misc.build_energy_sources, from upstream-data/ipcc-ar5-annex3); a min of None where
    IPCC gives none (oil, other)."""
    import build_misc
    doc = build_misc.build_energy_sources(up, "2000-01-01")  # only the factors are read
    out = {}
    for e in doc["sources_of_energy"]:
        lc = e["lifecycle_gco2e_per_kwh"]
        out[e["id"]] = (lc.get("min"), lc["median"])
    return out


def lifecycle_floor(shares, factors):
    """The least lifecycle intensity a mix can have: sum of share x IPCC AR5 lifecycle minimum
    (a source without a minimum adds 0)."""
    return sum(v * (factors[k][0] or 0) for k, v in shares.items())


def apply_lifecycle_floor(entries, factors, owid_years):
    """Rule: a lifecycle intensity is never below what its own mix implies at the lowest IPCC
    AR5 lifecycle factors. An entry that breaks it is mended in one of two ways, with a note
    naming the value replaced:
    - its mix is of an earlier year than its intensity (the grid changed in between): the OWID
      intensity of the mix's year, when that one keeps the rule (intensity and mix then describe
      the same year);
    - otherwise (Ember reports direct emissions, 0 g for an all-hydro grid): sum of share x IPCC
      AR5 lifecycle median over the mix.
    Returns the ids changed."""
    changed = []
    for e in entries.values():
        inten, mix = e.get("intensity"), e.get("mix")
        if not inten or not mix or inten["basis"] != "lifecycle":
            continue
        floor = lifecycle_floor(mix["shares"], factors)
        if inten["gco2e_per_kwh"] >= floor - 0.05:
            continue
        old = "%s g (%s, %s) is below the %.1f g its own %s mix (%s) implies at the lowest IPCC AR5 lifecycle factors" % (
            r1(inten["gco2e_per_kwh"]), inten["source"], inten["year"], floor, mix["year"], mix["source"])
        same_year = owid_years.get(e["aliases"][0] if e["aliases"] else "", {}).get(mix["year"])
        if inten["source"] == "owid-ember" and mix["year"] != inten["year"] and same_year is not None \
                and same_year >= floor - 0.05:
            e["intensity"] = dict(inten, gco2e_per_kwh=r1(same_year), year=mix["year"],
                                  notes=old + "; the OWID/Ember value of the mix's year is used instead, so that "
                                        "intensity and mix describe the same year")
        else:
            median = sum(v * factors[k][1] for k, v in mix["shares"].items())
            e["intensity"] = {"gco2e_per_kwh": r1(median), "year": mix["year"], "basis": "lifecycle",
                              "mix_basis": "production", "accounting": "location", "source": "ipcc-ar5",
                              "confidence": "medium",
                              "notes": old + "; replaced by sum of share x IPCC AR5 lifecycle median over that mix"}
        changed.append(e["id"])
    return changed


def build(up, curated):
    entries = {}

    def add(e):
        assert e["id"] not in entries, e["id"]
        entries[e["id"]] = e

    # 1. countries + WORLD ------------------------------------------------
    owid = read_owid(up)
    gmix = read_global_mix(up)
    extra = curated["country_alias_extra"]
    for code, (year, name, val) in sorted(owid.items()):
        inten = {"gco2e_per_kwh": r1(val), "year": year, "basis": "lifecycle",
                 "mix_basis": "production", "accounting": "location",
                 "source": "owid-ember", "confidence": "high"}
        if code == "OWID_WRL":
            e = blank_entry("WORLD", "grid", "World", ["OWID_WRL", "World average", "Global", "global average"],
                            None, None, "owid-ember", "high")
            e["intensity"] = inten
            e["mix"] = world_mix(gmix)
            e["notes"] = "OWID/Ember world average; 'world' matches the id case-insensitively"
            add(e)
            continue
        if code not in ISO3_TO_ISO2:
            raise SystemExit("no ISO2 for OWID code %s (%s)" % (code, name))
        iso2 = ISO3_TO_ISO2[code]
        aliases = ([] if code.startswith("OWID_") else [code]) + [name] + extra.get(iso2, [])
        if iso2 == "US":
            aliases += ["United States"]
        e = blank_entry(iso2, "country", name, dedup_aliases(iso2, aliases), iso2, None, "owid-ember", "high")
        e["intensity"] = inten
        if year < 2022:
            inten["notes"] = "latest year available in OWID for this entity"
        if year < 2020:
            inten["confidence"] = "medium"
        if code in gmix:
            e["mix"] = country_mix(gmix[code])
        if iso2 == "XK":
            e["notes"] = "XK is a user-assigned code (no ISO 3166-1 code for Kosovo); OWID code OWID_KOS"
        add(e)

    # EU-27: Ember's aggregate "EU (Ember)" (total lifecycle emissions / total generation of the 27
    # member states, i.e. generation-weighted); in 2023 it equals OWID's "European Union (27)" (237.49).
    eu = {int(r["Year"]): float(r["Carbon intensity of electricity - gCO2/kWh"])
          for r in read_csv(os.path.join(up, "owid-ember-carbon-intensity", "carbon-intensity-electricity.csv"))
          if r["Entity"].strip() == "EU (Ember)" and r["Carbon intensity of electricity - gCO2/kWh"].strip()}
    eu27 = {int(r["Year"]): float(r["Carbon intensity of electricity - gCO2/kWh"])
            for r in read_csv(os.path.join(up, "owid-ember-carbon-intensity", "carbon-intensity-electricity.csv"))
            if r["Entity"].strip() == "European Union (27)"}
    assert abs(eu[2023] - eu27[2023]) < 0.01, "EU (Ember) is no longer OWID's European Union (27)"
    eu_year = max(eu)
    e = blank_entry("EU-27", "grid", "European Union (27 member states)",
                    ["EU27", "EU", "European Union", "EU (Ember)"], None, None, "owid-ember", "high")
    e["intensity"] = {"gco2e_per_kwh": r1(eu[eu_year]), "year": eu_year, "basis": "lifecycle",
                      "mix_basis": "production", "accounting": "location", "source": "owid-ember", "confidence": "high",
                      "notes": "Ember's EU aggregate: total emissions / total generation of the 27 member states "
                               "(generation-weighted); equals OWID's 'European Union (27)' in 2023 (%.1f g)" % eu27[2023]}
    e["notes"] = "aggregate of the EU-27 member states' grids (not a single grid); no mix"
    add(e)

    factors = lifecycle_factors(up)
    floored = apply_lifecycle_floor(entries, factors, read_owid_years(up))
    print("lifecycle floor: replaced %d intensities: %s" % (len(floored), ", ".join(sorted(floored))), file=sys.stderr)

    # 2. eGRID subregions ---------------------------------------------------
    for r in read_egrid(up):
        acr = r["subregion"].strip()
        if acr == "US":
            continue  # national average; the country entry US comes from OWID
        co2e_lb = float(r["co2e_lb_per_mwh_ar5"])
        g = co2e_lb * 0.45359237
        assert abs(g - float(r["co2e_g_per_kwh_ar5"])) < 0.06, acr
        country = "PR" if acr == "PRMS" else "US"
        e = blank_entry("egrid:" + acr, "grid", r["subregion_name"].strip(),
                        [acr, "eGRID " + acr, r["subregion_name"].strip()], country, country,
                        "epa-egrid2022", "medium")
        e["intensity"] = {"gco2e_per_kwh": r1(g), "year": int(r["data_year"]), "basis": "direct",
                          "mix_basis": "production", "accounting": "location",
                          "source": "epa-egrid2022", "confidence": "medium",
                          "notes": "total output emission rate; CO2e = CO2 + 28*CH4 + 265*N2O (AR5 GWP100); lb/MWh x 0.45359237; transcribed from a third-party copy of EPA's workbook (US average 823.149 lb CO2/MWh matches EPA)"}
        e["notes"] = "eGRID subregion (generation within the subregion, no imports, combustion only)"
        if acr == "PRMS":
            e["notes"] += "; Puerto Rico, country/parent set to PR"
        add(e)

    # 3. subnational ------------------------------------------------------
    ga = read_ga(up)
    prices = read_eia_prices()
    egrid_states = read_egrid_states()
    for suf, name in sorted(US_STATES.items()):
        sid = "US-" + suf
        disp, aliases = US_STATE_NAME_OVERRIDE.get(suf, (name, [name]))
        aliases = aliases + US_STATE_EXTRA_ALIASES.get(suf, [])
        e = blank_entry(sid, "subnational", disp, dedup_aliases(sid, aliases), "US", "US",
                        "epa-egrid2022-states", "high")
        e["grid"] = "US"
        e["intensity"] = state_intensity(egrid_states[suf])
        if name in prices:
            e["price_usd_per_kwh"] = state_price(prices[name])
        else:
            e["notes"] = "no price: the transcribed EIA 2023 table lacks %s (data/upstream/eia-epa2023-average-revenue/SOURCE.md)" % name
        add(e)

    camix = read_canada_mix(up)
    ga_ca = {GA_CA_CODE_FIX.get(k, k): v for k, v in ga.items() if k.startswith("CA-")}
    for suf, (name, mkey, extra_al) in sorted(CA_PROVINCES.items()):
        sid = "CA-" + suf
        e = blank_entry(sid, "subnational", name, dedup_aliases(sid, [name] + extra_al), "CA", "CA",
                        "green-algorithms-ci", "medium")
        e["grid"] = "CA"
        row = ga_ca[sid]
        m = camix[mkey]
        parts = {"coal": m["coal"], "gas": m["naturalGas"], "oil": m["petroleum"], "nuclear": m["nuclear"],
                 "hydro": m["hydro"], "wind": m["wind"], "solar": m["solar"], "biomass": m["biomass"],
                 "other": m["other"] + m["tidal"]}
        shares = norm_shares(parts)
        e["mix"] = {"shares": shares, "year": 2023, "source": "codecarbon-canada-mix",
                    "confidence": "medium",
                    "notes": "percentages normalised to fractions (upstream totals 99.8-100.2); tidal counted as other"}
        # Derived: the newest open provincial data is the 2023 generation mix, so the intensity is
        # that mix at the IPCC AR5 lifecycle medians (the rule apply_lifecycle_floor mends with).
        median = sum(v * factors[k][1] for k, v in shares.items())
        e["intensity"] = {"gco2e_per_kwh": r1(median), "year": 2023, "basis": "lifecycle",
                          "mix_basis": "production", "accounting": "location",
                          "source": "ipcc-ar5", "confidence": "medium",
                          "notes": "derived: sum of share x IPCC AR5 lifecycle median (energy_sources.json) over the 2023 "
                                   "generation mix (codecarbon-canada-mix); in-province generation, no imports or exports; "
                                   "was %s g direct (Canada NIR 2021, 2019 data, via Green Algorithms/carbonfootprint.com)"
                                   % r1(row["carbonIntensity"], 2)}
        if suf == "MB":
            e["notes"] = "Green Algorithms labels Manitoba CA-MT; ISO 3166-2 is CA-MB"
        add(e)

    for sid, (name, gacode) in sorted(AU_STATES.items()):
        row = ga[gacode]
        e = blank_entry(sid, "subnational", name, dedup_aliases(sid, [name]), "AU", "AU",
                        "green-algorithms-ci", "low")
        e["grid"] = "AU"
        note = ("Australian Government NGA factors (2019 data, published 2021) via carbonfootprint.com; "
                "values equal scope 2 + scope 3 (full fuel cycle incl. T&D losses) – between direct and lifecycle")
        if sid == "AU-WA":
            note += "; South West Interconnected System (Perth) value used"
        e["intensity"] = {"gco2e_per_kwh": r1(row["carbonIntensity"], 2), "year": 2019, "basis": "lifecycle",
                          "mix_basis": "production", "accounting": "location",
                          "source": "green-algorithms-ci", "confidence": "low", "notes": note}
        add(e)

    country_name = {"SE": "Sweden", "NO": "Norway"}
    for zid, (cc, city) in sorted(NORDIC_ZONES.items()):
        e = blank_entry(zid, "subnational", "%s bidding zone %s (%s)" % (country_name[cc], zid, city),
                        dedup_aliases(zid, ["%s-%s" % (cc, zid), "%s %s" % (country_name[cc], zid)]), cc, cc,
                        "entsoe-bidding-zones", "low")
        e["grid"] = cc
        e["notes"] = ("electricity bidding zone; no open per-zone intensity found, so the zone uses %s's country "
                      "grid (its intensity and mix). CodeCarbon's nordic_emissions.json (one rounded 18 g for all "
                      "nine SE/NO zones, 'historical averages from ENTSO-E', basis not stated) is not used" % cc)
        add(e)

    # 4. cloud regions ----------------------------------------------------
    gcp = read_gcp(up)
    pue_map = {k: v for k, v in curated["google_campus_pue"].items() if not k.startswith("_")}
    src_for = {"aws": "aws-regions", "azure": "azure-regions", "gcp": "gcp-regions"}
    used_gcp = set()
    for c in curated["cloud_regions"]:
        prov, reg = c["provider"], c["region"]
        cid = "%s:%s" % (prov, reg)
        aliases = [reg] + ([c["display"]] if c.get("display") else [])
        conf = c.get("region_confidence", "high")
        gconf = c["grid_confidence"]
        overall = min([conf, gconf], key=CONFIDENCES.index)
        e = blank_entry(cid, "cloud", c.get("display") or reg, dedup_aliases(cid, aliases), c["country"],
                        c["parent"], src_for[prov], overall)
        e["provider"] = prov
        e["location"] = c["location"]
        e["grid"] = c["grid"]
        notes = ["grid mapping (%s confidence)%s" % (gconf, (": " + c["grid_notes"]) if c.get("grid_notes") else "")]
        if c.get("region_notes"):
            notes.append(c["region_notes"])
        if prov == "gcp" and reg in gcp:
            used_gcp.add(reg)
            row = gcp[reg]
            e["intensity"] = {"gco2e_per_kwh": r1(row["Grid carbon intensity (gCO2eq / kWh)"], 2), "year": 2024,
                              "basis": "direct", "mix_basis": "consumption", "accounting": "location",
                              "source": "google-region-carbon-2024", "confidence": "high",
                              "notes": "Google: average operational gross emissions of the local grid (hourly Electricity Maps grid-mix data, i.e. consumption-based); not lifecycle"}
            e["cfe"] = {"value": float(row["Google CFE"]), "year": 2024, "kind": "hourly carbon-free energy",
                        "source": "google-region-carbon-2024", "confidence": "high",
                        "notes": "hourly carbon-free energy share incl. Google's contracted clean energy"}
        elif prov == "gcp":
            notes.append("not in Google's 2024 region-carbon file: intensity falls back to grid")
        else:
            notes.append("provider publishes no per-region grid factor: intensity falls back to grid")
        if prov == "gcp" and reg in pue_map:
            p = pue_map[reg]
            e["pue"] = {"value": p["value"], "year": 2020, "source": "google-dc-efficiency", "confidence": "medium",
                        "notes": "trailing-twelve-month PUE of campus %s as of 2020-09; newer per-campus values are on the same page" % p["campus"]}
        e["notes"] = "; ".join(notes)
        add(e)
    missing = sorted(set(gcp) - used_gcp)
    if missing:
        raise SystemExit("GCP regions in 2024.csv without a curated row: %s" % missing)

    # 5. European electricity prices (Eurostat 2023, non-household) --------
    priced, unmatched = apply_country_prices(entries)
    print("eurostat prices: %d entries; geos without a catalog entry: %s" % (len(priced), ", ".join(unmatched) or "none"),
          file=sys.stderr)

    # 6. Canadian province electricity prices (Hydro-Québec 2022 comparison) --------
    ca = apply_province_prices(entries)
    print("hydro-quebec prices: %s" % ", ".join(ca), file=sys.stderr)

    return [entries[k] for k in sorted(entries)]


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
def table_checks(doc):
    """What regions.schema.json cannot say: unique names, references that resolve, mix
    shares that sum to 1, cloud regions whose grid has an intensity, cited sources."""
    regs = doc["regions"]
    byid = {r["id"]: r for r in regs}
    errs = name_clashes(regs) + source_errors(doc)
    for r in regs:
        for f in ("country", "parent", "grid"):
            if r[f] is not None and r[f] not in byid:
                errs.append("%s: %s %r does not resolve" % (r["id"], f, r[f]))
        if r["mix"] is not None:
            s = sum(r["mix"]["shares"].values())
            if abs(s - 1) > 1e-6:
                errs.append("%s: mix sums to %r" % (r["id"], s))
        if r["kind"] == "cloud":
            g = byid.get(r["grid"])
            if g is None or g["intensity"] is None:
                errs.append("%s: grid %r has no intensity" % (r["id"], r["grid"]))
    return errs


def main(argv=None):
    ap = arguments(__doc__)
    ap.add_argument("--curated", default=os.path.join(HERE, "regions_curated.json"))
    a = ap.parse_args(argv)

    regions = build(upstream_dir(ap, a.upstream), read_json(a.curated))
    doc = {
        "meta": meta("regions", "scripts/data/build_regions.py", LICENSE_NOTES, a.generated),
        "sources": {k: SOURCES[k] for k in sorted(SOURCES)},
        "regions": regions,
    }
    fail_on(table_checks(doc) + validate(doc, load_schema("regions")))
    out = os.path.join(a.out, "regions.json")
    write_text(out, dumps(doc))
    counts = {}
    for r in regions:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print("wrote %s: %d regions %s (validated with jsonschema)" % (out, len(regions), counts))


if __name__ == "__main__":
    main()
