import json
import math
import threading

import pytest

import trainprint
from conftest import BASE


def test_estimate_returns_plain_floats_in_named_units():
    e = trainprint.estimate(**BASE)
    assert isinstance(e.energy_kwh, float)
    assert e.hardware == "nvidia-h100-sxm5-80gb"
    assert e.region == "aws:us-east-1"
    assert e.flops == pytest.approx(6 * 7e9 * 2e12)
    # facility = IT × PUE, total emissions = location-based + embodied, water = on-site + off-site
    pue = next(t for t in e.trace if t.name == "pue").value
    assert e.energy_kwh == pytest.approx(e.energy_it_kwh * pue)
    assert e.energy_it_kwh == pytest.approx(e.energy_accelerators_kwh + e.energy_host_kwh)
    assert e.emissions_kg_co2e == pytest.approx(e.emissions_location_kg_co2e + e.emissions_embodied_kg_co2e)
    assert e.water_l == pytest.approx(e.water_onsite_l + e.water_offsite_l)
    assert 1e4 < e.energy_kwh < 1e6
    assert e.electricity_cost_usd is None  # no price given


def test_to_dict_and_to_json_are_the_estimate_schema():
    e = trainprint.estimate(**BASE)
    d = e.to_dict()
    assert d["schema"] == "trainprint.estimate/1"
    assert d["energy_kwh"]["facility"] == e.energy_kwh
    assert json.loads(e.to_json()) == d
    assert json.loads(e.to_json(indent=None)) == d
    assert "\n" not in e.to_json(indent=None)
    assert d["scenario"] == {"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 512, "region": "aws:us-east-1"}
    d["energy_kwh"]["facility"] = 0  # a fresh copy each time
    assert e.to_dict()["energy_kwh"]["facility"] == e.energy_kwh


def test_trace_names_origins_and_sources():
    e = trainprint.estimate(**BASE)
    by_name = {t.name: t for t in e.trace}
    assert by_name["tdp_w"].origin == "catalog" and by_name["tdp_w"].source
    assert {t.origin for t in e.trace} <= {"user", "catalog", "default", "derived"}


def test_numbers_as_text_read_like_the_cli():
    as_numbers = trainprint.estimate(**BASE, mfu=0.35, duration_h=None)
    as_text = trainprint.estimate(params="7B", tokens="2T", hardware="h100", count="512", region="aws:us-east-1", mfu="0.35")
    assert as_text.to_json() == as_numbers.to_json()
    percent = trainprint.estimate(**BASE, mfu="35%")
    assert percent.scenario["mfu"] == pytest.approx(0.35)


def test_cli_spellings_are_accepted():
    a = trainprint.estimate(gpu_hours=1e5, hardware="a100", region="FR", price_usd_per_kwh=0.1, lifetime_years=4)
    b = trainprint.estimate(accelerator_hours="100k", hardware="a100", region="FR", price="0.1", lifetime=4)
    assert a.to_json() == b.to_json()
    assert a.electricity_cost_usd == pytest.approx(a.energy_kwh * 0.1)


def test_mix_as_dict_or_text():
    a = trainprint.estimate(gpu_hours=1000, hardware="h100", mix={"coal": 0.5, "wind": 0.5})
    b = trainprint.estimate(gpu_hours=1000, hardware="h100", mix="coal=0.5,wind=0.5")
    assert a.to_json() == b.to_json()
    assert a.emissions_location_kg_co2e > 0


def test_embodied_false_and_booleans_as_text():
    a = trainprint.estimate(**BASE, embodied=False)
    b = trainprint.estimate(**BASE, embodied="false")
    assert a.to_json() == b.to_json()
    assert a.emissions_embodied_kg_co2e in (None, 0.0)


def test_scenario_dict_and_file_then_keywords_override(tmp_path):
    path = tmp_path / "run.json"
    path.write_text(json.dumps(BASE))
    from_file = trainprint.estimate(scenario=path)
    from_dict = trainprint.estimate(scenario=BASE)
    assert from_file.to_json() == from_dict.to_json() == trainprint.estimate(**BASE).to_json()
    fr = trainprint.estimate(scenario=path, region="FR")
    assert fr.region == "FR"
    assert fr.to_json() == trainprint.estimate(**{**BASE, "region": "FR"}).to_json()


def test_preset_with_overrides():
    presets = trainprint.catalog().ids("presets")
    assert presets
    e = trainprint.estimate(preset=presets[0])
    assert e.energy_kwh > 0
    f = trainprint.estimate(preset=presets[0], pue=1.5)
    assert f.scenario["pue"] == 1.5


def test_unknown_outputs_are_none():
    # No count: no wall time; no carbon-free-energy share: no market-based figure. (No
    # place gives the world-average grid, labelled in a note, so location-based is known.)
    e = trainprint.estimate(gpu_hours=1000, hardware="h100")
    assert e.emissions_market_kg_co2e is None
    assert e.emissions_location_kg_co2e is not None
    assert any(n.startswith("no place given: the world-average grid (WORLD") for n in e.notes)
    assert e.wall_hours is None
    assert e.notes


def test_overlay_catalog(overlay):
    cat = trainprint.catalog([overlay])
    e = trainprint.estimate(gpu_hours=1000, hardware="testgpu", region="FR", catalog=cat)
    assert e.hardware == "c-api-test-gpu"
    with pytest.raises(trainprint.UnknownKeyError):
        trainprint.estimate(gpu_hours=1000, hardware="testgpu", region="FR")


def test_nan_is_an_input_error():
    with pytest.raises(trainprint.InputError, match=r"^\[trainprint.input\] mfu: got nan"):
        trainprint.estimate(**BASE, mfu=math.nan)


def test_concurrent_estimates_agree():
    expected = trainprint.estimate(**BASE).to_json()
    results = []

    def work():
        for _ in range(5):
            results.append(trainprint.estimate(**BASE).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 20 and all(r == expected for r in results)
