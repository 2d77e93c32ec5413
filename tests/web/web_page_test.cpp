// The page's engine (web/web_page.h), compiled natively: what the WebAssembly build gives
// page.js, checked without a browser. The page itself, in Chromium: web_page_test.sh.
#include "web_page.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_svg.h"

namespace {

using Json = nlohmann::json;

Json page(const Json& state) { return Json::parse(convt::web::render_page(state.dump())); }

/// RFC 4648 base64 decoding, written here apart from the page's encoder.
std::string unbase64(const std::string& text) {
  const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  uint32_t buffer = 0;
  for (const char c : text) {
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<uint32_t>(digits.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/// The figure of stage `id` on the page: its <img>'s data: address, decoded.
std::string figure_of(const std::string& html, const std::string& id) {
  const size_t stage = html.find("<div class=\"stage\" id=\"" + id + "\">");
  const std::string prefix = "<img src=\"data:image/svg+xml;base64,";
  const size_t start = html.find(prefix, stage);
  if (stage == std::string::npos || start == std::string::npos) return "";
  const size_t data = start + prefix.size();
  return unbase64(html.substr(data, html.find('"', data) - data));
}

TEST(WebPage, ShowsTheCommandLinesFiguresAndText) {
  const Json answer = page({{"n", "3"}, {"k", "3"}, {"s", "1"}, {"p", "1"}});
  ASSERT_TRUE(answer["ok"].get<bool>()) << answer.dump();
  const std::string html = answer["html"];
  const convt::Derivation derivation = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  for (const convt::Figure& figure : convt::render_svg(derivation, {})) {
    if (figure.name == "index.html") continue;
    const std::string id = figure.name.substr(0, figure.name.size() - 4);
    EXPECT_EQ(figure_of(html, id), figure.content) << id;
  }
  // The formula substituted, and the worked output as text.
  EXPECT_NE(html.find("m = (3-1)*1 - 2*1 + 3 = 3\n"), std::string::npos);
  EXPECT_NE(html.find("    0  26  56  54\n    1  84 165 144\n    2 134 236 186\n"),
            std::string::npos);
  EXPECT_EQ(answer["lang"], "en");
}

TEST(WebPage, ShowsOnlyTheSelectedStages) {
  const Json answer = page({{"n", "2"}, {"k", "2"}, {"stages", "output,check"}});
  ASSERT_TRUE(answer["ok"].get<bool>());
  const std::string html = answer["html"];
  EXPECT_NE(html.find("id=\"output\""), std::string::npos);
  EXPECT_NE(html.find("id=\"check\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"kernel\""), std::string::npos);
  EXPECT_EQ(html.find("[1] kernel"), std::string::npos);
}

/// A bad control: the command line's message (convt explain ... 2>&1, without "convt: "), and
/// the control it names.
struct BadControl {
  Json state;
  std::string control;
  std::string message;
};

TEST(WebPage, NamesTheControlOfEachMessage) {
  const BadControl cases[] = {
      {{{"n", "3"}, {"k", "0"}}, "k", "--k: kernel size must be a whole number >= 1, got '0'"},
      {{{"n", ""}, {"k", "2"}},
       "n",
       "--n: the value is empty; give a value or leave the option out"},
      {{{"n", "2"}, {"k", "2"}, {"p", "5"}},
       "p",
       "--p: padding 5 leaves no output: m = (2-1)*1 - 2*5 + 2 = (-7) < 1; the largest padding "
       "that works here is 1"},
      {{{"n", "2"}, {"k", "2"}, {"dims", "4"}},
       "dims",
       "--dims: dims must be a whole number from 1 to 3, got '4'"},
      {{{"n", "2"}, {"k", "2"}, {"kernel", "1,x"}},
       "kernel",
       "--kernel: value 2 'x' is not a number"},
      {{{"n", "2"}, {"k", "2"}, {"in-channels", "2"}, {"groups", "3"}},
       "groups",
       "--groups: 3 must divide both --in-channels 2 and --out-channels 1"},
      {{{"n", "2"}, {"k", "2"}, {"lang", "fr"}},
       "lang",
       "--lang: unknown value 'fr'; choose one of: en, zh"},
      {{{"n", "2"}, {"k", "2"}, {"stages", "outpt"}}, "stages", ""},
  };
  for (const BadControl& c : cases) {
    const Json answer = page(c.state);
    EXPECT_FALSE(answer["ok"].get<bool>()) << c.state.dump();
    EXPECT_EQ(answer["error"]["control"], c.control) << c.state.dump();
    if (!c.message.empty()) {
      EXPECT_EQ(answer["error"]["message"], c.message);
    }
    EXPECT_FALSE(answer.contains("html"));
  }
}

TEST(WebPage, SpeaksTheChosenLanguage) {
  const Json answer = page({{"n", "3"}, {"k", "0"}, {"lang", "zh"}});
  EXPECT_EQ(answer["lang"], "zh-Hans");
  const std::string message = answer["error"]["message"];
  EXPECT_EQ(message.rfind("--k: ", 0), 0u);
  EXPECT_NE(message, "--k: kernel size must be a whole number >= 1, got '0'");
  EXPECT_EQ(answer["words"]["lang"], "语言");
}

TEST(WebPage, LabelsEveryControlInEveryLanguage) {
  for (const char* lang : {"en", "zh"}) {
    const Json words = page({{"n", "2"}, {"k", "2"}, {"lang", lang}})["words"];
    for (const std::string& name : convt::web::control_names())
      EXPECT_FALSE(words.value(name, "").empty()) << name << " in " << lang;
  }
}

TEST(WebPage, NeverThrowsOnAMalformedState) {
  for (const char* state : {"", "not json", "[1,2]", "{\"k\": 3}"}) {
    const Json answer = Json::parse(convt::web::render_page(state));
    EXPECT_FALSE(answer["ok"].get<bool>()) << state;
    EXPECT_EQ(answer["error"]["control"], "n") << state;
  }
}

}  // namespace
