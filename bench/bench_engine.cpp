// Google Benchmark programs for convt's engine and renderers, in-process (no start-up cost; see
// run_whole_process.sh for whole runs). Each sweep reports its size measure as a counter and
// fits a complexity: the engine grows linearly with the non-zeros of C (n^2 k^2, times
// in * out/groups for a whole layer) and the cells of the F-grid, the renderers with the cells
// or entries they write.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCONVT_BUILD_BENCH=ON
//   cmake --build build-bench -j2 --target convt_bench && build-bench/bench/convt_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render.h"

namespace {

using convt::Derivation;
using convt::StageId;

Derivation derive_square(int64_t n, int64_t k, int64_t s, int64_t p,
                         std::vector<StageId> stages = {}) {
  convt::DeriveOptions options;
  options.stages = std::move(stages);
  return convt::derive(convt::square_params(2, n, k, s, p), options);
}

/// Seconds per unit of `count`, shown next to the time (e.g. "ns_per_nonzero=12n").
benchmark::Counter per_unit(int64_t count) {
  return benchmark::Counter(
      static_cast<double>(count),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

/// The sum over the stages' grids (and the output's F-grid view) of `measure(grid)`.
template <typename F>
int64_t sum_over_grids(const Derivation& d, F measure) {
  int64_t total = 0;
  for (const convt::Stage& stage : d.stages) {
    if (stage.grid) total += measure(*stage.grid);
    if (stage.full_view) total += measure(*stage.full_view);
  }
  return total;
}

/// The engine on the usual upsampling layer (k = 4, s = 2, p = 1), n = 8 .. 256: C holds
/// 16 n^2 non-zeros and the F-grid (2n + 2)^2 cells, both ~ n^2, so time per non-zero should
/// stay flat.
void BM_DeriveSparse(benchmark::State& state) {
  const int64_t n = state.range(0);
  const convt::Params params = convt::square_params(2, n, 4, 2, 1);
  for (auto _ : state) benchmark::DoNotOptimize(convt::derive(params));
  const int64_t nonzeros = 16 * n * n;
  state.SetComplexityN(nonzeros);
  state.counters["nonzeros"] = static_cast<double>(nonzeros);
  state.counters["s_per_nonzero"] = per_unit(nonzeros);
}
BENCHMARK(BM_DeriveSparse)
    ->RangeMultiplier(2)
    ->Range(8, 256)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

/// The engine with C nearly empty (n = 2, k = 1) and a large stride: the F-grid has
/// (s + 1)^2 cells, up to a million, and the dense stages dominate. Time per cell stays flat.
void BM_DeriveDense(benchmark::State& state) {
  const int64_t s = state.range(0);
  const convt::Params params = convt::square_params(2, 2, 1, s, 0);
  for (auto _ : state) benchmark::DoNotOptimize(convt::derive(params));
  const int64_t cells = (s + 1) * (s + 1);
  state.SetComplexityN(cells);
  state.counters["f_cells"] = static_cast<double>(cells);
  state.counters["s_per_cell"] = per_unit(cells);
}
BENCHMARK(BM_DeriveDense)
    ->RangeMultiplier(2)
    ->Range(64, 1024)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

/// The direct route alone used to cost F^2 k^2 (a kernel as large as the input); now n^2 k^2.
/// n = 1, k = 32 .. 512: k^2 non-zeros, F^2 = k^2 cells.
void BM_DeriveLargeKernel(benchmark::State& state) {
  const int64_t k = state.range(0);
  const convt::Params params = convt::square_params(2, 1, k, 1, 0);
  for (auto _ : state) benchmark::DoNotOptimize(convt::derive(params));
  state.SetComplexityN(k * k);
  state.counters["nonzeros"] = static_cast<double>(k * k);
  state.counters["s_per_nonzero"] = per_unit(k * k);
}
BENCHMARK(BM_DeriveLargeKernel)
    ->RangeMultiplier(2)
    ->Range(32, 512)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

/// JSON of every stage, n = 8 .. 128 (k = 4, s = 2, p = 1). C and C^T are written densely up to
/// --max-cells (n <= 16) and sparsely beyond, as triples, so entries cost unequal amounts: the
/// measure is the bytes written (entries shown as a counter).
void BM_RenderJson(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Derivation d = derive_square(n, 4, 2, 1);
  const convt::RenderOptions options;
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = convt::render_json(d, options);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  const int64_t entries = sum_over_grids(d, [&](const convt::Grid& g) {
    return g.cells() > options.max_cells ? g.nonzeros() : g.cells();
  });
  state.SetComplexityN(static_cast<int64_t>(bytes));
  state.counters["entries"] = static_cast<double>(entries);
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["s_per_byte"] = per_unit(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_RenderJson)
    ->RangeMultiplier(2)
    ->Range(8, 128)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

/// Text with --full, n = 2 .. 16 (k = 3, s = 1, p = 1): every cell of every grid is printed;
/// C alone has n^2 (n + 2)^2. The measure is the cells printed.
void BM_RenderTextFull(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Derivation d = derive_square(n, 3, 1, 1);
  convt::RenderOptions options;
  options.full = true;
  for (auto _ : state) benchmark::DoNotOptimize(convt::render_text(d, options));
  const int64_t cells = sum_over_grids(d, [](const convt::Grid& g) { return g.cells(); });
  state.SetComplexityN(cells);
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["s_per_cell"] = per_unit(cells);
}
BENCHMARK(BM_RenderTextFull)
    ->RangeMultiplier(2)
    ->Range(2, 16)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

/// Text at the default width, n = 8 .. 256: grids are elided to 40 rows and the width, so the
/// cost does not follow the grids' cells (shown as a counter for contrast).
void BM_RenderTextElided(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Derivation d = derive_square(n, 4, 2, 1);
  const convt::RenderOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(convt::render_text(d, options));
  state.counters["cells"] =
      static_cast<double>(sum_over_grids(d, [](const convt::Grid& g) { return g.cells(); }));
}
BENCHMARK(BM_RenderTextElided)->RangeMultiplier(4)->Range(8, 256)->Unit(benchmark::kMillisecond);

/// The targets in-process: `explain --n 64 --k 4 --s 2 --p 1 --format json` and
/// `explain --n 256 ... --stages output,check --format json`; and the classroom 3x3 case.
void BM_ExplainJson64(benchmark::State& state) {
  for (auto _ : state) {
    const Derivation d = derive_square(64, 4, 2, 1);
    benchmark::DoNotOptimize(convt::render_json(d, {}));
  }
}
BENCHMARK(BM_ExplainJson64)->Unit(benchmark::kMillisecond);

void BM_ExplainJson256OutputCheck(benchmark::State& state) {
  for (auto _ : state) {
    const Derivation d = derive_square(256, 4, 2, 1, {StageId::kOutput, StageId::kCheck});
    benchmark::DoNotOptimize(convt::render_json(d, {}));
  }
}
BENCHMARK(BM_ExplainJson256OutputCheck)->Unit(benchmark::kMillisecond);

/// The real decoder layer of issue 15: `explain --n 16 --k 4 --s 2 --p 1 --in-channels 16
/// --out-channels 16 --stages output,check --format json` (engine and JSON render). C holds
/// in * out * n^2 * k^2 = 16 * 16 * 256 * 16 = 1048576 non-zeros.
convt::Params decoder_layer(int64_t channels, int64_t groups = 1) {
  convt::Params params = convt::square_params(2, 16, 4, 2, 1);
  params.in_channels = channels;
  params.out_channels = channels;
  params.groups = groups;
  return params;
}

void BM_ExplainJsonDecoderLayer(benchmark::State& state) {
  const convt::Params params = decoder_layer(16);
  convt::DeriveOptions options;
  options.stages = {StageId::kOutput, StageId::kCheck};
  for (auto _ : state) {
    const Derivation d = convt::derive(params, options);
    benchmark::DoNotOptimize(convt::render_json(d, {}));
  }
}
BENCHMARK(BM_ExplainJsonDecoderLayer)->Unit(benchmark::kMillisecond);

/// The whole layer's engine against the non-zeros of C, in * (out/groups) * prod(n) * prod(k):
/// the decoder layer (n = 16, k = 4, s = 2, p = 1) with in = out = 2 .. 32 channels, one group
/// (non-zeros ~ channels^2), and depthwise (groups = channels: non-zeros ~ channels). Time per
/// non-zero should stay flat in both.
void BM_DeriveLayerChannels(benchmark::State& state) {
  const int64_t channels = state.range(0);
  const bool depthwise = state.range(1) != 0;
  const convt::Params params = decoder_layer(channels, depthwise ? channels : 1);
  for (auto _ : state) benchmark::DoNotOptimize(convt::derive(params));
  const int64_t nonzeros = channels * (depthwise ? 1 : channels) * 16 * 16 * 4 * 4;
  state.SetComplexityN(nonzeros);
  state.counters["nonzeros"] = static_cast<double>(nonzeros);
  state.counters["s_per_nonzero"] = per_unit(nonzeros);
}
BENCHMARK(BM_DeriveLayerChannels)
    ->ArgsProduct({{2, 4, 8, 16, 32}, {0}})
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeriveLayerChannels)
    ->ArgsProduct({{4, 16, 64, 256}, {1}})
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

void BM_ExplainTextClassroom(benchmark::State& state) {
  for (auto _ : state) {
    const Derivation d = derive_square(3, 3, 1, 1);
    benchmark::DoNotOptimize(convt::render_text(d, {}));
  }
}
BENCHMARK(BM_ExplainTextClassroom)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
