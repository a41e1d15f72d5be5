"""estimate_many(): one estimate per row, in the library; every number equal to
estimate()'s for the same row (the reference is estimate() itself, row by row)."""

import math

import numpy as np
import pytest

import trainprint
from conftest import BASE

NAMES = [row[0] for row in trainprint.OUTPUTS]

ROWS = [
    {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 512, "region": "aws:us-east-1"},
    {"params": "70B", "tokens": "15T", "hardware": "a100", "count": 2048, "region": "FR", "pue": 1.1},
    {"gpu_hours": 250000, "hardware": "tpu-v5p", "region": "SE", "count": None, "price_usd_per_kwh": 0.08},
    {"duration_h": "30d", "count": 64, "hardware": "h100", "region": "PL", "mfu": None, "embodied": False},
    {"flops": 3.1e23, "hardware": "a100", "count": 1024, "region": "US-CA", "mfu": "35%", "cfe": 0.5},
]


def columns_of(rows):
    keys = sorted({k for r in rows for k in r})
    return {k: [r.get(k) for r in rows] for k in keys}


def expected(row):
    """estimate() of one row (None means "not given")."""
    e = trainprint.estimate(**{k: v for k, v in row.items() if v is not None})
    return e.to_dict(), e


def assert_row(result, i, row):
    d, e = expected(row)
    for name, group, key, _, _ in trainprint.OUTPUTS:
        want = d[group][key]
        got = result[name][i]
        if want is None:
            assert math.isnan(got), (i, name)
        else:
            assert got == want, (i, name, got, want)  # bit for bit: the same library path


def test_every_output_equals_estimate_row_by_row():
    r = trainprint.estimate_many(**columns_of(ROWS))
    assert list(r) == NAMES
    for name in NAMES:
        assert isinstance(r[name], np.ndarray) and r[name].dtype == np.float64 and r[name].shape == (len(ROWS),)
    for i, row in enumerate(ROWS):
        assert_row(r, i, row)


def test_numpy_arrays_and_broadcast_values():
    params = np.array([7e9, 13e9, 70e9])
    count = np.array([512, 1024, 2048], dtype=np.int64)
    r = trainprint.estimate_many(params=params, count=count, tokens="2T", hardware="h100", region="FR")
    for i in range(3):
        assert_row(r, i, {"params": params[i], "count": int(count[i]), "tokens": 2e12, "hardware": "h100", "region": "FR"})


def test_nan_and_none_mean_not_given():
    # Row 1 has no count: wall time unknown (NaN), everything else as estimate() without count.
    r = trainprint.estimate_many(params=[7e9, 7e9], tokens=2e12, hardware="h100", region="FR",
                                 count=np.array([512.0, np.nan]))
    assert_row(r, 1, {"params": 7e9, "tokens": 2e12, "hardware": "h100", "region": "FR"})
    assert math.isnan(r["wall_time_h"][1]) and not math.isnan(r["wall_time_h"][0])


def test_preset_and_scenario_are_the_base():
    r = trainprint.estimate_many(preset="llama-2-7b", region=["FR", "SE"])
    for i, region in enumerate(["FR", "SE"]):
        want = trainprint.estimate(preset="llama-2-7b", region=region)
        assert r["emissions_total_kg_co2e"][i] == want.emissions_kg_co2e
    s = trainprint.estimate_many(scenario=BASE, count=[256, 512])
    assert s["energy_facility_kwh"][1] == trainprint.estimate(**BASE).energy_kwh


def test_errors_raise_with_the_row():
    with pytest.raises(trainprint.UnknownKeyError) as e:
        trainprint.estimate_many(params=7e9, tokens=2e12, hardware=["h100", "h100x", "nope"])
    assert e.value.row == 1
    assert e.value.key == "h100x"
    with pytest.raises(trainprint.InputError) as e:
        trainprint.estimate_many(params=[7e9, 7e9, -1.0], tokens=2e12, hardware="h100")
    assert e.value.row == 2 and e.value.field == "params"
    assert str(e.value) == "[trainprint.input] params: got -1, expected 0 < params <= 1e+15"
    with pytest.raises(trainprint.UnitError):
        trainprint.estimate_many(params=["7B", "7X"], tokens=2e12, hardware="h100")


def test_errors_collect_keeps_the_other_rows():
    r = trainprint.estimate_many(params=["7B", "7X", 7e9, 7e9], tokens=2e12, hardware=["h100", "h100", "h100x", "a100"],
                                 count=[8, 8, 8, 1.5], errors="collect")
    assert r["error"].dtype == object
    assert r["error"][0] is None
    with pytest.raises(trainprint.UnitError) as unit:
        trainprint.estimate(params="7X", tokens=2e12, hardware="h100", count=8)
    with pytest.raises(trainprint.UnknownKeyError) as key:
        trainprint.estimate(params=7e9, tokens=2e12, hardware="h100x", count=8)
    with pytest.raises(trainprint.InputError) as count:
        trainprint.estimate(params=7e9, tokens=2e12, hardware="a100", count=1.5)
    assert list(r["error"][1:]) == [str(unit.value), str(key.value), str(count.value)]
    assert all(math.isnan(r[name][1]) for name in NAMES)
    assert_row(r, 0, {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 8})


def test_call_errors_raise_whatever_errors_says():
    with pytest.raises(trainprint.InputError, match="an unknown field"):
        trainprint.estimate_many(parms=[7e9], tokens=2e12, hardware="h100", errors="collect")
    with pytest.raises(trainprint.InputError, match="rows"):
        trainprint.estimate_many(params=[7e9, 8e9], tokens=[2e12], hardware="h100", errors="collect")
    with pytest.raises(trainprint.InputError, match="a number, a string or None"):
        trainprint.estimate_many(params=[7e9, object()], tokens=2e12, hardware="h100", errors="collect")
    with pytest.raises(trainprint.InputError, match="'raise' or 'collect'"):
        trainprint.estimate_many(params=[7e9], tokens=2e12, hardware="h100", errors="ignore")
    with pytest.raises(trainprint.InputError, match="one-dimensional"):
        trainprint.estimate_many(params=np.ones((2, 2)), tokens=2e12, hardware="h100")


def test_empty_columns_give_empty_results():
    r = trainprint.estimate_many(params=[], tokens=[], hardware="h100")
    assert all(r[name].shape == (0,) for name in NAMES)


def test_dataframe_in_and_out():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(columns_of(ROWS[:2]), index=["llama", "big"])
    out = trainprint.estimate_many(df)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == ["llama", "big"]
    assert list(out.columns) == NAMES
    assert_row(out.reset_index(drop=True), 1, ROWS[1])
    as_dict = trainprint.estimate_many(df, frame=False, region="SE")
    assert isinstance(as_dict, dict)
    assert as_dict["emissions_total_kg_co2e"][0] == trainprint.estimate(**{**ROWS[0], "region": "SE"}).emissions_kg_co2e
    # A categorical column reads like its values.
    df2 = pd.DataFrame({"params": [7e9, 7e9], "hardware": pd.Categorical(["h100", "a100"])})
    r = trainprint.estimate_many(df2, tokens=2e12, count=64, frame=True, errors="collect")
    assert list(r["error"]) == [None, None]
    assert r["energy_facility_kwh"].iloc[1] == trainprint.estimate(params=7e9, tokens=2e12, count=64,
                                                                      hardware="a100").energy_kwh


def test_pandas_missing_values_mean_not_given():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"params": [7e9, 7e9, 7e9], "count": pd.array([512, None, 64], dtype="Int64"),
                       "region": pd.Series(["FR", None, "SE"], dtype="string")})
    r = trainprint.estimate_many(df, tokens=2e12, hardware="h100", frame=False)
    assert_row(r, 1, {"params": 7e9, "tokens": 2e12, "hardware": "h100"})
    assert_row(r, 2, {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 64, "region": "SE"})
