// Stage ids (the JSON contract), their pipeline order, and the selection of --stages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "error_text.h"
#include "params_of.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::Derivation;
using convt::DeriveOptions;
using convt::Params;
using convt::StageId;
using convt::testing::error_text;

std::vector<StageId> ids_of(const Derivation& d) {
  std::vector<StageId> ids;
  for (const convt::Stage& s : d.stages) ids.push_back(s.id);
  return ids;
}

TEST(Stages, IdsAreTheJsonContractInPipelineOrder) {
  std::vector<std::string> names;
  for (StageId id : convt::all_stages()) names.emplace_back(convt::stage_name(id));
  EXPECT_EQ(names, (std::vector<std::string>{"formula", "kernel", "input", "conv_matrix",
                                             "transposed_matrix", "matrix_output", "scatter_stamps",
                                             "scatter_output", "zero_inserted", "padded_input",
                                             "flipped_kernel", "dilated_kernel", "direct_output",
                                             "output", "overlap", "check"}));
  for (StageId id : convt::all_stages())
    EXPECT_EQ(convt::stage_from_name(convt::stage_name(id)), id);
  EXPECT_FALSE(convt::stage_from_name("Output").has_value());
  EXPECT_FALSE(convt::stage_from_name("").has_value());
}

TEST(Stages, DilatedKernelAppearsOnlyWithDilation) {
  std::vector<StageId> without = convt::all_stages();
  without.erase(std::find(without.begin(), without.end(), StageId::kDilatedKernel));
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(2, 2, 2))), without);
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(2, 2, 2, 1, 0, 2))), convt::all_stages());
  // One dilated axis is enough.
  EXPECT_EQ(ids_of(convt::derive(params_of({{2, 2, 1, 0, 1, 0}, {2, 2, 1, 0, 3, 0}}))),
            convt::all_stages());
}

TEST(Stages, SelectionIsReturnedInPipelineOrder) {
  DeriveOptions options;
  options.stages = {StageId::kCheck, StageId::kOutput, StageId::kFormula};
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1), options);
  EXPECT_EQ(ids_of(d),
            (std::vector<StageId>{StageId::kFormula, StageId::kOutput, StageId::kCheck}));
}

TEST(Stages, DilatedKernelIsNotReturnedWithoutDilationEvenWhenSelected) {
  DeriveOptions options;
  options.stages = {StageId::kDilatedKernel, StageId::kKernel};
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(1, 3, 3), options)),
            (std::vector<StageId>{StageId::kKernel}));
}

TEST(Stages, PassedIsComputedWithoutTheCheckStage) {
  DeriveOptions options;
  options.stages = {StageId::kOutput};
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1), options);
  EXPECT_EQ(ids_of(d), (std::vector<StageId>{StageId::kOutput}));
  EXPECT_TRUE(d.passed);
  EXPECT_EQ(d.find(StageId::kCheck), nullptr);
}

TEST(Stages, ParseStageListAcceptsIdsWithSpaces) {
  EXPECT_EQ(convt::parse_stage_list("output,check"),
            (std::vector<StageId>{StageId::kOutput, StageId::kCheck}));
  EXPECT_EQ(convt::parse_stage_list(" conv_matrix , formula "),
            (std::vector<StageId>{StageId::kConvMatrix, StageId::kFormula}));
}

TEST(Stages, ParseStageListNamesTheUnknownIdAndTheValidOnes) {
  const std::string valid =
      "valid ids: formula, kernel, input, conv_matrix, transposed_matrix, matrix_output, "
      "scatter_stamps, scatter_output, zero_inserted, padded_input, flipped_kernel, "
      "dilated_kernel, "
      "direct_output, output, overlap, check";
  EXPECT_EQ(error_text([] { convt::parse_stage_list("output,foo"); }),
            "--stages: unknown stage id 'foo'; " + valid);
  EXPECT_EQ(error_text([] { convt::parse_stage_list(""); }),
            "--stages: unknown stage id ''; " + valid);
  EXPECT_EQ(error_text([] { convt::parse_stage_list("output,"); }),
            "--stages: unknown stage id ''; " + valid);
}

}  // namespace
