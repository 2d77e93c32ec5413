// The numbers every format writes, read back and compared with PyTorch's
// (tests/fixtures/pytorch_cases.json): the output, the uncropped grid and the conv matrix of the
// article's cases in unicode, markdown and latex, and the output of every fixture case in JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "pytorch_fixture.h"
#include "render_helpers.h"

namespace {

using convt::Derivation;
using convt::Format;
using convt::Params;
using convt::RenderOptions;
using convt::StageId;
using convt::testing::compare;
using convt::testing::fixture_cases;
using convt::testing::lines_of;
using convt::testing::tolerance_for;
using nlohmann::json;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  return convt::testing::derive_square(n, k, s, p, std::move(stages), std::move(kernel));
}

std::vector<double> numbers(const json& c, const char* key) {
  return convt::testing::fixture_numbers(c, key);
}

std::string describe(const json& c, size_t index) {
  return convt::testing::describe_fixture(c, index);
}

const json& article_cases() {
  static const json cases = convt::testing::fixture_cases_in("article");
  return cases;
}

/// A cell as written by a format, read back as a number: marks of zeros are 0, cropped and
/// struck-out values are their value, "−" is a minus.
double read_cell(std::string cell) {
  for (const char* mark : {"\u00b7", "\u2218", "\u25e6", "\\convtzero", "\\convtpad"})
    if (cell == mark) return 0.0;
  for (const char* strip : {"~~", "\\convtcrop{", "[", "]", "}"}) {
    for (size_t at = cell.find(strip); at != std::string::npos; at = cell.find(strip))
      cell.erase(at, std::string(strip).size());
  }
  for (size_t at = cell.find("\u2212"); at != std::string::npos; at = cell.find("\u2212"))
    cell.replace(at, 3, "-");
  return std::stod(cell);
}

std::vector<std::string> split_cells(const std::string& row, const std::string& separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = row.find(separator, start);
    std::string cell =
        row.substr(start, end == std::string::npos ? std::string::npos : end - start);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    if (!cell.empty()) out.push_back(cell);
    if (end == std::string::npos) return out;
    start = end + separator.size();
  }
}

/// The values of the last grid of a rendering, row-major.
std::vector<double> last_grid(const std::string& text, Format format) {
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> lines = lines_of(text);
  if (format == Format::kLatex) {
    // A bmatrix, or the labelled array of C and C^T: its rows below the \hline, each after its
    // label.
    const size_t array = text.rfind("\\end{array}"), matrix = text.rfind("\\end{bmatrix}");
    const bool labelled =
        array != std::string::npos && (matrix == std::string::npos || array > matrix);
    const std::string open = labelled ? "\\hline\n" : "\\begin{bmatrix}\n";
    const size_t begin = text.rfind(open) + open.size();
    const size_t end = text.rfind(labelled ? "\n\\end{array}" : "\n\\end{bmatrix}");
    std::string body = text.substr(begin, end - begin);
    std::replace(body.begin(), body.end(), '\n', ' ');
    for (const std::string& row : split_cells(body, "\\\\")) {
      rows.push_back(split_cells(row, "&"));
      if (labelled) rows.back().erase(rows.back().begin());
    }
  } else {
    for (const std::string& line : lines) {
      if (format == Format::kMarkdown) {
        if (line.rfind("| **", 0) != 0) {
          if (line.rfind("| ", 0) == 0) rows.clear();  // the next table's header
          continue;
        }
        std::vector<std::string> cells = split_cells(line, "|");
        cells.erase(cells.begin());  // the row label
        rows.push_back(cells);
      } else {  // unicode: "  r │ v v v", after the rule line
        const size_t bar = line.find("\u2502");
        if (bar == std::string::npos) continue;
        if (line.find_first_not_of(' ') == bar) {
          rows.clear();  // a header line starts a new grid
          continue;
        }
        rows.push_back(split_cells(line.substr(bar + 3), " "));
      }
    }
  }
  std::vector<double> values;
  for (const auto& row : rows)
    for (const std::string& cell : row) values.push_back(read_cell(cell));
  return values;
}

TEST(FormatsAgainstPyTorch, OutputAndFullGridOfTheArticleCasesInEveryFormat) {
  ASSERT_EQ(article_cases().size(), 4u);
  for (const json& c : article_cases()) {
    const auto n = c.at("n")[0].get<int64_t>(), k = c.at("k")[0].get<int64_t>(),
               s = c.at("s")[0].get<int64_t>(), p = c.at("p")[0].get<int64_t>();
    const auto output = c.at("output").get<std::vector<double>>();
    const auto full = c.at("full").get<std::vector<double>>();
    for (Format format : {Format::kUnicode, Format::kMarkdown, Format::kLatex}) {
      SCOPED_TRACE("k=" + std::to_string(k) + " s=" + std::to_string(s) +
                   " p=" + std::to_string(p) + " n=" + std::to_string(n) + " format " +
                   std::to_string(static_cast<int>(format)));
      EXPECT_EQ(
          last_grid(convt::render(derive(n, k, s, p, {StageId::kOutput}), format, {}), format),
          output);
      EXPECT_EQ(last_grid(convt::render(derive(n, k, s, p, {StageId::kMatrixOutput}), format, {}),
                          format),
                full);
    }
  }
}

TEST(FormatsAgainstPyTorch, ConvMatrixOfTheArticleCasesWithFull) {
  for (const json& c : article_cases()) {
    const auto n = c.at("n")[0].get<int64_t>(), k = c.at("k")[0].get<int64_t>(),
               s = c.at("s")[0].get<int64_t>(), p = c.at("p")[0].get<int64_t>();
    const auto matrix = c.at("conv_matrix").get<std::vector<double>>();
    RenderOptions options;
    options.full = true;
    for (Format format : {Format::kUnicode, Format::kMarkdown, Format::kLatex})
      EXPECT_EQ(
          last_grid(convt::render(derive(n, k, s, p, {StageId::kConvMatrix}), format, options),
                    format),
          matrix)
          << "format " << static_cast<int>(format);
  }
}

TEST(PyTorchFixture, JsonCarriesThePyTorchOutput) {
  // Only the output and check stages: the other stages' JSON is tested in render_json_test,
  // and writing every conv matrix densely would make this test slow.
  convt::DeriveOptions options;
  options.stages = {StageId::kOutput, StageId::kCheck};
  const json& cases = fixture_cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    const Params p = convt::testing::fixture_params(c);
    const json out = json::parse(convt::render_json(convt::derive(p, options), {}));
    const json& params = out.at("params");
    EXPECT_EQ(params.at("dims"), c.at("dims")) << describe(c, i);
    const std::pair<const char*, const char*> keys[] = {
        {"n", "n"}, {"k", "k"}, {"s", "s"}, {"p", "p"}, {"d", "d"}, {"output_padding", "op"}};
    for (const auto& [ours, theirs] : keys)
      EXPECT_EQ(params.at(ours), c.at(theirs)) << ours << " " << describe(c, i);
    EXPECT_EQ(out.at("output_size"), c.at("output_shape")) << describe(c, i);
    EXPECT_EQ(out.at("full_size"), c.at("full_shape")) << describe(c, i);
    EXPECT_EQ(out.at("passed"), true) << describe(c, i);
    const json* output = nullptr;
    for (const json& stage : out.at("stages"))
      if (stage.at("id") == "output") output = &stage;
    ASSERT_NE(output, nullptr) << describe(c, i);
    std::vector<double> values;
    for (const json& row : output->at("values"))
      for (const json& v : row) values.push_back(v.get<double>());
    EXPECT_EQ(compare(values, numbers(c, "output"), tolerance_for(c, p, true)), "")
        << describe(c, i);
  }
}

}  // namespace
