"""Uncertainty from Python: estimate(..., uncertainty=True) and input ranges."""

import json
import os
import subprocess

import pytest

import trainprint

RUN = dict(params="7B", tokens="2T", hardware="h100", count=512, region="FR")


def test_block_is_none_unless_asked():
    assert trainprint.estimate(**RUN).uncertainty is None
    assert trainprint.estimate(**RUN).interval("energy_kwh.facility") is None


def test_uncertainty_block():
    e = trainprint.estimate(**RUN, uncertainty=True, samples=4000, seed=3)
    u = e.uncertainty
    assert u["samples"] == 4000 and u["seed"] == 3
    total = u["outputs"]["emissions_kg_co2e.total"]
    assert total["p5"] <= total["p50"] <= total["p95"]
    # With ranges the headline numbers are the Monte Carlo medians, and a note says so.
    assert e.emissions_kg_co2e == pytest.approx(total["p50"], rel=1e-12)
    assert e.energy_kwh == pytest.approx(u["outputs"]["energy_kwh.facility"]["p50"], rel=1e-12)
    assert any(n.startswith("with ranges, every headline number is the median of 4000 Monte Carlo samples")
               for n in e.notes)
    # The central values are the plain point estimate: the estimate without ranges.
    point = trainprint.estimate(**RUN)
    assert total["central"] == pytest.approx(point.emissions_kg_co2e, rel=1e-9)
    lo, hi = e.interval("energy_kwh.facility")
    assert lo < e.energy_kwh < hi
    assert u["sensitivity"][0]["swing"] >= u["sensitivity"][-1]["swing"]
    # Same seed, same numbers; the thread count changes nothing.
    again = trainprint.estimate(**RUN, samples=4000, seed=3, threads=2)
    assert again.uncertainty == u


def test_ranges_as_text_tuple_and_dict():
    a = trainprint.estimate(**RUN, mfu="0.35:0.45", samples=1000)
    b = trainprint.estimate(**RUN, mfu=(0.35, 0.45), samples=1000)
    c = trainprint.estimate(**RUN, mfu={"low": 0.35, "high": 0.45}, samples=1000)
    assert a.to_json() == b.to_json() == c.to_json()
    mfu = [i for i in a.uncertainty["inputs"] if i["name"] == "mfu"][0]
    assert (mfu["low"], mfu["mode"], mfu["high"]) == pytest.approx((0.35, 0.4, 0.45))
    assert mfu["basis"] == "user range"
    assert a.scenario["mfu"] == pytest.approx({"low": 0.35, "mode": 0.4, "high": 0.45})


def test_bad_options_and_ranges():
    with pytest.raises(trainprint.InputError, match=r"samples: got 0"):
        trainprint.estimate(**RUN, samples=0)
    with pytest.raises(trainprint.InputError, match=r"mfu: got 1.7 \(the high end of the range 0.3:1.7\), expected 0 < mfu <= 1"):
        trainprint.estimate(**RUN, mfu="0.3:1.7")
    with pytest.raises(trainprint.InputError):
        trainprint.estimate(**RUN, samples=2_000_000_000)


@pytest.mark.skipif("TRAINPRINT_CLI" not in os.environ, reason="needs the CLI")
def test_cli_agrees():
    out = subprocess.run(
        [os.environ["TRAINPRINT_CLI"], "estimate", "--params", "7B", "--tokens", "2T", "--hardware", "h100",
         "--count", "512", "--region", "FR", "--mfu", "0.35:0.45", "--samples", "1000", "--format", "json"],
        check=True, capture_output=True, text=True).stdout
    e = trainprint.estimate(**RUN, mfu="0.35:0.45", samples=1000)
    assert json.loads(out)["uncertainty"] == e.uncertainty


WORDS = dict(size="large", duration="weeks", hardware="gpu", count=256, energy="fossil")


def test_plain_words_give_ranges_as_the_cli_does():
    # Words run the Monte Carlo by themselves (issue 14): the medians, their intervals,
    # and the same numbers as the CLI's `trainprint estimate` with the same words.
    e = trainprint.estimate(**WORDS)
    u = e.uncertainty
    assert u is not None
    total = u["outputs"]["emissions_kg_co2e.total"]
    assert e.emissions_kg_co2e == pytest.approx(total["p50"], rel=1e-12)
    lo, hi = e.interval("emissions_kg_co2e.total")
    assert lo < e.emissions_kg_co2e < hi
    # The number and the JSON agree (the JSON is made again, with the trace).
    assert e.to_dict()["emissions_kg_co2e"]["total"] == e.emissions_kg_co2e
    cli = os.environ.get("TRAINPRINT_CLI")
    if cli:
        out = subprocess.run(
            [cli, "estimate", "--size", "large", "--duration", "weeks", "--hardware", "gpu", "--count", "256",
             "--energy", "fossil", "--format", "json"],
            capture_output=True, text=True, check=True).stdout
        assert json.loads(out)["emissions_kg_co2e"]["total"] == e.emissions_kg_co2e


def test_estimate_many_rows_with_words_are_medians_with_percentiles():
    import math

    r = trainprint.estimate_many(hardware=["gpu", "h100"], params="7B", tokens="2T", count=256, region="FR")
    ranged = trainprint.estimate(hardware="gpu", params="7B", tokens="2T", count=256, region="FR")
    point = trainprint.estimate(hardware="h100", params="7B", tokens="2T", count=256, region="FR")
    assert r["emissions_total_kg_co2e"][0] == ranged.emissions_kg_co2e
    assert r["emissions_total_kg_co2e"][1] == point.emissions_kg_co2e
    assert (r["emissions_total_kg_co2e_p5"][0], r["emissions_total_kg_co2e_p95"][0]) == ranged.interval(
        "emissions_kg_co2e.total")
    assert math.isnan(r["emissions_total_kg_co2e_p5"][1])
    # Without a ranged row there are no percentile columns.
    assert "emissions_total_kg_co2e_p5" not in trainprint.estimate_many(hardware=["h100"], params="7B", tokens="2T")
