# Type stubs for the trainprint package.
import os
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from typing_extensions import TypedDict, Unpack

from ._errors import DataError as DataError
from ._errors import Error as Error
from ._errors import InputError as InputError
from ._errors import MeasureError as MeasureError
from ._errors import UnitError as UnitError
from ._errors import UnknownKeyError as UnknownKeyError

__version__: str
OUTPUTS: Tuple[Tuple[str, str, str, str, str], ...]

_Path = Union[str, os.PathLike[str]]
_Scenario = Union[None, Mapping[str, Any], _Path]
_Number = Union[float, int, str]

class TraceEntry(NamedTuple):
    name: str
    value: float
    unit: str
    origin: str
    source: Optional[str]
    note: Optional[str]
    confidence: Optional[str] = ...

class Estimate:
    def __init__(self, json_text: str) -> None: ...
    @property
    def flops(self) -> Optional[float]: ...
    @property
    def accelerator_hours(self) -> float: ...
    @property
    def wall_hours(self) -> Optional[float]: ...
    @property
    def accelerator_power_w(self) -> float: ...
    @property
    def host_power_w(self) -> float: ...
    @property
    def energy_kwh(self) -> float: ...
    @property
    def energy_it_kwh(self) -> float: ...
    @property
    def energy_accelerators_kwh(self) -> float: ...
    @property
    def energy_host_kwh(self) -> float: ...
    @property
    def emissions_kg_co2e(self) -> Optional[float]: ...
    @property
    def emissions_location_kg_co2e(self) -> Optional[float]: ...
    @property
    def emissions_market_kg_co2e(self) -> Optional[float]: ...
    @property
    def emissions_embodied_kg_co2e(self) -> Optional[float]: ...
    @property
    def water_l(self) -> Optional[float]: ...
    @property
    def water_onsite_l(self) -> Optional[float]: ...
    @property
    def water_offsite_l(self) -> Optional[float]: ...
    @property
    def electricity_cost_usd(self) -> Optional[float]: ...
    @property
    def compute_cost_usd(self) -> Optional[float]: ...
    @property
    def hardware(self) -> Optional[str]: ...
    @property
    def region(self) -> Optional[str]: ...
    @property
    def provider(self) -> Optional[str]: ...
    @property
    def precision(self) -> str: ...
    @property
    def boundary(self) -> str: ...
    @property
    def convention(self) -> str: ...
    @property
    def scenario(self) -> Dict[str, Any]: ...
    @property
    def trace(self) -> List[TraceEntry]: ...
    @property
    def notes(self) -> List[str]: ...
    @property
    def catalog_version(self) -> str: ...
    @property
    def uncertainty(self) -> Optional[Dict[str, Any]]: ...
    def interval(self, name: str) -> Optional[Tuple[float, float]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = 2) -> str: ...
    def to_flat(self) -> Dict[str, Any]: ...

class ComparisonRow(NamedTuple):
    value: str
    metric: Optional[float]
    delta_to_best: Optional[float]
    estimate: Optional[Estimate]
    error: Optional[str] = ...

class Comparison:
    key: str
    sort: str
    metric_unit: str
    rows: List[ComparisonRow]
    def __init__(self, json_text: str, row_texts: Sequence[str]) -> None: ...
    @property
    def best(self) -> ComparisonRow: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[ComparisonRow]: ...
    def __getitem__(self, i: int) -> ComparisonRow: ...
    def to_list(self) -> List[Dict[str, Any]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = 2) -> str: ...

class Catalog:
    def __init__(self, overlays: Sequence[_Path] = ()) -> None: ...
    @property
    def tables(self) -> Tuple[str, ...]: ...
    @property
    def version(self) -> str: ...
    @property
    def date(self) -> str: ...
    def ids(self, table: str) -> List[str]: ...
    def entry(self, table: str, id: Optional[str] = None) -> Dict[str, Any]: ...
    def table(self, table: str, filter: str = "") -> List[Dict[str, Any]]: ...

def catalog(overlays: Sequence[_Path] = ()) -> Catalog: ...
class Measurement:
    @property
    def file(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def energy_j(self) -> float: ...
    @property
    def energy_kwh(self) -> float: ...
    @property
    def duration_s(self) -> Optional[float]: ...
    @property
    def average_w(self) -> Optional[float]: ...
    @property
    def peak_w(self) -> Optional[float]: ...
    @property
    def sampling_bound_j(self) -> Optional[float]: ...
    @property
    def gap_bound_j(self) -> Optional[float]: ...
    @property
    def bound_j(self) -> Optional[float]: ...
    @property
    def gaps(self) -> int: ...
    @property
    def gap_s(self) -> float: ...
    @property
    def restarts(self) -> int: ...
    @property
    def skipped_lines(self) -> int: ...
    @property
    def device_count(self) -> int: ...
    @property
    def devices(self) -> List[Dict[str, Any]]: ...
    @property
    def location(self) -> Optional[str]: ...
    @property
    def notes(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def table(self) -> str: ...

def measure(
    path: _Path,
    *,
    start: Union[None, float, str] = None,
    end: Union[None, float, str] = None,
    interval_ms: Optional[float] = None,
    skip_bad_lines: bool = False,
) -> Measurement: ...
def measure_samples(
    samples: Any,
    *,
    start: Optional[float] = None,
    end: Optional[float] = None,
) -> Measurement: ...
class _Inputs(TypedDict, total=False):
    # The scenario inputs estimate() and compare() take as keywords: the rows of
    # include/trainprint/inputs.hpp's table (docs/inputs.md), then the older spellings
    # they still accept.
    params: Optional[_Number]
    active_params: Optional[_Number]
    trainable_params: Optional[_Number]
    tokens: Optional[_Number]
    flops: Optional[_Number]
    size: Optional[str]
    recompute: Optional[Union[bool, str]]
    layers: Optional[_Number]
    d_model: Optional[_Number]
    seq_len: Optional[_Number]
    gpu_hours: Optional[_Number]
    duration_h: Optional[_Number]
    hardware: Optional[str]
    count: Optional[_Number]
    precision: Optional[str]
    mfu: Optional[_Number]
    power_fraction: Optional[_Number]
    power_w: Optional[_Number]
    boundary: Optional[str]
    convention: Optional[str]
    host_power_w: Optional[_Number]
    region: Optional[str]
    provider: Optional[str]
    site_kind: Optional[str]
    pue: Optional[_Number]
    wue: Optional[_Number]
    intensity: Optional[_Number]
    mix: Optional[Union[Mapping[str, float], str]]
    ewif: Optional[_Number]
    cfe: Optional[_Number]
    ownership: Optional[str]
    energy: Optional[str]
    embodied: Optional[Union[bool, str]]
    lifetime_years: Optional[_Number]
    price_usd_per_kwh: Optional[_Number]
    hourly_price_usd: Optional[_Number]
    energy_kwh: Optional[_Number]
    energy_boundary: Optional[str]
    accelerator_hours: Optional[_Number]
    duration: Optional[_Number]
    power: Optional[_Number]
    host_power: Optional[_Number]
    lifetime: Optional[_Number]
    price: Optional[_Number]
    hourly_price: Optional[_Number]
def estimate(
    *,
    preset: Optional[str] = None,
    scenario: _Scenario = None,
    catalog: Optional[Catalog] = None,
    uncertainty: bool = False,
    samples: Optional[int] = None,
    seed: Optional[int] = None,
    threads: int = 1,
    measured: Union[None, Measurement, _Path] = None,
    pilot: Union[None, Measurement, _Path] = None,
    pilot_tokens: Optional[_Number] = None,
    pilot_steps: Optional[_Number] = None,
    tokens_per_step: Optional[_Number] = None,
    pilot_count: Optional[_Number] = None,
    pilot_hours: Optional[_Number] = None,
    **inputs: Unpack[_Inputs],
) -> Estimate: ...
def compare(
    *,
    across: Mapping[str, Sequence[Any]],
    sort: str = "emissions",
    preset: Optional[str] = None,
    scenario: _Scenario = None,
    catalog: Optional[Catalog] = None,
    **inputs: Unpack[_Inputs],
) -> Comparison: ...
def estimate_many(
    table: Any = None,
    *,
    preset: Optional[str] = None,
    scenario: _Scenario = None,
    catalog: Optional[Catalog] = None,
    errors: str = "raise",
    frame: Optional[bool] = None,
    params: Any = None,
    active_params: Any = None,
    trainable_params: Any = None,
    tokens: Any = None,
    flops: Any = None,
    size: Any = None,
    recompute: Any = None,
    layers: Any = None,
    d_model: Any = None,
    seq_len: Any = None,
    gpu_hours: Any = None,
    duration_h: Any = None,
    hardware: Any = None,
    count: Any = None,
    precision: Any = None,
    mfu: Any = None,
    power_fraction: Any = None,
    power_w: Any = None,
    boundary: Any = None,
    convention: Any = None,
    host_power_w: Any = None,
    region: Any = None,
    provider: Any = None,
    site_kind: Any = None,
    pue: Any = None,
    wue: Any = None,
    intensity: Any = None,
    mix: Any = None,
    ewif: Any = None,
    cfe: Any = None,
    ownership: Any = None,
    energy: Any = None,
    embodied: Any = None,
    lifetime_years: Any = None,
    price_usd_per_kwh: Any = None,
    hourly_price_usd: Any = None,
    energy_kwh: Any = None,
    energy_boundary: Any = None,
    **cli_spellings: Any,
) -> Any: ...
