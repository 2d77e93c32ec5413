#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "convt/error.h"
#include "convt/render.h"
#include "render/json_writer.h"
#include "text/number_format.h"
#include "text/text_grid.h"

namespace convt {
namespace {

/// Writes one derivation as the JSON object of docs/json.md.
class DerivationJson {
 public:
  DerivationJson(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    reserve();
    json::ObjectWriter document(out_);
    document.member("params", json::explain_params_object(d_.params));
    document.member("output_size", json::ints(d_.output_size()));
    document.member("full_size", json::ints(d_.full_size()));
    document.member("passed", json::boolean(d_.passed));
    document.key("stages") += "[";
    for (size_t i = 0; i < d_.stages.size(); ++i) {
      out_ += i ? ",\n" : "\n";
      stage(d_.stages[i]);
    }
    out_ += "\n  ]";
    document.close();
    return std::move(out_);
  }

 private:
  /// The prose of `m`; marks name the ASCII marks of the text format, where the grids show them.
  std::string say(const Message& m) const { return resolve(m, options_.lang, kind_mark); }

  void stage(const Stage& s) {
    out_ += "    {\"id\": " + json::quoted(stage_name(s.id)) +
            ", \"title\": " + json::quoted(say(s.title));
    std::vector<std::string> text;
    for (const Message& m : s.explanation) text.push_back(say(m));
    out_ += ",\n     \"text\": " + json::sentences(text);
    if (!s.equations.empty()) out_ += ",\n     \"equations\": " + json::strings(s.equations);
    if (!s.checks.empty()) {
      bool passed = true;
      out_ += ",\n     \"checks\": [";
      for (size_t i = 0; i + 1 < s.checks.size(); ++i) {
        passed = passed && s.checks[i].ok;
        out_ += std::string(i ? "," : "") +
                "\n       {\"text\": " + json::quoted(say(s.checks[i].message)) +
                ", \"ok\": " + json::boolean(s.checks[i].ok) + "}";
      }
      out_ += "],\n     \"passed\": " + json::boolean(passed);
    }
    if (s.grid) grid(*s.grid, s.id, s.shape);
    if (!s.grid && !s.slices.empty()) sliced(s);
    if (s.stamps) stamps(*s.stamps, s.id);
    out_ += "}";
  }

  /// The "shape" member (Stage::shape), then "rows" and "cols" of `g`.
  void sizes(const std::vector<int64_t>& shape, const Grid& g) {
    out_ += ",\n     ";
    if (!shape.empty()) out_ += "\"shape\": " + json::ints(shape) + ", ";
    out_ += "\"rows\": " + std::to_string(g.rows()) + ", \"cols\": " + std::to_string(g.cols());
  }

  /// The refusal of a stage whose non-zeros are over max_cells even written sparsely.
  void refuse_sparse(StageId id, int64_t cells, int64_t nonzeros) const {
    throw Error({MsgId::kErrSparseTooLarge,
                 {{"stage", std::string(stage_name(id))},
                  {"cells", std::to_string(cells)},
                  {"count", std::to_string(nonzeros)},
                  {"max_cells", std::to_string(options_.max_cells)}}});
  }

  /// A whole layer's tensor held as slices (docs/json.md): "shape", "rows" and "cols" of one
  /// slice's grid, then "values" nested exactly to the shape (the leading indices in the
  /// slices' order, then each slice's rows and columns; a 1-D slice, one row, is one level),
  /// or "sparse" [i0, i1, ..., value] entries, one index per axis of the shape, when the
  /// whole tensor has more than max_cells cells (refused, like a grid, when even its
  /// non-zeros number more).
  void sliced(const Stage& s) {
    const Grid& first = s.slices.front().grid;
    sizes(s.shape, first);
    const bool row_axis = d_.params.dims != 1;  // slices of 2 axes, or 1-D rows of one
    int64_t cells = 0;
    for (const GridSlice& slice : s.slices) cells += slice.grid.cells();
    if (cells > options_.max_cells) {
      int64_t nonzeros = 0;
      for (const GridSlice& slice : s.slices) nonzeros += slice.grid.nonzeros();
      if (nonzeros > options_.max_cells) refuse_sparse(s.id, cells, nonzeros);
      out_ += ",\n     \"sparse\": [";
      bool first_entry = true;
      for (const GridSlice& slice : s.slices)
        slice.grid.for_each_entry([&](int64_t r, int64_t c, double v) {
          if (v == 0.0) return;
          out_ += first_entry ? "\n       [" : ",\n       [";
          first_entry = false;
          for (int64_t i : slice.index) fmt::format_to(std::back_inserter(out_), "{},", i);
          if (row_axis) fmt::format_to(std::back_inserter(out_), "{},", r);
          fmt::format_to(std::back_inserter(out_), "{},", c);
          append_number(out_, v);
          out_ += ']';
        });
      out_ += "]";
      return;
    }
    const size_t leading = s.shape.size() - (row_axis ? 2 : 1);
    out_ += ",\n     \"values\": ";
    if (leading == 0 && !row_axis) return numbers(first, 0);
    // The top level's items one a line, as a grid's rows are.
    out_ += '[';
    const int64_t top = leading == 0 ? first.rows() : s.shape[0];
    for (int64_t i = 0; i < top; ++i) {
      out_ += i ? ",\n       " : "\n       ";
      if (leading == 0)
        numbers(first, i);
      else
        part(s, 1, leading, row_axis, i, 7);
    }
    out_ += ']';
  }

  /// Row `row` of `g` as an array of numbers.
  void numbers(const Grid& g, int64_t row) {
    out_ += '[';
    for (int64_t c = 0; c < g.cols(); ++c) {
      if (c) out_ += ',';
      append_number(out_, g.value(row, c));
    }
    out_ += ']';
  }

  /// The part of a sliced tensor at axis `level` (1 <= level <= leading) whose leading indices
  /// so far make the flat index `at`, written numpy-style from column `col`: an array of
  /// arrays with its items one a line under the first; at level == leading, `at` is the slice
  /// and the part is its rows (or, in 1-D, its one row of numbers).
  void part(const Stage& s, size_t level, size_t leading, bool row_axis, int64_t at, size_t col) {
    const std::string next_line = ",\n" + std::string(col + 1, ' ');
    if (level == leading) {
      const Grid& g = s.slices[static_cast<size_t>(at)].grid;
      if (!row_axis) return numbers(g, 0);
      out_ += '[';
      for (int64_t r = 0; r < g.rows(); ++r) {
        if (r) out_ += next_line;
        numbers(g, r);
      }
      out_ += ']';
      return;
    }
    out_ += '[';
    for (int64_t i = 0; i < s.shape[level]; ++i) {
      if (i) out_ += next_line;
      part(s, level + 1, leading, row_axis, at * s.shape[level] + i, col + 1);
    }
    out_ += ']';
  }

  void grid(const Grid& g, StageId id, const std::vector<int64_t>& shape) {
    sizes(shape, g);
    if (g.cells() > options_.max_cells) {
      // Too large to list densely: the non-zeros as [row, col, value] triples, as long as
      // there are at most max_cells of them (so no stage writes more than max_cells entries).
      const int64_t nonzeros = g.nonzeros();
      if (nonzeros > options_.max_cells) refuse_sparse(id, g.cells(), nonzeros);
      out_ += ",\n     \"sparse\": [";
      bool first = true;
      g.for_each_entry([&](int64_t r, int64_t c, double v) {
        if (v == 0.0) return;
        out_ += first ? "\n       [" : ",\n       [";
        first = false;
        fmt::format_to(std::back_inserter(out_), "{},{},", r, c);
        append_number(out_, v);
        out_ += ']';
      });
      out_ += "]";
      if (symbolic(g)) {
        // One per triple above, in the same order.
        out_ += ",\n     \"symbols\": [";
        first = true;
        g.for_each_entry([&](int64_t r, int64_t c, double v) {
          if (v == 0.0) return;
          out_ += first ? "\n       " : ",\n       ";
          first = false;
          out_ += json::quoted(symbol(g, r, c));
        });
        out_ += "]";
      }
      return;
    }
    out_ += ",\n     \"values\": [";
    for (int64_t r = 0; r < g.rows(); ++r) {
      out_ += r ? ",\n       [" : "\n       [";
      if (g.is_sparse()) {
        // C or C^T within the limit: its rows are mostly zeros, written a run at a time.
        int64_t next = 0;  // the first column not written yet
        g.for_each_in_row(r, [&](int64_t c, double v) {
          append_zeros(c - next, next == 0);
          if (c) out_ += ',';
          append_number(out_, v);
          next = c + 1;
        });
        append_zeros(g.cols() - next, next == 0);
      } else {
        const std::vector<double>& values = g.dense_values();
        for (int64_t c = 0; c < g.cols(); ++c) {
          if (c) out_ += ',';
          append_number(out_, values[static_cast<size_t>(r * g.cols() + c)]);
        }
      }
      out_ += "]";
    }
    out_ += "]";
    if (!symbolic(g)) return;
    out_ += ",\n     \"symbols\": [";
    for (int64_t r = 0; r < g.rows(); ++r) {
      out_ += r ? ",\n       [" : "\n       [";
      for (int64_t c = 0; c < g.cols(); ++c) out_ += (c ? "," : "") + json::quoted(symbol(g, r, c));
      out_ += "]";
    }
    out_ += "]";
  }

  /// The stamps of scatter_stamps (docs/json.md): per input cell, row-major, its "cell", its
  /// input value "x" and its F-grid as "values" (rows of numbers), or as "sparse"
  /// [row, col, value] triples when all the stamps together have more than max_cells cells.
  /// Like a grid, refused when even their non-zeros number more than max_cells.
  void stamps(const Stamps& st, StageId id) {
    const bool dense = st.total_cells() <= options_.max_cells;
    if (!dense) {
      const int64_t nonzeros = st.nonzeros();
      if (nonzeros > options_.max_cells)
        throw Error({MsgId::kErrSparseTooLarge,
                     {{"stage", std::string(stage_name(id))},
                      {"cells", std::to_string(st.total_cells())},
                      {"count", std::to_string(nonzeros)},
                      {"max_cells", std::to_string(options_.max_cells)}}});
    }
    const bool symbols = d_.symbols && st.symbolic();
    out_ += ",\n     \"stamps\": [";
    for (int64_t i = 0; i < st.count(); ++i) {
      out_ += i ? ",\n       {\"cell\": " : "\n       {\"cell\": ";
      out_ += json::ints(st.cell(i)) + ", \"x\": ";
      append_number(out_, st.x(i));
      if (!dense) {
        // The reached cells only, by tap; no F-grid is built.
        const Expr& x_expr =
            symbols ? st.input().expr(i / st.input().cols(), i % st.input().cols()) : Expr{};
        std::vector<std::string> texts;
        out_ += ", \"sparse\": [";
        bool first = true;
        st.for_each_tap(i, [&](int64_t r, int64_t c, double v, int64_t tap) {
          if (v == 0.0) return;
          out_ += first ? "[" : ",[";
          first = false;
          fmt::format_to(std::back_inserter(out_), "{},{},", r, c);
          append_number(out_, v);
          out_ += ']';
          if (symbols)
            texts.push_back(d_.symbols->text(
                product(x_expr,
                        st.kernel().expr(tap / st.kernel().cols(), tap % st.kernel().cols())),
                Notation::kAscii));
        });
        out_ += "]";
        if (symbols) out_ += ", \"symbols\": " + json::strings(texts);
        out_ += "}";
        continue;
      }
      const Stamp stamp = st.stamp(i);
      const Grid& g = stamp.values;
      auto rows = [&](auto&& cell) {
        for (int64_t r = 0; r < g.rows(); ++r) {
          out_ += r ? ",\n         [" : "\n         [";
          for (int64_t c = 0; c < g.cols(); ++c) {
            if (c) out_ += ',';
            cell(r, c);
          }
          out_ += "]";
        }
        out_ += "]";
      };
      out_ += ",\n        \"values\": [";
      rows([&](int64_t r, int64_t c) { append_number(out_, g.value(r, c)); });
      if (symbols) {
        out_ += ",\n        \"symbols\": [";
        rows([&](int64_t r, int64_t c) { out_ += json::quoted(symbol(g, r, c)); });
      }
      out_ += "}";
    }
    out_ += "]";
  }

  /// Reserves about what the document will take: a large buffer grown by doubling is copied
  /// and, past malloc's mmap threshold, page-faulted afresh at every step, which costs a
  /// classroom run more than writing the numbers does.
  void reserve() {
    size_t bytes = 4096;
    for (const Stage& s : d_.stages) {
      if (s.stamps) {
        const int64_t total = s.stamps->total_cells();
        const int64_t cells = total > options_.max_cells
                                  ? 16 * s.stamps->count() * s.stamps->kernel().cells()
                                  : total;
        bytes += 1024 + static_cast<size_t>(cells) * (d_.symbols ? 24 : 4);
      }
      for (const GridSlice& slice : s.slices)
        bytes += 64 + static_cast<size_t>(slice.grid.cells()) * 4;
      if (!s.grid) continue;
      const Grid& g = *s.grid;
      const int64_t cells = g.cells() > options_.max_cells ? 16 * g.nonzeros() : g.cells();
      bytes += 1024 + static_cast<size_t>(cells) * (d_.symbols ? 24 : 4);
    }
    out_.reserve(std::min<size_t>(bytes, size_t{64} << 20));
  }

  /// `count` zeros of a row, "0,0,0" after a "," unless they start the row.
  void append_zeros(int64_t count, bool row_start) {
    static const std::string kZeros = [] {
      std::string z;
      for (int i = 0; i < 256; ++i) z += ",0";
      return z;
    }();
    if (count <= 0) return;
    size_t chars = static_cast<size_t>(2 * count);
    size_t skip = row_start ? 1 : 0;  // no comma before a row's first cell
    while (chars > 0) {
      const size_t piece = std::min(chars, kZeros.size());
      out_.append(kZeros, skip, piece - skip);
      chars -= piece;
      skip = 0;
    }
  }

  bool symbolic(const Grid& g) const { return d_.symbols && g.symbolic(); }

  /// The ASCII sum of cell (r, c), "0" for zeros of every kind.
  std::string symbol(const Grid& g, int64_t r, int64_t c) const {
    const CellKind kind = g.kind(r, c);
    if (kind != CellKind::kData && kind != CellKind::kKeptByOutputPadding &&
        kind != CellKind::kCropped)
      return "0";
    return d_.symbols->text(g.expr(r, c), Notation::kAscii);
  }

  const Derivation& d_;
  const RenderOptions& options_;
  std::string out_;
};

}  // namespace

std::string render_json(const Derivation& derivation, const RenderOptions& options) {
  return DerivationJson(derivation, options).run();
}

}  // namespace convt
