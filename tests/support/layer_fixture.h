// The whole-layer PyTorch fixtures: tests/fixtures/layer_cases.json, computed by PyTorch with
// channels, groups, bias and 1 to 3 spatial axes (generator: tests/fixtures/
// make_layer_fixtures.py; format: tests/fixtures/README.md). Reading fails loudly: a missing,
// unreadable or empty fixture file throws, and so fails every test that uses it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/params.h"

namespace convt::testing {

/// Every case of layer_cases.json (its "cases" array), read once.
/// Throws std::runtime_error naming the file when it cannot be read, is not JSON, or holds no
/// case.
const nlohmann::json& layer_cases();

/// The case's layer as engine parameters: dims, per-axis sizes, channels, groups, bias, and
/// its weight and input values unless the case uses the default values 1, 2, ... (then they
/// stay empty, so that derive() fills them in).
Params layer_params(const nlohmann::json& c);

/// "layer case <index> (<category>, dims .., n .., ..., in .., out .., groups .., bias ..)".
std::string describe_layer(const nlohmann::json& c, size_t index);

/// A command line `convt explain ...` for the case (sizes as "3" or "3x2x2", --kernel and
/// --input only for given values, --bias when the layer has one), without --format.
std::vector<std::string> layer_command_line(const nlohmann::json& c);

/// How far the engine's value may be from PyTorch's in a case: 0 when the weight, input and
/// bias are all whole numbers (every sum is exact in doubles), else 1e-12 times a bound on every
/// cell's sum of |products| (max|x| * sum|w| + max|bias|): PyTorch adds in another order.
double layer_tolerance(const nlohmann::json& c);

/// "" when `actual` equals `expected` within `tolerance` in every cell, else the first
/// difference as "index <i>: expected <e>, got <a>" (the sizes when they differ).
std::string compare_values(const std::vector<double>& actual, const std::vector<double>& expected,
                           double tolerance);

/// The row-major indices of flat position `flat` in a tensor of `shape`.
std::vector<int64_t> unravel(int64_t flat, const std::vector<int64_t>& shape);

}  // namespace convt::testing
