/* The C API half of the bad-input table (issue 10), compiled as
 * C99: each bad input returns its exact negative status, writes nothing to the
 * buffer and leaves its exact message in trainprint_last_error(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trainprint/trainprint.h"

static int failures = 0;

/* Checks a call's status, last error and untouched buffer. */
static void expect(const char* name, int rc, const char* buf, int status, const char* message) {
  if (rc != status) {
    fprintf(stderr, "%s: status %d (%s), expected %d (%s); last error: %s\n", name, rc, trainprint_status_name(rc),
            status, trainprint_status_name(status), trainprint_last_error());
    ++failures;
    return;
  }
  if (trainprint_last_status() != status) {
    fprintf(stderr, "%s: last status %d, expected %d\n", name, trainprint_last_status(), status);
    ++failures;
  }
  if (strcmp(trainprint_last_error(), message) != 0) {
    fprintf(stderr, "%s: message\n  got      %s\n  expected %s\n", name, trainprint_last_error(), message);
    ++failures;
  }
  if (buf != NULL && buf[0] != '\0') {
    fprintf(stderr, "%s: output written on failure: %.60s\n", name, buf);
    ++failures;
  }
}

struct row {
  const char* name;
  const char* scenario;
  int status;
  const char* message;
};

static const struct row rows[] = {
    {"negative params", "{\"params\": -7e9, \"tokens\": 2e12, \"hardware\": \"h100\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] params: got -7e+09, expected 0 < params <= 1e+15"},
    {"zero gpu_hours", "{\"gpu_hours\": 0, \"hardware\": \"h100\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] gpu_hours: got 0 h, expected 0 h < gpu_hours <= 1e+13 h"},
    {"tokens 1e308", "{\"params\": 7e9, \"tokens\": 1e308, \"hardware\": \"h100\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] tokens: got 1e+308, expected 0 < tokens <= 1e+17"},
    {"number beyond double", "{\"gpu_hours\": 1e999, \"hardware\": \"h100\"}", TRAINPRINT_ERROR_DATA, "[trainprint.data] <scenario>: malformed JSON: number overflow parsing '1e999'"},
    {"NaN literal", "{\"gpu_hours\": NaN, \"hardware\": \"h100\"}", TRAINPRINT_ERROR_DATA, "[trainprint.data] <scenario>: malformed JSON: line 1, column 15: invalid literal; last read: '\"gpu_hours\": N'"},
    /* Text is read as the CLI reads it (one reader of values): "nan" is not a number. */
    {"nan as text", "{\"gpu_hours\": \"nan\", \"hardware\": \"h100\"}", TRAINPRINT_ERROR_UNIT, "[trainprint.unit] gpu_hours: got 'nan', expected a number of h with an optional suffix k, M, B (or G), T, P, E, e.g. 100k"},
    {"PUE 0.9", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"pue\": 0.9}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5"},
    {"MFU 0", "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"mfu\": 0}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] mfu: got 0, expected 0 < mfu <= 1"},
    /* 8.4e22 FLOP need 8.4e22 / (3600 x 989.4e12) = 23,583 H100-hours at MFU 1: 1,000 h is an MFU of 23.6. */
    {"implied MFU above 1", "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"gpu_hours\": 1000}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] gpu_hours: got 1000, expected at least 2.358e+04 accelerator-hours for 8.4e+22 FLOP on nvidia-h100-sxm5-80gb (its dense bf16 peak, 989.4 TFLOP/s, at MFU 1; the fitted MFU 0.199 needs 1.188e+05 h), or a smaller workload (params, tokens, flops): the time given would need an MFU of 23.6, and no run exceeds 1"},
    {"duration -3", "{\"duration_h\": -3, \"hardware\": \"h100\", \"count\": 8}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] duration_h: got -3 h, expected 0 h < duration_h <= 1000000 h"},
    {"count 0", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"count\": 0}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] count: got 0, expected 1 <= count <= 1e+08"},
    {"empty hardware", "{\"gpu_hours\": 1000, \"hardware\": \"\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] hardware: got '', expected a catalog id such as h100"},
    {"unknown hardware", "{\"gpu_hours\": 1000, \"hardware\": \"h1000\"}", TRAINPRINT_ERROR_UNKNOWN_KEY, "[trainprint.unknown_key] unknown accelerator 'h1000'; did you mean nvidia-h100-sxm5-80gb, nvidia-h100-nvl-94gb, nvidia-h100-pcie-80gb?"},
    {"unknown region", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"region\": \"atlantis\"}", TRAINPRINT_ERROR_UNKNOWN_KEY, "[trainprint.unknown_key] unknown region 'atlantis'"},
    {"wrong type", "{\"gpu_hours\": [1000], \"hardware\": \"h100\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] gpu_hours: got [1000] (array), expected a number, or a range {\"low\": ..., \"mode\": ..., \"high\": ...}, [low, high], [low, mode, high] or \"low:high\""},
    {"extra field", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"colour\": \"green\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] colour: got an unknown field, expected a scenario field"},
    {"missing workload", "{\"hardware\": \"h100\", \"count\": 8}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] workload: missing; give tokens with params, or flops, or size, or gpu_hours, or duration_h with count"},
    {"mix sum 0.7", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"mix\": {\"coal\": 0.3, \"gas\": 0.4}}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] mix: got shares summing to 0.7, expected shares summing to 1 (\xc2" "\xb1" "0.001)"},
    {"invalid UTF-8", "{\"gpu_hours\": 1000, \"hardware\": \"h\xff\"}", TRAINPRINT_ERROR_DATA, "[trainprint.data] <scenario>: malformed JSON: line 1, column 35: invalid string: ill-formed UTF-8 byte; last read: '\"h\\xff'"},  /* the bad byte escaped (printable_utf8) */
    {"empty text", "", TRAINPRINT_ERROR_DATA, "[trainprint.data] <scenario>: malformed JSON: line 1, column 1: unexpected end of input; expected '[', '{', or a literal"},
    /* The C API strips the marks the library puts around input ids in its messages
       (`count` -> count, e22e857), and only those: an echoed value in backticks that
       names no input keeps them. (No error of the library that carries a mark can be
       reached through the C API: the one there is, pilot.cpp's "give `count`", needs a
       measured file, which the C API does not read.) */
    {"backticks around a non-input", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"region\": \"`atlantis`\"}", TRAINPRINT_ERROR_UNKNOWN_KEY, "[trainprint.unknown_key] unknown region '`atlantis`'"},
    /* The user's text is never rewritten (spelling.hpp): an input id in backticks, typed as a value, keeps its
       marks in quotes (before, `cfe` typed as a region came back as cfe, the mark taken for the library's). */
    {"backticks around an input id", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"region\": \"`cfe`\"}", TRAINPRINT_ERROR_UNKNOWN_KEY, "[trainprint.unknown_key] unknown region '`cfe`'"},
    {"backticks in a choice", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"boundary\": \"`pue`\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] boundary: got '`pue`', expected accelerators or servers"},
    /* The library's own mark (`pue`) is stripped. 1,000 H100-hours × 1,275 W (DGX H100 10,200 W / 8) × PUE 1.67 (the top
       of the default PUE range, FR has none of its own) / 1,000 = 2,129 kWh. */
    {"facility energy above the run's PUE", "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"region\": \"FR\", \"energy_kwh\": 1500000, \"energy_boundary\": \"facility\"}", TRAINPRINT_ERROR_INPUT, "[trainprint.input] energy_kwh: got 1500000 kWh at the facility boundary over 1000 accelerator-hours, 898200 W per accelerator once the PUE (1.67) is taken out, expected at most 2129 kWh: 1275 W per accelerator on nvidia-h100-sxm5-80gb (nvidia-dgx-h100's maximum system power, 10200 W with its host, over its 8 accelerators), \xc3\x97 PUE 1.67, the top of the run's PUE range (give pue for your site's own); did you give Wh? 1.5M Wh is 1500 kWh: energy_kwh 1500"},
    {"not an object", "\"h100\"", TRAINPRINT_ERROR_INPUT, "[trainprint.input] scenario: got \"h100\" (string), expected a JSON object of scenario fields"},
};

int main(void) {
  trainprint_catalog* cat = NULL;
  char buf[4096];
  size_t i;
  char* big;
  size_t n = 10u * 1000u * 1000u, head;
  const char* redefine[1];
  int rc;

  if (trainprint_catalog_open(NULL, 0, &cat) != TRAINPRINT_OK) {
    fprintf(stderr, "cannot open the catalog: %s\n", trainprint_last_error());
    return 1;
  }
  for (i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
    buf[0] = '\0';
    rc = trainprint_estimate(cat, rows[i].scenario, buf, sizeof buf);
    expect(rows[i].name, rc, buf, rows[i].status, rows[i].message);
  }

  /* Uncertainty with zero samples. */
  buf[0] = '\0';
  rc = trainprint_estimate_uncertain(cat, "{\"gpu_hours\": 1000, \"hardware\": \"h100\"}", 0, 42, buf, sizeof buf);
  expect("zero samples", rc, buf, TRAINPRINT_ERROR_INPUT, "[trainprint.input] samples: got 0, expected 20 <= samples <= 1e+09 (the 5th and 95th percentiles need at least 20)");

  /* A comparison across an unknown input and across a bad value. */
  buf[0] = '\0';
  rc = trainprint_compare(cat, "{\"gpu_hours\": 1000, \"hardware\": \"h100\"}", "regoin", "[\"FR\"]", NULL, buf, sizeof buf);
  expect("compare unknown key", rc, buf, TRAINPRINT_ERROR_INPUT, "[trainprint.input] key: got 'regoin', expected a scenario input (did you mean region?)");
  buf[0] = '\0';
  /* Every option out of limits: nothing to compare (one bad option beside a good one is
     an unknown row instead, docs: README "compare"). */
  rc = trainprint_compare(cat, "{\"gpu_hours\": 1000, \"hardware\": \"h100\"}", "pue", "[\"0.9\"]", NULL, buf, sizeof buf);
  expect("compare PUE 0.9", rc, buf, TRAINPRINT_ERROR_INPUT, "[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5");
  buf[0] = '\0';
  rc = trainprint_compare(cat, "{\"gpu_hours\": 1000, \"hardware\": \"h100\"}", "region", "{\"FR\": 1}", NULL, buf, sizeof buf);
  expect("compare values not an array", rc, buf, TRAINPRINT_ERROR_INPUT, "[trainprint.input] values: got {\"FR\":1}, expected a JSON array of values, e.g. [\"FR\", \"SE\"]");

  /* A 10 MB scenario (generated here, not committed): an unknown field holding it. */
  big = (char*)malloc(n + 64);
  if (big == NULL) return 1;
  strcpy(big, "{\"gpu_hours\": 1000, \"notes\": \"");
  head = strlen(big);
  memset(big + head, 'x', n);
  strcpy(big + head + n, "\"}");
  buf[0] = '\0';
  rc = trainprint_estimate(cat, big, buf, sizeof buf);
  expect("10 MB scenario", rc, buf, TRAINPRINT_ERROR_INPUT, "[trainprint.input] notes: got an unknown field, expected a scenario field");
  free(big);
  trainprint_catalog_close(cat);

  /* An overlay that redefines an id without "replace": no handle. */
  redefine[0] = TRAINPRINT_TEST_REDEFINE;
  cat = (trainprint_catalog*)1;
  rc = trainprint_catalog_open(redefine, 1, &cat);
  expect("overlay redefines an id", rc, NULL, TRAINPRINT_ERROR_DATA, "[trainprint.data] " TRAINPRINT_TEST_REDEFINE "#/accelerators/0/id: id 'nvidia-h100-sxm5-80gb' already exists; set \"replace\": true to replace it");
  if (cat != NULL) {
    fprintf(stderr, "overlay redefines an id: handle not NULL\n");
    ++failures;
  }

  if (failures) fprintf(stderr, "%d failures\n", failures);
  return failures ? 1 : 0;
}
