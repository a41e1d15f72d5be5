#pragma once
/// \file trainprint.hpp
/// Everything: quantities, scenario, catalog, estimator, comparison, JSON and
/// formatting. Include the single headers instead to keep compile times down.

#include "catalog.hpp"
#include "catalog_json.hpp"
#include "compare.hpp"
#include "defaults.hpp"
#include "error.hpp"
#include "estimate.hpp"
#include "estimator.hpp"
#include "format.hpp"
#include "inputs.hpp"
#include "json.hpp"
#include "output_format.hpp"
#include "parse.hpp"
#include "quantities.hpp"
#include "render.hpp"
#include "report.hpp"
#include "scenario.hpp"
#include "svg.hpp"
#include "table.hpp"
#include "sweep.hpp"
#include "uncertainty.hpp"
#include "validate.hpp"
#include "version.hpp"
