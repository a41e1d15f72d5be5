#!/usr/bin/env python3
"""Checks of `trainprint report`, run by ctest (tests/report/CMakeLists.txt).

  check_report.py html       --cli BIN --work DIR   well-formed self-contained HTML, one chart
                                                    per chart section with the right bars, and
                                                    every number of the ranked table equal to
                                                    the JSON estimates at its printed precision
  check_report.py markdown   --cli BIN --work DIR   the Markdown report and its SVG files
  check_report.py sections   --cli BIN --work DIR   author block, place names, EU/US equivalents,
                                                    the GHG Protocol scope table against the JSON,
                                                    limitations and low-confidence marks
  check_report.py inventory  --cli BIN --work DIR   inventory totals equal the sum of single
                                                    `trainprint estimate` runs, and its report
  check_report.py screenshot --html FILE --work DIR headless Chromium renders the example;
                                                    exit 77 (skipped) without chromium

Standard library only (html.parser, xml.etree), so it runs wherever python3 does.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

SKIP = 77

# A small Llama-2-70B-like comparison across three providers; few samples keep it quick.
SCENARIO = ["--params", "70B", "--tokens", "2T", "--hardware", "a100-80gb", "--count", "2048",
            "--hourly-price", "1.8:2.5:4.1"]
KEY = "region"
VALUES = ["aws:us-east-1", "aws:eu-north-1", "gcp:europe-north1", "azure:westeurope"]
UNCERTAINTY = ["--samples", "2000", "--seed", "7"]
TITLE = 'Regions <script>alert("x")</script> & \'friends\''

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

UNIT_FACTORS = {
    "energy_kwh": {"Wh": 1e-3, "kWh": 1, "MWh": 1e3, "GWh": 1e6, "TWh": 1e9},
    "emissions_kg_co2e": {"g CO2e": 1e-3, "kg CO2e": 1, "t CO2e": 1e3, "kt CO2e": 1e6, "Mt CO2e": 1e9},
    "water_l": {"L": 1, "m³": 1e3, "million m³": 1e9},
    "cost_usd": {"USD": 1, "thousand USD": 1e3, "million USD": 1e6},
    "compute": {"h": 1, "days": 24, "years": 24 * 365},
}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(cli, args):
    p = subprocess.run([cli] + args, capture_output=True, text=True, check=False)
    if p.returncode != 0:
        sys.exit(f"FAIL: trainprint {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []

    def all(self, tag=None, cls=None):
        for c in self.children:
            if (tag is None or c.tag == tag) and (cls is None or cls in c.attrs.get("class", "").split()):
                yield c
            yield from c.all(tag, cls)

    def content(self):
        return "".join(self.text) + "".join(c.content() for c in self.children)

    def text_content(self):
        """All text, in document order."""
        out = []

        def walk(n):
            for piece in n.order:
                if isinstance(piece, str):
                    out.append(piece)
                else:
                    walk(piece)
        walk(self)
        return "".join(out)


class StrictParser(HTMLParser):
    """html.parser with a tag-balance check: every element closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.root.order = []
        self.cur = self.root
        self.errors = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        n.order = []
        self.cur.children.append(n)
        self.cur.order.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        n.order = []
        self.cur.children.append(n)
        self.cur.order.append(n)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            line, col = self.getpos()
            self.errors.append(f"line {line}:{col}: </{tag}> closes <{self.cur.tag}>")
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.text.append(data)
        self.cur.order.append(data)


def parse_html(text):
    p = StrictParser()
    p.feed(text)
    p.close()
    check(not p.errors, f"tag balance: {p.errors[:5]}")
    check(p.cur is p.root, f"unclosed element <{p.cur.tag}>")
    check(p.doctype is not None and p.doctype.lower() == "doctype html", f"doctype: {p.doctype}")
    return p.root


def number_tolerance(text):
    """Half a unit in the last printed digit (and relative 1e-9 for exponents)."""
    if "e" in text.lower():
        mant = text.lower().split("e")[0]
        decimals = len(mant.split(".")[1]) if "." in mant else 0
        return 0.5 * 10 ** -decimals * 10 ** int(text.lower().split("e")[1]) * 1.0000001
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** -decimals * 1.0000001 + 1e-12


def close(printed, value, what):
    v = float(printed)
    return check(abs(v - value) <= number_tolerance(printed), f"{what}: printed {printed}, JSON gives {value:.6g}")


def rented(est):
    return est["ghg_protocol"]["ownership"] == "cloud"


def json_value(est, path):
    if path == "cost_usd":
        # The run's cost (methodology §3.3): a rented run's rent alone; an owned run's
        # electricity + owning, unknown when either is.
        c = est["cost_usd"]
        if rented(est):
            return c["compute"]
        if c["electricity"] is None or c["compute"] is None:
            return None
        return c["electricity"] + c["compute"]
    group, name = path.split(".")
    return est[group][name]


def interval(est, path):
    """(p5, p95) of an output from an estimate's uncertainty block, or None."""
    u = est.get("uncertainty")
    if not u:
        return None
    if path == "cost_usd":
        if not rented(est):
            return None  # a sum of two parts: no interval
        path = "cost_usd.compute"
    o = u["outputs"].get(path)
    if o is None:
        return None
    return (o["p5"], o["p95"]) if o["p5"] != o["p95"] else None


def check_html(args):
    out = os.path.join(args.work, "report.html")
    run(args.cli, ["report"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--uncertainty"] + UNCERTAINTY
        + ["--title", TITLE, "-o", out])
    text = open(out, encoding="utf-8").read()
    # stdout and -o give the same document
    check(run(args.cli, ["report"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--uncertainty"]
              + UNCERTAINTY + ["--title", TITLE]) == text, "stdout and -o differ")
    doc = parse_html(text)

    # Self-contained: no scripts, external resources or event handlers.
    check(not list(doc.all("script")), "a <script> element")
    check(not list(doc.all("link")) and not list(doc.all("iframe")) and not list(doc.all("img")), "external resources")
    for n in doc.all():
        for a, v in n.attrs.items():
            check(not a.startswith("on"), f"event handler {a} on <{n.tag}>")
            if a in ("src", "srcset") or (a == "href" and n.tag != "a"):
                failures.append(f"<{n.tag} {a}={v}>")
            if a == "href" and n.tag == "a":
                check(v.startswith(("https://", "http://", "#")), f"link {v}")
    styles = "".join(s.content() for s in doc.all("style"))
    check("@import" not in styles and "url(" not in styles, "external styles")
    check("@page" in styles and "break-inside" in styles, "print CSS")
    titles = list(doc.all("title"))
    check(titles and titles[0].content() == TITLE, f"title escaped and intact: {titles[0].content() if titles else None}")
    h1 = list(doc.all("h1"))
    check(h1 and h1[0].text_content() == TITLE, "h1 escaped and intact")

    # One chart per chart section, with the right number of bars.
    n = len(VALUES)
    sections = {s.attrs.get("id"): s for s in doc.all("section", "chart")}
    expected = {"section-emissions": (n, n), "section-components": (2 * n, 0), "section-water": (2 * n, 0)}
    check(set(sections) == set(expected), f"chart sections: {sorted(sections)}")
    for sid, (bars, whiskers) in expected.items():
        s = sections.get(sid)
        if not s:
            continue
        svgs = list(s.all("svg"))
        if not check(len(svgs) == 1, f"{sid}: {len(svgs)} charts"):
            continue
        svg = svgs[0]
        check(svg.attrs.get("role") == "img", f"{sid}: role")
        kids = [c.tag for c in svg.children]
        check("title" in kids and "desc" in kids, f"{sid}: <title>/<desc>")
        rects = [r for r in svg.all("rect") if r.attrs.get("class") == "bar"]
        check(len(rects) == bars, f"{sid}: {len(rects)} bars, expected {bars}")
        check(all(any(c.tag == "title" and c.content() for c in r.children) for r in rects), f"{sid}: bar titles")
        check(len(list(svg.all("g", "whisker"))) == whiskers, f"{sid}: whiskers")
        labels = [t.content() for t in svg.all("text", "label")]
        check(labels == VALUES_RANKED, f"{sid}: labels {labels}")
        values = [t.content() for t in svg.all("text", "value")]
        check(len(values) == n and all(re.match(r"^[0-9.]", v) for v in values), f"{sid}: value labels {values}")
        if len(set(r.attrs.get("data-series") for r in rects)) > 1:
            check(len(list(svg.all("rect", "swatch"))) == 2, f"{sid}: legend")
    ids = [x.attrs["id"] for x in doc.all() if "id" in x.attrs]
    check(len(ids) == len(set(ids)), "duplicate ids")

    # The ranked table against the JSON of `compare` (central values) and of
    # `estimate --uncertainty` (intervals), at the printed precision.
    cmp = json.loads(run(args.cli, ["compare"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--format", "json"]))
    by_value = {r["value"]: r["estimate"] for r in cmp["rows"]}
    unc = {v: json.loads(run(args.cli, ["estimate"] + SCENARIO + [f"--{KEY}", v, "--uncertainty"] + UNCERTAINTY
                                 + ["--format", "json"])) for v in VALUES}
    table = next(doc.all("table", "ranked"))
    heads = [h for h in table.all("th") if "data-output" in h.attrs]
    outputs = [h.attrs["data-output"] for h in heads]
    check(len(outputs) == 10, f"columns {outputs}")
    for h in heads:
        path, unit, factor = h.attrs["data-output"], h.attrs["data-unit"], float(h.attrs["data-factor"])
        group = path.split(".")[0]
        check(UNIT_FACTORS.get(group, {}).get(unit) == factor, f"{path}: unit {unit} with factor {factor}")
        check(h.text_content().endswith(unit), f"{path}: header shows its unit")
    rows = [tr for tr in table.all("tr") if "data-option" in tr.attrs]
    check([r.attrs["data-option"] for r in rows] == [r["value"] for r in cmp["rows"]], "rank order is compare's")
    checked = 0
    for tr in rows:
        v = tr.attrs["data-option"]
        cells = [td for td in tr.children if td.tag == "td" and "data-output" in td.attrs]
        check(len(cells) == len(heads), f"{v}: {len(cells)} cells")
        for td, h in zip(cells, heads):
            path, factor = h.attrs["data-output"], float(h.attrs["data-factor"])
            text = td.text_content().strip()
            if path == "cost_usd.electricity" and rented(unc[v]):
                check(text == "in rent", f"{v} {path}: '{text}' for a rented run's electricity")
                continue
            # With ranges every headline is the median (docs/uncertainty.md): the number
            # printed is the median of `estimate --uncertainty`, within its own interval.
            central = json_value(unc[v], path)
            m = re.fullmatch(r"(\S+)(?: \((\S+)–(\S+)\))?", text)
            if not check(m is not None, f"{v} {path}: cell '{text}'"):
                continue
            if central is None:
                check(m.group(1) == "unknown", f"{v} {path}: '{text}' for an unknown value")
                continue
            close(m.group(1), central / factor, f"{v} {path}")
            checked += 1
            iv = interval(unc[v], path)
            if iv is not None:
                check(iv[0] <= central <= iv[1], f"{v} {path}: the median lies outside its interval")
            if iv is None:
                check(m.group(2) is None, f"{v} {path}: interval printed without one")
            elif check(m.group(2) is not None, f"{v} {path}: interval missing"):
                close(m.group(2), iv[0] / factor, f"{v} {path} p5")
                close(m.group(3), iv[1] / factor, f"{v} {path} p95")
    check(checked >= 8 * len(VALUES), f"only {checked} numbers checked")
    print(f"{checked} table numbers (and their intervals) match the JSON")

    # Summary names the best and the worst.
    summary = next(doc.all("p", "summary")).text_content()
    check(cmp["rows"][0]["value"] in summary and cmp["rows"][-1]["value"] in summary, f"summary: {summary}")

    # Sources: numbered, with a year and a link; versions in the footer.
    items = list(next(doc.all("ol", "sources")).all("li"))
    check(len(items) >= 8, f"{len(items)} sources")
    for li in items:
        t = li.text_content()
        check(re.search(r"\((\d{4}|n\.d\.)\)", t), f"source without a year: {t}")
        check(any(a.attrs.get("href", "").startswith("http") for a in li.all("a")), f"source without a URL: {t}")
    refs = {a.attrs["href"] for a in doc.all("a", "ref")}
    check(all(r[1:] in ids for r in refs), "a reference to a missing source")
    footer = next(doc.all("footer")).text_content()
    version = run(args.cli, ["--version"]).split()[-1]
    check(f"trainprint {version}" in footer, f"footer version: {footer}")
    check(cmp["rows"][0]["estimate"]["catalog"]["version"] in footer, "footer catalog version")
    check(any(a.attrs.get("href", "").endswith("docs/methodology.md") for a in doc.all("a")), "methodology link")


def check_svg_file(path, bars):
    root = ET.parse(path).getroot()  # raises on malformed XML
    ns = "{http://www.w3.org/2000/svg}"
    check(root.tag == ns + "svg", f"{path}: root {root.tag}")
    check(root.find(ns + "title") is not None and root.find(ns + "desc") is not None, f"{path}: title/desc")
    n = sum(1 for r in root.iter(ns + "rect") if r.get("class") == "bar")
    check(n == bars, f"{path}: {n} bars, expected {bars}")


def check_markdown(args):
    out = os.path.join(args.work, "md", "report.md")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    for f in os.listdir(os.path.dirname(out)):
        os.remove(os.path.join(os.path.dirname(out), f))
    run(args.cli, ["report"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--format", "md", "-o", out])
    text = open(out, encoding="utf-8").read()
    n = len(VALUES)
    for name, bars in (("emissions", n), ("components", 2 * n), ("water", 2 * n)):
        svg = os.path.join(os.path.dirname(out), f"report-{name}.svg")
        if check(os.path.exists(svg), f"{svg} missing"):
            check_svg_file(svg, bars)
        check(f"](report-{name}.svg)" in text, f"report-{name}.svg not linked")
    # GitHub-flavoured tables: the ranked table has a header, a rule and one row per option.
    lines = text.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("| # |"))
    cols = lines[i].count(" |")
    check(re.fullmatch(r"\|( :?---:? \|)+", lines[i + 1]) and lines[i + 1].count("|") == cols + 1, "table rule")
    for k in range(n):
        check(lines[i + 2 + k].startswith(f"| {k + 1} |") and lines[i + 2 + k].count(" |") == cols, "table row")
    check("## Sources" in text and "docs/methodology.md" in text, "sources and methodology")
    # Without -o the charts are data URIs.
    md = run(args.cli, ["report"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES[:2])}", "--format", "md"])
    check(md.count("](data:image/svg+xml;base64,") == 3, "data URIs")
    # compare --format svg: one bar per option.
    svg = os.path.join(args.work, "compare.svg")
    with open(svg, "w", encoding="utf-8") as f:
        f.write(run(args.cli, ["compare"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--format", "svg"]))
    check_svg_file(svg, n)


SCALE = UNIT_FACTORS["emissions_kg_co2e"]


def kg_of(text):
    """'1.23 t CO2e' -> (1.23, 'printed number', factor to kg); None when unknown."""
    m = re.search(r"([0-9.]+) ((?:g|kg|t|kt|Mt) CO2e)", text)
    return (m.group(1), SCALE[m.group(2)]) if m else None


def check_sections(args):
    """The report's author block, place names, equivalents, scope table and limitations."""
    # Sweden (default WUE, low confidence) against two cloud regions: on-site water reorders the water column.
    values = ["SE", "aws:us-east-1", "gcp:europe-north1"]
    scenario = ["--gpu-hours", "100k", "--hardware", "h100", "--count", "64"]
    meta = ["--author", "A. Researcher", "--organisation", "Example Lab <&>", "--date", "2026-11-29"]
    for region in ("eu", "us"):
        text = run(args.cli, ["report"] + scenario + ["--across", "region=" + ",".join(values), "--equivalents", region]
                   + meta)
        doc = parse_html(text)
        prepared = next(doc.all("p", "prepared"), None)
        check(prepared is not None and prepared.text_content() == "Prepared by A. Researcher, Example Lab <&>, on 2026-11-29.",
              f"author block: {prepared.text_content() if prepared else None}")
        # Equivalents: each column's factor is a catalog entry for these readers (region or global).
        catalog_eq = {e["name"]: e for e in json.loads(run(args.cli, ["list", "equivalents", "--format", "json"]))}
        table = next(doc.all("table", "equivalents"))
        titles = [th.text_content().split(" [")[0] for th in table.all("th") if th.attrs.get("scope") == "col"][1:]
        check(titles, "no equivalents")
        for t in titles:
            e = catalog_eq.get(t)
            if check(e is not None, f"equivalent '{t}' not in the catalog"):
                check(e["region"] in (region, "global"), f"{region} report shows a {e['region']} equivalent: {t}")
        if region == "eu":
            check(not any(catalog_eq[t]["applies_to"] == "energy" for t in titles if t in catalog_eq),
                  "an energy equivalent in the EU report, but the catalog has no EU one")
            lim = next(doc.all("section"), None)
            lim = [s for s in doc.all("section") if s.attrs.get("id") == "limitations"]
            check(lim and "No European household-electricity equivalent" in lim[0].text_content(), "EU energy gap said")
    # Place names beside region ids: the catalog's location, else its name.
    cmp = json.loads(run(args.cli, ["compare"] + scenario + ["--across", "region=" + ",".join(values), "--format", "json"]))
    ranked = next(doc.all("table", "ranked"))
    for tr in (t for t in ranked.all("tr") if "data-option" in t.attrs):
        v = tr.attrs["data-option"]
        entry = json.loads(run(args.cli, ["show", v, "--format", "json"]))
        place = entry.get("location") or entry.get("name")
        shown = [sp.text_content() for sp in tr.all("span", "place")]
        check(shown == [place], f"{v}: place {shown}, catalog {place}")
    # The scope table: one row per option, each figure the JSON's ghg_protocol line.
    by_value = {r["value"]: r["estimate"] for r in cmp["rows"]}
    sec = [s for s in doc.all("section") if s.attrs.get("id") == "scopes"]
    if check(len(sec) == 1, "one scopes section"):
        rows = [tr for tr in next(sec[0].all("table", "scopes")).all("tr") if any(c.tag == "td" for c in tr.children)]
        check(len(rows) == len(values), f"{len(rows)} scope rows")
        for tr in rows:
            cells = [c.text_content() for c in tr.children if c.tag in ("th", "td")]
            v = cells[0]
            g = by_value[v]["ghg_protocol"]
            check(cells[1] == g["ownership"], f"{v}: ownership {cells[1]}")
            for cell, line in zip(cells[2:], g["lines"]):
                check(cell.startswith(("Scope 2", "Scope 3 cat. 1", "Scope 3 cat. 2")), f"{v}: scope cell {cell}")
                check(cell.startswith(line["label"].split(",")[0]), f"{v}: {cell} is not {line['label']}")
                if line["kg_co2e"] is None:
                    check("unknown" in cell, f"{v}: {cell} for an unknown figure")
                    continue
                k = kg_of(cell)
                if check(k is not None, f"{v}: no figure in {cell}"):
                    close(k[0], line["kg_co2e"] / k[1], f"{v} {line['label']}")
                if line["claim"]:
                    check(line["claim"] in cell, f"{v}: claim '{line['claim']}' missing from {cell}")
        claims = {by_value[v]["ghg_protocol"]["market_claim"] for v in values} - {None}
        if len(claims) > 1:
            check("mixes kinds of claim" in sec[0].text_content(), "mixed market-based claims not said")
    # Limitations: every input marked low confidence is named there.
    lim = [s for s in doc.all("section") if s.attrs.get("id") == "limitations"]
    if check(len(lim) == 1, "one limitations section"):
        lt = lim[0].text_content()
        low = [tr for tr in doc.all("tr", "low-confidence")]
        for tr in low:
            name = next(tr.all("code")).text_content()
            check(f"Low confidence: {name}" in lt, f"low-confidence {name} not in the limitations")
        # The water order: decided by on-site water (an estimated WUE) exactly when the
        # off-site order differs and some option's WUE is a default or low confidence.
        est = [by_value[v] for v in values]
        total = sorted(range(len(est)), key=lambda i: est[i]["water_l"]["total"])
        offsite = sorted(range(len(est)), key=lambda i: est[i]["water_l"]["offsite"])
        weak = any(t["name"] == "wue_l_per_kwh" and (t["confidence"] == "low" or t["origin"] == "default")
                   for e in est for t in e["trace"])
        check(("On-site water decides the order" in lt) == (weak and total != offsite),
              f"water-order limitation (weak WUE {weak}, orders {total} vs {offsite})")
        check(weak and total != offsite, "the scenario no longer exercises the water-order limitation")


INVENTORY_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "data", "runs.csv")


def check_inventory(args):
    """Inventory totals equal the sum of the runs estimated one by one with `trainprint estimate`."""
    import csv
    inv = json.loads(run(args.cli, ["inventory", INVENTORY_CSV, "--format", "json"]))
    check(inv["schema"] == "trainprint.inventory/1", "schema")
    with open(INVENTORY_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(len(inv["runs"]) == len(rows), f"{len(inv['runs'])} runs for {len(rows)} rows")
    singles = []
    for row in rows:
        flags = []
        for k, v in row.items():
            if k in ("name", "kind") or v == "":
                continue
            flags += [f"--{k}", v]
        singles.append(json.loads(run(args.cli, ["estimate"] + flags + ["--format", "json"])))
    for r, single, row in zip(inv["runs"], singles, rows):
        check(r["name"] == row["name"] and r["kind"] == row["kind"], f"run {r['name']} / {row['name']}")
    checked = 0
    for group, key in (("energy_kwh", "facility"), ("energy_kwh", "it"), ("emissions_kg_co2e", "location_based"),
                       ("emissions_kg_co2e", "embodied"), ("emissions_kg_co2e", "total"), ("water_l", "total"),
                       ("compute", "accelerator_hours")):
        vals = [s[group][key] for s in singles]
        total = inv["totals"]["all"][group][key]
        if None in vals:
            check(total is None, f"{group}.{key}: a total though a run lacks it")
            continue
        check(total is not None and math.isclose(total, sum(vals), rel_tol=1e-9), f"{group}.{key}: {total} != {sum(vals)}")
        for kind in {row["kind"] for row in rows}:
            part = sum(s[group][key] for s, row in zip(singles, rows) if row["kind"] == kind)
            got = inv["totals"]["by_kind"][kind][group][key]
            check(math.isclose(got, part, rel_tol=1e-9), f"{kind} {group}.{key}: {got} != {part}")
        checked += 1
    check(checked >= 6, f"only {checked} totals checked")
    # Scope lines: each the sum of the single estimates' lines of the same label and claim.
    sums = {}
    for s in singles:
        for line in s["ghg_protocol"]["lines"]:
            if line["kg_co2e"] is None:
                continue
            label = line["label"] + (f" ({line['claim']})" if line["claim"] else "")
            sums[label] = sums.get(label, 0) + line["kg_co2e"]
    got = {l["label"]: l["kg_co2e"] for l in inv["ghg_protocol"]}
    check(set(got) == set(sums), f"scope lines {sorted(got)} vs {sorted(sums)}")
    for label, v in sums.items():
        check(label in got and math.isclose(got[label], v, rel_tol=1e-9), f"{label}: {got.get(label)} != {v}")
    dev = sum(s["emissions_kg_co2e"]["total"] for s, row in zip(singles, rows) if row["kind"] in ("development", "ablation"))
    all_ = sum(s["emissions_kg_co2e"]["total"] for s in singles)
    check(math.isclose(inv["development"]["share_of_emissions"], dev / all_, rel_tol=1e-9), "development share")
    print(f"{checked} inventory totals and {len(sums)} scope lines equal the sums of {len(singles)} single estimates")
    # CSV and JSON lines give the same inventory.
    jl = json.loads(run(args.cli, ["inventory", INVENTORY_CSV[:-4] + ".jsonl", "--format", "json"]))
    check(jl["totals"] == inv["totals"], "runs.jsonl and runs.csv totals differ")
    # The HTML report of the inventory: well formed, runs in file order, totals as the JSON.
    text = run(args.cli, ["inventory", INVENTORY_CSV, "--format", "html", "--author", "A. Researcher"])
    doc = parse_html(text)
    ranked = next(doc.all("table", "ranked"))
    check([tr.attrs["data-option"] for tr in ranked.all("tr") if "data-option" in tr.attrs] == [r["name"] for r in rows],
          "report rows not in file order")
    totals = next(doc.all("table", "totals"))
    last = [c.text_content() for c in list(totals.all("tr"))[-1].children if c.tag in ("th", "td")]
    check(last[0] == "all runs", f"last totals row {last[0]}")
    k = kg_of(last[5])
    if check(k is not None, f"total cell {last[5]}"):
        close(k[0], inv["totals"]["all"]["emissions_kg_co2e"]["total"] / k[1], "report total emissions")
    for sid in ("scopes", "limitations", "sources"):
        check(any(s.attrs.get("id") == sid for s in doc.all("section")), f"inventory report lacks {sid}")


def check_screenshot(args):
    browser = next((b for b in ("chromium", "chromium-browser") if shutil.which(b)), None)
    if not browser:
        print("SKIP: chromium is not on PATH (apt-get install chromium to run this test)")
        sys.exit(SKIP)
    png = os.path.join(args.work, "screenshot.png")
    if os.path.exists(png):
        os.remove(png)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}",
               f"--screenshot={png}", "--window-size=1240,1754", "file://" + os.path.abspath(args.html)]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            sys.exit("FAIL: chromium timed out")
    if not os.path.exists(png):
        sys.exit(f"FAIL: no screenshot; chromium exited {p.returncode}: {p.stderr[-2000:]}")
    data = open(png, "rb").read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    check((width, height) == (1240, 1754), f"size {width}×{height}")
    # A blank page of this size compresses to a few kB; text, tables and charts do not.
    check(len(data) > 40_000, f"screenshot only {len(data)} bytes: blank?")
    print(f"screenshot {png}: {width}×{height}, {len(data)} bytes")


VALUES_RANKED = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["html", "markdown", "sections", "inventory", "screenshot"])
    ap.add_argument("--cli")
    ap.add_argument("--work", required=True)
    ap.add_argument("--html")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.mode == "html":
        cmp = json.loads(run(args.cli, ["compare"] + SCENARIO + ["--across", f"{KEY}={','.join(VALUES)}", "--format", "json"]))
        VALUES_RANKED.extend(r["value"] for r in cmp["rows"])
        check_html(args)
    elif args.mode == "markdown":
        check_markdown(args)
    elif args.mode == "sections":
        check_sections(args)
    elif args.mode == "inventory":
        check_inventory(args)
    else:
        check_screenshot(args)
    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
