/* Tests of the C API (trainprint.h), compiled as C99. One binary; the first
 * argument names the case, so each case is its own ctest. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trainprint/trainprint.h"

static int failures = 0;

#define CHECK(cond)                                                                     \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, \
              #cond, trainprint_last_error());                                          \
      ++failures;                                                                       \
    }                                                                                   \
  } while (0)

#define CHECK_CONTAINS(text, part)                                                          \
  do {                                                                                      \
    if (strstr((text), (part)) == NULL) {                                                   \
      fprintf(stderr, "%s:%d: expected \"%s\" in \"%s\"\n", __FILE__, __LINE__, (part), (text)); \
      ++failures;                                                                           \
    }                                                                                       \
  } while (0)

static const char* const scenario =
    "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"count\": 512, "
    "\"region\": \"aws:us-east-1\"}";

static trainprint_catalog* open_embedded(void) {
  trainprint_catalog* cat = NULL;
  int rc = trainprint_catalog_open(NULL, 0, &cat);
  if (rc != TRAINPRINT_OK || cat == NULL) {
    fprintf(stderr, "cannot open the catalog: %s\n", trainprint_last_error());
    exit(1);
  }
  return cat;
}

/* The estimate as a malloc'd string, sized by a first call with no buffer. */
static char* estimate_alloc(const trainprint_catalog* cat, const char* json) {
  int n = trainprint_estimate(cat, json, NULL, 0);
  char* buf;
  if (n < 0) return NULL;
  buf = (char*)malloc((size_t)n + 1);
  if (buf == NULL) return NULL;
  if (trainprint_estimate(cat, json, buf, (size_t)n + 1) != n) {
    free(buf);
    return NULL;
  }
  return buf;
}

static void test_version(void) {
  CHECK(strcmp(trainprint_version(), TRAINPRINT_TEST_VERSION) == 0);
  CHECK(strcmp(trainprint_status_name(TRAINPRINT_ERROR_UNKNOWN_KEY), "TRAINPRINT_ERROR_UNKNOWN_KEY") == 0);
  CHECK(strcmp(trainprint_last_error(), "") == 0);
}

static void test_estimate(void) {
  trainprint_catalog* cat = open_embedded();
  char* json = estimate_alloc(cat, scenario);
  CHECK(json != NULL);
  if (json) {
    CHECK_CONTAINS(json, "\"schema\": \"trainprint.estimate/1\"");
    CHECK_CONTAINS(json, "\"hardware\": \"nvidia-h100-sxm5-80gb\"");
    CHECK_CONTAINS(json, "\"energy_kwh\"");
    CHECK(json[strlen(json) - 1] == '}');
  }
  CHECK(trainprint_last_status() == TRAINPRINT_OK);
  CHECK(strcmp(trainprint_last_error(), "") == 0);
  free(json);
  trainprint_catalog_close(cat);
}

static void test_uncertainty(void) {
  trainprint_catalog* cat = open_embedded();
  static const char* const ranged =
      "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"count\": 512, "
      "\"region\": \"FR\", \"mfu\": \"0.35:0.45\", \"pue\": {\"low\": 1.1, \"high\": 1.3}}";
  int n = trainprint_estimate_uncertain(cat, ranged, 2000, 7, NULL, 0);
  char *a, *b;
  CHECK(n > 0);
  a = (char*)malloc((size_t)n + 1);
  b = (char*)malloc((size_t)n + 1);
  if (a && b) {
    CHECK(trainprint_estimate_uncertain(cat, ranged, 2000, 7, a, (size_t)n + 1) == n);
    CHECK(trainprint_estimate_uncertain(cat, ranged, 2000, 7, b, (size_t)n + 1) == n);
    CHECK(strcmp(a, b) == 0); /* same seed, same text */
    CHECK_CONTAINS(a, "\"samples\": 2000");
    CHECK_CONTAINS(a, "\"seed\": 7");
    CHECK_CONTAINS(a, "\"emissions_kg_co2e.total\": {");
    CHECK_CONTAINS(a, "\"p95\": ");
    CHECK_CONTAINS(a, "\"basis\": \"user range\"");
    CHECK_CONTAINS(a, "\"sensitivity\": [");
  }
  free(a);
  free(b);
  CHECK(trainprint_estimate_uncertain(cat, ranged, 0, 7, NULL, 0) == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.input] samples: got 0");
  CHECK(trainprint_estimate_uncertain(cat, "{\"gpu_hours\": 1000, \"hardware\": \"h100\", \"mfu\": \"0.5:0.2\"}", 100,
                                      1, NULL, 0) == TRAINPRINT_ERROR_INPUT);
  CHECK(trainprint_estimate_uncertain(NULL, ranged, 100, 1, NULL, 0) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  trainprint_catalog_close(cat);
}

static void test_buffer_too_small(void) {
  trainprint_catalog* cat = open_embedded();
  char small[16];
  char* full = estimate_alloc(cat, scenario);
  int n;
  CHECK(full != NULL);
  /* size 0 with a NULL buffer: only the length */
  n = trainprint_estimate(cat, scenario, NULL, 0);
  CHECK(full != NULL && n == (int)strlen(full));
  /* a small buffer: truncated, NUL-terminated, the full length returned */
  memset(small, 'x', sizeof small);
  n = trainprint_estimate(cat, scenario, small, sizeof small);
  CHECK(full != NULL && n == (int)strlen(full));
  CHECK(n >= (int)sizeof small);
  CHECK(small[sizeof small - 1] == '\0');
  CHECK(full != NULL && strncmp(small, full, sizeof small - 1) == 0);
  /* size 1: only the NUL */
  small[0] = 'x';
  CHECK(trainprint_estimate(cat, scenario, small, 1) == n);
  CHECK(small[0] == '\0');
  /* the same for the other writers */
  n = trainprint_catalog_version(cat, small, 2);
  CHECK(n > 1 && strlen(small) == 1);
  n = trainprint_catalog_ids(cat, "hardware", NULL, 0);
  CHECK(n > 2);
  free(full);
  trainprint_catalog_close(cat);
}

static void test_bad_json(void) {
  trainprint_catalog* cat = open_embedded();
  char buf[256] = "untouched";
  int rc = trainprint_estimate(cat, "{\"params\": 7e9,", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_DATA);
  CHECK(trainprint_last_status() == TRAINPRINT_ERROR_DATA);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.data] <scenario>: malformed JSON");
  CHECK(strcmp(buf, "untouched") == 0);
  rc = trainprint_estimate(cat, "[1, 2]", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.input] scenario:");
  rc = trainprint_estimate(cat, "{\"parms\": 7e9}", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "did you mean params?");
  rc = trainprint_estimate(cat, "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"count\": 8, \"mfu\": 1.7}",
                           buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK(strcmp(trainprint_last_error(), "[trainprint.input] mfu: got 1.7, expected 0 < mfu <= 1") == 0);
  rc = trainprint_compare(cat, scenario, "region", "[\"FR\",", NULL, buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_DATA);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.data] <values>: malformed JSON");
  rc = trainprint_compare(cat, scenario, "region", "{\"a\": 1}", NULL, buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.input] values:");
  rc = trainprint_compare(cat, scenario, "count", "[\"lots\"]", NULL, buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_UNIT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.unit] count:");
  rc = trainprint_compare(cat, scenario, "region", "[\"FR\"]", "speed", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.input] sort: got 'speed'");
  /* a success clears the error */
  CHECK(trainprint_catalog_version(cat, buf, sizeof buf) > 0);
  CHECK(strcmp(trainprint_last_error(), "") == 0);
  trainprint_catalog_close(cat);
}

static void test_unknown_id(void) {
  trainprint_catalog* cat = open_embedded();
  char buf[256];
  int rc = trainprint_estimate(cat, "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100x\", \"count\": 8}", buf,
                               sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_UNKNOWN_KEY);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.unknown_key] unknown accelerator 'h100x'; did you mean ");
  CHECK_CONTAINS(trainprint_last_error(), "nvidia-h100-sxm5-80gb");
  rc = trainprint_compare(cat, scenario, "region", "[\"FR\", \"atlantis\"]", "emissions", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_UNKNOWN_KEY);
  CHECK_CONTAINS(trainprint_last_error(), "unknown region 'atlantis'");
  rc = trainprint_catalog_entry(cat, "hardware", "h100x", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_UNKNOWN_KEY);
  CHECK_CONTAINS(trainprint_last_error(), "did you mean ");
  rc = trainprint_catalog_ids(cat, "hardwar", buf, sizeof buf);
  CHECK(rc == TRAINPRINT_ERROR_INPUT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.input] table");
  trainprint_catalog_close(cat);
}

static void test_null_pointers(void) {
  trainprint_catalog* cat = open_embedded();
  trainprint_catalog* other = (trainprint_catalog*)&failures; /* must be overwritten with NULL */
  const char* paths[1] = {NULL};
  char buf[64];
  const char* values[2] = {"FR", NULL};
  CHECK(trainprint_catalog_open(NULL, 0, NULL) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.argument] out: got NULL");
  CHECK(trainprint_catalog_open(NULL, 1, &other) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(other == NULL);
  CHECK(trainprint_catalog_open(paths, 1, &other) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_estimate(NULL, scenario, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK_CONTAINS(trainprint_last_error(), "cat: got NULL");
  CHECK(trainprint_estimate(cat, NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK_CONTAINS(trainprint_last_error(), "scenario_json: got NULL");
  CHECK(trainprint_estimate(cat, scenario, NULL, 10) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_compare(cat, scenario, NULL, "[\"FR\"]", NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_compare(cat, scenario, "region", NULL, NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_compare_values(cat, scenario, "region", NULL, 1, NULL, buf, sizeof buf) ==
        TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_compare_values(cat, scenario, "region", values, 2, NULL, buf, sizeof buf) ==
        TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_catalog_ids(cat, NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_catalog_entry(cat, "hardware", NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  CHECK(trainprint_catalog_version(NULL, buf, sizeof buf) == TRAINPRINT_ERROR_NULL_ARGUMENT);
  trainprint_catalog_close(NULL); /* ignored */
  trainprint_catalog_close(cat);
}

static void test_overlay(void) {
  const char* paths[1] = {"/nonexistent/trainprint-overlay.json"};
  const char* good[1] = {TRAINPRINT_TEST_OVERLAY};
  trainprint_catalog* cat = NULL;
  char buf[256];
  CHECK(trainprint_catalog_open(paths, 1, &cat) == TRAINPRINT_ERROR_DATA);
  CHECK(cat == NULL);
  CHECK_CONTAINS(trainprint_last_error(), "[trainprint.data] /nonexistent/trainprint-overlay.json");
  CHECK(trainprint_catalog_open(good, 1, &cat) == TRAINPRINT_OK);
  CHECK(cat != NULL);
  if (cat) {
    CHECK(trainprint_catalog_entry(cat, "hardware", "c-api-test-gpu", buf, sizeof buf) > 0);
    CHECK(trainprint_estimate(cat,
                              "{\"gpu_hours\": 1000, \"hardware\": \"c-api-test-gpu\", \"region\": \"FR\"}",
                              NULL, 0) > 0);
  }
  trainprint_catalog_close(cat);
}

static void test_compare(void) {
  trainprint_catalog* cat = open_embedded();
  const char* regions[3] = {"SE", "aws:us-east-1", "FR"};
  int n1 = trainprint_compare(cat, scenario, "region", "[\"SE\", \"aws:us-east-1\", \"FR\"]", "emissions", NULL, 0);
  int n2 = trainprint_compare_values(cat, scenario, "region", regions, 3, NULL, NULL, 0);
  char *a, *b;
  CHECK(n1 > 0 && n1 == n2);
  a = (char*)malloc((size_t)n1 + 1);
  b = (char*)malloc((size_t)n2 + 1);
  if (a && b && n1 > 0) {
    CHECK(trainprint_compare(cat, scenario, "region", "[\"SE\", \"aws:us-east-1\", \"FR\"]", "emissions", a,
                             (size_t)n1 + 1) == n1);
    CHECK(trainprint_compare_values(cat, scenario, "region", regions, 3, NULL, b, (size_t)n2 + 1) == n2);
    CHECK(strcmp(a, b) == 0);
    CHECK_CONTAINS(a, "\"schema\": \"trainprint.compare/1\"");
    CHECK_CONTAINS(a, "\"key\": \"region\"");
    CHECK_CONTAINS(a, "\"sort\": \"emissions\"");
    CHECK_CONTAINS(a, "\"value\": \"aws:us-east-1\"");
  }
  /* numbers in the values array are read as text */
  CHECK(trainprint_compare(cat, scenario, "count", "[256, 512, \"1k\"]", "time", NULL, 0) > 0);
  free(a);
  free(b);
  trainprint_catalog_close(cat);
}

static void test_catalog(void) {
  trainprint_catalog* cat = open_embedded();
  char buf[65536];
  int n = trainprint_catalog_ids(cat, "hardware", buf, sizeof buf);
  CHECK(n > 0 && n < (int)sizeof buf);
  CHECK(buf[0] == '[');
  CHECK_CONTAINS(buf, "\"nvidia-h100-sxm5-80gb\"");
  n = trainprint_catalog_entry(cat, "hardware", "h100", buf, sizeof buf);
  CHECK(n > 0 && n < (int)sizeof buf);
  CHECK_CONTAINS(buf, "\"id\": \"nvidia-h100-sxm5-80gb\"");
  n = trainprint_catalog_version(cat, buf, sizeof buf);
  CHECK(n > 0 && (int)strlen(buf) == n);
  trainprint_catalog_close(cat);
}

/* Concurrent estimates on one handle give the same JSON as one thread. */
#define THREADS 8
#define ROUNDS 10
struct job {
  const trainprint_catalog* cat;
  const char* expected;
  int mismatches;
};

static void* worker(void* arg) {
  struct job* j = (struct job*)arg;
  int r;
  for (r = 0; r < ROUNDS; ++r) {
    char* got = estimate_alloc(j->cat, scenario);
    char buf[8];
    if (got == NULL || strcmp(got, j->expected) != 0) ++j->mismatches;
    free(got);
    /* errors on one thread leave the other threads' last error alone */
    if (trainprint_estimate(j->cat, "{", buf, sizeof buf) != TRAINPRINT_ERROR_DATA) ++j->mismatches;
    if (strstr(trainprint_last_error(), "malformed JSON") == NULL) ++j->mismatches;
  }
  return NULL;
}

static void test_threads(void) {
  trainprint_catalog* cat = open_embedded();
  char* expected = estimate_alloc(cat, scenario);
  pthread_t threads[THREADS];
  struct job jobs[THREADS];
  int i;
  CHECK(expected != NULL);
  for (i = 0; i < THREADS; ++i) {
    jobs[i].cat = cat;
    jobs[i].expected = expected;
    jobs[i].mismatches = 0;
    CHECK(pthread_create(&threads[i], NULL, worker, &jobs[i]) == 0);
  }
  for (i = 0; i < THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(jobs[i].mismatches == 0);
  }
  /* this thread's last error is its own (the success above) */
  CHECK(strcmp(trainprint_last_error(), "") == 0);
  free(expected);
  trainprint_catalog_close(cat);
}

/* Prints the estimate of the scenario file argv[2] (for the cross-interface test). */
static int print_estimate_file(const char* path) {
  FILE* f = fopen(path, "rb");
  char text[65536];
  size_t len;
  trainprint_catalog* cat;
  char* json;
  if (f == NULL) return 1;
  len = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[len] = '\0';
  cat = open_embedded();
  json = estimate_alloc(cat, text);
  if (json == NULL) {
    fprintf(stderr, "%s\n", trainprint_last_error());
    trainprint_catalog_close(cat);
    return 1;
  }
  printf("%s\n", json);
  free(json);
  trainprint_catalog_close(cat);
  return 0;
}

int main(int argc, char** argv) {
  static const struct {
    const char* name;
    void (*run)(void);
  } cases[] = {{"version", test_version},       {"estimate", test_estimate},
               {"buffer_too_small", test_buffer_too_small}, {"bad_json", test_bad_json},
               {"unknown_id", test_unknown_id}, {"null_pointers", test_null_pointers},
               {"overlay", test_overlay},       {"compare", test_compare},
               {"catalog", test_catalog},       {"threads", test_threads},
               {"uncertainty", test_uncertainty}};
  size_t i;
  int ran = 0;
  if (argc == 3 && strcmp(argv[1], "estimate-file") == 0) return print_estimate_file(argv[2]);
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    if (argc > 1 && strcmp(argv[1], cases[i].name) != 0) continue;
    cases[i].run();
    ++ran;
  }
  if (ran == 0) {
    fprintf(stderr, "unknown case %s\n", argc > 1 ? argv[1] : "");
    return 2;
  }
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
