"""trainprint — energy, carbon and water of training machine-learning models.

>>> import trainprint
>>> e = trainprint.estimate(params=7e9, tokens=2e12, hardware="h100", count=512, region="aws:us-east-1")
>>> round(e.energy_kwh / 1000, 1)   # facility energy, MWh (the README's 129 MWh)
129.5

Keyword arguments are the scenario fields of the CLI's ``--scenario`` JSON
(``params``, ``tokens``, ``hardware``, ``count``, ``region``, ``mfu``, ...); the
CLI flag spellings ``duration``, ``power``, ``host_power``, ``lifetime``,
``price``, ``hourly_price`` are accepted too. Numbers may be given as text the
way the CLI reads them: ``params="7B"``, ``mfu="40%"``, ``duration="30d"``.
Results are plain floats in the units their names say (kWh, kg CO2e, litres,
hours, USD); ``None`` where an input needed for them is unknown.
"""

from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import _core
from ._errors import DataError, Error, InputError, MeasureError, UnitError, UnknownKeyError
from ._measure import Measurement, _measurement_arg, measure, measure_samples

__version__: str = _core.__version__

__all__ = [
    "__version__",
    "estimate",
    "compare",
    "estimate_many",
    "measure",
    "measure_samples",
    "Measurement",
    "catalog",
    "OUTPUTS",
    "Estimate",
    "Comparison",
    "ComparisonRow",
    "Catalog",
    "TraceEntry",
    "Error",
    "InputError",
    "UnknownKeyError",
    "DataError",
    "UnitError",
    "MeasureError",
]

ScenarioArg = Union[None, Mapping[str, Any], str, "_os.PathLike[str]"]


class TraceEntry(NamedTuple):
    """One input or intermediate of an estimate, with where it came from."""

    name: str
    value: float
    unit: str
    origin: str  #: "user", "catalog", "default" or "derived"
    source: Optional[str]
    note: Optional[str]
    confidence: Optional[str] = None  # "high" | "medium" | "low" for catalog values and defaults


# The headline numbers an Estimate reads from its JSON, one property each:
# (attribute, return type, path in trainprint.estimate/1, docstring).
_OUTPUT_PROPERTIES: Tuple[Tuple[str, str, Tuple[str, str], Optional[str]], ...] = (
    # --- compute and power ---
    ("flops", "Optional[float]", ("compute", "flops"), "Training FLOPs (None unless the workload was given as FLOPs or params × tokens)."),
    ("accelerator_hours", "float", ("compute", "accelerator_hours"), None),
    ("wall_hours", "Optional[float]", ("compute", "wall_hours"), None),
    ("accelerator_power_w", "float", ("power_w", "accelerator"), "Average power per accelerator, W."),
    ("host_power_w", "float", ("power_w", "host"), "Average host power per accelerator, W."),
    # --- energy ---
    ("energy_kwh", "float", ("energy_kwh", "facility"), "Facility energy (IT energy × PUE), kWh."),
    ("energy_it_kwh", "float", ("energy_kwh", "it"), None),
    ("energy_accelerators_kwh", "float", ("energy_kwh", "accelerators"), None),
    ("energy_host_kwh", "float", ("energy_kwh", "host"), None),
    # --- emissions ---
    ("emissions_kg_co2e", "Optional[float]", ("emissions_kg_co2e", "total"), "Total emissions (location-based operational + embodied), kg CO2e."),
    ("emissions_location_kg_co2e", "Optional[float]", ("emissions_kg_co2e", "location_based"), None),
    ("emissions_market_kg_co2e", "Optional[float]", ("emissions_kg_co2e", "market_based"), None),
    ("emissions_embodied_kg_co2e", "Optional[float]", ("emissions_kg_co2e", "embodied"), None),
    # --- water ---
    ("water_l", "Optional[float]", ("water_l", "total"), "Total water consumption (on-site cooling + off-site generation), litres."),
    ("water_onsite_l", "Optional[float]", ("water_l", "onsite"), None),
    ("water_offsite_l", "Optional[float]", ("water_l", "offsite"), None),
    # --- money ---
    ("electricity_cost_usd", "Optional[float]", ("cost_usd", "electricity"), None),
    ("compute_cost_usd", "Optional[float]", ("cost_usd", "compute"), None),
    # --- what it was resolved against ---
    ("hardware", "Optional[str]", ("resolved", "hardware"), """The accelerator's catalog id (``"h100"`` resolves to ``"nvidia-h100-sxm5-80gb"``)."""),
    ("region", "Optional[str]", ("resolved", "region"), None),
    ("provider", "Optional[str]", ("resolved", "provider"), None),
    ("precision", "str", ("resolved", "precision"), None),
    ("boundary", "str", ("resolved", "boundary"), None),
    ("convention", "str", ("resolved", "convention"), """The reporting convention: ``"servers"``, ``"accelerators"`` or ``"model-card"``."""),
)


#: (flat name, JSON group, JSON key, unit, label) of every output, in the order of
#: include/trainprint/outputs.hpp: the keys of estimate_many()'s result.
OUTPUTS: Tuple[Tuple[str, str, str, str, str], ...] = tuple(tuple(r) for r in _core.outputs())  # type: ignore[misc]
_OUTPUT_INDEX: Dict[Tuple[str, str], int] = {(r[1], r[2]): i for i, r in enumerate(OUTPUTS)}
_RESOLVED_KEYS: Tuple[str, ...] = ("hardware", "region", "provider", "precision", "boundary", "convention")


def _output_property(name: str, type_: str, path: Tuple[str, str], doc: Optional[str]) -> property:
    if path[0] == "resolved":
        where, i = "_resolved", _RESOLVED_KEYS.index(path[1])
    else:
        where, i = "_values", _OUTPUT_INDEX[path]

    def get(self: "Estimate") -> Any:
        return getattr(self, where)[i]

    if doc is None and where == "_values":
        row = OUTPUTS[i]
        doc = f"{row[4][0].upper()}{row[4][1:]} ({row[1]}.{row[2]}), {row[3]}."
    elif doc is None:
        doc = f"The {path[1]} the estimate was resolved against (None when not given)."

    get.__name__ = name
    get.__qualname__ = f"Estimate.{name}"
    get.__annotations__ = {"return": type_}
    return property(get, doc=doc)


class Estimate:
    """One estimate (schema ``trainprint.estimate/1``). Attributes are floats in
    the units their names say, or None where unknown.

    ``Estimate(json_text)`` reads an estimate's JSON (as ``to_json()`` or the CLI's
    ``--format json`` writes it); estimate() makes one from the library directly and
    writes the JSON only when asked (``to_json``, ``to_dict``, ``trace``, ...).
    Raises ValueError (json.JSONDecodeError) for text that is not JSON and KeyError
    for JSON that is not ``trainprint.estimate/1``."""

    __slots__ = ("_result", "_text", "_data", "_values", "_resolved")

    def __init__(self, json_text: str) -> None:
        data: Dict[str, Any] = _json.loads(json_text)
        self._result: Any = None
        self._text: Optional[str] = json_text
        self._data: Optional[Dict[str, Any]] = data
        self._values: Tuple[Optional[float], ...] = tuple(data[r[1]][r[2]] for r in OUTPUTS)
        self._resolved: Tuple[Optional[str], ...] = tuple(data["resolved"][k] for k in _RESOLVED_KEYS)

    @classmethod
    def _of(cls, result: Any) -> "Estimate":
        e = cls.__new__(cls)
        e._result = result
        e._text = None
        e._data = None
        e._values = result.values
        e._resolved = result.resolved
        return e

    def _json_text(self) -> str:
        if self._text is None:
            self._text = self._result.json(2)
        return self._text

    def _json_data(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = _json.loads(self._json_text())
        return self._data

    # The headline numbers are properties made from _OUTPUT_PROPERTIES (below the class).

    @property
    def scenario(self) -> Dict[str, Any]:
        """The scenario as given (JSON field names)."""
        return dict(self._json_data()["scenario"])

    @property
    def trace(self) -> List[TraceEntry]:
        """Every input and intermediate with its origin and source."""
        return [TraceEntry(**t) for t in self._json_data()["trace"]]

    @property
    def notes(self) -> List[str]:
        """Why an output is unknown, and other caveats a reader should see; inputs are named
        as keywords (``embodied=False``)."""
        return [_core.spell_inputs(n) for n in self._json_data()["notes"]]

    @property
    def catalog_version(self) -> str:
        """The version of the catalog the estimate was resolved against ("2026.11.0")."""
        return self._json_data()["catalog"]["version"]

    @property
    def uncertainty(self) -> Optional[Dict[str, Any]]:
        """The uncertainty block (``estimate(..., uncertainty=True)``, or a range or
        plain-language word given): samples, seed, impossible_samples,
        the inputs' ranges, ``outputs[name] = {"central", "p5", "p50", "p95", "mean"}``
        by JSON path ("emissions_kg_co2e.total") and the sensitivity ranking; None
        when not asked for."""
        u = self._json_data().get("uncertainty")
        return None if u is None else _json.loads(_json.dumps(u))

    def interval(self, name: str) -> Optional[Tuple[float, float]]:
        """(p5, p95) of output ``name`` ("energy_kwh.facility"), in its unit, or None
        without uncertainty or for an output without an interval."""
        u = self._json_data().get("uncertainty")
        if u is None or name not in u["outputs"]:
            return None
        o = u["outputs"][name]
        return (o["p5"], o["p95"])

    def to_dict(self) -> Dict[str, Any]:
        """The estimate as ``trainprint.estimate/1`` (a fresh dict)."""
        return _json.loads(self._json_text())

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The estimate as ``trainprint.estimate/1`` JSON text, exactly as the C API
        and ``trainprint estimate --format json`` write it (indent 2; None: one line)."""
        if indent == 2:
            return self._json_text()
        return _core.dump_json(self._json_text(), -1 if indent is None else indent)

    def to_flat(self) -> Dict[str, Any]:
        """The headline numbers as one flat dict (a row of a table): the resolved ids,
        then the numbers in the units their names say (None where unknown)."""
        return {name: getattr(self, name) for name in _FLAT_FIELDS}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Estimate) and self._json_text() == other._json_text()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        def num(v: Optional[float]) -> str:
            return "None" if v is None else f"{v:.4g}"

        return (
            f"Estimate(hardware={self.hardware!r}, region={self.region!r}, "
            f"energy_kwh={num(self.energy_kwh)}, emissions_kg_co2e={num(self.emissions_kg_co2e)}, "
            f"water_l={num(self.water_l)})"
        )


for _name, _type, _path, _doc in _OUTPUT_PROPERTIES:
    setattr(Estimate, _name, _output_property(_name, _type, _path, _doc))
del _name, _type, _path, _doc


_FLAT_FIELDS: Tuple[str, ...] = (
    "hardware",
    "region",
    "provider",
    "precision",
    "boundary",
    "convention",
    "flops",
    "accelerator_hours",
    "wall_hours",
    "accelerator_power_w",
    "host_power_w",
    "energy_accelerators_kwh",
    "energy_host_kwh",
    "energy_it_kwh",
    "energy_kwh",
    "emissions_location_kg_co2e",
    "emissions_market_kg_co2e",
    "emissions_embodied_kg_co2e",
    "emissions_kg_co2e",
    "water_onsite_l",
    "water_offsite_l",
    "water_l",
    "electricity_cost_usd",
    "compute_cost_usd",
)


class ComparisonRow(NamedTuple):
    """One option of a comparison: the value as given, the ranked metric (in the
    comparison's ``metric_unit``; None when unknown), its distance to the best
    row, and the estimate. An option that could not be estimated (a value out of
    its limits, fp8 on a part without fp8) has ``estimate`` None and the reason
    in ``error``, the message estimate() would raise; it ranks last."""

    value: str
    metric: Optional[float]
    delta_to_best: Optional[float]
    estimate: Optional[Estimate]
    error: Optional[str] = None


class Comparison:
    """A ranked comparison (schema ``trainprint.compare/1``), best first."""

    __slots__ = ("_text", "_ranks", "key", "sort", "metric_unit", "rows")

    def __init__(self, json_text: str, row_texts: Sequence[str]) -> None:
        self._text = json_text
        data = _json.loads(json_text)
        self.key: str = data["key"]  #: the varied input
        self.sort: str = data["sort"]  #: energy | emissions | water | cost | time
        self.metric_unit: str = data["metric_unit"]  #: kwh | kg_co2e | l | usd | h
        self._ranks: List[Optional[int]] = [row["rank"] for row in data["rows"]]
        self.rows: List[ComparisonRow] = [
            ComparisonRow(
                row["value"],
                row["metric"],
                row["delta_to_best"],
                None if row["estimate"] is None else Estimate(text),
                row.get("error"),
            )
            for row, text in zip(data["rows"], row_texts)
        ]

    @property
    def best(self) -> ComparisonRow:
        """The first row: the lowest metric (rows with an unknown metric come last)."""
        return self.rows[0]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ComparisonRow]:
        return iter(self.rows)

    def __getitem__(self, i: int) -> ComparisonRow:
        return self.rows[i]

    def to_list(self) -> List[Dict[str, Any]]:
        """One flat dict per row, best first — ``pandas.DataFrame(c.to_list())``.
        Columns: rank (None for an option whose metric is unknown, and for all
        when fewer than two are known: then nothing is ranked), value (as given),
        metric and delta_to_best (in
        ``metric_unit``), error (None, or why the option was not estimated),
        then Estimate.to_flat() (all None for an option not estimated)."""
        out = []
        for rank, row in zip(self._ranks, self.rows):
            flat: Dict[str, Any] = {
                "rank": rank,
                "value": row.value,
                "metric": row.metric,
                "delta_to_best": row.delta_to_best,
                "error": row.error,
            }
            if row.estimate is None:
                flat.update(dict.fromkeys(_FLAT_FIELDS))
            else:
                flat.update(row.estimate.to_flat())
            out.append(flat)
        return out

    def to_dict(self) -> Dict[str, Any]:
        """The comparison as ``trainprint.compare/1`` (a fresh dict)."""
        return _json.loads(self._text)

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The comparison as ``trainprint.compare/1`` JSON text (as the C API writes it)."""
        if indent == 2:
            return self._text
        return _core.dump_json(self._text, -1 if indent is None else indent)

    def __repr__(self) -> str:
        return f"Comparison(key={self.key!r}, sort={self.sort!r}, values={[r.value for r in self.rows]!r})"


class Catalog:
    """The catalog of hardware, systems, regions, providers, energy sources,
    presets and equivalents, each entry with its provenance."""

    __slots__ = ("_handle",)

    def __init__(self, overlays: Sequence[Union[str, "_os.PathLike[str]"]] = ()) -> None:
        self._handle = _core.Catalog([_os.fspath(p) for p in overlays])

    @property
    def tables(self) -> Tuple[str, ...]:
        """"hardware", "systems", "regions", "providers", "sources", "presets", "equivalents"."""
        return tuple(_core.tables())

    @property
    def version(self) -> str:
        """The catalog's version ("2026.11.0"; data/catalog.json)."""
        return self._handle.version

    @property
    def date(self) -> str:
        """The catalog's release date, ISO 8601 ("2026-11-26")."""
        return self._handle.date

    def ids(self, table: str) -> List[str]:
        """The ids of ``table``, in catalog order. Raises InputError for an unknown table."""
        return self._handle.ids(table)

    def entry(self, table: str, id: Optional[str] = None) -> Dict[str, Any]:
        """One entry by id or alias: ``entry("hardware", "h100")``, or
        ``entry("h100")`` to search every table. The entry's fields as in data/*.json,
        each value with its ``source``, ``year``, ``license`` and ``confidence``.
        Raises UnknownKeyError (with ``suggestions``) for an unknown id.

        >>> catalog().entry("hardware", "h100")["id"]
        'nvidia-h100-sxm5-80gb'
        """
        if id is None:
            table, id = self._handle.find_table(table), table
        return _json.loads(self._handle.entry_json(table, id))

    def table(self, table: str, filter: str = "") -> List[Dict[str, Any]]:
        """The entries of ``table`` whose id, name or alias contains ``filter``
        (case-insensitive), as entry() gives them. Raises InputError for an unknown table."""
        return _json.loads(self._handle.table_json(table, filter))

    def __repr__(self) -> str:
        return f"Catalog(version={self.version!r}, date={self.date!r})"


_embedded: Optional[Catalog] = None


def catalog(overlays: Sequence[Union[str, "_os.PathLike[str]"]] = ()) -> Catalog:
    """The embedded catalog, or a new one overlaid by the JSON files ``overlays``
    (the CLI's ``--data``: JSON in the format of data/*.json). Pass it to estimate(),
    compare() and estimate_many() as ``catalog=``. Raises DataError for an
    overlay that is unreadable or malformed (``file``, ``pointer``, ``detail``).

    >>> catalog().tables[0]
    'hardware'
    """
    global _embedded
    if overlays:
        return Catalog(overlays)
    if _embedded is None:
        _embedded = Catalog()
    return _embedded


def _scenario_args(scenario: ScenarioArg) -> Tuple[Any, str]:
    if scenario is None or isinstance(scenario, Mapping):
        return (dict(scenario) if scenario is not None else None), "<scenario>"
    path = _os.fspath(scenario)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read(), path
    except UnicodeDecodeError as e:
        raise DataError(
            f"[trainprint.data] {path}: not UTF-8 text ({e.reason} at byte {e.start})",
            file=path,
            detail=f"not UTF-8 text ({e.reason} at byte {e.start})",
        ) from None
    except OSError as e:
        raise DataError(
            f"[trainprint.data] {path}: cannot open the file for reading ({e.strerror})",
            file=path,
            detail="cannot open the file for reading",
        ) from None


def _handle(cat: Optional[Catalog]) -> Any:
    return (cat if cat is not None else catalog())._handle


def estimate(
    *,
    preset: Optional[str] = None,
    scenario: ScenarioArg = None,
    catalog: Optional[Catalog] = None,
    uncertainty: bool = False,
    samples: Optional[int] = None,
    seed: Optional[int] = None,
    threads: int = 1,
    measured: Union[None, "Measurement", str, "_os.PathLike[str]"] = None,
    pilot: Union[None, "Measurement", str, "_os.PathLike[str]"] = None,
    pilot_tokens: Any = None,
    pilot_steps: Any = None,
    tokens_per_step: Any = None,
    pilot_count: Any = None,
    pilot_hours: Any = None,
    **inputs: Any,
) -> Estimate:
    """Estimates one training run: energy (kWh), emissions (kg CO2e), water (L),
    time (h) and money (USD), as ``trainprint estimate`` does.

    ``inputs`` are scenario fields (``params=7e9, tokens="2T", hardware="h100",
    count=512, region="aws:us-east-1"``; every field and its unit: docs/inputs.md).
    Numbers are in the units of the scenario JSON; a str reads as the CLI reads its
    flags ("7B", "40%", "30d"). ``preset`` starts from a published run in the
    catalog, ``scenario`` from a dict or a scenario JSON file; ``inputs`` override
    both, as flags do in the CLI. ``catalog`` is the embedded catalog unless given
    (``trainprint.catalog(overlays)``).

    Returns an Estimate: floats in the units their names say, None where an input
    they need is unknown. Each number not given comes from the catalog (with its
    source, year and licence) or a named default, and ``Estimate.trace`` says which;
    the formula is docs/methodology.md.

    ``uncertainty=True`` (or giving ``samples`` or ``seed``) runs the Monte Carlo
    (default 10000 samples, seed 42, on ``threads`` threads) and fills
    ``Estimate.uncertainty``; an input takes a range as ``mfu="0.35:0.45"``,
    ``mfu=(0.35, 0.45)`` or ``mfu={"low": 0.35, "mode": 0.4, "high": 0.45}``.
    A range, or a plain-language word (``size="large"``, ``duration="weeks"``,
    ``hardware="gpu"``, ``energy="fossil"``), runs it by itself, as the CLI does:
    every number is then the median, ``Estimate.interval(name)`` its 5th–95th
    percentile, and ``Estimate.notes`` says what drives the range.

    ``measured`` (a Measurement from measure() or measure_samples(), or a file path
    read as measure() reads it) is the run's measured energy, as the CLI's
    ``--measured``: a power log at the accelerators boundary, CodeCarbon or sacct at
    servers, unless ``energy_boundary`` says otherwise. ``pilot`` (the same kinds)
    calibrates the run from a measured pilot, as ``--pilot``: its power per
    accelerator always, its MFU when ``pilot_tokens`` (or ``pilot_steps`` ×
    ``tokens_per_step``) say how much it trained; ``pilot_count`` is its
    accelerators (default: the log's devices), ``pilot_hours`` its wall time
    ("2h", 1.5) where its file states none. ``Estimate.notes`` starts with what was
    calibrated; a pilot's estimate always runs the Monte Carlo
    (docs/methodology.md §7.3).

    Raises InputError (a missing, out-of-range or inconsistent input; ``field``,
    ``value``, ``expected``), UnknownKeyError (an id not in the catalog;
    ``suggestions``), UnitError (text that does not parse), DataError (an
    unreadable or malformed scenario file) or MeasureError (a measurement file that
    cannot be read) — all trainprint.Error.

    >>> e = estimate(params="7B", tokens="2T", hardware="h100", count=512, region="FR")
    >>> e.hardware, round(e.energy_kwh / 1000)   # facility energy, MWh
    ('nvidia-h100-sxm5-80gb', 177)
    >>> estimate(params=7e9, tokens=2e12, hardware="h100", mfu=1.5)
    Traceback (most recent call last):
    ...
    trainprint._errors.InputError: [trainprint.input] mfu: got 1.5, expected 0 < mfu <= 1
    """
    base, name = _scenario_args(scenario)
    run = uncertainty or samples is not None or seed is not None
    for label, v, lo in (("samples", samples, _core.min_uncertainty_samples), ("seed", seed, 0), ("threads", threads, 1)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < lo):
            raise InputError(
                f"[trainprint.input] {label}: got {v!r:.40}, expected a whole number >= {lo}",
                field=label,
                value=repr(v),
                expected=f"a whole number >= {lo}",
            )
    pilot_fields = {
        k: v
        for k, v in (
            ("pilot_tokens", pilot_tokens),
            ("pilot_steps", pilot_steps),
            ("tokens_per_step", tokens_per_step),
            ("pilot_count", pilot_count),
            ("pilot_hours", pilot_hours),
        )
        if v is not None
    }
    if measured is not None or pilot is not None or pilot_fields:
        return Estimate._of(
            _core.estimate_measured(
                inputs,
                _handle(catalog),
                preset,
                base,
                name,
                _measurement_arg(measured),
                _measurement_arg(pilot),
                pilot_fields,
                run,
                10000 if samples is None else min(samples, 2**63),
                42 if seed is None else seed % 2**64,
                min(threads, 2**31),
            )
        )
    return Estimate._of(
        _core.estimate(
            inputs,
            _handle(catalog),
            preset,
            base,
            name,
            run,
            10000 if samples is None else min(samples, 2**63),
            42 if seed is None else seed % 2**64,
            min(threads, 2**31),
        )
    )


def compare(
    *,
    across: Mapping[str, Sequence[Any]],
    sort: str = "emissions",
    preset: Optional[str] = None,
    scenario: ScenarioArg = None,
    catalog: Optional[Catalog] = None,
    **inputs: Any,
) -> Comparison:
    """Estimates one scenario for each value of one input and ranks the results,
    best first: ``compare(params=7e9, tokens=2e12, hardware="h100", count=512,
    across={"region": ["FR", "SE", "aws:us-east-1"]})``, as ``trainprint compare``.

    ``across`` maps one scenario input to its values (read as estimate() reads
    them); the other arguments are estimate()'s. ``sort`` is "energy" (facility
    kWh), "emissions" (total kg CO2e), "water" (total L), "cost" (USD: a rented
    cloud run's compute cost alone, whose price pays for the electricity, unknown
    without it; an owned run's electricity + compute) or "time" (wall hours). Returns a Comparison with one row per
    value; an option that cannot be estimated (a value out of its limits, a
    precision the part lacks) is a row with ``estimate`` None and its ``error``,
    ranked last. Raises estimate()'s error when no option can be estimated, the
    error of a value that does not parse or names an unknown id, and InputError
    for an ``across`` that is not one input with a list of values or an unknown
    ``sort``.

    >>> c = compare(params=7e9, tokens=2e12, hardware="h100", count=512, across={"region": ["PL", "FR"]})
    >>> c.best.value, [r.value for r in c]
    ('FR', ['FR', 'PL'])
    """
    if not isinstance(across, Mapping) or len(across) != 1:
        raise InputError(
            f"[trainprint.input] across: got {across!r:.40}, expected one input and its values, "
            'e.g. {"region": ["FR", "SE"]}',
            field="across",
            value=repr(across),
            expected='one input and its values, e.g. {"region": ["FR", "SE"]}',
        )
    ((key, values),) = across.items()
    base, name = _scenario_args(scenario)
    text, rows = _core.compare_json(inputs, key, values, sort, _handle(catalog), preset, base, name)
    return Comparison(text, rows)


def _is_column(v: Any) -> bool:
    """A column of estimate_many(): a sequence of values, not one value (str, bytes, dict)."""
    if isinstance(v, (str, bytes, Mapping)):
        return False
    return hasattr(v, "__len__") and hasattr(v, "__getitem__")


def _column(key: str, v: Any) -> Any:
    """A column as _core.estimate_many reads it: a float64 array, or a list."""
    import numpy as np

    if type(v).__module__.startswith("pandas"):  # a Series or an Index; missing values become NaN or None
        import pandas as pd

        numeric = pd.api.types.is_numeric_dtype(v.dtype) or pd.api.types.is_bool_dtype(v.dtype)
        v = v.to_numpy(dtype=np.float64, na_value=np.nan) if numeric else v.to_numpy(dtype=object, na_value=None)
    if isinstance(v, np.ndarray):
        if v.ndim != 1:
            raise InputError(
                f"[trainprint.input] {key}: got an array of shape {v.shape}, expected a one-dimensional column",
                field=key,
                value=f"an array of shape {v.shape}",
                expected="a one-dimensional column",
            )
        if v.dtype.kind in "fiub":
            return np.ascontiguousarray(v, dtype=np.float64)
        return v.tolist()
    return list(v)


def estimate_many(
    table: Any = None,
    *,
    preset: Optional[str] = None,
    scenario: ScenarioArg = None,
    catalog: Optional[Catalog] = None,
    errors: str = "raise",
    frame: Optional[bool] = None,
    **columns: Any,
) -> Any:
    """Estimates one training run per row of a table, in the library (no Python loop).

    ``columns`` are scenario inputs, each either a column — a list, tuple, NumPy
    array or pandas Series of length n, all the same length — or one value for every
    row (a number, a str, a bool, a mix dict). ``table`` adds the columns of a
    pandas DataFrame or of a mapping of name to column (``estimate_many(df,
    region="FR")``); keywords override its columns. A column's values read as in
    estimate(): numbers in the units of the scenario JSON (docs/inputs.md), str as
    the CLI reads it (``"7B"``, ``"40%"``, ``"30d"``, ``"h100"``), and None or NaN
    for "not given in this row" (the base scenario's value, or the default).
    ``preset`` and ``scenario`` give a base scenario, as in estimate().

    Returns a dict of NumPy float64 arrays of shape (n,), one per output, keyed by
    the flat names of ``trainprint.OUTPUTS`` (include/trainprint/outputs.hpp) in
    their units: ``flops`` (FLOP), ``accelerator_hours`` and ``wall_time_h`` (h),
    ``accelerator_power_w`` and ``host_power_w`` (W per accelerator),
    ``energy_*_kwh`` (kWh), ``emissions_*_kg_co2e`` (kg CO2e), ``water_*_l`` (L),
    ``cost_*_usd`` (USD). NaN where an output is unknown (``wall_time_h`` without
    ``count``) or the row failed. Every number equals ``estimate(**row)``'s: a row
    with a range or a plain-language word (``size="large"``) is the Monte Carlo
    median, and the result then also has ``NAME_p5`` and ``NAME_p95`` arrays for
    each output with an interval (NaN in the rows without ranges). With
    ``frame=True`` (or ``None`` and ``table`` a DataFrame) the result is a pandas
    DataFrame with the table's index instead (pandas needed).

    ``errors="raise"`` (the default) raises the first failing row's error
    (InputError, UnknownKeyError, UnitError — trainprint.Error) with its 0-based
    ``row`` attribute; ``errors="collect"`` estimates every other row and adds the
    column ``"error"``: an object array of the message of each failed row, None for
    the rows that worked. Raises InputError, whatever ``errors`` says, for a key that
    is not a scenario input, columns of different lengths or a value that is neither
    a number, a str nor None.

    >>> import trainprint
    >>> r = trainprint.estimate_many(params=["7B", "70B"], tokens="2T", hardware="h100",
    ...                              count=[512, 2048], region="FR")
    >>> [round(v / 1000, 1) for v in r["energy_facility_kwh"]]  # MWh
    [177.2, 1273.0]
    >>> bad = trainprint.estimate_many(params=[7e9, -1.0], tokens=2e12, hardware="h100", errors="collect")
    >>> list(bad["error"])
    [None, '[trainprint.input] params: got -1, expected 0 < params <= 1e+15']
    """
    if errors not in ("raise", "collect"):
        raise InputError(
            f"[trainprint.input] errors: got {errors!r:.40}, expected 'raise' or 'collect'",
            field="errors",
            value=repr(errors),
            expected="'raise' or 'collect'",
        )
    given: Dict[str, Any] = {}
    index = None
    if table is not None:
        if not hasattr(table, "keys") or not hasattr(table, "__getitem__"):
            raise InputError(
                f"[trainprint.input] table: got {table!r:.40}, expected a pandas DataFrame or a mapping of name to column",
                field="table",
                value=repr(table)[:40],
                expected="a pandas DataFrame or a mapping of name to column",
            )
        index = getattr(table, "index", None)
        given.update((k, table[k]) for k in table.keys())
    given.update(columns)
    fields = {k: v for k, v in given.items() if not _is_column(v)}
    cols = {k: _column(k, v) for k, v in given.items() if _is_column(v)}
    base, name = _scenario_args(scenario)
    try:
        out, failed, rows = _core.estimate_many(
            fields, cols, _handle(catalog), preset, base, name, errors == "collect"
        )
    except Error as e:
        row = getattr(e, "row", None)
        if row is not None and hasattr(e, "add_note"):
            e.add_note(f"in row {row} of estimate_many()")
        raise
    if errors == "collect":
        import numpy as np

        messages = np.full(rows, None, dtype=object)
        for row, message in failed:
            messages[row] = message
        out["error"] = messages
    if frame is None:
        frame = index is not None and type(table).__module__.startswith("pandas")
    if frame:
        import pandas as pd

        return pd.DataFrame(out, index=index if index is not None and len(index) == rows else None)
    return out
