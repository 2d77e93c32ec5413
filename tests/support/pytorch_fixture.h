// The PyTorch fixtures: tests/fixtures/pytorch_cases.json, computed by PyTorch (see its README),
// read for the tests of the engine, the formats and the shape tools. Reading fails loudly: a
// missing, unreadable or empty fixture file throws, and so fails every test that uses it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/params.h"

namespace convt::testing {

/// The "cases" array of the fixture file `file_name` in tests/fixtures/ (read on every call).
/// Throws std::runtime_error naming the file when it cannot be read, is not JSON, or holds no
/// case.
nlohmann::json read_fixture_cases(const std::string& file_name);

/// Every case of the fixture file (its "cases" array), read once.
/// Throws std::runtime_error naming the file when it cannot be read, is not JSON, or holds no
/// case.
const nlohmann::json& fixture_cases();

/// The cases of one category ("article", ...), in file order. Throws std::runtime_error when
/// there is none (besides the errors of fixture_cases).
nlohmann::json fixture_cases_in(const std::string& category);

/// A list field of a case: "n", "k", "s", "p", "d", "op", "output_shape", "full_shape" are whole
/// numbers; "kernel", "input", "output", "full", "conv_matrix" are values. Throws
/// nlohmann::json::exception when the case lacks `key`.
std::vector<int64_t> fixture_ints(const nlohmann::json& c, const char* key);
std::vector<double> fixture_numbers(const nlohmann::json& c, const char* key);

/// The case's layer as engine parameters: per-axis sizes, and its kernel and input values unless
/// the case uses the default values 1..count.
Params fixture_params(const nlohmann::json& c);

/// "case <index> (<category>, dims .., n .., k .., ...)", for failure messages.
std::string describe_fixture(const nlohmann::json& c, size_t index);

/// Whether the case's kernel and input values are all whole numbers (then sums are exact).
bool whole_numbers(const nlohmann::json& c);

/// How two flat row-major value lists may differ: not at all for whole-number cases; within
/// 1e-12 of the cell's sum of |products| otherwise (PyTorch adds the products in another order).
struct Tolerance {
  bool exact = true;
  std::vector<double> scale;  ///< per cell, from the brute-force reference (reference_conv.h)
};

/// The tolerance for comparing the engine's grid of case `c` (parameters `p`) with PyTorch's:
/// the output when `cropped`, else the uncropped F-grid.
Tolerance tolerance_for(const nlohmann::json& c, const Params& p, bool cropped);

/// "" when `actual` equals `expected` within `tolerance`, else the first difference.
std::string compare(const std::vector<double>& actual, const std::vector<double>& expected,
                    const Tolerance& tolerance);

}  // namespace convt::testing
