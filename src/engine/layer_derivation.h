// The derivation of a whole layer: channels, groups, bias and up to three spatial axes
// (Params::whole_layer()). derive() hands such parameters here.
#pragma once

#include "convt/derivation.h"

namespace convt {

/// Derives every selected stage of a whole layer. Each grid stage holds its tensor as 2-D slices
/// (Stage::slices) with its full shape (Stage::shape); C and C^T are one grid each, labelled
/// (c,a,b) x (o,i,j). The three routes and the check cover every channel; the bias is added
/// after the crop. The values are exact decimals as in derive(). The scatter_stamps stage is
/// not produced (its stamps are shown for one-channel layers).
/// Throws Error when the parameters break a rule or a limit (validate_params), or for
/// options.symbolic (kErrSymbolicLayer).
Derivation derive_layer(const Params& params, const DeriveOptions& options);

}  // namespace convt
