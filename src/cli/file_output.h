// Writing the figures of --format svg into the folder --out names. The only code of convt that
// writes files; `main` calls it after everything was rendered. It never prints: failures are
// Errors naming --out and the path.
#pragma once

#include <string>
#include <vector>

#include "convt/render_svg.h"

namespace convt {

/// Checks the folder --out names before anything is rendered: it may be missing (write_figures
/// creates it), an empty folder, or, when `force`, any folder.
/// Throws Error: "--out: '<dir>' exists and is not a folder", or "--out: the folder '<dir>' is
/// not empty; add --force to write into it ...".
void check_output_folder(const std::string& dir, bool force);

/// Writes every figure into `dir`, creating the folder (and its parents) when missing. Each file
/// is written atomically: first to a hidden temporary file "<dir>/.<name>.tmp-XXXXXX" in the same
/// folder, flushed to disk, then renamed over "<dir>/<name>", so that an interrupted run leaves
/// the old file or the new one, never half of one. Files of other names in `dir` are left alone.
/// New files get mode 0666 minus the umask.
/// REQUIRES: every name is a plain file name (no '/', not "." or "..").
/// Throws Error "--out: cannot create the folder '<dir>': <reason>" or "--out: cannot write
/// '<path>': <reason>"; the figures written before the failing one stay.
void write_figures(const std::string& dir, const std::vector<Figure>& figures);

}  // namespace convt
