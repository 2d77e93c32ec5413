// `convt chain`: the sizes through a stack of transposed convolutions (a GAN generator, a
// decoder), layer by layer, with each layer's formula, overlap verdict, weight shape, parameter
// count and output values. Layers are written as tokens such as "k4s2p1", "k3x1s2op1" or
// "k4s2p1c64g2".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convt/params.h"
#include "convt/shape.h"
#include "convt/shape_report.h"

namespace convt {

/// One layer as written: its parameters without n (AxisParams::n is left at 1).
struct LayerSpec {
  std::string text;              ///< the token as typed, e.g. "k4s2p1"
  std::string label;             ///< how errors name it: "--layer #2 (k4s2p1)"
  std::vector<AxisParams> axes;  ///< one per axis
  /// c: the layer's out_channels; nullopt keeps the channels coming in (the previous layer's
  /// out_channels, or the chain's --in-channels for the first layer).
  std::optional<int64_t> out_channels;
  int64_t groups = 1;  ///< g: groups, dividing the channels in and out. Default: 1
};

/// Parses one layer token: k, s, p, d and op, each followed by a whole number or ROWSxCOLS
/// ("3x1"), and c (out_channels) and g (groups), each followed by a whole number from 1 to
/// kMaxChannels, in any order, each at most once; k is required, the others default to s1 p0
/// d1 op0 g1, and no c keeps the incoming channels. `option` ("--layer" or "--layers") and the
/// 1-based `index` name the layer in errors.
/// **Example**: parse_layer("k4s2p1c64", "--layer", 2, 2) -> k=4, s=2, p=1 on both axes,
/// out_channels 64.
/// Throws Error, e.g. "--layer #2 (k4s2q1): unexpected 'q' at position 5; ...".
LayerSpec parse_layer(const std::string& token, const std::string& option, size_t index, int dims);

/// Parses --layers: tokens separated by commas (spaces around them are ignored).
std::vector<LayerSpec> parse_layer_list(const std::string& text, int dims);

/// One step of a chain.
struct ChainStep {
  LayerSpec layer;
  std::vector<AxisShape> shapes;  ///< per axis; shapes[i].in.n is the size coming in
  bool even = false;              ///< even overlap on every axis (see overlap.h)
  LayerCount count;               ///< channels in and out, weight shape, parameters, outputs
  std::vector<int64_t> input() const;
  std::vector<int64_t> output() const;
};

/// The chain's channel options: the channels of its input and whether its layers have a bias.
struct ChainChannels {
  int64_t in_channels = 1;  ///< --in-channels: the first layer's in_channels. Default: 1
  bool bias = true;         ///< --bias yes|no, for every layer (PyTorch's default: yes)
};

/// A whole chain.
struct ChainResult {
  int dims = 2;
  std::vector<int64_t> n;               ///< the input size per axis
  ChainChannels channels;               ///< the input's channels, bias
  std::vector<ChainStep> steps;         ///< one per layer, in order
  std::vector<int64_t> output() const;  ///< the last step's output (n when there is none)
  /// Sums over the steps of LayerCount's weights, bias_values, parameters and output_values.
  int64_t weights = 0, bias_values = 0, parameters = 0, output_values = 0;
};

/// Runs `layers` one after another from `n` with `channels.in_channels` channels. Each step is
/// judged by explain's rules (output_padding < max(s, d), m >= 1, groups dividing the channels)
/// and counted (count_layer). Throws Error at the first layer that breaks one, naming it:
/// "--layer #3 (k3s1p5): padding 5 leaves no output for an input of size 4: ...", or kErrOverflow
/// naming --layers when a total does not fit in 64 bits.
ChainResult run_chain(int dims, const std::vector<int64_t>& n, const std::vector<LayerSpec>& layers,
                      const ChainChannels& channels = {});

}  // namespace convt
