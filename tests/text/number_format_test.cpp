// Numbers as every format writes them (text/number_format.h): whole numbers plainly, others in
// their shortest form, never with more than 15 significant digits (binary noise).
#include "text/number_format.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using convt::format_number;

TEST(NumberFormat, WholeNumbersAndShortestDecimals) {
  EXPECT_EQ(format_number(26), "26");
  EXPECT_EQ(format_number(-3), "-3");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-1.5e-05), "-1.5e-05");
  EXPECT_EQ(format_number(0.123456789012345), "0.123456789012345");  // 15 digits: all kept
}

TEST(NumberFormat, NeverPrintsBinaryNoise) {
  // The numbers: 0.1*0.1 and a sum of products in doubles.
  EXPECT_EQ(format_number(0.1 * 0.1), "0.01");
  EXPECT_EQ(format_number(0.22999999999999998), "0.23");
  EXPECT_EQ(format_number(3.5101999999999993), "3.5102");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(format_number(2.9999999999999996), "3");
  // Exponent forms stay readable: 1.2345678901234568e+17 has 17 digits.
  EXPECT_EQ(format_number(123456789012345678.0), "1.23456789012346e+17");
  EXPECT_EQ(format_number(1.0000000000000002e-300), "1e-300");
}

TEST(NumberFormat, LengthAndAppendAgreeWithFormat) {
  for (double v : {0.0, 7.0, -12.0, 0.1 * 0.1, 0.22999999999999998, 1.5e-05, 1e20}) {
    std::string appended = "x";
    convt::append_number(appended, v);
    EXPECT_EQ(appended, "x" + format_number(v));
    EXPECT_EQ(convt::number_length(v), format_number(v).size());
  }
}

}  // namespace
