import pytest

import trainprint
from conftest import BASE


def test_hierarchy():
    assert issubclass(trainprint.InputError, trainprint.Error) and issubclass(trainprint.InputError, ValueError)
    assert issubclass(trainprint.UnknownKeyError, trainprint.Error) and issubclass(trainprint.UnknownKeyError, KeyError)
    assert issubclass(trainprint.DataError, trainprint.Error) and issubclass(trainprint.DataError, ValueError)
    assert issubclass(trainprint.UnitError, trainprint.Error) and issubclass(trainprint.UnitError, ValueError)


def test_unknown_hardware_has_suggestions():
    with pytest.raises(trainprint.UnknownKeyError) as info:
        trainprint.estimate(**{**BASE, "hardware": "h100x"})
    e = info.value
    assert str(e).startswith("[trainprint.unknown_key] unknown accelerator 'h100x'; did you mean ")
    assert e.kind == "accelerator" and e.key == "h100x"
    assert "nvidia-h100-sxm5-80gb" in e.suggestions and len(e.suggestions) <= 3
    assert str(e) == e.message  # not quoted as KeyError would


def test_unknown_region_is_a_key_error():
    with pytest.raises(KeyError, match="unknown region 'atlantis'"):
        trainprint.estimate(**{**BASE, "region": "atlantis"})


def test_out_of_range_exact_message():
    with pytest.raises(trainprint.InputError) as info:
        trainprint.estimate(**BASE, mfu=1.7)
    assert str(info.value) == "[trainprint.input] mfu: got 1.7, expected 0 < mfu <= 1"
    assert (info.value.field, info.value.value, info.value.expected) == ("mfu", "1.7", "0 < mfu <= 1")


def test_unknown_keyword_suggests_the_field():
    with pytest.raises(trainprint.InputError, match=r"parms: got an unknown field.*did you mean params\?"):
        trainprint.estimate(parms=7e9, tokens=2e12)


def test_wrong_type():
    with pytest.raises(trainprint.InputError, match=r"^\[trainprint.input\] params: got \[1,2\] \(array\), expected a number"):
        trainprint.estimate(params=[1, 2], tokens=2e12)
    with pytest.raises(trainprint.InputError, match=r"^\[trainprint.input\] count: got <object"):
        trainprint.estimate(params=7e9, tokens=2e12, count=object())


def test_bad_suffix_is_a_unit_error():
    with pytest.raises(trainprint.UnitError, match=r"^\[trainprint.unit\] params: got '7X'"):
        trainprint.estimate(params="7X", tokens="2T")


def test_bad_scenario_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"params": 7e9,')
    with pytest.raises(trainprint.DataError, match=r"^\[trainprint.data\] .*bad.json: malformed JSON") as info:
        trainprint.estimate(scenario=bad)
    assert info.value.file.endswith("bad.json")
    with pytest.raises(trainprint.DataError, match=r"cannot open"):
        trainprint.estimate(scenario=tmp_path / "missing.json")


def test_bad_overlay(tmp_path):
    with pytest.raises(trainprint.DataError):
        trainprint.catalog([tmp_path / "missing.json"])


def test_missing_workload():
    with pytest.raises(trainprint.InputError, match=r"^\[trainprint.input\]"):
        trainprint.estimate(hardware="h100", region="FR")


def test_positional_arguments_are_refused():
    with pytest.raises(TypeError):
        trainprint.estimate(BASE)  # type: ignore[misc]


def test_errors_are_catchable_as_the_base():
    for kwargs in ({"hardware": "nope", "gpu_hours": 1}, {"mfu": 7, **BASE}, {"params": "x", "tokens": 1}):
        with pytest.raises(trainprint.Error):
            trainprint.estimate(**kwargs)


def test_messages_name_inputs_as_python_keywords():
    # The library names inputs by id (embodied=false); Python shows its own literal (issue 18).
    with pytest.raises(trainprint.InputError) as info:
        trainprint.estimate(**{**BASE, "convention": "model-card", "embodied": True})
    assert "embodied=False or unset under convention model-card" in str(info.value)
    assert "embodied=false" not in str(info.value)
    # A note (the TPU v5e has no public die area): the keyword, not the CLI's --no-embodied.
    e = trainprint.estimate(gpu_hours=1000, hardware="tpu-v5e", count=8, power_w=200, region="gcp:us-west1")
    assert any("set embodied=False to leave them out" in n for n in e.notes), e.notes


def test_json_reads_text_values_as_keywords_do(tmp_path):
    # One reader of values (issue 18): "1.3B", "9%", "5d" in a scenario dict or a JSON file.
    kw = trainprint.estimate(params="1.3B", tokens="26B", hardware="h100", count=8, mfu="9%", region="FR")
    path = tmp_path / "scenario.json"
    path.write_text('{"params": "1.3B", "tokens": "26B", "hardware": "h100", "count": 8, "mfu": "9%", "region": "FR"}')
    js = trainprint.estimate(scenario=path)
    assert js.energy_kwh == kw.energy_kwh
    # 6 × 7e9 × 2e10 = 8.4e20 FLOP fit in 5 days on 8 H100s (they need 8.4e20 / (3600 × 989.4e12) = 236 h at MFU 1,
    # 29.5 h each); 2e12 tokens would not, and an MFU above 1 is bad input.
    d = trainprint.estimate(scenario={"duration": "5d", "count": 8, "hardware": "h100", "params": 7e9, "tokens": 2e10})
    assert d.wall_hours == 120  # 5 days × 24 h
