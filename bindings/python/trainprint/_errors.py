"""The exceptions of trainprint, mirroring the C++ error tree (error.hpp).

Every message is the library's, prefixed by its kind:
``[trainprint.input] mfu: got 1.7, expected 0 < mfu <= 1``.
"""

from __future__ import annotations

from typing import Sequence

__all__ = ["Error", "InputError", "UnknownKeyError", "DataError", "UnitError", "MeasureError"]


class Error(Exception):
    """Base of every error trainprint raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(Error, ValueError):
    """A scenario input is missing, out of range or inconsistent."""

    def __init__(self, message: str, field: str = "", value: str = "", expected: str = "") -> None:
        super().__init__(message)
        self.field = field  #: the scenario field at fault (as in the scenario JSON)
        self.value = value  #: the offending value as text; "" when missing
        self.expected = expected  #: what would be right


class UnknownKeyError(Error, KeyError):
    """An id that is not in the catalog; ``suggestions`` holds the closest ids."""

    def __init__(
        self, message: str, kind: str = "", key: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.kind = kind  #: what was looked up: "accelerator", "region", ...
        self.key = key  #: the id as given
        self.suggestions = list(suggestions)  #: up to three close ids, best first

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class DataError(Error, ValueError):
    """Malformed JSON, or a data file that is unreadable or malformed."""

    def __init__(self, message: str, file: str = "", pointer: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.pointer = pointer
        self.detail = detail


class UnitError(Error, ValueError):
    """A number with a unit or suffix that does not parse ("7X", "30q")."""


class MeasureError(Error, ValueError):
    """A measurement file or sample stream that cannot be read: names the file
    (``"<samples>"`` for measure_samples()) and the 1-based line (for samples, the
    sample's position; 0 when the fault is on no one line)."""

    def __init__(self, message: str, file: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.file = file  #: the file, or "<samples>"
        self.line = line  #: the 1-based line (or sample), 0 when none
