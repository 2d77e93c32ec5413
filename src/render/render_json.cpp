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

  /// Reserves about what the document will take: a large buffer grown by doubling is copied
  /// and, past malloc's mmap threshold, page-faulted afresh at every step, which costs a
  /// classroom run more than writing the numbers does.
  void reserve() {
    size_t bytes = 4096;
    for (const Stage& s : d_.stages) {
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
