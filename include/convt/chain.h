// `convt chain`: the sizes through a stack of transposed convolutions (a GAN generator, a
// decoder), layer by layer, with each layer's formula and overlap verdict. Layers are written as
// tokens such as "k4s2p1" or "k3x1s2op1".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/params.h"
#include "convt/shape.h"

namespace convt {

/// One layer as written: its parameters without n (AxisParams::n is left at 1).
struct LayerSpec {
  std::string text;              ///< the token as typed, e.g. "k4s2p1"
  std::string label;             ///< how errors name it: "--layer #2 (k4s2p1)"
  std::vector<AxisParams> axes;  ///< one per axis
};

/// Parses one layer token: k, s, p, d and op, each followed by a whole number or ROWSxCOLS
/// ("3x1"), in any order, each at most once; k is required, the others default to s1 p0 d1
/// op0. `option` ("--layer" or "--layers") and the 1-based `index` name the layer in errors.
/// **Example**: parse_layer("k4s2p1", "--layer", 2, 2) -> k=4, s=2, p=1 on both axes.
/// Throws Error, e.g. "--layer #2 (k4s2q1): unexpected 'q' at position 5; ...".
LayerSpec parse_layer(const std::string& token, const std::string& option, size_t index, int dims);

/// Parses --layers: tokens separated by commas (spaces around them are ignored).
std::vector<LayerSpec> parse_layer_list(const std::string& text, int dims);

/// One step of a chain.
struct ChainStep {
  LayerSpec layer;
  std::vector<AxisShape> shapes;  ///< per axis; shapes[i].in.n is the size coming in
  bool even = false;              ///< even overlap on every axis (see overlap.h)
  std::vector<int64_t> input() const;
  std::vector<int64_t> output() const;
};

/// A whole chain.
struct ChainResult {
  int dims = 2;
  std::vector<int64_t> n;               ///< the input size per axis
  std::vector<ChainStep> steps;         ///< one per layer, in order
  std::vector<int64_t> output() const;  ///< the last step's output (n when there is none)
};

/// Runs `layers` one after another from `n`. Each step is judged by explain's rules
/// (output_padding < max(s, d), m >= 1). Throws Error at the first layer that breaks one, naming
/// it: "--layer #3 (k3s1p5): padding 5 leaves no output for an input of size 4: ...".
ChainResult run_chain(int dims, const std::vector<int64_t>& n,
                      const std::vector<LayerSpec>& layers);

}  // namespace convt
