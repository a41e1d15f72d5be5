"""The Python half of the bad-input table (issue 10): every bad
input raises its exact trainprint exception (never a bare ValueError, TypeError,
UnicodeDecodeError or a NaN in a result)."""

import math

import pytest

import trainprint
from conftest import SOURCE_DIR

GPU = {"gpu_hours": 1000, "hardware": "h100", "count": 8, "region": "FR"}

ROWS = [
    # (name, keyword arguments, exception, exact message)
    ("negative params", dict(params=-7e9, tokens=2e12, hardware="h100"), trainprint.InputError, '[trainprint.input] params: got -7e+09, expected 0 < params <= 1e+15'),
    ("zero tokens", dict(params=7e9, tokens=0, hardware="h100"), trainprint.InputError, '[trainprint.input] tokens: got 0, expected 0 < tokens <= 1e+17'),
    ("NaN gpu_hours", {**GPU, "gpu_hours": math.nan}, trainprint.InputError, '[trainprint.input] gpu_hours: got nan h, expected 0 h < gpu_hours <= 1e+13 h'),
    ("inf tokens", dict(params=7e9, tokens=math.inf, hardware="h100"), trainprint.InputError, '[trainprint.input] tokens: got inf, expected 0 < tokens <= 1e+17'),
    ("params 1e308", dict(params=1e308, tokens=2e12, hardware="h100"), trainprint.InputError, '[trainprint.input] params: got 1e+308, expected 0 < params <= 1e+15'),
    ("PUE 0.9", {**GPU, "pue": 0.9}, trainprint.InputError, '[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5'),
    ("MFU 0", dict(params=7e9, tokens=2e12, hardware="h100", mfu=0), trainprint.InputError, '[trainprint.input] mfu: got 0, expected 0 < mfu <= 1'),
    # 6 x 7e9 x 2e12 = 8.4e22 FLOP need 8.4e22 / (3600 x 989.4e12) = 23,583 H100-hours at MFU 1: 1,000 h is an MFU of 23.6.
    ("implied MFU above 1", dict(params=7e9, tokens=2e12, hardware="h100", gpu_hours=1000), trainprint.InputError, '[trainprint.input] gpu_hours: got 1000, expected at least 2.358e+04 accelerator-hours for 8.4e+22 FLOP on nvidia-h100-sxm5-80gb (its dense bf16 peak, 989.4 TFLOP/s, at MFU 1; the fitted MFU 0.199 needs 1.188e+05 h), or a smaller workload (params, tokens, flops): the time given would need an MFU of 23.6, and no run exceeds 1'),
    ("duration -3d", {**GPU, "gpu_hours": None, "duration_h": "-3d"}, trainprint.UnitError, "[trainprint.unit] duration_h: got '-3d', expected a positive duration such as 90min, 36h, 30d, 2w, 3mo or 1y (unit words too: 5 days, 3 months; a bare number is hours)"),
    ("empty hardware", {**GPU, "hardware": ""}, trainprint.InputError, "[trainprint.input] hardware: got '', expected a catalog id such as h100"),
    ("empty params text", dict(params="", tokens="2T", hardware="h100"), trainprint.UnitError, "[trainprint.unit] params: got '', expected a number with an optional suffix k, M, B (or G), T, P, E, e.g. 7B or 70e9"),
    ("unknown region", {**GPU, "region": "atlantis"}, trainprint.UnknownKeyError, "[trainprint.unknown_key] unknown region 'atlantis'"),
    ("invalid UTF-8 id", {**GPU, "hardware": "h\udcff100"}, trainprint.InputError, "[trainprint.input] hardware: got 'h\\udcff100', expected text that is valid Unicode (no lone surrogates)"),
    ("wrong type", {**GPU, "count": "eight"}, trainprint.UnitError, "[trainprint.unit] count: got 'eight', expected a number, e.g. 512"),
    ("bool for a number", {**GPU, "pue": True}, trainprint.InputError, '[trainprint.input] pue: got true (boolean), expected a number, or a range {"low": ..., "mode": ..., "high": ...}, [low, high], [low, mode, high] or "low:high"'),
    ("mix summing to 0.7", {**GPU, "mix": {"coal": 0.3, "gas": 0.4}}, trainprint.InputError, '[trainprint.input] mix: got shares summing to 0.7, expected shares summing to 1 (±0.001)'),
    # issue 18: the message names the keyword as typed (duration), not the input's name (duration_h)
    ("duration in words", {**GPU, "gpu_hours": None, "duration": "a few weeks"}, trainprint.UnitError, "[trainprint.unit] duration: got 'a few weeks', a span with no number: the word alone, 'weeks', is a range of 1 week to 30 days; or give a number with a unit, such as 3w or 3 weeks"),
    ("power above the server", {**GPU, "power": 10200}, trainprint.InputError, "[trainprint.input] power: got 10200 W per accelerator, expected at most 1275 W on nvidia-h100-sxm5-80gb (nvidia-dgx-h100's maximum system power, 10200 W with its host, over its 8 accelerators): power 10200 W is about the whole of nvidia-dgx-h100 (8 × nvidia-h100-sxm5-80gb and its host): power is the average per accelerator, host excluded"),
    ("huge count", {**GPU, "count": 10**30}, trainprint.InputError, '[trainprint.input] count: got 1e+30, expected 1 <= count <= 1e+08'),
]


@pytest.mark.parametrize("name,inputs,exc,message", ROWS, ids=[r[0] for r in ROWS])
def test_bad_input_row(name, inputs, exc, message):
    inputs = {k: v for k, v in inputs.items() if v is not None}
    with pytest.raises(exc) as info:
        trainprint.estimate(**inputs)
    assert str(info.value) == message


def test_extra_field_in_a_scenario_dict():
    with pytest.raises(trainprint.InputError) as info:
        trainprint.estimate(scenario={**GPU, "colour": "green"})
    assert str(info.value) == '[trainprint.input] colour: got an unknown field, expected a scenario field'


def test_samples_zero():
    with pytest.raises(trainprint.InputError) as info:
        trainprint.estimate(**GPU, samples=0)
    assert str(info.value) == '[trainprint.input] samples: got 0, expected a whole number >= 20'


def test_ten_megabyte_scenario_file(tmp_path):
    big = tmp_path / "big.json"
    big.write_text('{"gpu_hours": 1000, "notes": "' + "x" * 10_000_000 + '"}')
    with pytest.raises(trainprint.Error) as info:
        trainprint.estimate(scenario=big)
    assert str(info.value) == '[trainprint.input] notes: got an unknown field, expected a scenario field'.replace("<path>", str(big))


def test_invalid_utf8_scenario_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"gpu_hours": 1000, "hardware": "h\xff100"}')
    with pytest.raises(trainprint.DataError) as info:
        trainprint.estimate(scenario=bad)
    assert str(info.value) == '[trainprint.data] <path>: not UTF-8 text (invalid start byte at byte 34)'.replace("<path>", str(bad))


def test_overlay_that_redefines_an_id():
    path = SOURCE_DIR / "tests" / "cli" / "data" / "bad-input-redefine.json"
    with pytest.raises(trainprint.DataError) as info:
        trainprint.catalog([path])
    assert str(info.value) == '[trainprint.data] <path>#/accelerators/0/id: id \'nvidia-h100-sxm5-80gb\' already exists; set "replace": true to replace it'.replace("<path>", str(path))


def test_compare_with_a_bad_value():
    # README (compare): an option out of its limits is an unknown row while another
    # option was estimated, and the whole comparison's error when none was.
    with pytest.raises(trainprint.InputError) as info:
        trainprint.compare(**GPU, across={"pue": ["0.9"]})
    assert str(info.value) == '[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5'
    c = trainprint.compare(**GPU, across={"pue": ["0.9", "1.2"]})
    assert [r.value for r in c] == ["1.2", "0.9"]
    ok, bad = c.rows
    assert ok.error is None and ok.estimate == trainprint.estimate(**GPU, pue=1.2)
    assert bad.estimate is None and bad.metric is None and bad.delta_to_best is None
    assert bad.error == '[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5'
    flat = c.to_list()[1]
    assert flat["error"] == bad.error and flat["energy_kwh"] is None and flat["hardware"] is None
    assert set(flat) == set(c.to_list()[0])


def test_ten_megabyte_scenario_file_in_the_cli(cli, tmp_path):
    import subprocess

    big = tmp_path / "big.json"
    big.write_text('{"gpu_hours": 1000, "notes": "' + "x" * 10_000_000 + '"}')
    r = subprocess.run([str(cli), "estimate", "--scenario", str(big)], capture_output=True)
    assert r.returncode == 1
    assert r.stdout == b""
    assert r.stderr.decode() == f"trainprint: [trainprint.data] {big}: larger than 1 MiB; a scenario is a few hundred bytes\n"
