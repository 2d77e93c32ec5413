// index.html of the figures folder: the stages in order, each with its title, explanation and
// picture, so that a browser shows the whole derivation (and plays sliding.svg).
#include <algorithm>
#include <string>
#include <vector>

#include "render/svg/svg_context.h"

namespace convt::detail {
namespace {

constexpr std::string_view kPageStyle =
    "body{font-family:'DejaVu Sans',Verdana,Arial,'Noto Sans CJK SC','Source Han Sans SC',"
    "'WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif;"
    "max-width:80em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}\n"
    ".stage{margin:0 0 3em}\n"
    "img{max-width:100%;height:auto}\n"
    ".frames{display:flex;flex-wrap:wrap;gap:1em}\n"
    ".frames img{max-width:30%}\n";

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::kEn:
      return "en";
    case Lang::kZh:
      return "zh-Hans";
  }
  return "en";
}

bool is_sliding(const std::string& name) { return name.rfind("sliding", 0) == 0; }

std::string image(const std::string& file, const std::string& alt) {
  return "<img src=\"" + xml_escape(file) + "\" alt=\"" + xml_escape(alt) + "\">";
}

}  // namespace

std::string index_html(const SvgContext& ctx, const std::vector<Figure>& figures) {
  const std::string heading = xml_escape(ctx.heading());
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(ctx.options().lang)) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     heading + "</title>\n<style>\n" + std::string(kPageStyle) +
                     "</style>\n</head>\n<body>\n<h1>" + heading + "</h1>\n";
  auto paragraphs = [&](const std::vector<Message>& explanation) {
    if (!ctx.options().explanations) return;
    for (const Message& m : explanation) html += "<p>" + xml_escape(ctx.say(m)) + "</p>\n";
  };
  int index = 1;
  bool sliding_open = false;
  int64_t frame = 0;
  const auto frames = std::count_if(figures.begin(), figures.end(),
                                    [](const Figure& f) { return is_sliding(f.name); });
  for (const Figure& figure : figures) {
    if (is_sliding(figure.name)) {
      if (!sliding_open) {
        const std::string title = ctx.say({MsgId::kTitleSliding, {}});
        html += "<div class=\"stage\" id=\"sliding\">\n<h2>" + std::to_string(index++) + ". " +
                xml_escape(title) + "</h2>\n";
        paragraphs({{MsgId::kExplainSliding, {}}});
        html += ctx.options().frames ? "<div class=\"frames\">\n" : "<p>";
        sliding_open = true;
      }
      std::string alt = ctx.say({MsgId::kTitleSliding, {}});
      if (ctx.options().frames)
        alt += " (" +
               ctx.say({MsgId::kSvgFrame,
                        {{"frame", std::to_string(++frame)}, {"count", std::to_string(frames)}}}) +
               ")";
      html += image(figure.name, alt) + (ctx.options().frames ? "\n" : "");
      continue;
    }
    const std::string id = figure.name.substr(0, figure.name.rfind('.'));
    const std::optional<StageId> stage_id = stage_from_name(id);
    const Stage* stage = stage_id ? ctx.derivation().find(*stage_id) : nullptr;
    if (!stage) continue;
    const std::string title = ctx.title(*stage);
    html += "<div class=\"stage\" id=\"" + xml_escape(id) + "\">\n<h2>" + std::to_string(index++) +
            ". " + xml_escape(title) + "</h2>\n";
    paragraphs(stage->explanation);
    html += "<p>" + image(figure.name, title) + "</p>\n</div>\n";
  }
  if (sliding_open) html += std::string(ctx.options().frames ? "</div>" : "</p>") + "\n</div>\n";
  // A whole layer without an animation (sliding_figures): its place says why, whatever
  // --quiet-text.
  const bool direct_drawn = std::any_of(figures.begin(), figures.end(), [](const Figure& f) {
    return f.name == "direct_output.svg";
  });
  if (ctx.whole_layer() && direct_drawn && !sliding_open)
    html += "<div class=\"stage\" id=\"sliding\">\n<h2>" + std::to_string(index++) + ". " +
            xml_escape(ctx.say({MsgId::kTitleSliding, {}})) + "</h2>\n<p>" +
            xml_escape(ctx.say({MsgId::kSvgSlidingOmitted, {}})) + "</p>\n</div>\n";
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace convt::detail
