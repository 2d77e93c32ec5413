// Parsing of option values: per-axis sizes, value lists and bounded whole numbers.
#include "convt/params.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "convt/error.h"
#include "error_text.h"

namespace {

using convt::MsgId;
using convt::parse_axis_values;
using convt::parse_bounded;
using convt::parse_value_list;
using convt::testing::error_text;

std::vector<int64_t> kernel_sizes(const std::string& text, int dims) {
  return parse_axis_values(text, "--k", convt::MsgId::kWordKernelSize, 1, dims);
}

std::string kernel_size_error(const std::string& text, int dims = 2) {
  return error_text([&] { kernel_sizes(text, dims); });
}

std::string value_list_error(const std::string& text) {
  return error_text([&] { parse_value_list(text, "--kernel"); });
}

TEST(ParseAxisValues, SingleNumberAppliesToEveryAxis) {
  EXPECT_EQ(kernel_sizes("3", 2), (std::vector<int64_t>{3, 3}));
  EXPECT_EQ(kernel_sizes("3", 1), (std::vector<int64_t>{3}));
}

TEST(ParseAxisValues, RowsByColsGivesOneValuePerAxis) {
  EXPECT_EQ(kernel_sizes("3x2", 2), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(kernel_sizes("3X2", 2), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(kernel_sizes("1x7", 2), (std::vector<int64_t>{1, 7}));
}

TEST(ParseAxisValues, RowsByColsIsRefusedForOneDimension) {
  EXPECT_EQ(kernel_size_error("3x2", 1), "--k: --dims 1 takes a single number, got '3x2'");
}

TEST(ParseAxisValues, LeadingZerosAreIgnored) {
  EXPECT_EQ(kernel_sizes("007", 1), (std::vector<int64_t>{7}));
  // 14 characters, but only one significant digit: not "too large".
  EXPECT_EQ(kernel_sizes("00000000000003", 1), (std::vector<int64_t>{3}));
}

TEST(ParseAxisValues, MinimumIsTheCallersRule) {
  EXPECT_EQ(parse_axis_values("0", "--p", convt::MsgId::kWordPadding, 0, 2),
            (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(parse_axis_values("0x2", "--p", convt::MsgId::kWordPadding, 0, 2),
            (std::vector<int64_t>{0, 2}));
  EXPECT_EQ(error_text([] { parse_axis_values("-1", "--p", convt::MsgId::kWordPadding, 0, 2); }),
            "--p: padding must be a whole number >= 0, got '-1'");
}

TEST(ParseAxisValues, RefusesWhatIsNotAWholeNumberAtLeastTheMinimum) {
  EXPECT_EQ(kernel_size_error("0"), "--k: kernel size must be a whole number >= 1, got '0'");
  EXPECT_EQ(kernel_size_error("-1"), "--k: kernel size must be a whole number >= 1, got '-1'");
  EXPECT_EQ(kernel_size_error("abc"), "--k: kernel size must be a whole number >= 1, got 'abc'");
  EXPECT_EQ(kernel_size_error(""), "--k: kernel size must be a whole number >= 1, got ''");
  EXPECT_EQ(kernel_size_error("1e400"),
            "--k: kernel size must be a whole number >= 1, got '1e400'");
  EXPECT_EQ(kernel_size_error("3.5"), "--k: kernel size must be a whole number >= 1, got '3.5'");
  EXPECT_EQ(kernel_size_error("+3"), "--k: kernel size must be a whole number >= 1, got '+3'");
  EXPECT_EQ(kernel_size_error(" 3"), "--k: kernel size must be a whole number >= 1, got ' 3'");
  // The message quotes the whole option value, not just the bad half.
  EXPECT_EQ(kernel_size_error("0x3"), "--k: kernel size must be a whole number >= 1, got '0x3'");
  EXPECT_EQ(kernel_size_error("3xa"), "--k: kernel size must be a whole number >= 1, got '3xa'");
}

TEST(ParseAxisValues, RefusesAnythingButOneNumberOrOnePerAxis) {
  const std::string rule =
      "--k: expected one number, ROWSxCOLS such as 3x2, or DEPTHxROWSxCOLS such as 3x2x2 with "
      "--dims 3, got ";
  EXPECT_EQ(kernel_size_error("3x"), rule + "'3x'");
  EXPECT_EQ(kernel_size_error("x3"), rule + "'x3'");
  EXPECT_EQ(kernel_size_error("3x2x1"), rule + "'3x2x1'");  // three numbers need --dims 3
  EXPECT_EQ(kernel_size_error("x"), rule + "'x'");
  EXPECT_EQ(error_text([] { parse_axis_values("3x2x1x1", "--k", MsgId::kWordKernelSize, 1, 3); }),
            rule + "'3x2x1x1'");
  EXPECT_EQ(error_text([] { parse_axis_values("3xx1", "--k", MsgId::kWordKernelSize, 1, 3); }),
            rule + "'3xx1'");
}

TEST(ParseAxisValues, DimsThreeTakesOneNumberOrDepthRowsCols) {
  EXPECT_EQ(parse_axis_values("3", "--k", MsgId::kWordKernelSize, 1, 3),
            (std::vector<int64_t>{3, 3, 3}));
  EXPECT_EQ(parse_axis_values("3x2X1", "--k", MsgId::kWordKernelSize, 1, 3),
            (std::vector<int64_t>{3, 2, 1}));
  EXPECT_EQ(error_text([] { parse_axis_values("3x2", "--k", MsgId::kWordKernelSize, 1, 3); }),
            "--k: --dims 3 takes one number or DEPTHxROWSxCOLS such as 3x2x2, got '3x2'");
  EXPECT_EQ(error_text([] { parse_axis_values("3x2x2", "--k", MsgId::kWordKernelSize, 1, 1); }),
            "--k: --dims 1 takes a single number, got '3x2x2'");
  EXPECT_EQ(error_text([] { parse_axis_values("3x0x2", "--p", MsgId::kWordPadding, 0, 3); }),
            "<no error>");
  EXPECT_EQ(error_text([] { parse_axis_values("3x0x2", "--k", MsgId::kWordKernelSize, 1, 3); }),
            "--k: kernel size must be a whole number >= 1, got '3x0x2'");
}

TEST(ParseAxisValues, LargestAcceptedValueIsTwoToTheThirtyOneMinusOne) {
  EXPECT_EQ(kernel_sizes("2147483647", 1), (std::vector<int64_t>{2147483647}));
  EXPECT_EQ(kernel_size_error("2147483648"),
            "--k: kernel size must be at most 2147483647, got '2147483648'");
  EXPECT_EQ(kernel_size_error("99999999999"),
            "--k: kernel size must be at most 2147483647, got '99999999999'");
  EXPECT_EQ(kernel_size_error("3x99999999999999999999999"),
            "--k: kernel size must be at most 2147483647, got '3x99999999999999999999999'");
}

TEST(ParseValueList, AcceptsCommasAndWhiteSpaceAsSeparators) {
  EXPECT_EQ(parse_value_list("1,2,3", "--kernel"), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(parse_value_list("1 2 3", "--kernel"), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(parse_value_list(" 1, 2\t3\n4 ,, 5 ", "--kernel"),
            (std::vector<double>{1, 2, 3, 4, 5}));
}

TEST(ParseValueList, ParsesDecimalsNegativesAndExponents) {
  EXPECT_EQ(parse_value_list("0.5, -2.25 3e-2 -1.5e-2 +4 1E3", "--kernel"),
            (std::vector<double>{0.5, -2.25, 0.03, -0.015, 4, 1000}));
}

TEST(ParseValueList, NegativeZeroBecomesZero) {
  std::vector<double> v = parse_value_list("-0 -0.0", "--input");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_FALSE(std::signbit(v[0]));
  EXPECT_FALSE(std::signbit(v[1]));
}

TEST(ParseValueList, RefusesNonFiniteValuesNamingTheirPosition) {
  EXPECT_EQ(value_list_error("nan"),
            "--kernel: value 1 'nan' is not finite (NaN and infinities are refused)");
  EXPECT_EQ(value_list_error("1, inf"),
            "--kernel: value 2 'inf' is not finite (NaN and infinities are refused)");
  EXPECT_EQ(value_list_error("1 2 -infinity"),
            "--kernel: value 3 '-infinity' is not finite (NaN and infinities are refused)");
  EXPECT_EQ(value_list_error("1e400"),
            "--kernel: value 1 '1e400' is outside the range of a double (about 1e-308 to 1e308)");
  EXPECT_EQ(value_list_error("1e-400"),
            "--kernel: value 1 '1e-400' is outside the range of a double (about 1e-308 to 1e308)");
}

TEST(ParseValueList, RefusesWhatIsNotANumber) {
  EXPECT_EQ(value_list_error("abc"), "--kernel: value 1 'abc' is not a number");
  EXPECT_EQ(value_list_error("1, 2, 3x"), "--kernel: value 3 '3x' is not a number");
  EXPECT_EQ(value_list_error("1.5.2"), "--kernel: value 1 '1.5.2' is not a number");
  EXPECT_EQ(value_list_error("0x10"), "--kernel: value 1 '0x10' is not a number");
  EXPECT_EQ(value_list_error("+-3"), "--kernel: value 1 '+-3' is not a number");
  EXPECT_EQ(value_list_error("1;2"), "--kernel: value 1 '1;2' is not a number");
}

TEST(ParseValueList, RefusesAnEmptyList) {
  EXPECT_EQ(value_list_error(""), "--kernel: no values given");
  EXPECT_EQ(value_list_error(" , ,\t"), "--kernel: no values given");
  EXPECT_EQ(error_text([] { parse_value_list("", "--input"); }), "--input: no values given");
}

TEST(ParseBounded, AcceptsTheWholeRangeInclusive) {
  EXPECT_EQ(parse_bounded("20", "--width", convt::MsgId::kWordOutputWidth, 20, 100000), 20);
  EXPECT_EQ(parse_bounded("100000", "--width", convt::MsgId::kWordOutputWidth, 20, 100000), 100000);
  EXPECT_EQ(parse_bounded("0000000000000000000000080", "--width", convt::MsgId::kWordOutputWidth,
                          20, 100000),
            80);
}

TEST(ParseBounded, RefusesValuesOutsideTheRangeAndNonNumbers) {
  auto width_error = [](const std::string& text) {
    return error_text(
        [&] { parse_bounded(text, "--width", convt::MsgId::kWordOutputWidth, 20, 100000); });
  };
  for (const std::string bad : {"19", "100001", "-5", "abc", "", "2.5", "99999999999999999999999"})
    EXPECT_EQ(width_error(bad),
              "--width: output width must be a whole number from 20 to 100000, got '" + bad + "'");
}

TEST(SquareParams, GivesEveryAxisTheSameParameters) {
  convt::Params p = convt::square_params(2, 4, 3, 2, 1, 2, 1);
  EXPECT_EQ(p.dims, 2);
  ASSERT_EQ(p.axes.size(), 2u);
  for (const convt::AxisParams& a : p.axes) EXPECT_EQ(a, (convt::AxisParams{4, 3, 2, 1, 2, 1}));
  EXPECT_EQ(convt::square_params(1, 4, 3).axes.size(), 1u);
  EXPECT_TRUE(p.kernel.empty());
  EXPECT_TRUE(p.input.empty());
}

}  // namespace
