"""Shared fixtures. ctest sets PYTHONPATH to the built package and passes the
paths of the CLI, libtrainprint_c and the C test binary in the environment."""

import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("TRAINPRINT_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))

#: The scenario of the README and the CLI tests.
BASE = {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 512, "region": "aws:us-east-1"}


def _tool(var: str) -> pathlib.Path:
    value = os.environ.get(var)
    if not value or not pathlib.Path(value).exists():
        pytest.skip(f"{var} is not set (build with the CLI and the C API)")
    return pathlib.Path(value)


@pytest.fixture
def cli() -> pathlib.Path:
    return _tool("TRAINPRINT_CLI")


@pytest.fixture
def c_library() -> pathlib.Path:
    return _tool("TRAINPRINT_C_LIBRARY")


@pytest.fixture
def c_tests() -> pathlib.Path:
    return _tool("TRAINPRINT_C_TESTS")


@pytest.fixture
def overlay() -> pathlib.Path:
    return SOURCE_DIR / "tests" / "c_api" / "overlay.json"
