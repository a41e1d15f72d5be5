"""Python, C and the CLI give identical JSON for the same scenario."""

import ctypes
import json
import subprocess

import pytest

import trainprint
from conftest import BASE

SCENARIOS = {
    "readme": BASE,
    "flops_and_site": {"flops": 3.1e23, "hardware": "a100", "count": 1024, "region": "FR", "pue": 1.2, "mfu": 0.35,
                       "precision": "bf16", "price_usd_per_kwh": 0.12, "hourly_price_usd": 2.5},
    "gpu_hours_and_mix": {"gpu_hours": 250000, "hardware": "tpu-v5p", "mix": {"coal": 0.25, "gas": 0.25, "wind": 0.5},
                          "boundary": "accelerators", "embodied": False},
    "duration": {"duration_h": 720, "count": 64, "hardware": "h100", "region": "aws:us-east-1", "power_fraction": 0.6,
                 "cfe": 0.5, "wue": 0.3, "ewif": 2.0},
}


class CApi:
    """libtrainprint_c through ctypes."""

    def __init__(self, path):
        lib = ctypes.CDLL(str(path))
        lib.trainprint_version.restype = ctypes.c_char_p
        lib.trainprint_last_error.restype = ctypes.c_char_p
        lib.trainprint_catalog_open.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
        lib.trainprint_catalog_close.argtypes = [ctypes.c_void_p]
        lib.trainprint_estimate.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.trainprint_compare.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                           ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.trainprint_catalog_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.trainprint_catalog_entry.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                                 ctypes.c_size_t]
        self.lib = lib
        self.cat = ctypes.c_void_p()
        assert lib.trainprint_catalog_open(None, 0, ctypes.byref(self.cat)) == 0

    def close(self):
        self.lib.trainprint_catalog_close(self.cat)

    def _text(self, fn, *args):
        n = fn(self.cat, *args, None, 0)
        if n < 0:
            raise RuntimeError(n, self.lib.trainprint_last_error().decode())
        buf = ctypes.create_string_buffer(n + 1)
        assert fn(self.cat, *args, buf, n + 1) == n
        return buf.value.decode()

    def estimate(self, scenario_json):
        return self._text(self.lib.trainprint_estimate, scenario_json.encode())

    def compare(self, scenario_json, key, values, sort):
        return self._text(self.lib.trainprint_compare, scenario_json.encode(), key.encode(),
                          json.dumps(values).encode(), sort.encode())

    def ids(self, table):
        return self._text(self.lib.trainprint_catalog_ids, table.encode())

    def entry(self, table, id):
        return self._text(self.lib.trainprint_catalog_entry, table.encode(), id.encode())


@pytest.fixture
def c_api(c_library):
    api = CApi(c_library)
    yield api
    api.close()


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_python_c_and_cli_agree(name, tmp_path, cli, c_api, c_tests):
    scenario = SCENARIOS[name]
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(scenario, indent=1))

    from_cli = subprocess.run([str(cli), "estimate", "--scenario", str(path), "--format", "json"],
                              check=True, capture_output=True, text=True).stdout
    from_c = c_api.estimate(path.read_text())
    from_c_program = subprocess.run([str(c_tests), "estimate-file", str(path)],
                                    check=True, capture_output=True, text=True).stdout
    from_python_keywords = trainprint.estimate(**scenario).to_json()
    from_python_file = trainprint.estimate(scenario=path).to_json()

    # The CLI writes its notes' inputs as flags (--cfe; spelling.hpp), the C API as ids (cfe):
    # the same notes, the rest byte for byte.
    cli_json, c_json = json.loads(from_cli), json.loads(from_c)
    assert len(cli_json.pop("notes")) == len(c_json.pop("notes"))
    assert cli_json == c_json
    assert from_c_program == from_c + "\n"
    assert from_python_keywords == from_c
    assert from_python_file == from_c
    assert json.loads(from_cli)["schema"] == "trainprint.estimate/1"


def test_python_c_and_cli_compare_agree(tmp_path, cli, c_api):
    scenario = {k: v for k, v in BASE.items() if k != "region"}
    values = ["SE", "aws:us-east-1", "FR"]
    path = tmp_path / "base.json"
    path.write_text(json.dumps(scenario))
    from_cli = subprocess.run([str(cli), "compare", "--scenario", str(path), "--across", "region=" + ",".join(values),
                               "--sort", "water", "--format", "json"], check=True, capture_output=True, text=True).stdout
    from_c = c_api.compare(json.dumps(scenario), "region", values, "water")
    from_python = trainprint.compare(**scenario, across={"region": values}, sort="water").to_json()
    cli_json, c_json = json.loads(from_cli), json.loads(from_c)
    for row in cli_json["rows"] + c_json["rows"]:
        row["estimate"].pop("notes")
    assert cli_json == c_json
    assert from_python == from_c
    assert json.loads(from_c)["schema"] == "trainprint.compare/1"
    numbers = c_api.compare(json.dumps(BASE), "count", [256, 512.0, "1k"], "time")
    assert trainprint.compare(**BASE, across={"count": [256, 512.0, "1k"]}, sort="time").to_json() == numbers


def test_python_and_c_catalog_agree(c_api):
    cat = trainprint.catalog()
    for table in cat.tables:
        assert json.loads(c_api.ids(table)) == cat.ids(table)
    assert json.loads(c_api.entry("hardware", "h100")) == cat.entry("hardware", "h100")


def test_c_version_is_python_version(c_api):
    assert c_api.lib.trainprint_version().decode() == trainprint.__version__


def test_c_errors_match_python_messages(c_api):
    bad = json.dumps({**BASE, "hardware": "h100x"})
    with pytest.raises(RuntimeError) as c_error:
        c_api.estimate(bad)
    with pytest.raises(trainprint.UnknownKeyError) as py_error:
        trainprint.estimate(**{**BASE, "hardware": "h100x"})
    assert c_error.value.args == (-2, str(py_error.value))
