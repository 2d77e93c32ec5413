// The TensorFlow/Keras comparison (tf_compare.h): Keras's documented sizes, the one-pixel shift
// of padding='same', and Keras's windows as the adjoint of TensorFlow's convolution.
#include "convt/tf_compare.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"
#include "params_of.h"
#include "reference_conv.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::Params;
using convt::testing::reference_conv_transpose;
using convt::testing::reference_output_size;

TEST(TfCompare, SizesFollowKerasDocumentedFormulas) {
  for (int64_t n = 1; n <= 6; ++n)
    for (int64_t k = 1; k <= 6; ++k)
      for (int64_t s = 1; s <= 4; ++s) {
        const AxisParams a{n, k, s, 0, 1, 0};
        const Params p = params_of({a});
        const convt::TfComparison tf = convt::compare_tf(p, convt::validate_sizes(p));
        EXPECT_EQ(tf.axes[0].same.size, n * s);
        EXPECT_EQ(tf.axes[0].valid.size, n * s + std::max<int64_t>(k - s, 0));
        EXPECT_EQ(tf.axes[0].valid.start, 0);
        EXPECT_EQ(tf.axes[0].same.start, std::max<int64_t>(k - s, 0) / 2);
        // The PyTorch settings it suggests give those sizes (PyTorch's documented formula).
        EXPECT_EQ(reference_output_size(tf.axes[0].for_valid), tf.axes[0].valid.size);
        if (tf.axes[0].same_possible)
          EXPECT_EQ(reference_output_size(tf.axes[0].for_same), n * s);
        else
          EXPECT_TRUE(s == 1 && k % 2 == 0) << k << " " << s;
      }
}

TEST(TfCompare, OneDimensionalKernelThreeStrideTwoIsShiftedByOne) {
  // k=3, s=2, n=4: F = 9. Keras 'same' keeps full[0:8]; PyTorch p=1, op=1 keeps full[1:9].
  const Params p = params_of({AxisParams{4, 3, 2, 1, 1, 1}});
  const convt::TfComparison tf = convt::compare_tf(p, convt::validate_sizes(p));
  const convt::TfAxis& t = tf.axes[0];
  EXPECT_EQ(t.shape.full, 9);
  EXPECT_EQ(t.same, (convt::Window{0, 8}));
  EXPECT_EQ(t.pytorch, (convt::Window{1, 8}));
  EXPECT_EQ(t.valid, (convt::Window{0, 9}));
  convt::RenderOptions wide;
  wide.width = 1000;  // one line per sentence
  const std::string text = convt::render_tf_compare(tf, convt::ToolFormat::kText, wide);
  EXPECT_NE(text.find("but it keeps full[1:9] where Keras keeps full[0:8]: the result is shifted "
                      "by 1 pixel."),
            std::string::npos)
      << text;
}

TEST(TfCompare, KerasWindowsAreTheAdjointOfTensorFlowsConvolution) {
  // Keras' Conv1DTranspose is the gradient of the forward conv of TensorFlow: input length L,
  // SAME padding pad_total = max((ceil(L/s)-1)*s + k_eff - L, 0), pad_before = pad_total / 2
  // (VALID: none). Its value at i gathers g[o] * w[u] over o*s + u*d - pad_before = i. It must
  // equal PyTorch's uncropped grid at i + window.start (0 past F).
  for (int64_t n = 1; n <= 5; ++n)
    for (int64_t k = 1; k <= 5; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t d = 1; d <= 2; ++d) {
          const AxisParams a{n, k, s, 0, d, 0};
          const Params p = params_of({a});
          const convt::TfAxis t = convt::compare_tf(p, convt::validate_sizes(p)).axes[0];
          std::vector<double> w, g;
          for (int64_t u = 0; u < k; ++u) w.push_back(static_cast<double>(3 * u + 1));
          for (int64_t o = 0; o < n; ++o) g.push_back(static_cast<double>(o * o + 2));
          const convt::testing::ReferenceGrid full = reference_conv_transpose({a}, w, g, false);
          const int64_t k_eff = d * (k - 1) + 1;
          for (bool same : {true, false}) {
            const int64_t length = same ? n * s : n * s + std::max<int64_t>(k_eff - s, 0);
            const int64_t out = same ? (length + s - 1) / s : (length - k_eff) / s + 1;
            ASSERT_EQ(out, n);  // the forward conv of that length gives back n
            const int64_t before =
                same ? std::max<int64_t>((out - 1) * s + k_eff - length, 0) / 2 : 0;
            const convt::Window& window = same ? t.same : t.valid;
            ASSERT_EQ(window.size, length);
            for (int64_t i = 0; i < length; ++i) {
              double sum = 0.0;
              for (int64_t o = 0; o < n; ++o)
                for (int64_t u = 0; u < k; ++u)
                  if (o * s + u * d - before == i)
                    sum += g[static_cast<size_t>(o)] * w[static_cast<size_t>(u)];
              const int64_t j = i + window.start;
              const double expected = j < full.cols ? full.value(0, j) : 0.0;
              EXPECT_EQ(sum, expected) << "n=" << n << " k=" << k << " s=" << s << " d=" << d
                                       << (same ? " same" : " valid") << " i=" << i;
            }
          }
        }
}

}  // namespace
