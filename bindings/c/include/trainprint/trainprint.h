/* trainprint.h — the stable C API of trainprint (C99).
 *
 * Energy, carbon and water of training ML models, from any language with a C FFI.
 * JSON in, JSON out: a scenario is the JSON object the CLI reads with --scenario
 * (fields in snake_case: params, tokens, hardware, count, region, ...), an
 * estimate is the `trainprint.estimate/1` JSON the CLI prints with --format json.
 *
 * Conventions
 *   - Every function is prefixed `trainprint_`; no exception ever crosses this
 *     boundary.
 *   - Functions that fail return a negative `trainprint_status`; the message of
 *     the last failure on the calling thread is `trainprint_last_error()`.
 *   - Functions that produce text write it snprintf-style: into `buf` of
 *     `size` bytes, always NUL-terminated when `size` > 0, truncated when too
 *     small, and return the full length (without the NUL). Call with
 *     buf = NULL, size = 0 to learn the length, or retry when the result is
 *     >= size.
 *   - A catalog handle is immutable once open: any number of threads may run
 *     estimates, comparisons and look-ups on one handle at the same time.
 *
 *   trainprint_catalog* cat = NULL;
 *   if (trainprint_catalog_open(NULL, 0, &cat) != TRAINPRINT_OK) { ... }
 *   char json[16384];
 *   int n = trainprint_estimate(cat, "{\"params\": 7e9, \"tokens\": 2e12, "
 *       "\"hardware\": \"h100\", \"count\": 512, \"region\": \"aws:us-east-1\"}",
 *       json, sizeof json);
 *   if (n < 0) fprintf(stderr, "%s\n", trainprint_last_error());
 *   trainprint_catalog_close(cat);
 */
#ifndef TRAINPRINT_TRAINPRINT_H
#define TRAINPRINT_TRAINPRINT_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(TRAINPRINT_C_BUILDING)
#    define TRAINPRINT_C_API __declspec(dllexport)
#  else
#    define TRAINPRINT_C_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define TRAINPRINT_C_API __attribute__((visibility("default")))
#else
#  define TRAINPRINT_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes: 0 is success, every error is negative. */
typedef enum trainprint_status {
  TRAINPRINT_OK = 0,
  /** A scenario input is missing, out of range or inconsistent ([trainprint.input]). */
  TRAINPRINT_ERROR_INPUT = -1,
  /** An id that is not in the catalog; the message lists the closest ids
   *  ([trainprint.unknown_key] ... did you mean ...?). */
  TRAINPRINT_ERROR_UNKNOWN_KEY = -2,
  /** Malformed JSON, or an unreadable or malformed data file ([trainprint.data]). */
  TRAINPRINT_ERROR_DATA = -3,
  /** A number with a unit or suffix that does not parse ([trainprint.unit]). */
  TRAINPRINT_ERROR_UNIT = -4,
  /** A required pointer argument was NULL, or buf was NULL with size > 0. */
  TRAINPRINT_ERROR_NULL_ARGUMENT = -5,
  /** The output would be longer than INT_MAX bytes. */
  TRAINPRINT_ERROR_TOO_LARGE = -6,
  /** Out of memory or another unexpected failure (a bug: please report it). */
  TRAINPRINT_ERROR_INTERNAL = -7
} trainprint_status;

/** An open catalog: the embedded data, optionally overlaid by user files. */
typedef struct trainprint_catalog trainprint_catalog;

/** The library version, "major.minor.patch" (static storage; never NULL). */
TRAINPRINT_C_API const char* trainprint_version(void);

/** The message of the last failed call on this thread, "" after a success.
 *  Valid until the next trainprint_ call on this thread; never NULL. */
TRAINPRINT_C_API const char* trainprint_last_error(void);

/** The status of the last call on this thread (TRAINPRINT_OK after a success). */
TRAINPRINT_C_API int trainprint_last_status(void);

/** A short constant name for a status code ("TRAINPRINT_ERROR_INPUT"). */
TRAINPRINT_C_API const char* trainprint_status_name(int status);

/** Opens the catalog: the embedded tables, overlaid by the `count` JSON files in
 *  `overlay_paths` in order (overlay_paths may be NULL when count is 0). On
 *  success stores a new handle in *out and returns TRAINPRINT_OK; on failure
 *  stores NULL (when out is not NULL) and returns a negative status. */
TRAINPRINT_C_API int trainprint_catalog_open(const char* const* overlay_paths, size_t count,
                                             trainprint_catalog** out);

/** Closes a handle from trainprint_catalog_open; NULL is ignored. */
TRAINPRINT_C_API void trainprint_catalog_close(trainprint_catalog* cat);

/** The catalog's data version ("2026.11.0"), snprintf-style. */
TRAINPRINT_C_API int trainprint_catalog_version(const trainprint_catalog* cat, char* buf, size_t size);

/** The ids of `table` as a JSON array of strings, in catalog order, snprintf-style.
 *  Tables: "hardware", "systems", "regions", "providers", "sources", "presets",
 *  "equivalents". */
TRAINPRINT_C_API int trainprint_catalog_ids(const trainprint_catalog* cat, const char* table, char* buf,
                                            size_t size);

/** One catalog entry of `table`, found by id or alias (case-insensitive), as a
 *  JSON object with its provenance, snprintf-style. */
TRAINPRINT_C_API int trainprint_catalog_entry(const trainprint_catalog* cat, const char* table, const char* id,
                                              char* buf, size_t size);

/** Estimates one scenario (a JSON object) against `cat` and writes the estimate
 *  (`trainprint.estimate/1`, indented by 2, the CLI's `--format json` without
 *  its final newline) snprintf-style. */
TRAINPRINT_C_API int trainprint_estimate(const trainprint_catalog* cat, const char* scenario_json, char* buf,
                                         size_t size);

/** trainprint_estimate with uncertainty: `samples` Monte Carlo draws (1 to 10^9)
 *  from `seed` fill the estimate's "uncertainty" block (p5/p50/p95/mean of every
 *  output, the inputs' ranges and the sensitivity ranking; see docs/uncertainty.md).
 *  Inputs take ranges in the scenario as {"low", "mode", "high"}, [low, high] or
 *  "low:high". Same seed, same text, on every platform. snprintf-style. */
TRAINPRINT_C_API int trainprint_estimate_uncertain(const trainprint_catalog* cat, const char* scenario_json,
                                                   uint64_t samples, uint64_t seed, char* buf, size_t size);

/** Estimates `scenario_json` once for each value of input `key` and writes the
 *  ranked comparison (`trainprint.compare/1`, as `trainprint compare --format
 *  json` writes it: {"schema", "key", "sort", "metric_unit", "rows": [{"rank",
 *  "value", "metric", "delta_to_best", "estimate"}]}, best first; "rank" is
 *  null for an option whose metric is unknown, and for all when fewer than two
 *  are known), snprintf-style.
 *  `values_json` is a JSON array of values as a person types them: strings
 *  ("FR", "7B", "40%") or numbers. `sort` is "energy", "emissions", "water",
 *  "cost" or "time"; NULL means "emissions". The scenario is one source, as
 *  the CLI's flags: each option sets `key` in it, so a compared region keeps an
 *  "intensity" the scenario gives (with no preset, nothing else is replaced). */
TRAINPRINT_C_API int trainprint_compare(const trainprint_catalog* cat, const char* scenario_json, const char* key,
                                        const char* values_json, const char* sort, char* buf, size_t size);

/** trainprint_compare with the values as `count` C strings. */
TRAINPRINT_C_API int trainprint_compare_values(const trainprint_catalog* cat, const char* scenario_json,
                                               const char* key, const char* const* values, size_t count,
                                               const char* sort, char* buf, size_t size);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TRAINPRINT_TRAINPRINT_H */
