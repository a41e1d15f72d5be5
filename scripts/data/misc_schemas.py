"""JSON Schemas (draft 2020-12) of the four tables scripts/data/build_misc.py writes:
energy_sources, providers, presets and equivalents. build_misc.py writes them to
<out>/schema/<table>.schema.json beside the tables and validates the tables against them,
so this file is the one place where those tables' rules are written."""

ENTRIES_KEY = {"energy_sources": "sources_of_energy", "providers": "providers", "presets": "presets",
               "equivalents": "equivalents"}


ID_PATTERN = "^[a-z0-9:._-]+$"
CONF = {"enum": ["high", "medium", "low"]}


def common_defs():
    return {
        "meta": {"type": "object", "required": ["table", "schema_version", "generated", "generator"],
                 "properties": {"table": {"type": "string"}, "schema_version": {"const": 1},
                                "generated": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
                                "generator": {"type": "string"},
                                "license_notes": {"type": "array", "items": {"type": "string"}}}},
        "source": {"type": "object", "required": ["title", "url", "year", "retrieved", "license"],
                   "properties": {"title": {"type": "string", "minLength": 1}, "url": {"type": "string", "pattern": "^https?://"},
                                  "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
                                  "retrieved": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
                                  "license": {"type": "string", "not": {"pattern": "(?i)(ODbL|BY-SA|AGPL|NC)"}},
                                  "notes": {"type": "string"}}},
        "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}},
        "confidence": CONF,
        "field_sources": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["source", "confidence"],
            "properties": {"source": {"type": "string"}, "confidence": CONF, "notes": {"type": "string"}}}},
        "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True},
    }


def table_schema(name, entry_schema, extra_defs=None):
    entries_key = ENTRIES_KEY[name]
    defs = common_defs()
    if extra_defs:
        defs.update(extra_defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://trainprint.dev/schema/{name}.schema.json",
            "title": f"trainprint {name}.json", "type": "object",
            "required": ["meta", "sources", entries_key],
            "properties": {"meta": {"$ref": "#/$defs/meta"}, "sources": {"$ref": "#/$defs/sources"},
                           entries_key: {"type": "array", "items": entry_schema}},
            "$defs": defs}


def entry_base(required_extra, props):
    p = {"id": {"type": "string", "pattern": ID_PATTERN}, "name": {"type": "string"}, "aliases": {"$ref": "#/$defs/aliases"},
         "source": {"type": "string"}, "confidence": {"$ref": "#/$defs/confidence"}, "notes": {"type": "string"},
         "field_sources": {"$ref": "#/$defs/field_sources"}}
    p.update(props)
    return {"type": "object", "required": ["id", "source", "confidence"] + required_extra, "properties": p}


def schemas():
    nn = {"type": "number", "minimum": 0}
    # The upper bounds the C++ catalog parser enforces (src/catalog/rules.hpp; tests/unit/catalog_rules.test.cpp).
    g_kwh = {"type": "number", "minimum": 0, "maximum": 5000}
    l_kwh = {"type": "number", "minimum": 0, "maximum": 1000}
    water = {"type": "object", "required": ["value", "source", "confidence"],
             "properties": {"value": l_kwh, "min": l_kwh, "max": l_kwh, "source": {"type": "string"}, "confidence": CONF, "notes": {"type": "string"}}}
    es = table_schema("energy_sources", entry_base(
        ["name", "lifecycle_gco2e_per_kwh"],
        {"lifecycle_gco2e_per_kwh": {"type": "object", "required": ["median", "source", "confidence"],
                                     "properties": {"min": g_kwh, "median": g_kwh, "max": g_kwh, "source": {"type": "string"},
                                                    "confidence": CONF, "notes": {"type": "string"}}},
         "water_l_per_kwh": water,
         "water_alternatives": {"type": "array", "items": {
             "type": "object", "required": ["factor_set", "value", "source", "confidence"],
             "properties": {"factor_set": {"type": "string", "pattern": ID_PATTERN}, "value": l_kwh, "min": l_kwh, "max": l_kwh,
                            "source": {"type": "string"}, "confidence": CONF, "notes": {"type": "string"}}}}}))
    yv_ = lambda vmin, vmax: {"type": "array", "items": {
        "type": "object", "required": ["value", "year", "source", "confidence"],
        "properties": {"value": {"type": "number", "minimum": vmin, "maximum": vmax}, "year": {"type": "integer", "minimum": 1990, "maximum": 2100},
                       "scope": {"type": "string"}, "kind": {"type": "string"}, "source": {"type": "string"},
                       "confidence": CONF, "notes": {"type": "string"}}}}
    pr = table_schema("providers", entry_base(
        ["name", "kind", "pue", "wue_l_per_kwh", "cfe"],
        {"kind": {"enum": ["cloud", "hpc", "self", "average"]}, "pue": yv_(1.0, 3.0), "wue_l_per_kwh": yv_(0, 20), "cfe": yv_(0, 1)}))
    scen_props = {
        "params": {"type": "number", "exclusiveMinimum": 0}, "active_params": {"type": "number", "exclusiveMinimum": 0},
        "tokens": {"type": "number", "exclusiveMinimum": 0}, "flops": {"type": "number", "exclusiveMinimum": 0},
        "recompute": {"type": "boolean"}, "layers": {"type": "integer", "minimum": 1}, "d_model": {"type": "integer", "minimum": 1},
        "seq_len": {"type": "integer", "minimum": 1}, "gpu_hours": {"type": "number", "exclusiveMinimum": 0},
        "duration_h": {"type": "number", "exclusiveMinimum": 0}, "hardware": {"type": "string", "pattern": ID_PATTERN},
        "count": {"type": "integer", "minimum": 1}, "precision": {"type": "string"},
        "mfu": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}, "power_fraction": {"type": "number", "exclusiveMinimum": 0, "maximum": 1.5},
        "power_w": {"type": "number", "exclusiveMinimum": 0}, "boundary": {"enum": ["accelerators", "servers"]},
        "host_power_w": {"type": "number", "minimum": 0}, "region": {"type": "string"}, "provider": {"type": "string"},
        "pue": {"type": "number", "minimum": 1, "maximum": 3}, "wue": {"type": "number", "minimum": 0},
        "intensity": {"type": "number", "minimum": 0}, "mix": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "ewif": {"type": "number", "minimum": 0}, "cfe": {"type": "number", "minimum": 0, "maximum": 1}, "embodied": {"type": "boolean"},
        "lifetime_years": {"type": "number", "exclusiveMinimum": 0}, "price_usd_per_kwh": {"type": "number", "minimum": 0},
        "hourly_price_usd": {"type": "number", "minimum": 0}}
    scenario = {"type": "object", "properties": scen_props, "additionalProperties": False,
                "oneOf": [
                    {"required": ["gpu_hours"], "not": {"anyOf": [{"required": ["duration_h"]}, {"required": ["flops"]}, {"required": ["tokens"]}]}},
                    {"required": ["duration_h", "count"], "not": {"anyOf": [{"required": ["gpu_hours"]}, {"required": ["flops"]}, {"required": ["tokens"]}]}},
                    {"required": ["flops"], "not": {"anyOf": [{"required": ["gpu_hours"]}, {"required": ["duration_h"]}, {"required": ["tokens"]}]}},
                    {"required": ["params", "tokens"], "not": {"anyOf": [{"required": ["gpu_hours"]}, {"required": ["duration_h"]}, {"required": ["flops"]}]}}]}
    # The predict view of a preset: only what is known before a run (see predict_view()).
    predict = {"type": "object", "additionalProperties": False, "required": ["hardware"],
               "properties": {k: scen_props[k] for k in ("params", "active_params", "tokens", "flops", "hardware", "count", "precision",
                                                         "region", "provider")},
               "oneOf": [{"required": ["flops"], "not": {"anyOf": [{"required": ["params"]}, {"required": ["tokens"]}]}},
                         {"required": ["params", "tokens"], "not": {"required": ["flops"]}}]}
    ps = table_schema("presets", entry_base(
        ["name", "year", "scenario", "published", "reported"],
        {"year": {"type": "integer", "minimum": 2010, "maximum": 2100}, "scenario": scenario,
         "organisation": {"type": "string"}, "kind": {"enum": ["pretrain", "finetune-full", "finetune-lora", "search"]},
         "calibration": {"type": "object", "required": ["use"], "additionalProperties": False,
                         "properties": {"use": {"type": "boolean"}, "why_not": {"type": "string"}}},
         "published": {"type": "object"},
         "reported": {"type": "object", "required": ["boundary", "includes_pue"],
                      "anyOf": [{"required": ["energy_mwh"]}, {"required": ["emissions_t_co2e"]}, {"required": ["accelerator_hours"]}],
                      "properties": {"energy_mwh": nn, "emissions_t_co2e": nn, "accelerator_hours": nn, "boundary": {"type": "string"},
                                     "includes_pue": {"type": "boolean"},
                                     "power_basis": {"enum": ["tdp", "measured_system", "measured_accelerators"]},
                                     "reproducible": {"type": "boolean"}, "notes": {"type": "string"}}},
         "predict": predict}))
    eq = table_schema("equivalents", {**entry_base(
        ["name", "applies_to", "unit"],
        {"applies_to": {"enum": ["emissions", "energy", "water"]}, "unit": {"type": "string"},
         "region": {"enum": ["us", "eu", "global"]},
         "per_unit_kg_co2e": {"type": "number", "exclusiveMinimum": 0}, "per_unit_kwh": {"type": "number", "exclusiveMinimum": 0},
         "per_unit_l": {"type": "number", "exclusiveMinimum": 0}}),
        "allOf": [
            {"if": {"properties": {"applies_to": {"const": "emissions"}}}, "then": {"required": ["per_unit_kg_co2e"]}},
            {"if": {"properties": {"applies_to": {"const": "energy"}}}, "then": {"required": ["per_unit_kwh"]}},
            {"if": {"properties": {"applies_to": {"const": "water"}}}, "then": {"required": ["per_unit_l"]}}]})
    return {"energy_sources": es, "providers": pr, "presets": ps, "equivalents": eq}


