// check_render_limits (render.h): the renderers' size refusals judged from the parameters alone.
// Checked against the renderers themselves: for many small problems and small --max-cells, the
// check refuses exactly what render(derive(...)) refuses, with the same message.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"

namespace {

/// The English message of the Error `f` throws, or nullopt when it returns normally.
template <typename F>
std::optional<std::string> refusal(F&& f) {
  try {
    f();
  } catch (const convt::Error& e) {
    return convt::resolve(e.message(), convt::Lang::kEn);
  }
  return std::nullopt;
}

TEST(RenderLimits, RefusesTheClassroomCaseWithoutDeriving) {
  // n = 512, k = 4, s = 2, p = 1: m = (512-1)*2 - 2 + 4 = 1024, 1024^2 = 1048576 output cells,
  // every one reached by some input cell (k = 2s), so all non-zero with the values 1, 2, ...
  const convt::Params params = convt::square_params(2, 512, 4, 2, 1);
  convt::DeriveOptions derive_options;
  derive_options.stages = {convt::StageId::kOutput, convt::StageId::kCheck};
  convt::RenderOptions options;
  EXPECT_EQ(refusal([&] {
              convt::check_render_limits(params, derive_options, convt::Format::kJson, options);
            }),
            "--max-cells: stage 'output' has 1048576 cells and 1048576 non-zeros, over the limit "
            "of 1000000 even written sparsely in JSON; select other --stages or raise "
            "--max-cells");
  // Text elides what is too large: nothing to refuse without --full.
  EXPECT_EQ(refusal([&] {
              convt::check_render_limits(params, derive_options, convt::Format::kText, options);
            }),
            std::nullopt);
}

struct Case {
  convt::Params params;
  std::string label;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (int dims : {1, 2})
    for (int64_t n : {1, 2, 3})
      for (int64_t k : {1, 2, 3})
        for (int64_t s : {1, 2, 3})
          for (int64_t d : {1, 2})
            for (int64_t p : {0, 1, 2}) {
              convt::Params params = convt::square_params(dims, n, k, s, p, d);
              const std::string label = "dims" + std::to_string(dims) + " n" + std::to_string(n) +
                                        " k" + std::to_string(k) + " s" + std::to_string(s) + " d" +
                                        std::to_string(d) + " p" + std::to_string(p);
              out.push_back({params, label});
              // Values with zeros and both signs: the JSON non-zeros are then left to render.
              convt::Params mixed = params;
              mixed.kernel.assign(static_cast<size_t>(dims == 2 ? k * k : k), 0.0);
              mixed.kernel[0] = -1.0;
              out.push_back({mixed, label + " mixed kernel"});
            }
  // Whole layers: channels, groups (depthwise too), bias, 3-D. C then has in*prod(n) rows,
  // out*prod(F) columns and in*(out/groups)*prod(n)*prod(k) non-zeros.
  struct Channels {
    int64_t in, out, groups;
    bool bias;
  };
  for (int dims : {1, 2, 3})
    for (const Channels& ch : {Channels{2, 2, 1, false}, Channels{2, 4, 2, true},
                               Channels{3, 3, 3, false}, Channels{1, 2, 1, true}})
      for (int64_t n : {1, 2})
        for (int64_t k : {1, 3})
          for (int64_t s : {1, 2}) {
            convt::Params params = convt::square_params(dims, n, k, s, 1);
            params.in_channels = ch.in;
            params.out_channels = ch.out;
            params.groups = ch.groups;
            if (ch.bias) params.bias = std::vector<double>(static_cast<size_t>(ch.out), 0.5);
            const std::string label = "dims" + std::to_string(dims) + " n" + std::to_string(n) +
                                      " k" + std::to_string(k) + " s" + std::to_string(s) +
                                      " p1 in" + std::to_string(ch.in) + " out" +
                                      std::to_string(ch.out) + " groups" +
                                      std::to_string(ch.groups) + (ch.bias ? " bias" : "");
            out.push_back({params, label});
          }
  return out;
}

TEST(RenderLimits, RefusesExactlyWhatTheRenderersRefuse) {
  int refused = 0, judged_early = 0;
  for (const Case& c : cases()) {
    std::optional<std::string> valid = refusal([&] { convt::derive(c.params); });
    if (valid) continue;  // m < 1 and the like: derive's own error, not a size limit
    for (convt::Format format : {convt::Format::kText, convt::Format::kMarkdown,
                                 convt::Format::kLatex, convt::Format::kJson})
      for (bool full : {false, true})
        for (int64_t max_cells : {1, 2, 4, 9, 20, 50, 200}) {
          SCOPED_TRACE(c.label + " max_cells " + std::to_string(max_cells) +
                       (full ? " --full" : ""));
          convt::DeriveOptions derive_options;
          derive_options.limits.max_cells = 1000;  // the derivation itself is never refused
          convt::RenderOptions options;
          options.full = full;
          options.max_cells = max_cells;
          const std::optional<std::string> early = refusal(
              [&] { convt::check_render_limits(c.params, derive_options, format, options); });
          const std::optional<std::string> late = refusal(
              [&] { convt::render(convt::derive(c.params, derive_options), format, options); });
          if (early) {
            EXPECT_EQ(early, late) << "refused early, but not the same way";
            ++judged_early;
          } else if (late) {
            // Only JSON with values of both signs or zeros, or with a bias, may be left to the
            // renderer.
            EXPECT_EQ(format, convt::Format::kJson);
            EXPECT_TRUE(!c.params.kernel.empty() || c.params.bias) << *late;
          }
          refused += late ? 1 : 0;
        }
  }
  EXPECT_GT(refused, 100);
  EXPECT_GT(judged_early, 100);
}

}  // namespace
