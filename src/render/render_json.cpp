#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "convt/error.h"
#include "text/number_format.h"
#include "convt/render.h"
#include "text/text_grid.h"

namespace convt {
namespace {

/// A JSON string literal: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string int_array(const std::vector<int64_t>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
  return out + "]";
}

class JsonWriter {
 public:
  JsonWriter(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    reserve();
    const Params& p = d_.params;
    auto field = [&](int64_t AxisParams::*member) {
      std::vector<int64_t> v;
      for (const AxisParams& a : p.axes) v.push_back(a.*member);
      return int_array(v);
    };
    out_ += "{\n";
    out_ += "  \"params\": {\"dims\": " + std::to_string(p.dims) + ", \"n\": " +
            field(&AxisParams::n) + ", \"k\": " + field(&AxisParams::k) +
            ", \"s\": " + field(&AxisParams::s) + ", \"p\": " + field(&AxisParams::p) +
            ", \"d\": " + field(&AxisParams::d) +
            ", \"output_padding\": " + field(&AxisParams::op) + "},\n";
    out_ += "  \"output_size\": " + int_array(d_.output_size()) + ",\n";
    out_ += "  \"full_size\": " + int_array(d_.full_size()) + ",\n";
    out_ += "  \"passed\": " + std::string(d_.passed ? "true" : "false") + ",\n";
    out_ += "  \"stages\": [";
    for (size_t i = 0; i < d_.stages.size(); ++i) {
      out_ += i ? ",\n" : "\n";
      stage(d_.stages[i]);
    }
    out_ += "\n  ]\n}\n";
    return std::move(out_);
  }

 private:
  /// The prose of `m`; marks name the ASCII marks of the text format, where the grids show them.
  std::string say(const Message& m) const {
    return resolve(m, options_.lang, kind_mark);
  }

  void stage(const Stage& s) {
    out_ += "    {\"id\": " + quoted(std::string(stage_name(s.id))) +
            ", \"title\": " + quoted(say(s.title));
    std::string text;
    for (const Message& m : s.explanation) text += (text.empty() ? "" : " ") + say(m);
    out_ += ",\n     \"text\": " + quoted(text);
    if (!s.equations.empty()) {
      out_ += ",\n     \"equations\": [";
      for (size_t i = 0; i < s.equations.size(); ++i)
        out_ += (i ? ", " : "") + quoted(s.equations[i]);
      out_ += "]";
    }
    if (!s.checks.empty()) {
      bool passed = true;
      out_ += ",\n     \"checks\": [";
      for (size_t i = 0; i + 1 < s.checks.size(); ++i) {
        passed = passed && s.checks[i].ok;
        out_ += std::string(i ? "," : "") + "\n       {\"text\": " + quoted(say(s.checks[i].message)) +
                ", \"ok\": " + (s.checks[i].ok ? "true" : "false") + "}";
      }
      out_ += "],\n     \"passed\": " + std::string(passed ? "true" : "false");
    }
    if (s.grid) grid(*s.grid, s.id);
    out_ += "}";
  }

  void grid(const Grid& g, StageId id) {
    out_ += ",\n     \"rows\": " + std::to_string(g.rows()) + ", \"cols\": " +
            std::to_string(g.cols());
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
          out_ += quoted(symbol(g, r, c));
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
      for (int64_t c = 0; c < g.cols(); ++c) out_ += (c ? "," : "") + quoted(symbol(g, r, c));
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
  return JsonWriter(derivation, options).run();
}

}  // namespace convt
