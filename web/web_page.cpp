// The page of convt in the browser (web_page.h).
#include "web_page.h"

#include <algorithm>
#include <map>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_svg.h"
#include "convt/shape_report.h"

namespace convt::web {
namespace {

using Json = nlohmann::json;
using State = std::map<std::string, std::string>;

/// The text of control `name` as typed, or "" when the state has none.
std::string text_of(const State& state, const std::string& name) {
  const auto it = state.find(name);
  return it == state.end() ? std::string() : it->second;
}

/// `text`, or `fallback` when `text` is empty (a control left empty takes the default).
std::string or_default(const std::string& text, const char* fallback) {
  return text.empty() ? std::string(fallback) : text;
}

/// n and k have no default: an empty one is refused as the command line refuses "--k ''".
std::string required(const State& state, const std::string& name) {
  std::string text = text_of(state, name);
  if (text.empty()) throw Error({MsgId::kErrEmptyValue, {{"option", "--" + name}}});
  return text;
}

/// --lang: "en" (also when empty) or "zh".
Lang parse_lang(const std::string& text) {
  if (text.empty() || text == "en") return Lang::kEn;
  if (text == "zh") return Lang::kZh;
  throw Error(
      {MsgId::kErrUnknownChoice, {{"option", "--lang"}, {"value", text}, {"valid", "en, zh"}}});
}

/// The layer the controls describe, parsed and judged in the command line's order (explain's
/// run_explain): sizes, kernel, input, channels, bias.
Params parse_params(const State& state) {
  SizeOptionText sizes;
  sizes.n = required(state, "n");
  sizes.k = required(state, "k");
  sizes.s = or_default(text_of(state, "s"), "1");
  sizes.p = or_default(text_of(state, "p"), "0");
  sizes.d = or_default(text_of(state, "d"), "1");
  sizes.op = or_default(text_of(state, "op"), "0");
  sizes.dims = or_default(text_of(state, "dims"), "2");
  Params params = parse_size_options(sizes);
  if (const std::string kernel = text_of(state, "kernel"); !kernel.empty())
    params.kernel = parse_value_list(kernel, "--kernel");
  if (const std::string input = text_of(state, "input"); !input.empty())
    params.input = parse_value_list(input, "--input");
  const struct {
    const char* name;
    int64_t* count;
    MsgId what;
  } channels[] = {{"in-channels", &params.in_channels, MsgId::kWordInChannels},
                  {"out-channels", &params.out_channels, MsgId::kWordOutChannels},
                  {"groups", &params.groups, MsgId::kWordGroups}};
  for (const auto& channel : channels)
    if (const std::string text = text_of(state, channel.name); !text.empty())
      *channel.count = parse_channel_count(text, std::string("--") + channel.name, channel.what);
  if (const std::string bias = text_of(state, "bias"); !bias.empty())
    params.bias = parse_value_list(bias, "--bias");
  return params;
}

/// The control a message is about: the option it starts with ("--k: kernel size ..." names k;
/// "--kernel/--input: ..." names kernel), or "" when it names no control of the page.
std::string control_of(const Message& message) {
  const std::string text = resolve(message, Lang::kEn);
  if (text.rfind("--", 0) != 0) return "";
  const size_t end = text.find_first_of(":/ ", 2);
  const std::string name = text.substr(2, end == std::string::npos ? end : end - 2);
  const std::vector<std::string> names = control_names();
  return std::find(names.begin(), names.end(), name) != names.end() ? name : "";
}

/// `text` with &, <, > and " written as entities, for HTML text and attribute values.
std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : text) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  return out;
}

/// RFC 4648 base64 of `bytes`, for a data: address.
std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t left = bytes.size() - i;
    uint32_t group = static_cast<uint8_t>(bytes[i]) << 16;
    if (left > 1) group |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (left > 2) group |= static_cast<uint8_t>(bytes[i + 2]);
    out += kDigits[(group >> 18) & 63];
    out += kDigits[(group >> 12) & 63];
    out += left > 1 ? kDigits[(group >> 6) & 63] : '=';
    out += left > 2 ? kDigits[group & 63] : '=';
  }
  return out;
}

/// Replaces every occurrence of `from` in `text` by `to`.
void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

/// The derivation as page HTML: the body of render_svg's index.html (the heading, then per
/// stage its title, explanation and figure) one heading level down, each figure's file put
/// inside its <img> as a data: address, the formula stage's equations (the formula with the
/// numbers substituted) as text before its figure, and the `selected` stages (empty: all) as
/// text at the end.
std::string derivation_html(const Derivation& derivation, const std::vector<Figure>& figures,
                            const std::vector<StageId>& selected, Lang lang) {
  const auto index = std::find_if(figures.begin(), figures.end(),
                                  [](const Figure& f) { return f.name == "index.html"; });
  if (index == figures.end()) return "";
  const std::string& page = index->content;
  const size_t body = page.find("<body>\n");
  const size_t body_end = page.rfind("</body>");
  if (body == std::string::npos || body_end == std::string::npos) return "";
  std::string html = page.substr(body + 7, body_end - body - 7);
  for (const auto& [from, to] :
       {std::pair{"<h2>", "<h3>"}, std::pair{"</h2>", "</h3>"},
        std::pair{"<h1>", "<h2 class=\"heading\">"}, std::pair{"</h1>", "</h2>"}})
    replace_all(html, from, to);
  if (const Stage* formula = derivation.find(StageId::kFormula)) {
    std::string equations = "<pre class=\"equations\">";
    for (const std::string& line : formula->equations) equations += html_escape(line) + "\n";
    equations += "</pre>\n";
    const size_t at = html.find("<p><img src=\"formula.svg\"");
    if (at != std::string::npos) html.insert(at, equations);
  }
  for (const Figure& figure : figures) {
    if (figure.name == "index.html") continue;
    replace_all(html, "<img src=\"" + html_escape(figure.name) + "\"",
                "<img src=\"data:image/svg+xml;base64," + base64(figure.content) + "\"");
  }
  // The text shows the stages the figures show.
  Derivation shown = derivation;
  std::erase_if(shown.stages, [&](const Stage& stage) {
    return !selected.empty() &&
           std::find(selected.begin(), selected.end(), stage.id) == selected.end();
  });
  RenderOptions text_options;
  text_options.lang = lang;
  html += "<details class=\"as-text\">\n<summary>" +
          html_escape(resolve({MsgId::kWebAsText, {}}, lang)) + "</summary>\n<pre>" +
          html_escape(render_text(shown, text_options)) + "</pre>\n</details>\n";
  return html;
}

/// The labels of the page in `lang`: one per control, and the page's headings and notes.
Json page_words(Lang lang) {
  auto say = [&](MsgId id) { return resolve({id, {}}, lang); };
  auto control = [&](const char* name, MsgId what) {
    return resolve({MsgId::kWebControl, {{"name", name}, {"what", Message{what, {}}}}}, lang);
  };
  Json words;
  words["title"] = say(MsgId::kWebTitle);
  words["sizes"] = say(MsgId::kWebParameters);
  words["layer"] = say(MsgId::kWebLayer);
  words["values"] = say(MsgId::kWebValues);
  words["show"] = say(MsgId::kWebShow);
  words["dims"] = say(MsgId::kWordDims);
  words["n"] = control("n", MsgId::kWordInputSize);
  words["k"] = control("k", MsgId::kWordKernelSize);
  words["s"] = control("s", MsgId::kWordStride);
  words["p"] = control("p", MsgId::kWordPadding);
  words["d"] = control("d", MsgId::kWordDilation);
  words["op"] = control("op", MsgId::kWordOutputPadding);
  words["in-channels"] = control("in-channels", MsgId::kWordInChannels);
  words["out-channels"] = control("out-channels", MsgId::kWordOutChannels);
  words["groups"] = control("groups", MsgId::kWordGroups);
  words["kernel"] = say(MsgId::kWebKernelValues);
  words["input"] = say(MsgId::kWebInputValues);
  words["bias"] = say(MsgId::kWebBiasValues);
  words["lang"] = say(MsgId::kWebLanguage);
  words["lang_en"] = say(MsgId::kWebLangEn);
  words["lang_zh"] = say(MsgId::kWebLangZh);
  words["stages"] = say(MsgId::kWebStages);
  words["stages_hint"] = say(MsgId::kWebStagesHint);
  words["values_hint"] = say(MsgId::kWebValuesHint);
  words["link_hint"] = say(MsgId::kWebLinkHint);
  return words;
}

}  // namespace

std::vector<std::string> control_names() {
  return {"dims",         "n",      "k",      "s",     "p",    "d",    "op",    "in-channels",
          "out-channels", "groups", "kernel", "input", "bias", "lang", "stages"};
}

std::string render_page(const std::string& state_json) {
  Json result;
  Lang lang = Lang::kEn;
  try {
    State state;
    const Json parsed = Json::parse(state_json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object())
      for (const auto& [name, value] : parsed.items())
        if (value.is_string()) state[name] = value.get<std::string>();
    // The language first, so that every other message comes in it.
    lang = parse_lang(text_of(state, "lang"));
    const Params params = parse_params(state);
    DeriveOptions derive_options;
    SvgOptions svg;
    svg.lang = lang;
    if (const std::string stages = text_of(state, "stages"); !stages.empty())
      svg.stages = parse_stage_list(stages);
    // Every stage is derived: a figure may draw other stages too (render_svg.h).
    const Derivation derivation = derive(params, derive_options);
    result["html"] = derivation_html(derivation, render_svg(derivation, svg), svg.stages, lang);
    result["ok"] = true;
  } catch (const Error& e) {
    result["ok"] = false;
    result["error"] = {{"control", control_of(e.message())},
                       {"message", resolve(e.message(), lang)}};
  } catch (const std::bad_alloc&) {
    result["ok"] = false;
    result["error"] = {{"control", ""}, {"message", resolve({MsgId::kErrOutOfMemory, {}}, lang)}};
  }
  result["lang"] = lang == Lang::kZh ? "zh-Hans" : "en";
  result["words"] = page_words(lang);
  result["stage_names"] = stage_names();
  return result.dump();
}

}  // namespace convt::web
