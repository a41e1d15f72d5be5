/* estimate.c — the smallest use of trainprint's C API: one estimate, three numbers.
 * Build: cc estimate.c -ltrainprint_c   (or find_package(trainprint CONFIG) and
 * link trainprint::c; see CMakeLists.txt next to this file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <trainprint/trainprint.h>

/* The number after "key": in the JSON text of one estimate section (enough for a demo;
 * a real program would hand the JSON to its JSON parser). */
static double number_after(const char* json, const char* section, const char* key) {
  const char* p = strstr(json, section);
  if (p) p = strstr(p, key);
  return p ? strtod(strchr(p, ':') + 1, NULL) : -1.0;
}

int main(void) {
  const char* scenario =
      "{\"params\": 7e9, \"tokens\": 2e12, \"hardware\": \"h100\", \"count\": 512,"
      " \"region\": \"aws:us-east-1\"}";
  trainprint_catalog* cat = NULL;
  char* json;
  int n;

  if (trainprint_catalog_open(NULL, 0, &cat) != TRAINPRINT_OK) {
    fprintf(stderr, "%s\n", trainprint_last_error());
    return 1;
  }
  n = trainprint_estimate(cat, scenario, NULL, 0); /* the length first */
  if (n < 0 || (json = malloc((size_t)n + 1)) == NULL) {
    fprintf(stderr, "%s\n", trainprint_last_error());
    trainprint_catalog_close(cat);
    return 1;
  }
  trainprint_estimate(cat, scenario, json, (size_t)n + 1);
  printf("trainprint %s\n", trainprint_version());
  printf("energy    %.1f MWh\n", number_after(json, "\"energy_kwh\"", "\"facility\"") / 1000);
  printf("emissions %.1f t CO2e\n", number_after(json, "\"emissions_kg_co2e\"", "\"total\"") / 1000);
  printf("water     %.1f m3\n", number_after(json, "\"water_l\"", "\"total\"") / 1000);

  /* errors: a status code and a message */
  if (trainprint_estimate(cat, "{\"hardware\": \"h100x\", \"gpu_hours\": 1000}", NULL, 0) < 0)
    printf("error     %s\n", trainprint_last_error());

  free(json);
  trainprint_catalog_close(cat);
  return 0;
}
