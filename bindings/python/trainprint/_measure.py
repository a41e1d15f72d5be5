"""Measured energy: power logs and energy files read by the library (trainprint measure;
docs/methodology.md §7). Re-exported by the package: ``trainprint.measure``,
``trainprint.measure_samples`` and ``trainprint.Measurement``."""

from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Callable, Dict, List, Optional, Union

from . import _core


def _total_field(key: str, kind: Callable[[Any], Any], doc: str, default: Any = None) -> Any:
    """A read-only Measurement property: the figure ``key`` of the JSON's ``total``
    as ``kind``; ``default`` (None: the figure is None) where the total lacks it."""

    def get(self: "Measurement") -> Any:
        v = self._data["total"].get(key, default)
        return None if v is None else kind(v)

    get.__name__ = key
    return property(get, doc=doc)


class Measurement:
    """Measured energy: a power log integrated with the trapezoid rule per device, or
    an energy file read (trainprint measure; docs/methodology.md §7.1). Floats in the
    units their names say (J, kWh, s, W). Made by measure() or measure_samples()."""

    __slots__ = ("_handle", "_data")

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        self._data: Dict[str, Any] = _json.loads(handle.json())

    @property
    def file(self) -> str:
        """The file, or ``"<samples>"``."""
        return str(self._data["file"])

    @property
    def format(self) -> str:
        """``"nvidia-smi"``, ``"csv"``, ``"dcgmi-dmon"``, ``"codecarbon"``, ``"sacct"`` or ``"samples"``."""
        return str(self._data["format"])

    @property
    def device_count(self) -> int:
        """Devices of a power log, or accelerators an energy file states (0: unknown)."""
        return int(self._handle.device_count)

    @property
    def devices(self) -> List[Dict[str, Any]]:
        """Per device (power log) or per record (energy file), as in the JSON."""
        return list(self._data.get("devices", self._data.get("records", [])))

    @property
    def location(self) -> Optional[str]:
        """The country/region an energy file states (CodeCarbon)."""
        return self._data.get("location")

    @property
    def notes(self) -> List[str]:
        """How the file was read: columns not used, gaps, restarts, what a record covers."""
        return list(self._data["notes"])

    def to_dict(self) -> Dict[str, Any]:
        """The measurement as ``trainprint measure --format json`` prints it."""
        return _json.loads(self._handle.json())

    def to_json(self) -> str:
        """The JSON text ``trainprint measure --format json`` prints."""
        return str(self._handle.json())

    def table(self) -> str:
        """The table ``trainprint measure`` prints."""
        return str(self._handle.table())

    def __repr__(self) -> str:
        over = "an unknown time" if self.duration_s is None else f"{self.duration_s:.6g} s"
        return f"Measurement({self.file!r}, {self.format}, {self.energy_j:.6g} J over {over})"


# The figures of the JSON's "total" that Measurement has as read-only properties, one
# getter for all: name, type, the value where the total lacks the figure (None: the
# property is None there, as for an energy file), docstring.
_TOTALS = (
    ("energy_j", float, None, "Energy over the window, all devices together, J."),
    ("energy_kwh", float, None, "energy_j in kWh."),
    ("duration_s", float, None,
     "Wall time of the window, s; None when an energy file states no time (sacct without Elapsed: "
     "give the pilot's time as ``pilot_hours``)."),
    ("average_w", float, None, "Energy / duration, all devices together, W; None where the duration is unknown."),
    ("peak_w", float, None, "Highest total draw at any reading (None for an energy file), W."),
    ("sampling_bound_j", float, None,
     "Half the spread of the left and right Riemann sums, J (None for an energy file)."),
    ("gap_bound_j", float, None,
     "What the gaps could hide: each gap's length × the spread of the readings within one gap "
     "length either side, J (None for an energy file)."),
    ("bound_j", float, None, "sampling_bound_j + gap_bound_j, J (None for an energy file)."),
    ("gaps", int, 0, "Intervals longer than 5 × the device's median interval, summed over devices."),
    ("gap_s", float, 0.0, "Seconds inside those gaps."),
    ("restarts", int, 0, "Logger restarts: a header repeated inside the file."),
    ("skipped_lines", int, 0, "Bad lines skipped (skip_bad_lines=True)."),
)
for _key, _kind, _default, _doc in _TOTALS:
    setattr(Measurement, _key, _total_field(_key, _kind, _doc, _default))
del _key, _kind, _default, _doc


def measure(
    path: Union[str, "_os.PathLike[str]"],
    *,
    start: Union[None, float, str] = None,
    end: Union[None, float, str] = None,
    interval_ms: Optional[float] = None,
    skip_bad_lines: bool = False,
) -> Measurement:
    """Reads a measurement file as ``trainprint measure`` does: an nvidia-smi power
    log (``--query-gpu=timestamp,index,power.draw --format=csv``), a CSV of ``t_s``
    and ``watts``, ``dcgmi dmon -e 155`` output (no times: give ``interval_ms``, its
    ``-d``), CodeCarbon's emissions.csv or ``sacct -P`` output with ConsumedEnergy.

    ``start``/``end`` (the CLI's ``--from``/``--to``) cut a window: seconds (after
    the first reading on a timestamped log) or a timestamp str. ``skip_bad_lines``
    skips and counts unreadable lines instead of raising.

    Raises MeasureError (``file``, ``line``) for a file that cannot be read,
    InputError for a bad argument.

    >>> import os
    >>> m = measure(os.path.join(os.environ.get("TRAINPRINT_SOURCE_DIR", "."), "tests/data/measure/smi-2gpu.csv"))
    >>> m.energy_j, m.device_count
    (1600.0, 2)
    """
    return Measurement(
        _core.measure_file(_os.fspath(path), start, end, interval_ms, bool(skip_bad_lines))
    )


def measure_samples(
    samples: Any,
    *,
    start: Optional[float] = None,
    end: Optional[float] = None,
) -> Measurement:
    """Integrates power readings a program took itself: ``samples`` is an iterable of
    ``(t_s, watts)`` or ``(t_s, watts, device)``, seconds on any clock that only moves
    forward, each device's readings in time order. Trapezoid rule per device; the
    window ``start``/``end`` in the same seconds.

    Raises MeasureError for no samples, time going backwards, negative, non-finite or
    absurd (> 100 kW) watts, or an empty window (``line`` is the sample's 1-based
    position); InputError for an item that is not such a tuple.

    >>> m = measure_samples([(0, 100), (1, 300)])   # (100 + 300) / 2 × 1 s
    >>> m.energy_j, m.sampling_bound_j
    (200.0, 100.0)
    """
    return Measurement(_core.measure_samples(samples, start, end))


def _measurement_arg(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, Measurement):
        return v._handle
    if isinstance(v, (str, _os.PathLike)):
        return _os.fspath(v)
    return v  # the core says what was expected
