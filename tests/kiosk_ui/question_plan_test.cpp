// The question screen's plan, checked without drawing: at every text size, in every language
// shipped, upright and on its side, for every theme, with and without an answer and a long
// comment, the blocks fit above the bottom row and every button stays a comfortable touch.
#include <SDL.h>

#include <catch2/catch.hpp>
#include <memory>

#include "campaign.hpp"
#include "campaign_translations.hpp"
#include "imgui.h"
#include "installed_files.hpp"
#include "kiosk_style.hpp"
#include "place_standard.hpp"
#include "question_screen_plan.hpp"
#include "sdl_text_shaper.hpp"
#include "shaped_text.hpp"
#include "translated_text.hpp"
#include "translation.hpp"

namespace {

// The words of every shipped language and of the campaign, so the fonts hold their letters.
std::vector<std::string> every_text(const sv::TranslationFolder& translations, const sv::Campaign& campaign) {
    std::vector<std::string> texts;
    for (const auto& t : translations.translations) {
        texts.push_back(t.own_name);
        for (const auto& [english, translated] : t.phrases) texts.push_back(translated);
    }
    sv::for_each_campaign_text(campaign, [&](const sv::LocalText& text, const std::string&) {
        for (const auto& [language, words] : text.by_language) texts.push_back(words);
    });
    return texts;
}

// A screen the kiosk lays out: `width` by `height` layout units, margins as the kiosk gives them.
sv::ScreenArea area_of(float width, float height) {
    sv::ScreenArea area;
    area.width = width;
    area.height = height;
    area.portrait = height > width;
    area.margin = width < 900 ? 40.0f : 64.0f;
    return area;
}

}  // namespace

TEST_CASE("the question screen's plan fits every text size and language, with buttons a finger can hit") {
    // Measuring shaped scripts (Urdu, Punjabi) needs a renderer; a picture in memory will do.
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer);
    auto shaper = sv::SdlTextShaper::create(renderer);
    REQUIRE(shaper.ok());
    ImGuiContext* imgui = ImGui::CreateContext();
    const auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN).value();
    const auto translations = sv::load_translation_folder(sv::shipped_assets_directory() + "/translations");
    REQUIRE(translations.translations.size() > 1);
    auto fonts = sv::load_kiosk_fonts(every_text(translations, campaign));
    REQUIRE(fonts.ok());
    std::vector<const sv::Translation*> languages;
    for (const auto& t : translations.translations) languages.push_back(&t);
    const std::vector<sv::OutcomeNote> no_notes;
    const std::string long_comment(400, 'w');

    int plans = 0;
    sv::UseTextShaper shaping(shaper.value().get());
    for (const auto& translation : translations.translations) {
        sv::UseTranslation in_language(translation);
        for (int size = 0; size < sv::kTextSizeCount; ++size) {
            const sv::ViewContext view{campaign,
                                       no_notes,
                                       fonts.value().at(static_cast<sv::TextSize>(size)),
                                       translation.language,
                                       nullptr,
                                       &translation,
                                       languages};
            for (const auto& area : {area_of(1280, 800), area_of(800, 1280), area_of(1365, 800), area_of(800, 1365)}) {
                for (int theme = 0; theme < sv::kThemeCount; ++theme) {
                    for (const bool answered : {false, true}) {
                        sv::KioskState state;
                        state.screen = sv::Screen::question;
                        state.language = translation.language;
                        state.theme_index = theme;
                        if (answered) {
                            state.answers.ratings[static_cast<std::size_t>(theme)] = 4;
                            state.answers.comments[static_cast<std::size_t>(theme)] = long_comment;
                        }
                        sv::TouchTargets targets;
                        std::vector<sv::Intent> intents;
                        const sv::ScreenCall call{state, view, area, targets, intents};
                        const sv::QuestionPlan plan = sv::plan_question_screen(call);
                        ++plans;
                        INFO(translation.language << ", text size " << size << ", " << area.width << "x" << area.height
                                                  << ", theme " << theme << (answered ? ", answered" : ""));
                        CHECK(plan.gap >= 8);
                        CHECK(plan.ratings >= 88);
                        CHECK(plan.comment >= 64);
                        CHECK(plan.bar >= 88);
                        // Nothing runs into the bottom row, nor the hint above it (to within
                        // float rounding).
                        CHECK(plan.content_bottom(area) + 8 <= plan.bar_top(area) - plan.hint + 0.01f);
                        CHECK(plan.comment_width <= area.inner_width());
                        if (answered) CHECK_FALSE(plan.preview.empty());
                        // English always has room to say what to do.
                        if (translation.language == "en") CHECK(plan.hint_shown != answered);
                    }
                }
            }
        }
    }
    CHECK(plans == static_cast<int>(translations.translations.size()) * sv::kTextSizeCount * 4 * sv::kThemeCount * 2);
    ImGui::DestroyContext(imgui);
    shaper.value().reset();
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}
