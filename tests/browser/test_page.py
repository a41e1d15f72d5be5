#!/usr/bin/env python3
"""Real-browser test of the browser calculator (build/wasm/trainprint.html).

Headless Chromium (Debian's chromium + chromium-driver, driven by python3-selenium)
opens the page from file://, fills the quick (plain-language) form and the expert
form, or opens a shareable address, and checks that every number the page shows
equals what the native CLI prints for the same inputs with
`trainprint estimate --format json`, and that bad input shows the CLI's own error
message beside the field, with no number, NaN or blank result. Screenshots go to
--screenshot (a test artefact).

Expected numbers are not written here: each comes from the native CLI, which is
built from the same sources (the CLI's own golden tests check its numbers).

Usage: test_page.py --page build/wasm/trainprint.html --cli build/dev/bin/trainprint --screenshot DIR
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# The page's default scenario (web/app.js DEFAULT) and its default Monte Carlo (on, 10000 samples, seed 42).
DEFAULT = {"params": "7B", "tokens": "2T", "hardware": "h100", "count": "512", "region": "aws:us-east-1"}

# Same library, same inputs, same seed: the page's WebAssembly and the native CLI
# give the same doubles, to the last bit (no fused multiply-add in either build,
# and musl's exp/log/pow in WebAssembly are the same routines as glibc's). So
# every number must be equal; the summary line prints the largest difference seen.
POINT_REL = 0.0
QUANTILE_REL = 0.0

# (how the inputs reach the page, inputs as typed, Monte Carlo options or None)
SCENARIOS = [
    ("address", DEFAULT, {}),  # first load with the default scenario: no query string
    ("address", {"params": "7B", "tokens": "2T", "hardware": "h100", "count": "512", "region": "FR"}, {}),
    ("plain", {"params": "70B", "tokens": "15T", "hardware": "a100", "count": "2048", "region": "SE"}, None),
    ("plain", {"params": "1.3B", "tokens": "26B", "hardware": "v100", "count": "8", "region": "US-CA"}, {}),
    ("plain", {"duration_h": "3w", "hardware": "h100", "count": "256", "region": "DE"}, {"samples": "2000", "seed": "7"}),
    ("expert", {"flops": "3.14e23", "hardware": "tpu-v4", "count": "1024", "mfu": "0.35:0.45", "region": "gcp:us-central1",
                "pue": "1.1"}, {"samples": "3000", "seed": "1"}),
    ("expert", {"gpu_hours": "1.7M", "hardware": "h100", "boundary": "accelerators", "intensity": "380",
                "wue": "0.5", "hourly_price_usd": "2.5"}, None),
    ("expert", {"params": "7B", "tokens": "2T", "hardware": "a100", "count": "64", "precision": "fp16",
                "mix": "coal=0.3,gas=0.4,wind=0.3", "cfe": "40%", "lifetime_years": "4",
                "price_usd_per_kwh": "0.12"}, None),
    ("expert", {"params": "175B", "tokens": "300B", "hardware": "v100", "count": "10000", "recompute": "true",
                "embodied": "false", "provider": "azure", "region": "US"}, None),
    ("address", {"preset": "bloom-176b", "region": "SE"}, {}),
]

# Plain-language inputs (--size, coarse --duration words, --hardware gpu, --energy;
# issue 17's first part), run when the library's input table has them: the page
# builds its quick form from that table, so they need no change here or in app.js.
PLAIN_WORDS = [
    ("plain", {"size": "large", "duration_h": "weeks", "hardware": "gpu", "count": "256", "energy": "fossil"}, {}),
    ("plain", {"size": "small", "duration_h": "3 weeks", "hardware": "gpu", "count": "8"}, {}),
    ("address", {"size": "very-large", "hardware": "tpu", "count": "1024", "energy": "renewable"}, {}),
]
PLAIN_WORD_INPUTS = ("size", "energy")

# A scenario JSON file (the CLI's --scenario FILE), chosen in the expert form's file field
# or carried in the address as text, under typed inputs; the CLI reads the same file.
CLI_DATA = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "data"))
FILES = [
    ("expert", {"scenario_file": "scenario.json", "region": "FR"}, {"samples": "2000", "seed": "3"}),
    ("address", {"scenario_file": "text-values.json", "count": "16"}, None),
]

# Bad input: (how, inputs, the field the message belongs beside).
BAD = [
    ("expert", {"params": "abc", "tokens": "2T", "hardware": "h100", "count": "8"}, "params"),
    ("plain", {"params": "7B", "tokens": "2T", "hardware": "h100x", "count": "8"}, "hardware"),
    ("expert", {"params": "7B", "tokens": "2T", "hardware": "h100", "count": "8", "mfu": "1.7"}, "mfu"),
    ("address", {"params": "7B", "tokens": "2T", "hardware": "h100", "count": "0"}, "count"),
    ("expert", {"params": "7B", "tokens": "2T", "hardware": "h100", "count": "8", "region": "Atlantis"}, "region"),
    ("expert", {"scenario_file": "bad-input-extra.json"}, "scenario"),   # an unknown key in the file
    ("expert", {"scenario_file": "malformed.json"}, "scenario"),         # not JSON
]


def cli_args(inputs, mc):
    args = []
    for k, v in inputs.items():
        if k == "recompute":
            args.append("--recompute")
        elif k == "embodied":
            args.append("--no-embodied")
        elif k == "scenario_file":
            args += ["--scenario", v]  # run in CLI_DATA, so the CLI names the file as the page does
        else:
            args += ["--" + k.replace("_", "-"), v]
    if mc is not None:
        args.append("--uncertainty")
        for k, v in mc.items():
            args += ["--" + k, v]
    return args


def run_cli(cli, inputs, mc):
    return subprocess.run([os.path.abspath(cli), "estimate", "--format", "json"] + cli_args(inputs, mc),
                          capture_output=True, text=True, cwd=CLI_DATA)


class Page:
    def __init__(self, page, shots):
        opts = webdriver.ChromeOptions()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--allow-file-access-from-files", "--window-size=1400,2400"):
            opts.add_argument(a)
        opts.binary_location = "/usr/bin/chromium"
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        self.url = "file://" + os.path.abspath(page)
        self.shots = shots

    def wait_settled(self, runs_before=None):
        d = self.driver
        WebDriverWait(d, 120).until(
            lambda d: d.execute_script("return document.body.dataset.state") in ("done", "error")
            and (runs_before is None or int(d.execute_script("return document.body.dataset.runs || 0")) > runs_before))
        # No estimate pending (each keystroke restarts a 250 ms timer).
        while True:
            n = d.execute_script("return document.body.dataset.runs")
            time.sleep(0.6)
            if d.execute_script("return document.body.dataset.runs") == n:
                return

    def open(self, query=""):
        self.driver.get(self.url + query)
        self.wait_settled()

    def runs(self):
        return int(self.driver.execute_script("return document.body.dataset.runs || 0"))

    def fill(self, form, inputs, mc):
        """Types `inputs` into form `form` ("plain" or "expert") after clearing every field."""
        d = self.driver
        self.open()
        d.find_element(By.ID, "tab-" + form).click()
        before = self.runs()
        # Clear what the default scenario put in (every text field and select of the form).
        for f in d.find_elements(By.CSS_SELECTOR, "#form-%s [data-input]" % form):
            if f.tag_name == "select":
                d.execute_script("arguments[0].value=''; arguments[0].dispatchEvent(new Event('input'));", f)
            elif f.get_attribute("type") == "checkbox":
                if f.is_selected():
                    f.click()
            elif f.get_attribute("value"):
                f.send_keys(Keys.CONTROL, "a")
                f.send_keys(Keys.BACKSPACE)
        for k, v in inputs.items():
            if k == "scenario_file":
                before = self.runs()
                d.find_element(By.ID, "scenario").send_keys(os.path.join(CLI_DATA, v))
                self.wait_settled(before)
                continue
            if k == "preset":
                d.execute_script("var s=document.getElementById('preset'); s.value=arguments[0];"
                                 "s.dispatchEvent(new Event('change'));", v)
                continue
            f = d.find_element(By.ID, "%s-%s" % (form, k))
            if f.tag_name == "select":
                d.execute_script("arguments[0].value=arguments[1]; arguments[0].dispatchEvent(new Event('input'));", f, v)
            elif f.get_attribute("type") == "checkbox":
                f.click()
            else:
                f.send_keys(v)
        box = d.find_element(By.ID, "uncertainty")
        if box.is_selected() != (mc is not None):
            box.click()
        for k in ("samples", "seed"):
            f = d.find_element(By.ID, k)
            f.send_keys(Keys.CONTROL, "a")
            f.send_keys(Keys.BACKSPACE)
            if mc and k in mc:
                f.send_keys(mc[k])
        self.wait_settled(before)

    def show(self, how, inputs, mc):
        if how == "address":
            if inputs == DEFAULT and mc == {}:
                self.open()  # first load: the default scenario
                return
            q = dict(inputs)
            if "scenario_file" in q:
                with open(os.path.join(CLI_DATA, q.pop("scenario_file")), encoding="utf-8") as f:
                    q = {"scenario": f.read(), **q}
            if mc is None:
                q["uncertainty"] = "false"
            else:
                q.update(mc)
            self.open("?" + urllib.parse.urlencode(q))
        else:
            self.fill(how, inputs, mc)

    def input_names(self):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#form-expert [data-input]')].map(e => e.dataset.input)")

    def rows(self):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#outputs tbody tr')].map(r => ({name: r.dataset.path,"
            " value: r.dataset.value, p5: r.dataset.p5, p50: r.dataset.p50, p95: r.dataset.p95,"
            " exact: r.querySelector('.exact').textContent, shown: r.querySelector('.value').textContent}))")

    def screenshot(self, name):
        os.makedirs(self.shots, exist_ok=True)
        self.driver.save_screenshot(os.path.join(self.shots, name))


WORST = {"point": 0.0, "quantile": 0.0}  # the largest relative differences seen


def close(a, b, rel, kind="point"):
    d = 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))
    WORST[kind] = max(WORST[kind], d)
    return d <= rel


def check_scenario(page, cli, how, inputs, mc, failures, index):
    label = "%s %s %s" % (how, inputs, mc)
    failed_before = len(failures)
    page.show(how, inputs, mc)
    r = run_cli(cli, inputs, mc)  # "preset" becomes --preset
    if r.returncode != 0:
        failures.append("%s: the CLI failed: %s" % (label, r.stderr))
        return
    want = json.loads(r.stdout)
    state = page.driver.execute_script("return document.body.dataset.state")
    if state != "done":
        failures.append("%s: the page shows no estimate: %s" % (label, page.driver.find_element(By.ID, "problem").text))
        return
    body = page.driver.find_element(By.TAG_NAME, "body").text
    if "NaN" in body or "undefined" in body:
        failures.append("%s: NaN or undefined on the page" % label)
    checked = 0
    for row in page.rows():
        group, key = row["name"].split(".")
        expected = want[group][key]
        if expected is None:
            if row["value"] is not None or row["shown"] != "unknown":
                failures.append("%s: %s should be unknown, page shows %s" % (label, row["name"], row["shown"]))
            continue
        if row["value"] is None or not row["shown"].strip():
            failures.append("%s: %s is blank on the page" % (label, row["name"]))
            continue
        got = float(row["value"])
        shown = float(row["exact"].split()[0])  # the number as displayed
        if not (close(got, expected, POINT_REL) and close(shown, expected, POINT_REL)):
            failures.append("%s: %s page %r (shown %r), CLI %r" % (label, row["name"], got, shown, expected))
        checked += 1
        if mc is not None:
            iv = want["uncertainty"]["outputs"].get(row["name"])
            if iv is not None:
                for q in ("p5", "p50", "p95"):
                    if row[q] is None or not close(float(row[q]), iv[q], QUANTILE_REL, "quantile"):
                        failures.append("%s: %s %s page %r, CLI %r" % (label, row["name"], q, row[q], iv[q]))
                    checked += 1
        elif row["p5"] is not None:
            failures.append("%s: %s has a range without Monte Carlo" % (label, row["name"]))
    # The trace, the sources and the equivalents are shown.
    n_trace = len(page.driver.find_elements(By.CSS_SELECTOR, "#trace tbody tr"))
    if n_trace != len(want["trace"]):
        failures.append("%s: %d trace rows on the page, %d in the CLI's JSON" % (label, n_trace, len(want["trace"])))
    if not page.driver.find_elements(By.CSS_SELECTOR, "#sources li"):
        failures.append("%s: no sources shown" % label)
    if not page.driver.find_elements(By.CSS_SELECTOR, "#chart svg rect.bar"):
        failures.append("%s: no chart" % label)
    print("%s %2d  %-8s %3d numbers  %s" % ("ok  " if len(failures) == failed_before else "FAIL", index, how, checked,
                                           {**inputs, **(mc or {})}))
    return checked


def check_bad(page, cli, how, inputs, field, failures, index):
    label = "bad %s %s" % (how, inputs)
    failed_before = len(failures)
    page.show(how, inputs, None)
    r = run_cli(cli, inputs, None)
    if r.returncode != 1 or r.stdout:
        failures.append("%s: the CLI should refuse it (exit %d, stdout %r)" % (label, r.returncode, r.stdout[:80]))
        return
    message = r.stderr.strip()
    prefix = "trainprint: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    # The CLI names an input as its flag (--mfu), the page as its field (mfu): the same
    # message in each interface's spelling (include/trainprint/spelling.hpp).
    message = re.sub(r"--([a-z][a-z0-9-]*)", lambda m: m.group(1).replace("-", "_"), message)
    d = page.driver
    if d.execute_script("return document.body.dataset.state") != "error":
        failures.append("%s: the page shows a result" % label)
    beside = d.execute_script("return [...document.querySelectorAll('[data-error-for=\"' + arguments[0] + '\"]')]"
                              ".map(e => e.textContent)", field)
    if message not in beside:
        failures.append("%s: beside %s the page says %r; the CLI says %r" % (label, field, beside, message))
    if d.find_element(By.ID, "answer").is_displayed():
        failures.append("%s: numbers still shown" % label)
    print("%s %2d  %-8s bad input beside %-8s %s" % ("ok  " if len(failures) == failed_before else "FAIL", index, how,
                                                    field, message[:70]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--screenshot", required=True)
    a = ap.parse_args()
    for p in (a.page, a.cli):
        if not os.path.exists(p):
            print("missing: " + p, file=sys.stderr)
            return 1
    failures = []
    page = Page(a.page, a.screenshot)
    ran_words = 0
    try:
        n = 0
        for i, (how, inputs, mc) in enumerate(SCENARIOS):
            n += check_scenario(page, a.cli, how, inputs, mc, failures, i) or 0
            if i == 0:
                page.screenshot("default.png")
        names = page.input_names()
        if all(n in names for n in PLAIN_WORD_INPUTS):
            for i, (how, inputs, mc) in enumerate(PLAIN_WORDS):
                n += check_scenario(page, a.cli, how, inputs, mc, failures, len(SCENARIOS) + i) or 0
            ran_words = len(PLAIN_WORDS)
        else:
            ran_words = 0
            print("skip   the plain-language words (%s): not in the library's input table yet" % ", ".join(PLAIN_WORD_INPUTS))
        for i, (how, inputs, mc) in enumerate(FILES):
            n += check_scenario(page, a.cli, how, inputs, mc, failures, len(SCENARIOS) + ran_words + i) or 0
        for i, (how, inputs, field) in enumerate(BAD):
            check_bad(page, a.cli, how, inputs, field, failures, i)
            if i == 1:
                page.screenshot("bad-input.png")
        # The shareable address of a filled form reopens the same estimate.
        page.fill("plain", SCENARIOS[2][1], None)
        shown = page.rows()
        share = page.driver.find_element(By.ID, "share").get_attribute("href")
        page.driver.get(share)
        page.wait_settled()
        same = page.rows() == shown
        if not same:
            failures.append("the shareable address %s does not reopen the same estimate" % share)
        print("%s     share    %s" % ("ok  " if same else "FAIL", share.split("?")[1]))
    finally:
        page.driver.quit()
    for f in failures:
        print("FAIL " + f)
    print("%d scenarios (%d numbers compared; largest relative difference %.3g for point values, %.3g for "
          "Monte Carlo quantiles), %d bad inputs, %d failures"
          % (len(SCENARIOS) + ran_words + len(FILES), n, WORST["point"], WORST["quantile"], len(BAD), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
