// Languages: every phrase on every screen translated in every language shipped, a missing one
// reported, the campaign's own texts checked, and a language chosen part-way through a response
// keeping every answer.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "campaign_translations.hpp"
#include "headless_kiosk.hpp"
#include "layout_check.hpp"
#include "screenshot_tour.hpp"
#include "spoken_text.hpp"
#include "temp_folder.hpp"
#include "translated_text.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

const std::string kCampaigns[] = {STREETVOICE_DEMO_CAMPAIGN, STREETVOICE_DEMO_BUDGET_CAMPAIGN,
                                  std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json",
                                  std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json"};

}  // namespace

TEST_CASE("every phrase on every screen of every demo campaign is translated into every language shipped") {
    const sv::TranslationFolder shipped = sv::load_translation_folder(STREETVOICE_ASSETS_TRANSLATIONS);
    REQUIRE(shipped.problems.empty());
    std::set<std::string> languages_checked;
    std::set<std::string> missing;
    int frames = 0;
    for (const std::string& campaign_file : kCampaigns) {
        TempFolder folder;
        HeadlessKiosk kiosk(folder.path(), 1280, 800, campaign_file);
        REQUIRE(kiosk.app().translation_problems().empty());
        sv::RecordMissingPhrases recording(missing);
        for (const sv::Translation* t : kiosk.app().languages()) languages_checked.insert(t->language);
        for (const std::string language : {"cy", "pl", "ur", "pa"}) {
            for (const auto& stop : sv::screenshot_tour(kiosk.app().campaign())) {
                kiosk.state() = stop.state;
                kiosk.state().language = language;  // every screen, whether or not this campaign offers it
                kiosk.frames(1);
                ++frames;
                // What "Read aloud" would say there, in the same language.
                for (const auto& t : shipped.translations) {
                    if (t.language != language) continue;
                    sv::UseTranslation words(t);
                    sv::spoken_text(stop.state, kiosk.app().campaign(), language);
                }
            }
        }
    }
    for (const auto& phrase : missing) UNSCOPED_INFO("missing translation: " << phrase);
    CHECK(missing.empty());
    CHECK(languages_checked == std::set<std::string>{"cy", "en", "pa", "pl", "ur"});
    CHECK(frames > 150);
}

TEST_CASE("a phrase a translation lacks is shown in English and reported") {
    sv::Translation welsh{"cy", "Cymraeg", false, {{"Next", "Nesaf"}}};
    std::set<std::string> missing;
    {
        sv::RecordMissingPhrases recording(missing);
        sv::UseTranslation words(welsh);
        CHECK(sv::tr("Next") == "Nesaf");
        CHECK(sv::tr("Back") == "Back");
        CHECK(sv::fill(sv::tr("Question {1} of {2}"), {"3", "14"}) == "Question 3 of 14");
    }
    CHECK(missing == std::set<std::string>{"cy: Back", "cy: Question {1} of {2}"});
    // English itself is never missing.
    std::set<std::string> none;
    sv::RecordMissingPhrases recording(none);
    CHECK(sv::tr("Back") == "Back");
    CHECK(none.empty());
}

TEST_CASE("a broken translation file is reported in plain words and its language left out") {
    TempFolder folder;
    std::ofstream(folder.path() + "/cy.json")
        << R"({"language": "cy", "name": "Cymraeg", "phrases": {"Next": "Nesaf"}})";
    std::ofstream(folder.path() + "/pl.json") << R"({"language": "pl", "name": "Polski", "phrases": {"Next": )";
    std::ofstream(folder.path() + "/ur.json") << R"({"language": "ur", "name": "x", "direction": "up", "phrases": {}})";
    std::ofstream(folder.path() + "/notes.txt") << "not a translation";
    const sv::TranslationFolder found = sv::load_translation_folder(folder.path());
    REQUIRE(found.translations.size() == 2);
    CHECK(found.translations[0].language == "en");
    CHECK(found.translations[1].language == "cy");
    CHECK(found.translations[1].phrases.at("Next") == "Nesaf");
    REQUIRE(found.problems.size() == 2);
    CHECK(found.problems[0] == "The translation pl.json is not valid JSON. Check it for a missing comma or quote.");
    CHECK(found.problems[1] == "The translation ur.json has \"direction\": \"up\"; it must be \"ltr\" or \"rtl\".");
    const sv::TranslationFolder nowhere = sv::load_translation_folder(folder.path() + "/missing");
    CHECK(nowhere.translations.size() == 1);
    CHECK(nowhere.problems.size() == 1);
}

TEST_CASE("the demo campaign's own texts exist in every language it offers") {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN);
    REQUIRE(campaign);
    CHECK(campaign.value().languages == std::vector<std::string>{"en", "cy", "pl", "ur", "pa"});
    CHECK(sv::missing_campaign_translations(campaign.value()).empty());

    sv::Campaign partly = campaign.value();
    partly.activities[0].summary.by_language.erase("pl");
    partly.title.by_language.erase("ur");
    CHECK(sv::missing_campaign_translations(partly) ==
          std::vector<std::string>{"title has no ur text", "activities[0].summary has no pl text"});
}

TEST_CASE("choosing a language part-way through keeps every answer given, and the next person starts afresh") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.frames(2);
    // On the welcome screen the languages are a row of buttons, each in its own words.
    REQUIRE(kiosk.can_touch("language-pl"));
    kiosk.tap("language-pl");
    CHECK(kiosk.state().language == "pl");
    kiosk.tap("start-place");
    CHECK(kiosk.state().language == "pl");
    kiosk.tap("rating-5");
    kiosk.tap("next");
    kiosk.tap("rating-2");
    kiosk.tap("next");
    REQUIRE(kiosk.state().theme_index == 2);

    // Mid-way, the list opens over the question and nothing under it can be touched.
    kiosk.tap("languages");
    CHECK(kiosk.state().choosing_language);
    CHECK_FALSE(kiosk.can_touch("rating-4"));
    kiosk.tap("language-cy");
    CHECK_FALSE(kiosk.state().choosing_language);
    CHECK(kiosk.state().language == "cy");
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().theme_index == 2);
    CHECK(kiosk.state().answers.ratings[0] == 5);
    CHECK(kiosk.state().answers.ratings[1] == 2);
    bool welsh_shown = false;
    for (const auto& text : kiosk.app().placed_text().items) welsh_shown = welsh_shown || text.text == "Nesaf";
    CHECK(welsh_shown);

    // Closing the list without choosing changes nothing.
    kiosk.tap("languages");
    kiosk.tap("languages-close");
    CHECK(kiosk.state().language == "cy");
    kiosk.tap("back");
    CHECK(kiosk.state().theme_index == 1);
    CHECK(kiosk.state().answers.ratings[1] == 2);
    for (int i = 1; i < 14; ++i) {
        if (!kiosk.state().answers.ratings[static_cast<std::size_t>(i)]) kiosk.tap("rating-4");
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::thanks);
    auto stored = kiosk.store().responses();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 1);
    CHECK(stored.value()[0].payload.find("\"rating\":5") != std::string::npos);
    kiosk.tap("finish");
    CHECK(kiosk.state().language.empty());  // the next person starts in the campaign's first language
}

// Urdu's Nastaliq stands about twice as tall as Latin: very large text in Urdu on its side is
// where room runs out first.
TEST_CASE("every screen lays out cleanly in every language, at every text size, in both orientations") {
    int frames_checked = 0;
    for (const std::string& campaign_file : kCampaigns) {
        for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
            TempFolder folder;
            HeadlessKiosk kiosk(folder.path(), width, height, campaign_file);
            for (const std::string language : {"cy", "pl", "ur", "pa"}) {
                for (const auto& stop : sv::screenshot_tour(kiosk.app().campaign())) {
                    if (stop.state.stall.staff != sv::StaffMode::closed) continue;  // staff screens stay English
                    for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::large, sv::TextSize::very_large}) {
                        kiosk.state() = stop.state;
                        kiosk.state().language = language;
                        kiosk.state().text_size = size;
                        kiosk.frames(2);
                        ++frames_checked;
                        INFO(stop.name << " in " << language << " at " << width << "x" << height << ", text "
                                       << sv::text_size_key(size));
                        for (const std::string& problem :
                             sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(),
                                                 static_cast<float>(width), static_cast<float>(height)))
                            FAIL_CHECK(problem);
                    }
                }
            }
        }
    }
    CHECK(frames_checked > 500);
}
