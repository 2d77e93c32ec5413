// --format python (render_python): the script's structure, its embedded numbers (the JSON
// values, string for string), its languages and its size refusal. The scripts themselves run
// under PyTorch in tests/e2e/python_export_test.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render.h"
#include "error_text.h"

namespace {

using convt::Derivation;
using convt::Params;
using convt::RenderOptions;

std::string script(const Params& params, RenderOptions options = {}) {
  return convt::render_python(convt::derive(params), options);
}

Params layer_params() {
  Params params = convt::square_params(2, 2, 2, 2, 1);
  params.in_channels = 2;
  params.out_channels = 4;
  params.groups = 2;
  params.bias = std::vector<double>{0.5, 0, 0, -1};
  return params;
}

/// The number tokens of `text` in order ("1", "-0.25", "1e-05"), brackets and commas dropped:
/// the matches of -?[0-9][0-9.e+-]*, scanned by hand (not std::regex: GCC 12 warns
/// maybe-uninitialized inside <regex> under -O1 -fsanitize, as cli_test.cpp notes).
std::vector<std::string> numbers(const std::string& text) {
  const auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!digit(i) && !(text[i] == '-' && digit(i + 1))) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() &&
           (digit(end) || std::string_view(".e+-").find(text[end]) != std::string_view::npos))
      ++end;
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

/// The text of the literal `name = [...]` of `code`: one line, or up to the "\n]" that closes a
/// nested one.
std::string literal(const std::string& code, const std::string& name) {
  const size_t start = code.find("\n" + name + " = [");
  if (start == std::string::npos) return {};
  const size_t value = code.find('[', start);
  const size_t end = code[value + 1] == '\n' ? code.find("\n]", value) + 2 : code.find('\n', value);
  return code.substr(value, end - value);
}

/// The "values" array of stage `id` in the JSON document, as written.
std::string json_values(const std::string& json, const std::string& id) {
  const size_t stage = json.find("{\"id\": \"" + id + "\"");
  const size_t values = json.find("\"values\": ", stage);
  const size_t end = json.find("}", values);
  return json.substr(values + 10, end - values - 10);
}

/// The lines of `code` that are code: no comments, no catalogue strings.
std::vector<std::string> code_lines(const std::string& code) {
  std::vector<std::string> out;
  std::istringstream in(code);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0 || line.rfind("OK = ", 0) == 0 ||
        line.rfind("MISMATCH = ", 0) == 0 || line.rfind("SHAPE_MISMATCH = ", 0) == 0 ||
        line.rfind("print(\"", 0) == 0)
      continue;
    out.push_back(line.substr(0, line.find("  # ")));  // without a trailing comment
  }
  return out;
}

TEST(RenderPython, IsAScriptThatChecksEveryStageAndEndsWithTheVerdict) {
  const std::string code = script(convt::square_params(2, 2, 2, 2, 1));
  EXPECT_EQ(code.rfind("#!/usr/bin/env python3\n", 0), 0u);
  EXPECT_NE(code.find("\nimport torch\n"), std::string::npos);
  EXPECT_NE(code.find("def check(stage, got, expected):"), std::string::npos);
  EXPECT_NE(code.find("sys.exit(1)"), std::string::npos);  // not a bare assert, which -O strips
  EXPECT_EQ(code.find("assert "), std::string::npos);
  EXPECT_TRUE(code.ends_with("\nprint(\"all stages match PyTorch\")\n"));
  for (const char* id : {"formula", "conv_matrix", "transposed_matrix", "matrix_output",
                         "scatter_stamps", "scatter_output", "zero_inserted", "padded_input",
                         "flipped_kernel", "direct_output", "output", "overlap"}) {
    EXPECT_NE(code.find(std::string("\n# ") + id + ": "), std::string::npos) << id;
    EXPECT_NE(code.find(std::string("check(\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(code.find("check(\"conv_transpose2d\", y_torch, convt_output)"), std::string::npos);
  EXPECT_NE(code.find("torch.autograd.grad(forward, z, grad_outputs=incoming)"), std::string::npos);
  EXPECT_NE(code.find("check(\"autograd\""), std::string::npos);
  // No dilation: no dilated_kernel stage, but the direct route still builds its kernel.
  EXPECT_EQ(code.find("check(\"dilated_kernel\""), std::string::npos);
  EXPECT_NE(code.find("dilated[every + "), std::string::npos);
  EXPECT_TRUE(std::all_of(code.begin(), code.end(),
                          [](char c) { return c == '\n' || (c >= 32 && c < 127); }));
}

TEST(RenderPython, EmbedsTheNumbersJsonWritesStringForString) {
  for (const Params& params :
       {convt::square_params(2, 3, 3, 2, 1, 1, 1), convt::square_params(1, 4, 3, 2, 1),
        layer_params(), convt::square_params(3, 2, 2, 2, 1)}) {
    const Derivation d = convt::derive(params);
    const std::string code = convt::render_python(d, {});
    const std::string json = convt::render_json(d, {});
    for (const auto& [id, name] :
         std::vector<std::pair<std::string, std::string>>{{"kernel", "w"},
                                                          {"input", "x"},
                                                          {"conv_matrix", "convt_conv_matrix"},
                                                          {"matrix_output", "convt_matrix_output"},
                                                          {"direct_output", "convt_direct_output"},
                                                          {"output", "convt_output"},
                                                          {"overlap", "convt_overlap"}}) {
      const std::vector<std::string> embedded = numbers(literal(code, name));
      ASSERT_FALSE(embedded.empty()) << name;
      EXPECT_EQ(embedded, numbers(json_values(json, id))) << id;
    }
  }
}

TEST(RenderPython, DecimalsAreEmbeddedAsConvtPrintsThem) {
  Params params = convt::square_params(2, 2, 2, 2);
  params.kernel = {0.1, -0.25, 1.5, 2};
  params.input = {0.3, 0.7, -1.1, 0.01};
  const std::string code = script(params);
  EXPECT_NE(code.find("w = [\n    [0.1, -0.25],\n    [1.5, 2],\n]"), std::string::npos) << code;
  EXPECT_NE(code.find("x = [\n    [0.3, 0.7],\n    [-1.1, 0.01],\n]"), std::string::npos);
  // 0.1 * 0.3 is printed 0.03, the exact decimal (float64 gives 0.030000000000000002).
  EXPECT_NE(literal(code, "convt_output").find("[0.03, "), std::string::npos)
      << literal(code, "convt_output");
  // Given values are not torch.arange.
  EXPECT_EQ(code.find("torch.arange"), std::string::npos);
}

TEST(RenderPython, WholeLayersUseChannelsGroupsBiasAndThreeAxes) {
  const std::string code = script(layer_params());
  EXPECT_NE(code.find("in_channels, out_channels, groups = 2, 4, 2\n"), std::string::npos);
  EXPECT_NE(code.find("bias = tensor([0.5, 0, 0, -1])\n"), std::string::npos);
  EXPECT_NE(code.find("derivation of ConvTranspose2d(2, 4, kernel_size=[2, 2], stride=[2, 2],"),
            std::string::npos)
      << code.substr(0, 400);
  EXPECT_EQ(code.find("scatter_stamps"), std::string::npos);  // one-channel layers only
  const std::string three = script(convt::square_params(3, 2, 2, 1, 0, 2));
  EXPECT_NE(three.find("conv = fn.conv3d\n"), std::string::npos);
  EXPECT_NE(three.find("check(\"conv_transpose3d\""), std::string::npos);
  EXPECT_NE(three.find("check(\"dilated_kernel\""), std::string::npos);
}

TEST(RenderPython, ChineseChangesTheWordsNotTheCode) {
  const Params params = convt::square_params(2, 2, 2, 2, 1);
  RenderOptions zh;
  zh.lang = convt::Lang::kZh;
  const std::string en_code = script(params), zh_code = script(params, zh);
  EXPECT_NE(en_code, zh_code);
  EXPECT_EQ(code_lines(en_code), code_lines(zh_code));
  EXPECT_TRUE(zh_code.ends_with("\nprint(\"所有阶段都与 PyTorch 一致\")\n"));
  EXPECT_NE(zh_code.find("OK = \"通过  {stage}\""), std::string::npos);
}

TEST(RenderPython, QuietTextKeepsTheCodeAndTheHeadings) {
  const Params params = convt::square_params(2, 3, 3, 1, 1);
  RenderOptions quiet;
  quiet.explanations = false;
  const std::string full = script(params), short_script = script(params, quiet);
  EXPECT_LT(short_script.size(), full.size());
  EXPECT_EQ(code_lines(full), code_lines(short_script));
  EXPECT_NE(short_script.find("\n# conv_matrix: "), std::string::npos);
}

TEST(RenderPython, IsDeterministic) { EXPECT_EQ(script(layer_params()), script(layer_params())); }

TEST(RenderPython, RefusesWhatItCannotEmbedBeforeAndAfterDeriving) {
  const Params params = convt::square_params(2, 4, 3, 2, 1);
  RenderOptions options;
  options.max_cells = 200;  // C is 16 x 81 = 1296 cells
  const std::string expected =
      "--format python: stage 'conv_matrix' has 1296 cells, over --max-cells 200; the script "
      "embeds every value, so choose smaller sizes or raise --max-cells";
  EXPECT_EQ(convt::testing::error_text([&] { script(params, options); }), expected);
  convt::DeriveOptions derive_options;
  EXPECT_EQ(convt::testing::error_text([&] {
              convt::check_render_limits(params, derive_options, convt::Format::kPython, options);
            }),
            expected);
  options.max_cells = 1296;
  EXPECT_EQ(convt::testing::error_text([&] {
              convt::check_render_limits(params, derive_options, convt::Format::kPython, options);
            }),
            "<no error>");
  EXPECT_NO_THROW(script(params, options));
}

TEST(RenderPython, IsAFormatName) {
  EXPECT_EQ(convt::format_from_name("python"), convt::Format::kPython);
  const std::vector<std::string> names = convt::format_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "python"), names.end());
}

}  // namespace
