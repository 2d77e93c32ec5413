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
    document.member("params", json::params_object(d_.params));
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
    if (s.grid) grid(*s.grid, s.id);
    if (s.stamps) stamps(*s.stamps, s.id);
    out_ += "}";
  }

  void grid(const Grid& g, StageId id) {
    out_ +=
        ",\n     \"rows\": " + std::to_string(g.rows()) + ", \"cols\": " + std::to_string(g.cols());
    if (g.cells() > options_.max_cells) {
      // Too large to list densely: the non-zeros as [row, col, value] triples, as long as
      // there are at most max_cells of them (so no stage writes more than max_cells entries).
      const int64_t nonzeros = g.nonzeros();
      if (nonzeros > options_.max_cells)
        throw Error({MsgId::kErrSparseTooLarge,
                     {{"stage", std::string(stage_name(id))},
                      {"cells", std::to_string(g.cells())},
                      {"count", std::to_string(nonzeros)},
                      {"max_cells", std::to_string(options_.max_cells)}}});
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
