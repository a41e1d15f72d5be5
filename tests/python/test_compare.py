import json

import pytest

import trainprint
from conftest import BASE

SCENARIO = {k: v for k, v in BASE.items() if k != "region"}


def test_compare_ranks_best_first():
    c = trainprint.compare(**SCENARIO, across={"region": ["aws:us-east-1", "FR", "SE"]}, sort="emissions")
    assert c.key == "region" and c.sort == "emissions"
    assert sorted(r.value for r in c) == ["FR", "SE", "aws:us-east-1"]
    totals = [r.estimate.emissions_kg_co2e for r in c]
    assert totals == sorted(totals)
    assert c.best is c.rows[0]
    assert len(c) == 3


def test_compare_rows_equal_single_estimates():
    c = trainprint.compare(**SCENARIO, across={"region": ["FR", "SE"]})
    for row in c:
        assert row.estimate.to_json() == trainprint.estimate(**SCENARIO, region=row.value).to_json()


def test_compare_json_shape():
    c = trainprint.compare(**SCENARIO, across={"region": ["FR", "SE"]}, sort="energy")
    d = c.to_dict()
    assert d["schema"] == "trainprint.compare/1"
    assert d["key"] == "region" and d["sort"] == "energy"
    assert d["metric_unit"] == c.metric_unit == "kwh"
    assert [r["value"] for r in d["rows"]] == [r.value for r in c]
    assert [r["rank"] for r in d["rows"]] == [1, 2]
    assert c.rows[0].metric == c.rows[0].estimate.energy_kwh and c.rows[0].delta_to_best == 0
    assert c.rows[1].delta_to_best == pytest.approx(c.rows[1].metric - c.rows[0].metric)
    assert d["rows"][0]["estimate"] == c.rows[0].estimate.to_dict()
    assert json.loads(c.to_json(indent=None)) == d


def test_to_list_is_flat_rows_for_pandas():
    c = trainprint.compare(**SCENARIO, across={"hardware": ["h100", "a100", "tpu-v5p"]}, sort="energy")
    rows = c.to_list()
    assert [r["rank"] for r in rows] == [1, 2, 3]
    for r in rows:
        assert all(v is None or isinstance(v, (str, int, float)) for v in r.values())
        assert set(r) == set(rows[0])
    assert rows[0]["energy_kwh"] <= rows[1]["energy_kwh"] <= rows[2]["energy_kwh"]
    try:
        import pandas
    except ImportError:
        return
    frame = pandas.DataFrame(rows)
    assert list(frame["value"]) == [r.value for r in c]


def test_numbers_as_values():
    c = trainprint.compare(**SCENARIO, region="FR", across={"count": [256, 512, "1k"]}, sort="time")
    assert [r.value for r in c] == ["1k", "512", "256"]
    assert c.rows[0].estimate.wall_hours < c.rows[-1].estimate.wall_hours


@pytest.mark.parametrize(
    "across, error, text",
    [
        ({}, trainprint.InputError, r"^\[trainprint.input\] across: got \{\}"),
        ({"region": ["FR"], "count": [8]}, trainprint.InputError, r"^\[trainprint.input\] across"),
        ({"region": "FR"}, trainprint.InputError, r"^\[trainprint.input\] across"),
        ({"region": []}, trainprint.InputError, r"^\[trainprint.input\] across: got no values"),
        ({"region": ["FR", "atlantis"]}, trainprint.UnknownKeyError, r"unknown region 'atlantis'"),
        ({"regoin": ["FR"]}, trainprint.InputError, r"did you mean region\?"),
        ({"count": ["lots"]}, trainprint.UnitError, r"^\[trainprint.unit\] count"),
    ],
)
def test_compare_errors(across, error, text):
    with pytest.raises(error, match=text):
        trainprint.compare(**SCENARIO, across=across)


def test_bad_sort():
    with pytest.raises(trainprint.InputError, match=r"sort: got 'speed', expected one of energy, emissions"):
        trainprint.compare(**SCENARIO, across={"region": ["FR"]}, sort="speed")


def test_compare_over_a_preset_gives_each_region_its_grid():
    # A compared region replaces the preset's site inputs (docs/inputs.md "Which input wins"),
    # as the CLI's --across does: each row is estimate(preset=..., region=R), not the
    # preset's published 385 g CO2e/kWh for every region.
    c = trainprint.compare(preset="llama-2-7b", across={"region": ["PL", "FR"]})
    assert [r.value for r in c] == ["FR", "PL"]
    for r in c:
        assert r.estimate.to_json() == trainprint.estimate(preset="llama-2-7b", region=r.value).to_json()
    # Same run, same energy: location-based emissions in the ratio of the grids,
    # data/regions.json FR 44.2 and PL 615 g CO2e/kWh.
    fr, pl = (r.estimate.to_dict()["emissions_kg_co2e"]["location_based"] for r in c)
    assert fr / pl == pytest.approx(44.2 / 615, rel=1e-12)
    # A keyword is one source with the compared value: a given pue stays over every region.
    c = trainprint.compare(preset="llama-2-7b", pue=1.2, across={"region": ["PL", "FR"]})
    for r in c:
        assert r.estimate.to_json() == trainprint.estimate(preset="llama-2-7b", pue=1.2, region=r.value).to_json()
