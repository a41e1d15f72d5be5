// The C API (trainprint.h): thin wrappers over the C++ library. Every entry point
// catches everything; errors become a status code and a per-thread message.

#include "trainprint/trainprint.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "bindings_common.hpp"
#include "trainprint/spelling.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/catalog_json.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"
#include "trainprint/render.hpp"
#include "trainprint/uncertainty.hpp"
#include "trainprint/version.hpp"

// The handle: the embedded catalog itself, or an overlaid copy it owns. Never
// modified after trainprint_catalog_open, so concurrent readers are safe.
struct trainprint_catalog {
  std::unique_ptr<const trainprint::catalog> owned;
  const trainprint::catalog* cat = nullptr;
};

namespace {

namespace tp = trainprint;

struct last_error_state {
  int status = TRAINPRINT_OK;
  std::string message;
};
thread_local last_error_state last_error;

/// A NULL where a pointer is required (thrown inside the API only).
struct null_argument {
  const char* name;
};
/// Output longer than an int can count (thrown inside the API only).
struct too_large {};

int fail(int status, const char* prefix, const char* message) noexcept {
  last_error.status = status;
  try {
    // The library marks the inputs in its messages (`count`); the C API shows them as ids.
    last_error.message = tp::spell_inputs(std::string(prefix) + message, tp::spelling::json);
  } catch (...) {
    last_error.message.clear();  // out of memory: the status still says what happened
  }
  return status;
}

/// Runs `f` (which returns a non-negative int); every exception becomes a status
/// and the thread's last-error text.
template <class F>
int guarded(F&& f) noexcept {
  try {
    const int r = f();
    last_error.status = TRAINPRINT_OK;
    last_error.message.clear();
    return r;
  } catch (const null_argument& e) {
    fail(TRAINPRINT_ERROR_NULL_ARGUMENT, "[trainprint.argument] ", e.name);
    try {
      last_error.message += ": got NULL, expected a valid pointer";
    } catch (...) {
    }
    return TRAINPRINT_ERROR_NULL_ARGUMENT;
  } catch (const too_large&) {
    return fail(TRAINPRINT_ERROR_TOO_LARGE, "[trainprint.argument] ", "output longer than INT_MAX bytes");
  } catch (const tp::unknown_key_error& e) {
    return fail(TRAINPRINT_ERROR_UNKNOWN_KEY, "", e.what());
  } catch (const tp::input_error& e) {
    return fail(TRAINPRINT_ERROR_INPUT, "", e.what());
  } catch (const tp::data_error& e) {
    return fail(TRAINPRINT_ERROR_DATA, "", e.what());
  } catch (const tp::unit_error& e) {
    return fail(TRAINPRINT_ERROR_UNIT, "", e.what());
  } catch (const tp::error& e) {
    return fail(TRAINPRINT_ERROR_INPUT, "", e.what());
  } catch (const std::bad_alloc&) {
    return fail(TRAINPRINT_ERROR_INTERNAL, "[trainprint.internal] ", "out of memory");
  } catch (const nlohmann::json::exception& e) {
    return fail(TRAINPRINT_ERROR_DATA, "[trainprint.data] <json>: ", e.what());
  } catch (const std::exception& e) {
    return fail(TRAINPRINT_ERROR_INTERNAL, "[trainprint.internal] ", e.what());
  } catch (...) {
    return fail(TRAINPRINT_ERROR_INTERNAL, "[trainprint.internal] ", "unknown exception");
  }
}

void require(const void* p, const char* name) {
  if (p == nullptr) throw null_argument{name};
}

/// snprintf-style: copies what fits (NUL-terminated) and returns the full length.
int write_out(const std::string& text, char* buf, std::size_t size) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) throw too_large{};
  if (size > 0) {
    const std::size_t n = text.size() < size ? text.size() : size - 1;
    std::memcpy(buf, text.data(), n);
    buf[n] = '\0';
  }
  return static_cast<int>(text.size());
}

/// The catalog of a handle, after checking the handle and the output buffer.
const tp::catalog& checked(const trainprint_catalog* cat, const char* buf, std::size_t size) {
  require(cat, "cat");
  if (buf == nullptr && size > 0) throw null_argument{"buf (with size > 0)"};
  return *cat->cat;
}

tp::rank_by sort_of(const char* sort) { return sort ? tp::parse_rank_by(sort) : tp::rank_by::emissions; }

int compare_impl(const trainprint_catalog* cat, const char* scenario_json, const char* key,
                 const std::vector<std::string>& values, const char* sort, char* buf, std::size_t size) {
  const tp::catalog& c = checked(cat, buf, size);
  const tp::scenario s = tp::parse_scenario(scenario_json);
  const tp::comparison cmp = tp::compare(s, key, values, c, sort_of(sort));
  return write_out(tp::to_json_text(cmp, 2), buf, size);
}

}  // namespace

extern "C" {

const char* trainprint_version(void) { return TRAINPRINT_VERSION; }

const char* trainprint_last_error(void) { return last_error.message.c_str(); }

int trainprint_last_status(void) { return last_error.status; }

const char* trainprint_status_name(int status) {
  switch (status) {
    case TRAINPRINT_OK: return "TRAINPRINT_OK";
    case TRAINPRINT_ERROR_INPUT: return "TRAINPRINT_ERROR_INPUT";
    case TRAINPRINT_ERROR_UNKNOWN_KEY: return "TRAINPRINT_ERROR_UNKNOWN_KEY";
    case TRAINPRINT_ERROR_DATA: return "TRAINPRINT_ERROR_DATA";
    case TRAINPRINT_ERROR_UNIT: return "TRAINPRINT_ERROR_UNIT";
    case TRAINPRINT_ERROR_NULL_ARGUMENT: return "TRAINPRINT_ERROR_NULL_ARGUMENT";
    case TRAINPRINT_ERROR_TOO_LARGE: return "TRAINPRINT_ERROR_TOO_LARGE";
    case TRAINPRINT_ERROR_INTERNAL: return "TRAINPRINT_ERROR_INTERNAL";
    default: return status >= 0 ? "TRAINPRINT_OK" : "TRAINPRINT_ERROR_UNKNOWN_STATUS";
  }
}

int trainprint_catalog_open(const char* const* overlay_paths, size_t count, trainprint_catalog** out) {
  if (out) *out = nullptr;
  return guarded([&]() -> int {
    require(out, "out");
    if (count > 0) require(overlay_paths, "overlay_paths");
    auto handle = std::make_unique<trainprint_catalog>();
    if (count == 0) {
      handle->cat = &tp::catalog::embedded();
    } else {
      std::vector<std::filesystem::path> files;
      files.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        if (overlay_paths[i] == nullptr) throw null_argument{"overlay_paths[i]"};
        files.emplace_back(overlay_paths[i]);
      }
      handle->owned = std::make_unique<const tp::catalog>(tp::catalog::with_overlays(files));
      handle->cat = handle->owned.get();
    }
    *out = handle.release();
    return TRAINPRINT_OK;
  });
}

void trainprint_catalog_close(trainprint_catalog* cat) { delete cat; }

int trainprint_catalog_version(const trainprint_catalog* cat, char* buf, size_t size) {
  return guarded([&] { return write_out(checked(cat, buf, size).version(), buf, size); });
}

int trainprint_catalog_ids(const trainprint_catalog* cat, const char* table, char* buf, size_t size) {
  return guarded([&] {
    const tp::catalog& c = checked(cat, buf, size);
    require(table, "table");
    return write_out(nlohmann::json(tp::catalog_ids(c, table)).dump(), buf, size);
  });
}

int trainprint_catalog_entry(const trainprint_catalog* cat, const char* table, const char* id, char* buf,
                             size_t size) {
  return guarded([&] {
    const tp::catalog& c = checked(cat, buf, size);
    require(table, "table");
    require(id, "id");
    return write_out(tp::catalog_entry_to_json(c, table, id).dump(2), buf, size);
  });
}

int trainprint_estimate(const trainprint_catalog* cat, const char* scenario_json, char* buf, size_t size) {
  return guarded([&] {
    const tp::catalog& c = checked(cat, buf, size);
    require(scenario_json, "scenario_json");
    return write_out(tp::to_json_text(tp::make_estimate(tp::parse_scenario(scenario_json), c), 2), buf, size);
  });
}

int trainprint_estimate_uncertain(const trainprint_catalog* cat, const char* scenario_json, uint64_t samples,
                                  uint64_t seed, char* buf, size_t size) {
  return guarded([&] {
    const tp::catalog& c = checked(cat, buf, size);
    require(scenario_json, "scenario_json");
    tp::uncertainty_options o;
    o.samples = samples;
    o.seed = seed;
    return write_out(tp::to_json_text(tp::make_estimate(tp::parse_scenario(scenario_json), c, o), 2), buf, size);
  });
}

int trainprint_compare(const trainprint_catalog* cat, const char* scenario_json, const char* key,
                       const char* values_json, const char* sort, char* buf, size_t size) {
  return guarded([&] {
    require(scenario_json, "scenario_json");
    require(key, "key");
    require(values_json, "values_json");
    return compare_impl(cat, scenario_json, key, tp::bindings::values_from_json(values_json), sort, buf, size);
  });
}

int trainprint_compare_values(const trainprint_catalog* cat, const char* scenario_json, const char* key,
                              const char* const* values, size_t count, const char* sort, char* buf, size_t size) {
  return guarded([&] {
    require(scenario_json, "scenario_json");
    require(key, "key");
    if (count > 0) require(values, "values");
    std::vector<std::string> v;
    v.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (values[i] == nullptr) throw null_argument{"values[i]"};
      v.emplace_back(values[i]);
    }
    return compare_impl(cat, scenario_json, key, v, sort, buf, size);
  });
}

}  // extern "C"
