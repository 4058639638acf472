// The on-screen keyboard speaks the screen's language: Welsh and Polish letters on their own
// keyboards, Urdu and Gurmukhi letters with Latin ones a key away, digits and punctuation on a
// second page, codes typed in Latin letters and digits.
#include <catch2/catch.hpp>

#include "headless_kiosk.hpp"
#include "keyboard_layout.hpp"
#include "place_standard.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

// A whole Place Standard response in `language`, `comment` typed on the first theme's keyboard:
// the comment as stored.
std::string stored_comment(const std::string& language, const std::string& comment) {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.tap("language-" + language);
    kiosk.tap("start-place");
    kiosk.tap("comment");
    REQUIRE(kiosk.state().screen == Screen::comment);
    kiosk.type_on_keyboard(comment);
    kiosk.tap("comment-done");
    for (int i = 0; i < sv::kThemeCount; ++i) {
        kiosk.tap("rating-4");
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::thanks);
    auto stored = kiosk.store().find_response(kiosk.state().thanked_uuid);
    REQUIRE(stored.ok());
    REQUIRE(stored.value().has_value());
    auto answers = sv::parse_place_standard_payload(stored.value()->payload);
    REQUIRE(answers.ok());
    return answers.value().comments[0];
}

}  // namespace

TEST_CASE("each language's keyboard types its own letters, digits and punctuation, stored exactly") {
    for (const auto& [language, sentence] :
         {std::pair<std::string, std::string>{"en", "Buses at 7:45pm (not 8) - £2 & free?"},
          {"cy", "Mae Ŵyr Siôn yn hŷn: 12 oed! Â ê î ô û ë ï á."},
          {"pl", "Żółta ćma łapie 3 ości; źle! Ą Ę Ń Ś Ź Ć Ł."},
          {"ur", "ہمارا پارک صاف ہے۔ بس 12 بجے؟ Bus"},
          {"pa", "ਸਾਡਾ ਪਾਰਕ ਸੋਹਣਾ ਹੈ। ਮੁੰਡੇ ਕੁੜੀਆਂ ਖੇਡਦੇ ਨੇ, Bus 7"}}) {
        INFO(language);
        CHECK(stored_comment(language, sentence) == sentence);
    }
}

TEST_CASE("the keyboard's second page has the digits and punctuation, and its key comes back to the letters") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.tap("language-pl");
    kiosk.tap("start-place");
    kiosk.tap("comment");
    CHECK(kiosk.can_touch("key-u0105"));  // ą
    CHECK_FALSE(kiosk.can_touch("key-7"));
    kiosk.tap("key-page");
    CHECK(kiosk.can_touch("key-7"));
    CHECK(kiosk.can_touch(sv::key_target_id("£")));
    CHECK_FALSE(kiosk.can_touch("key-shift"));  // no capitals among digits
    kiosk.tap("key-page");
    CHECK(kiosk.can_touch("key-u0105"));
    // The next comment starts on the letters again.
    kiosk.tap("key-page");
    kiosk.tap("comment-done");
    kiosk.tap("comment");
    CHECK(kiosk.can_touch("key-u0105"));
}

TEST_CASE("codes are typed in Latin letters and digits whatever the screen's language") {
    for (const char* language : {"en", "cy", "pl", "ur", "pa"}) {
        INFO(language);
        const auto& top_row = sv::letter_rows(language, sv::KeyboardUse::code).front();
        CHECK(top_row.front().lower == "1");
        CHECK(top_row.back().lower == "0");
    }
    CHECK(sv::letter_rows("cy", sv::KeyboardUse::words).front().front().lower == "â");
    CHECK(sv::letter_rows("pl", sv::KeyboardUse::words).front().front().lower == "ą");
}
