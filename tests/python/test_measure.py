"""trainprint.measure(), measure_samples() and estimate(measured=..., pilot=...):
the CLI's `measure`, `--measured` and `--pilot` from Python (issue 16). Fixtures:
tests/data (SOURCE.md in each folder); every expected number is worked out here or
taken from the H200 measurement's own counter values (tests/data/h200/results.json)."""

import json

import pytest

import trainprint
from conftest import SOURCE_DIR

DATA = SOURCE_DIR / "tests" / "data"


def h200_phase(name):
    for p in json.loads((DATA / "h200" / "results.json").read_text())["phases"]:
        if p["phase"] == name:
            return p
    raise KeyError(name)


def test_measure_a_two_gpu_nvidia_smi_log():
    # GPU 0: 100, 300, 300 W at 0, 1, 3 s: 200 + 600 = 800 J; GPU 1: 200, 200, 400 W:
    # 200 + 600 = 800 J. 1600 J in 3 s; highest total draw 300 + 400 = 700 W at 3 s;
    # sampling bound (900 − 700)/2 + (1000 − 600)/2 = 300 J (tests/unit/measure.test.cpp).
    m = trainprint.measure(DATA / "measure" / "smi-2gpu.csv")
    assert m.format == "nvidia-smi"
    assert m.energy_j == pytest.approx(1600)
    assert m.energy_kwh == pytest.approx(1600 / 3.6e6)
    assert m.duration_s == pytest.approx(3)
    assert m.peak_w == pytest.approx(700)
    assert m.sampling_bound_j == pytest.approx(300)
    assert m.gap_bound_j == 0 and m.gaps == 0
    assert m.device_count == 2
    assert [d["device"] for d in m.devices] == ["0", "1"]
    assert m.to_dict()["total"]["energy_j"] == pytest.approx(1600)
    assert "sampling bound" in m.table()
    # A window: +0.5 s to +2 s is 425 + 350 = 775 J, in seconds or as timestamps.
    assert trainprint.measure(DATA / "measure" / "smi-2gpu.csv", start=0.5, end=2).energy_j == pytest.approx(775)
    w = trainprint.measure(str(DATA / "measure" / "smi-2gpu.csv"), start="2024/05/01 12:00:00.500", end="2024-05-01T12:00:02")
    assert w.energy_j == pytest.approx(775)


def test_measure_gaps_dcgm_codecarbon_and_sacct():
    # smi-restart.csv: a 10 s gap between 100 W and 200 W readings: 10 s × 100 W = 1000 J.
    r = trainprint.measure(DATA / "measure" / "smi-restart.csv")
    assert (r.gaps, r.restarts) == (1, 1)
    assert r.gap_bound_j == pytest.approx(1000)
    assert r.bound_j == pytest.approx(1500)  # + the sampling bound, 500 J
    # dcgmi dmon at 1000 ms: 500 J per GPU.
    d = trainprint.measure(DATA / "measure" / "dcgm-2gpu.txt", interval_ms=1000)
    assert d.format == "dcgmi-dmon"
    assert d.energy_j == pytest.approx(1000)
    # CodeCarbon: 0.5 + 0.25 kWh; sacct: 12.5M + 864K J (the jobs' own rows).
    cc = trainprint.measure(DATA / "measure" / "codecarbon.csv")
    assert cc.energy_kwh == pytest.approx(0.75)
    assert cc.location == "FRA/ile-de-france"
    assert cc.peak_w is None and cc.device_count == 4
    assert trainprint.measure(DATA / "measure" / "sacct.txt").energy_j == pytest.approx(13.364e6)
    # sacct without Elapsed: 7.2M J, and no time stated, so no duration and no average.
    no_time = trainprint.measure(DATA / "measure" / "sacct-no-elapsed.txt")
    assert no_time.energy_j == pytest.approx(7.2e6)
    assert no_time.duration_s is None and no_time.average_w is None
    assert "unknown time" in repr(no_time)
    # sacct.txt: 12.5M + 864K J over 2 h + 24 h = 93600 s -> 13.364e6 / 93600 = 142.78 W.
    assert trainprint.measure(DATA / "measure" / "sacct.txt").average_w == pytest.approx(13.364e6 / 93600)


def test_measure_samples():
    # (100 + 300) / 2 W × 1 s = 200 J; left 100 J, right 300 J: bound 100 J.
    m = trainprint.measure_samples([(0, 100), (1, 300)])
    assert (m.energy_j, m.sampling_bound_j, m.file, m.format) == (200.0, 100.0, "<samples>", "samples")
    # Two devices, 100 W and 50 W for 1 s each: 150 J; a generator works too.
    two = trainprint.measure_samples((t, w, dev) for dev, w in (("a", 100), ("b", 50)) for t in (0, 1))
    assert two.energy_j == pytest.approx(150)
    assert two.device_count == 2
    assert trainprint.measure_samples([(0, 100), (1, 300)], start=0.5).energy_j == pytest.approx(125)  # 200→300 W over 0.5 s


def test_h200_phase_from_python_within_2_percent_of_the_counter():
    p = h200_phase("gpt-1.3b")
    m = trainprint.measure(DATA / "h200" / "power.csv", start=p["t_start"], end=p["t_end"])
    assert abs(m.energy_j / p["energy_j"] - 1) < 0.02
    whole = trainprint.measure(DATA / "h200" / "power.csv")
    assert whole.gaps == 7
    assert whole.gap_bound_j == pytest.approx(0.2282, rel=1e-6)  # tests/unit/measure.test.cpp gives the sum


def test_estimate_with_a_measured_energy():
    m = trainprint.measure(DATA / "measure" / "smi-2gpu.csv")
    e = trainprint.estimate(measured=m, hardware="h100", pue=1.0)
    assert e.energy_accelerators_kwh == pytest.approx(1600 / 3.6e6)
    assert any("energy_kwh" in n and "smi-2gpu.csv" in n for n in e.notes)


def test_a_20_percent_pilot_of_the_h200_1_3b_phase_predicts_it_within_5_percent():
    p = h200_phase("gpt-1.3b")
    t0, t1 = p["t_start"], p["t_end"]
    pilot = trainprint.measure(DATA / "h200" / "power.csv", start=t0, end=t0 + 0.2 * (t1 - t0))
    e = trainprint.estimate(
        pilot=pilot,
        pilot_tokens=0.2 * p["tokens"],
        params=p["params"],
        tokens=p["tokens"],
        layers=p["layers"],
        d_model=p["d_model"],
        seq_len=p["seq"],
        hardware="h200",
        boundary="accelerators",
        embodied=False,
        samples=2000,
        seed=1,
    )
    assert e.notes[0] == "calibrated from the pilot: power_w and mfu (its tokens over its hours)"
    assert e.uncertainty is not None  # a pilot's prediction comes with its intervals
    assert abs(e.energy_accelerators_kwh * 3.6e6 / p["energy_j"] - 1) < 0.05
    # The same pilot by its file path, known only by its wall time, with the phase's duration:
    # power calibrated, MFU not needed (689.7 W × 40.33 s = 27,815 J; counter 27,885 J).
    by_time = trainprint.estimate(
        pilot=pilot,
        hardware="h200",
        count=1,
        duration_h=p["seconds"] / 3600,
        boundary="accelerators",
        embodied=False,
        samples=2000,
        seed=1,
    )
    assert by_time.notes[0].startswith("calibrated from the pilot: power_w only; mfu is not needed")
    assert abs(by_time.energy_accelerators_kwh * 3.6e6 / p["energy_j"] - 1) < 0.05


def test_pilot_hours_for_an_energy_file_without_a_duration():
    # 7.2e6 J in 2 h on 4 accelerators: 250 W each; 4 × 100 h at 250 W = 100 kWh, no host
    # (sacct covers whole servers).
    e = trainprint.estimate(
        pilot=DATA / "measure" / "sacct-no-elapsed.txt",
        pilot_hours="2h",
        pilot_count=4,
        hardware="h100",
        count=4,
        duration_h=100,
        samples=500,
        seed=1,
    )
    assert e.accelerator_power_w == pytest.approx(250)
    assert e.energy_accelerators_kwh == pytest.approx(100)
    assert e.energy_host_kwh == pytest.approx(0)


BAD = [
    # (call, exception, message fragment)
    (lambda: trainprint.measure(DATA / "measure" / "bad-negative.csv"), trainprint.MeasureError, "bad-negative.csv:3: watts: got -5"),
    (lambda: trainprint.measure(DATA / "measure" / "no-such-file.csv"), trainprint.MeasureError, "no-such-file.csv: cannot open the file"),
    (lambda: trainprint.measure(DATA / "measure" / "dcgm-2gpu.txt"), trainprint.MeasureError, "dcgmi dmon output has no times"),
    (lambda: trainprint.measure(DATA / "measure" / "dcgm-2gpu.txt", interval_ms=-5), trainprint.InputError, "interval_ms: got -5"),
    (lambda: trainprint.measure(DATA / "measure" / "flat.csv", start="soon"), trainprint.InputError, "start: got 'soon'"),
    (lambda: trainprint.measure(DATA / "measure" / "flat.csv", start=5, end=6), trainprint.MeasureError, "empty window"),
    (lambda: trainprint.measure_samples([(0, 100), (1, -1)]), trainprint.MeasureError, "<samples>:2: watts: got -1"),
    (lambda: trainprint.measure_samples([(1, 100), (0, 100)]), trainprint.MeasureError, "<samples>:2: time goes backwards"),
    (lambda: trainprint.measure_samples([]), trainprint.MeasureError, "no power samples"),
    (lambda: trainprint.measure_samples([(0, "x")]), trainprint.InputError, "samples[0]"),
    (lambda: trainprint.measure_samples("0,100"), trainprint.InputError, "not a str"),
    (lambda: trainprint.estimate(pilot_tokens=1e6, hardware="h100", gpu_hours=10), trainprint.InputError, "pilot_tokens: got given without pilot"),
    (lambda: trainprint.estimate(pilot=DATA / "measure" / "flat.csv", hardware="h100"), trainprint.InputError, "something that gives the run's hours"),
    (lambda: trainprint.estimate(pilot=DATA / "measure" / "sacct-no-elapsed.txt", pilot_count=4, hardware="h100", gpu_hours=10), trainprint.InputError, "states no duration"),
    # sacct.txt adds up a 2 h training job and a 24 h evaluation job: 13.364e6 J / 93600 s / 8
    # = 17.85 W per H100, below half an idle one's (0.09 x 700 W = 63.3 W).
    (lambda: trainprint.estimate(pilot=DATA / "measure" / "sacct.txt", pilot_count=8, hardware="h100", count=8, duration="100h"), trainprint.InputError, "at least half an idle one's"),
    (lambda: trainprint.estimate(pilot=DATA / "measure" / "flat.csv", pilot_hours="1h", hardware="h100", gpu_hours=10), trainprint.InputError, "pilot_hours: got 1, expected the pilot's own length"),
    (lambda: trainprint.estimate(pilot=DATA / "measure" / "flat.csv", pilot_hours="soon", hardware="h100", gpu_hours=10), trainprint.UnitError, "pilot_hours: got 'soon'"),
    (lambda: trainprint.estimate(pilot=42, hardware="h100", gpu_hours=10), trainprint.InputError, "a trainprint.Measurement or a file path"),
]


@pytest.mark.parametrize("call,exc,fragment", BAD, ids=[b[2][:30] for b in BAD])
def test_bad_measurement_input(call, exc, fragment):
    with pytest.raises(exc) as info:
        call()
    assert fragment in str(info.value)


def test_measure_error_names_file_and_line():
    with pytest.raises(trainprint.MeasureError) as info:
        trainprint.measure(DATA / "measure" / "bad-unparsable.csv")
    assert info.value.line == 4
    assert info.value.file.endswith("bad-unparsable.csv")
    skipped = trainprint.measure(DATA / "measure" / "bad-unparsable.csv", skip_bad_lines=True)
    assert skipped.skipped_lines == 1
    assert skipped.energy_j == pytest.approx(300)  # 100 W from 0 to 3 s
