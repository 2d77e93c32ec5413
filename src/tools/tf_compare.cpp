#include "convt/tf_compare.h"

#include <algorithm>

namespace convt {

TfComparison compare_tf(const Params& params, const std::vector<AxisShape>& shapes) {
  TfComparison out;
  out.dims = params.dims;
  for (const AxisShape& shape : shapes) {
    const AxisParams& a = shape.in;
    TfAxis axis;
    axis.shape = shape;
    axis.k_eff = shape.dilated_k;
    axis.pytorch = {a.p, shape.output};
    // Keras' deconv_output_length with output_padding=None:
    //   'valid': n*s + max(k_eff - s, 0);  'same': n*s.
    const int64_t overhang = std::max<int64_t>(axis.k_eff - a.s, 0);
    axis.valid = {0, a.n * a.s + overhang};
    // 'same' is the gradient of a forward conv padded by max(k_eff - s, 0) in total, floor half
    // of it before the input: the transposed conv crops that much at the start.
    axis.same = {overhang / 2, a.n * a.s};
    axis.same_end_crop = shape.full - axis.same.end();

    // PyTorch m = F - 2p + op. 'valid' keeps full[0 : F + max(s - k_eff, 0)].
    axis.for_valid = a;
    axis.for_valid.p = 0;
    axis.for_valid.op = std::max<int64_t>(a.s - axis.k_eff, 0);
    // 'same': start as close to floor(overhang/2) as PyTorch allows (it crops p >= p - op at the
    // end, never less at the start): p = ceil(overhang/2), op = n*s - (F - 2p).
    AxisParams same = a;
    same.p = (overhang + 1) / 2;
    same.op = a.n * a.s - (shape.full - 2 * same.p);
    axis.for_same = same;
    axis.same_possible = same.op < std::max(a.s, a.d);
    out.axes.push_back(axis);
  }
  return out;
}

}  // namespace convt
