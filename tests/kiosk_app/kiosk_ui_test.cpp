#include <catch2/catch.hpp>
#include <set>

#include "compass.hpp"
#include "contrast_check.hpp"
#include "headless_kiosk.hpp"
#include "kiosk_flow.hpp"
#include "layout_check.hpp"
#include "on_screen_keyboard.hpp"
#include "place_standard.hpp"
#include "screenshot_tour.hpp"
#include "synthetic_touch.hpp"
#include "temp_folder.hpp"
#include "text_layout.hpp"
#include "uuid.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

// Caps the answers file at its present size, then stores responses shaped like the one the
// test will give (every theme rated, no comments) until one no longer fits: the next will not
// fit either. SQLite then fails exactly as on a full disk (SQLITE_FULL).
void fill_store_until_full(sv::Store& store) {
    store.limit_pages_for_test(1);  // SQLite keeps the cap at no less than the present size
    sv::PlaceStandardAnswers answers;
    for (auto& r : answers.ratings) r = 5;
    for (int i = 0; i < 10000; ++i) {
        if (!store.record_response(
                {sv::new_uuid(), "demo-riverside-2026", 1, "place", sv::place_standard_payload(answers), {}}))
            return;
    }
    FAIL("the store never filled up");
}

}  // namespace

TEST_CASE("a citizen's whole Place Standard response, by touch, is stored before the thank-you") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    REQUIRE(kiosk.state().screen == Screen::welcome);
    kiosk.tap("start-place");
    REQUIRE(kiosk.state().screen == Screen::question);

    sv::PlaceStandardAnswers expected;
    for (int i = 0; i < sv::kThemeCount; ++i) {
        REQUIRE(kiosk.state().theme_index == i);
        if (i == 1) {
            kiosk.tap("comment");
            REQUIRE(kiosk.state().screen == Screen::comment);
            kiosk.type_on_keyboard("Buses stop at 7pm, too early.");
            kiosk.tap("comment-done");
            expected.comments[1] = "Buses stop at 7pm, too early.";
        }
        if (i == 6) {
            kiosk.tap("skip");
            continue;
        }
        const int rating = 1 + (i * 3) % 7;
        kiosk.tap("rating-" + std::to_string(rating));
        expected.ratings[static_cast<std::size_t>(i)] = rating;
        if (i == 13) CHECK(kiosk.store().responses().value().empty());  // nothing stored before Finish
        kiosk.tap("next");
    }

    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto thanked = kiosk.app().take_new_thanks();
    REQUIRE(thanked.has_value());
    auto stored = kiosk.store().find_response(*thanked);
    REQUIRE(stored.ok());
    REQUIRE(stored.value().has_value());
    auto answers = sv::parse_place_standard_payload(stored.value()->payload);
    REQUIRE(answers.ok());
    CHECK(answers.value().ratings == expected.ratings);
    CHECK(answers.value().comments == expected.comments);
    CHECK(stored.value()->activity_id == "place");
    CHECK(stored.value()->campaign_id == "demo-riverside-2026");

    kiosk.tap("finish");
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.state().answers.rated_count() == 0);
    CHECK(kiosk.store().responses().value().size() == 1);
}

TEST_CASE("a disabled Next cannot be touched through") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.tap("start-place");
    const auto* next = kiosk.app().targets().find("next");
    REQUIRE(next);
    CHECK_FALSE(next->enabled);
    sv::tap(kiosk.app(), *next);
    CHECK(kiosk.state().theme_index == 0);
}

TEST_CASE("when the disk is full the citizen is told to fetch staff, and a retry saves it") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.tap("start-place");
    for (int i = 0; i < sv::kThemeCount; ++i) {
        kiosk.tap("rating-5");
        if (i == sv::kThemeCount - 1) fill_store_until_full(kiosk.store());
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::save_failed);
    CHECK_THAT(kiosk.state().save_error, Catch::Contains("storage is full"));
    CHECK_FALSE(kiosk.app().take_new_thanks().has_value());
    const auto stored_before = kiosk.store().responses().value().size();

    kiosk.tap("retry");  // still full
    CHECK(kiosk.state().screen == Screen::save_failed);

    kiosk.store().limit_pages_for_test(1 << 30);
    kiosk.tap("retry");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto thanked = kiosk.app().take_new_thanks();
    REQUIRE(thanked.has_value());
    auto stored = kiosk.store().find_response(*thanked);
    REQUIRE(stored.value().has_value());
    CHECK(sv::parse_place_standard_payload(stored.value()->payload).value().rated_count() == sv::kThemeCount);
    CHECK(kiosk.store().responses().value().size() == stored_before + 1);
    CHECK(kiosk.store().check_integrity().ok());
}

// Every screen of every demo campaign, at every text size, both ways up: touch targets big,
// apart and on screen; text on screen, inside its button, clear of other text and buttons.
TEST_CASE("every screen lays out cleanly at every text size, in both orientations") {
    const std::string campaigns[] = {STREETVOICE_DEMO_CAMPAIGN, STREETVOICE_DEMO_BUDGET_CAMPAIGN,
                                     std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json",
                                     std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json"};
    int frames_checked = 0;
    for (const std::string& campaign_file : campaigns) {
        for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
            TempFolder folder;
            HeadlessKiosk kiosk(folder.path(), width, height, campaign_file);
            for (const auto& stop : sv::screenshot_tour(kiosk.app().campaign())) {
                for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::large, sv::TextSize::very_large}) {
                    kiosk.state() = stop.state;
                    kiosk.state().text_size = size;
                    kiosk.frames(2);
                    ++frames_checked;
                    INFO(stop.name << " at " << width << "x" << height << ", text " << sv::text_size_key(size));
                    if (stop.state.screen != Screen::cannot_start) CHECK_FALSE(kiosk.app().targets().items.empty());
                    CHECK_FALSE(kiosk.app().placed_text().items.empty());
                    for (const std::string& problem :
                         sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(),
                                             static_cast<float>(width), static_cast<float>(height)))
                        FAIL_CHECK(problem);
                }
            }
        }
    }
    CHECK(frames_checked > 300);
}

// The checks themselves must catch what they are for.
TEST_CASE("the layout check finds small, overlapping and spilling things") {
    sv::TouchTargets targets;
    targets.add({"ok", 10, 10, 200, 80, true});
    sv::PlacedTexts texts;
    texts.items.push_back({"inside", {20, 20}, {100, 50}, true, {10, 10}, {210, 90}, 184, 28, 1, false});
    CHECK(sv::layout_problems(targets, texts, 1280, 800).empty());

    targets.add({"tiny", 300, 10, 40, 40, true});
    targets.add({"on-top", 100, 50, 200, 80, true});
    texts.items.push_back(
        {"too long for its button", {20, 40}, {260, 100}, true, {10, 10}, {210, 90}, 184, 28, 2, false});
    texts.items.push_back({"over the edge", {1200, 700}, {1300, 730}, false, {}, {}, 0, 28, 1, false});
    // Four lines in a 150 px column at 40 px: two words a line at most.
    texts.items.push_back({"How long have you lived here?", {600, 100}, {750, 300}, false, {}, {}, 150, 40, 4, false});
    texts.items.push_back({"long-ter m", {600, 400}, {700, 500}, false, {}, {}, 100, 40, 2, true});
    const auto problems = sv::layout_problems(targets, texts, 1280, 800);
    auto mentions = [&](const std::string& words) {
        for (const auto& p : problems)
            if (p.find(words) != std::string::npos) return true;
        return false;
    };
    CHECK(mentions("button tiny is smaller"));
    CHECK(mentions("buttons ok and on-top overlap"));
    CHECK(mentions("\"too long for its button\" spills out"));
    CHECK(mentions("\"inside\" overlaps \"too long"));
    CHECK(mentions("\"over the edge\" is off the screen"));
    CHECK(mentions("runs into button on-top"));
    CHECK(mentions("\"How long have you lived here?\" is squeezed into a column 150 px wide"));
    CHECK(mentions("\"long-ter m\" has a word cut in two"));
    CHECK_FALSE(mentions("\"too long for its button\" is squeezed"));  // 184 px at 28 px: room for a few words
}

TEST_CASE("text reads well in a column of a few words, and not where a word is longer than the column") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800);  // the kiosk's fonts
    ImFont* font = ImGui::GetIO().FontDefault;
    const float few_words = sv::kNarrowestColumnEms * font->FontSize;
    CHECK(sv::reads_well_in(font, "Yes", 80));  // on one line, however narrow
    const std::string question = "How long have you lived here?";
    CHECK(sv::reads_well_in(font, question, few_words));
    CHECK_FALSE(sv::reads_well_in(font, question, few_words - 1));
    // One word (a Welsh place name) wider than a column of a few words at this size.
    const std::string instruction = "Choose the projects you would pay for in Llanfairpwllgwyngyll.";
    const float longest = sv::text_width(font, "Llanfairpwllgwyngyll.");
    REQUIRE(longest > few_words);
    CHECK_FALSE(sv::reads_well_in(font, instruction, few_words));
    CHECK(sv::reads_well_in(font, instruction, longest + 1));
}

TEST_CASE("the compass fills only between neighbouring rated themes") {
    sv::PlaceStandardAnswers answers;
    for (int i = 0; i < sv::kThemeCount; ++i) answers.ratings[static_cast<std::size_t>(i)] = 4;
    CHECK(sv::filled_compass_wedges(answers).size() == 14);  // all the way round
    answers.ratings[5].reset();
    const auto wedges = sv::filled_compass_wedges(answers);
    CHECK(wedges.size() == 12);  // the two wedges touching the skipped theme are gaps
    for (int first : wedges) CHECK((first != 4 && first != 5));
    CHECK(sv::filled_compass_wedges(sv::PlaceStandardAnswers{}).empty());
}

TEST_CASE("the compass outline jumps over skipped themes, round the end too, and not where none is skipped") {
    sv::PlaceStandardAnswers answers;
    for (int i = 0; i < sv::kThemeCount; ++i) answers.ratings[static_cast<std::size_t>(i)] = 4;
    CHECK(sv::compass_jumps(answers).empty());
    answers.ratings[5].reset();
    CHECK(sv::compass_jumps(answers) == std::vector<std::pair<int, int>>{{4, 6}});
    answers.ratings[6].reset();
    answers.ratings[13].reset();
    answers.ratings[0].reset();
    CHECK(sv::compass_jumps(answers) == std::vector<std::pair<int, int>>{{4, 7}, {12, 1}});
    sv::PlaceStandardAnswers one;
    one.ratings[3] = 2;
    CHECK(sv::compass_jumps(one).empty());  // a single point has nothing to join
}

TEST_CASE("a kiosk that cannot start offers nothing to touch and saves nothing") {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 1280, 800, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    {
        auto app = sv::KioskApp::create_cannot_start(renderer, "the answers file is damaged");
        REQUIRE(app.ok());
        for (int i = 0; i < 3; ++i) app.value()->render_frame(sv::kSyntheticFrameSeconds);
        CHECK(app.value()->state().screen == Screen::cannot_start);
        CHECK(app.value()->targets().items.empty());
        CHECK(app.value()->state().start_problem == "the answers file is damaged");
        // A short touch in the corner does nothing; held for the staff panel's 3 seconds, it closes the app.
        sv::Canvas canvas = app.value()->canvas();
        SDL_Event finger{};
        finger.type = SDL_FINGERDOWN;
        finger.tfinger.touchId = 1;
        finger.tfinger.fingerId = 1;
        finger.tfinger.x = canvas.pixel_x(20) / canvas.pixel_width;
        finger.tfinger.y = canvas.pixel_y(20) / canvas.pixel_height;
        finger.tfinger.pressure = 1;
        app.value()->handle_event(finger);
        for (int i = 0; i < 4; ++i) app.value()->render_frame(0.25);
        CHECK_FALSE(app.value()->quit_requested());
        for (int i = 0; i < 10; ++i) app.value()->render_frame(0.25);
        CHECK(app.value()->quit_requested());
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    SDL_Quit();
}

TEST_CASE("changing the text size part-way through keeps every answer given") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280);
    kiosk.tap("start-place");
    kiosk.tap("rating-5");
    kiosk.tap("next");
    kiosk.tap("rating-2");
    const float standard_height = kiosk.app().targets().find("rating-2")->height;
    kiosk.tap("text-size");
    CHECK(kiosk.state().text_size == sv::TextSize::large);
    kiosk.tap("text-size");
    REQUIRE(kiosk.state().text_size == sv::TextSize::very_large);
    CHECK(kiosk.app().targets().find("rating-2")->height > standard_height);  // the numbers grew too
    CHECK(kiosk.state().theme_index == 1);
    CHECK(kiosk.state().answers.ratings[0] == 5);
    CHECK(kiosk.state().answers.ratings[1] == 2);
    kiosk.tap("back");
    CHECK(kiosk.state().answers.ratings[0] == 5);
    kiosk.tap("next");
    for (int i = 1; i < sv::kThemeCount; ++i) {
        if (i > 1) kiosk.tap("rating-3");
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto stored = kiosk.store().find_response(kiosk.state().thanked_uuid).value();
    REQUIRE(stored.has_value());
    const auto answers = sv::parse_place_standard_payload(stored->payload).value();
    CHECK(answers.ratings[0] == 5);
    CHECK(answers.ratings[1] == 2);
    CHECK(answers.rated_count() == sv::kThemeCount);
    kiosk.tap("text-size");  // the largest size goes back round to standard
    CHECK(kiosk.state().text_size == sv::TextSize::standard);
}

TEST_CASE("the next text size is baked while the screen is still, and each size drawn from its own letters") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280);
    CHECK(kiosk.app().text_size_baked(sv::TextSize::standard));
    CHECK_FALSE(kiosk.app().text_size_baked(sv::TextSize::very_large));  // two presses away
    kiosk.frames(4);
    CHECK(kiosk.app().text_size_baked(sv::TextSize::large));  // what "Bigger text" shows next
    CHECK_FALSE(kiosk.app().text_size_baked(sv::TextSize::very_large));
    kiosk.tap("start-place");
    const auto textures_drawn = [] {
        std::set<ImTextureID> textures;
        const ImDrawData* frame = ImGui::GetDrawData();
        for (int i = 0; i < frame->CmdListsCount; ++i)
            for (const ImDrawCmd& command : frame->CmdLists[i]->CmdBuffer) textures.insert(command.GetTexID());
        return textures;
    };
    const auto standard_textures = textures_drawn();
    kiosk.tap("text-size");
    REQUIRE(kiosk.state().text_size == sv::TextSize::large);
    kiosk.frames(4);
    CHECK(kiosk.app().text_size_baked(sv::TextSize::very_large));
    // The question's words are drawn from the large size's own texture, shapes from the standard one.
    const auto large_textures = textures_drawn();
    CHECK(large_textures.count(nullptr) == 0);
    std::set<ImTextureID> only_large;
    for (ImTextureID texture : large_textures)
        if (!standard_textures.count(texture)) only_large.insert(texture);
    CHECK(only_large.size() == 1);
    kiosk.tap("text-size");
    kiosk.tap("text-size");
    REQUIRE(kiosk.state().text_size == sv::TextSize::standard);
    CHECK(textures_drawn() == standard_textures);  // back to the letters it started with
}

// WCAG 2.2 AA, measured on the pixels of every screen: text at least 4.5:1 against what is
// behind it, in the standard and the high-contrast colours, at standard and very large text.
TEST_CASE("every screen's text stands out at least 4.5:1 from its background, in both colour schemes") {
    const std::string campaigns[] = {STREETVOICE_DEMO_CAMPAIGN, STREETVOICE_DEMO_BUDGET_CAMPAIGN,
                                     std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json",
                                     std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json"};
    for (const bool high_contrast : {false, true}) {
        double lowest = 21;
        std::string lowest_where;
        int texts_measured = 0;
        for (const std::string& campaign_file : campaigns) {
            for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
                TempFolder folder;
                HeadlessKiosk kiosk(folder.path(), width, height, campaign_file);
                kiosk.app().keep_frame_pixels();
                for (const auto& stop : sv::screenshot_tour(kiosk.app().campaign())) {
                    for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::very_large}) {
                        kiosk.state() = stop.state;
                        kiosk.state().text_size = size;
                        kiosk.state().high_contrast = high_contrast;
                        kiosk.frames(2);
                        for (const auto& measured : sv::measure_text_contrast(
                                 kiosk.app().frame_pixels(), kiosk.app().placed_text(), kiosk.app().canvas().scale)) {
                            ++texts_measured;
                            INFO(stop.name << " at " << width << "x" << height << ": \"" << measured.text << "\" "
                                           << measured.ratio << ":1");
                            CHECK(measured.ratio >= 4.5);
                            if (measured.ratio < lowest) {
                                lowest = measured.ratio;
                                lowest_where = stop.name + ": " + measured.text;
                            }
                        }
                    }
                }
            }
        }
        std::printf("contrast, %s colours: %d texts measured, lowest %.2f:1 (%s)\n",
                    high_contrast ? "high-contrast" : "standard", texts_measured, lowest, lowest_where.c_str());
        CHECK(texts_measured > 3000);
    }
}

TEST_CASE("the contrast measure agrees with WCAG's own figures") {
    CHECK(sv::contrast_ratio(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(sv::contrast_ratio(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
    CHECK(sv::contrast_ratio(0x767676, 0xFFFFFF) == Approx(4.54).margin(0.01));  // the lightest AA grey on white
    // A frame: white, with a dark grey word drawn in it.
    sv::FramePixels frame{10, 4, std::vector<std::uint32_t>(40, 0xFFFFFF)};
    frame.rgb[12] = 0x595959;
    frame.rgb[13] = 0xAAAAAA;  // anti-aliased edge
    sv::PlacedTexts texts;
    texts.items.push_back({"word", {0, 0}, {10, 4}, false, {}, {}});
    const auto measured = sv::measure_text_contrast(frame, texts, 1.0f);
    REQUIRE(measured.size() == 1);
    CHECK(measured[0].ratio == Approx(sv::contrast_ratio(0x595959, 0xFFFFFF)));
}

TEST_CASE("a citizen can switch high contrast on at the welcome screen, and it lasts for their response only") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.tap("high-contrast");
    CHECK(kiosk.state().high_contrast);
    CHECK(kiosk.pixel(5, 795) == 0x000000);  // the background is black (under the welcome's band)
    kiosk.tap("start-place");
    CHECK(kiosk.state().high_contrast);
    CHECK(kiosk.pixel(5, 5) == 0x000000);
    kiosk.tap("rating-4");
    kiosk.wait(sv::kIdleSeconds + 1);
    kiosk.wait(sv::kStillThereSeconds + 1);
    REQUIRE(kiosk.state().screen == Screen::welcome);
    CHECK_FALSE(kiosk.state().high_contrast);
    CHECK(kiosk.pixel(5, 795) == 0xF7F5F0);
}
