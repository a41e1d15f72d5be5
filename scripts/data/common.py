"""What every scripts/data builder shares: paths, provenance records, CSV and number
reading, alias handling, validation and deterministic JSON output.

The table rules live in data/schema/*.schema.json (JSON Schema draft 2020-12). A builder
validates its document with `validate(doc, schema)` and adds only what a schema cannot
say: references between entries and tables (`name_clashes`, `source_errors`, its own
cross-references). python3-jsonschema is required (scripts/bootstrap installs it).

The upstream snapshot is ../shared/upstream-data relative to the repository root
(`DEFAULT_UPSTREAM`); every builder takes --upstream DIR and --out DIR (`arguments`).
"""
import argparse
import csv
import json
import os
import sys

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA_DIR = os.path.join(REPO, "data")
SCHEMA_DIR = os.path.join(DATA_DIR, "schema")
DEFAULT_UPSTREAM = os.path.normpath(os.path.join(REPO, "..", "shared", "upstream-data"))
# Upstream files kept inside the repository (each folder with a SOURCE.md), for sources the shared
# snapshot lacks; CI has no ../shared, so these must travel with the checkout.
REPO_UPSTREAM = os.path.join(DATA_DIR, "upstream")
GENERATED = "2026-11-26"  # catalog date and snapshot date; fixed so that the output is deterministic
CONFIDENCES = ("low", "medium", "high")  # weakest first


# ---------------------------------------------------------------------------------- records
def source(title, url, year, license="facts", retrieved=GENERATED, notes=None):
    """One entry of a table's `sources` object (keys in the order the tables print them)."""
    d = {"title": title, "url": url, "year": year, "retrieved": retrieved, "license": license}
    if notes:
        d["notes"] = notes
    return d


def meta(table, generator, license_notes, generated=GENERATED):
    """A table's `meta` object; `generator` is the builder's path relative to the repository."""
    return {"table": table, "schema_version": 1, "generated": generated, "generator": generator,
            "license_notes": license_notes}


def dedup_aliases(entry_id, aliases):
    """`aliases` without empty names and without case-insensitive repeats of the id or of
    each other (lookups ignore case), first spelling kept, order kept."""
    seen, out = {entry_id.lower()}, []
    for a in aliases:
        if a and a.lower() not in seen:
            seen.add(a.lower())
            out.append(a)
    return out


# ---------------------------------------------------------------------------------- reading
def read_csv(path, skip_rows=0):
    """Rows of a UTF-8 CSV file as dicts keyed by its header; `skip_rows` lines before the
    header are dropped (comment or unit rows), and so are blank rows."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[skip_rows:]
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(c.strip() for c in r)]


def read_json(path):
    """The parsed content of a UTF-8 JSON file."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def num(s):
    """A CSV cell as a number: None when blank, an int when integral (below 1e15), else a float."""
    s = (s or "").strip()
    if s == "":
        return None
    v = float(s)
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def clean(o):
    """Recursively drop None-valued keys (absent == unknown) and print integral floats as ints."""
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items() if v is not None}
    if isinstance(o, list):
        return [clean(v) for v in o]
    if isinstance(o, float) and o.is_integer() and abs(o) < 1e15:
        return int(o)
    return o


# ---------------------------------------------------------------------------------- checks
def validate(doc, schema, label=""):
    """Messages for every place where `doc` breaks the JSON Schema `schema`, in document order."""
    try:
        import jsonschema
    except ImportError:
        sys.exit("python3-jsonschema is required to validate the tables (scripts/bootstrap installs it)")
    prefix = f"{label}: " if label else ""
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{prefix}schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def load_schema(table):
    """data/schema/<table>.schema.json, parsed."""
    return read_json(os.path.join(SCHEMA_DIR, f"{table}.schema.json"))


def name_clashes(entries, label=""):
    """Ids and aliases must name one entry each, case-insensitively (a JSON Schema cannot say so)."""
    prefix = f"{label}: " if label else ""
    errs, seen = [], {}
    for e in entries:
        for name in [e["id"]] + e.get("aliases", []):
            key = name.lower()
            if key in seen and seen[key] != e["id"]:
                errs.append(f"{prefix}name {name!r} used by {seen[key]} and {e['id']}")
            elif key in seen and name != e["id"]:
                errs.append(f"{prefix}name {name!r} given twice for {e['id']} (names are case-insensitive)")
            seen[key] = e["id"]
    return errs


def cited_sources(obj, out=None):
    """Every string value of a `source` key anywhere below `obj`."""
    out = set() if out is None else out
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "source" and isinstance(v, str):
                out.add(v)
            cited_sources(v, out)
    elif isinstance(obj, list):
        for v in obj:
            cited_sources(v, out)
    return out


def source_errors(doc, label=""):
    """Every cited source key is in doc["sources"], and every listed source is cited."""
    prefix = f"{label}: " if label else ""
    listed = set(doc["sources"])
    cited = cited_sources({k: v for k, v in doc.items() if k not in ("meta", "sources")})
    return ([f"{prefix}source key {s!r} not in sources" for s in sorted(cited - listed)] +
            [f"{prefix}source {s!r} listed but never cited" for s in sorted(listed - cited)])


def fail_on(errs, limit=50):
    """Print up to `limit` messages (all with None) to stderr and exit 1 when there are any."""
    if errs:
        for e in errs[:limit]:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(f"{len(errs)} validation errors")


# ---------------------------------------------------------------------------------- output
def dumps(doc, sort_keys=False):
    """The text of a table: 2-space indent, UTF-8 as is, trailing newline."""
    return json.dumps(doc, indent=2, sort_keys=sort_keys, ensure_ascii=False) + "\n"


def write_text(path, text):
    """Write `text` to `path` (UTF-8, LF line ends), making its folder if needed."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def arguments(description):
    """The options every builder takes: --upstream DIR, --out DIR (default data/) and
    --generated YYYY-MM-DD. Returns the parser so that a builder can add its own."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream", default=DEFAULT_UPSTREAM, help="shared/upstream-data folder (default: %(default)s)")
    ap.add_argument("--out", default=DATA_DIR, help="folder the tables are written to (default: %(default)s)")
    ap.add_argument("--generated", default=GENERATED, help="catalog date in meta.generated (default: %(default)s)")
    return ap


def upstream_dir(ap, path):
    """`path` when it is a folder; otherwise a usage error naming it."""
    if not os.path.isdir(path):
        ap.error(f"--upstream {path!r} is not a directory")
    return path
