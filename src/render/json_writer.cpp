#include "render/json_writer.h"

#include "convt/shape.h"
#include "text/number_format.h"

namespace convt::json {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
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
          static const char* const kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string ints(const std::vector<int64_t>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
  return out + "]";
}

std::string strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + quoted(values[i]);
  return out + "]";
}

std::string boolean(bool value) { return value ? "true" : "false"; }

std::string optional_int(const std::optional<int64_t>& value) {
  return value ? std::to_string(*value) : "null";
}

std::string sentences(const std::vector<std::string>& sentences) {
  std::string text;
  for (const std::string& s : sentences) text += (text.empty() ? "" : " ") + s;
  return quoted(text);
}

std::string layer_members(const std::vector<AxisParams>& axes, std::string_view op_key) {
  auto field = [&](int64_t AxisParams::*f) { return ints(axis_values(axes, f)); };
  return "\"k\": " + field(&AxisParams::k) + ", \"s\": " + field(&AxisParams::s) +
         ", \"p\": " + field(&AxisParams::p) + ", \"d\": " + field(&AxisParams::d) + ", \"" +
         std::string(op_key) + "\": " + field(&AxisParams::op);
}

std::string params_object(const Params& params) {
  return "{\"dims\": " + std::to_string(params.dims) +
         ", \"n\": " + ints(axis_values(params.axes, &AxisParams::n)) + ", " +
         layer_members(params.axes, "output_padding") + "}";
}

std::string channel_members(const Params& params) {
  std::string out = "\"in_channels\": " + std::to_string(params.in_channels) +
                    ", \"out_channels\": " + std::to_string(params.out_channels) +
                    ", \"groups\": " + std::to_string(params.groups) + ", \"bias\": ";
  if (!params.bias) return out + "null";
  out += '[';
  for (size_t i = 0; i < params.bias->size(); ++i) {
    if (i) out += ',';
    append_number(out, (*params.bias)[i]);
  }
  return out + "]";
}

std::string explain_params_object(const Params& params) {
  std::string out = params_object(params);
  out.pop_back();  // the closing brace
  return out + ", " + channel_members(params) + "}";
}

std::string input_object(int dims, const std::vector<int64_t>& n) {
  return "{\"dims\": " + std::to_string(dims) + ", \"n\": " + ints(n) + "}";
}

std::string item_lines(const std::vector<std::string>& items) {
  if (items.empty()) return "[]";
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n" : "\n") + items[i];
  return out + "\n  ]";
}

ObjectWriter::ObjectWriter(std::string& out) : out_(out) { out_ += "{\n"; }

std::string& ObjectWriter::key(std::string_view key) {
  out_ += first_ ? "  \"" : ",\n  \"";
  first_ = false;
  out_ += key;
  out_ += "\": ";
  return out_;
}

void ObjectWriter::member(std::string_view key, std::string_view value) { this->key(key) += value; }

void ObjectWriter::close() { out_ += "\n}\n"; }

}  // namespace convt::json
