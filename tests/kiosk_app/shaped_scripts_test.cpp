// Urdu and Punjabi: shaped by SDL2_ttf and HarfBuzz, every letter in the fonts, mixed runs in
// the order a reader expects, and an Urdu screen mirrored yet answering to touch.
#include <catch2/catch.hpp>
#include <fstream>

#include "campaign.hpp"
#include "campaign_translations.hpp"
#include "headless_kiosk.hpp"
#include "keyboard_layout.hpp"
#include "sdl_text_shaper.hpp"
#include "temp_folder.hpp"
#include "translation.hpp"

using sv::Screen;
using sv::SdlTextShaper;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

// A shaper drawing into memory, as the kiosk's own does on screen.
struct ShaperInMemory {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    std::unique_ptr<SdlTextShaper> shaper;

    ShaperInMemory() {
        auto created = SdlTextShaper::create(renderer);
        REQUIRE(created);
        shaper = std::move(created).value();
    }
    ~ShaperInMemory() {
        shaper.reset();
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
};

// Every text a citizen may see in `language`: the kiosk's phrases and the demo campaign's own.
std::vector<std::string> texts_in(const std::string& language) {
    std::vector<std::string> texts;
    const sv::TranslationFolder shipped = sv::load_translation_folder(STREETVOICE_ASSETS_TRANSLATIONS);
    for (const auto& t : shipped.translations)
        if (t.language == language) {
            texts.push_back(t.own_name);
            for (const auto& [english, translated] : t.phrases) texts.push_back(translated);
        }
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN);
    REQUIRE(campaign);
    sv::for_each_campaign_text(campaign.value(), [&](const sv::LocalText& text, const std::string&) {
        if (text.by_language.count(language)) texts.push_back(text.by_language.at(language));
    });
    return texts;
}

std::string visual_order(SdlTextShaper& shaper, const std::string& text) {
    std::string seen;
    for (const auto& run : shaper.visual_runs(text)) seen += "[" + run.text + "]";
    return seen;
}

}  // namespace

TEST_CASE("every Urdu and Punjabi text has all its letters in the fonts and is drawn as a picture") {
    ShaperInMemory shaping;
    for (const std::string language : {"ur", "pa"}) {
        const auto texts = texts_in(language);
        CHECK(texts.size() > 150);
        for (const std::string& text : texts) {
            INFO(language << ": " << text);
            CHECK(sv::needs_shaping(text));
            CHECK(shaping.shaper->has_every_glyph(text, false));
            CHECK(shaping.shaper->has_every_glyph(text, true));
            const sv::ShapedLine line = shaping.shaper->line(text, 28, false);
            CHECK(line.texture != nullptr);
            CHECK(line.width == Approx(shaping.shaper->width(text, 28, false)).margin(1));
        }
    }
    // The check can fail: a Chinese word has no glyphs in the Urdu or Latin fonts.
    CHECK_FALSE(shaping.shaper->has_every_glyph("پارک 公园", false));
}

TEST_CASE("Urdu letters are joined, not drawn one by one") {
    ShaperInMemory shaping;
    // Joined forms are narrower than the same letters standing alone.
    const float joined = shaping.shaper->width("سوال", 40, false);
    float apart = 0;
    for (const std::string letter : {"س", "و", "ا", "ل"}) apart += shaping.shaper->width(letter, 40, false);
    CHECK(joined < apart * 0.9f);
}

TEST_CASE("numbers and brackets in Urdu sit where a reader of Urdu expects them") {
    ShaperInMemory shaping;
    const auto visual_order = [&](const std::string& text) { return ::visual_order(*shaping.shaper, text); };
    // "Question 1 (of 14)", read from the right: the closing bracket, seen first from the left, faces left.
    CHECK(visual_order("سوال 1 (کل 14)") == "[(][14][ ][کل][) ][1][ ][سوال]");
    CHECK(visual_order("1 = بہت بہتری کی ضرورت") == "[بہت بہتری کی ضرورت][ = ][1]");
    // A bracket inside an Urdu run is left to the shaper, which mirrors it itself.
    CHECK(visual_order("تبصرہ لکھیں (اختیاری)") == "[(][تبصرہ لکھیں (اختیاری]");
    // Punjabi and English read from the left: one run each, untouched.
    CHECK(visual_order("ਸਵਾਲ 1 (ਕੁੱਲ 14)") == "[ਸਵਾਲ 1 (ਕੁੱਲ 14)]");
    CHECK(visual_order("Question 1 of 14") == "[Question 1 of 14]");
    // Signs the Urdu font lacks are drawn in the Latin one, in their place: read from the
    // right, "£" comes before "50", as Unicode's rules for an Urdu sentence put it.
    CHECK(visual_order("کل: £50") == "[50][£][ :][کل]");
}

TEST_CASE("an Urdu screen reads from the right and still answers to touch, Punjabi and typing do not mirror") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.frames(2);
    kiosk.tap("language-ur");
    kiosk.tap("start-place");
    REQUIRE(kiosk.state().screen == Screen::question);
    const auto x_of = [&](const std::string& id) {
        const sv::TouchTarget* target = kiosk.app().targets().find(id);
        REQUIRE(target);
        return target->centre_x();
    };
    // 1 on the right, 7 on the left; Next on the left, Back on the right; the corner buttons on the left.
    CHECK(x_of("rating-1") > x_of("rating-7"));
    CHECK(x_of("next") < x_of("back"));
    CHECK(x_of("text-size") < 640);
    // The theme's title ends at the right margin.
    bool title_at_right = false;
    for (const auto& text : kiosk.app().placed_text().items)
        if (text.text == "آنا جانا") title_at_right = text.max.x > 1280 - 64 - 2 && text.min.x > 640;
    CHECK(title_at_right);
    kiosk.tap("rating-2");
    CHECK(kiosk.state().answers.ratings[0] == 2);
    kiosk.tap("next");
    CHECK(kiosk.state().theme_index == 1);
    kiosk.tap("back");
    CHECK(kiosk.state().theme_index == 0);

    // Typing: Urdu's letters run from the right; the Latin ones, a key away, keep their usual places.
    kiosk.tap("comment");
    REQUIRE(kiosk.state().screen == Screen::comment);
    CHECK(x_of(sv::key_target_id("ا")) > x_of(sv::key_target_id("ح")));
    kiosk.tap("key-script");
    CHECK(x_of("key-q") < x_of("key-p"));
    kiosk.type_on_keyboard("bus");
    kiosk.tap("comment-done");
    CHECK(kiosk.state().answers.comments[0] == "bus");

    // Punjabi reads from the left.
    kiosk.tap("languages");
    kiosk.tap("language-pa");
    REQUIRE(kiosk.state().screen == Screen::question);
    CHECK(x_of("rating-1") < x_of("rating-7"));
    CHECK(x_of("next") > x_of("back"));
}
