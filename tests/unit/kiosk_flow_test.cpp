#include <catch2/catch.hpp>

#include "canvas.hpp"
#include "kiosk_flow.hpp"
#include "uuid.hpp"

using namespace sv;

namespace {

Campaign demo_campaign() {
    auto c = load_campaign_file(STREETVOICE_DEMO_CAMPAIGN);
    REQUIRE(c.ok());
    return c.value();
}

// Records what would be saved; fails while `failing` is set.
struct FakeStore {
    std::vector<ResponseDraft> saved;
    bool failing = false;
    SaveResponse save() {
        return [this](const ResponseDraft& d) -> Result<StoredResponse> {
            if (failing) return Error{"Could not save this answer: the tablet's storage is full."};
            saved.push_back(d);
            StoredResponse r;
            r.uuid = d.uuid;
            r.payload = d.payload;
            return r;
        };
    }
};

void go(KioskState& s, const Campaign& c, FakeStore& store, IntentKind kind, int value = 0, std::string text = {}) {
    apply_intent(s, Intent{kind, value, std::move(text)}, c, store.save());
}

}  // namespace

TEST_CASE("a citizen goes from welcome to thanks, and the response is saved first") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    REQUIRE(s.screen == Screen::question);
    REQUIRE(looks_like_uuid(s.response_uuid));
    for (int i = 0; i < kThemeCount; ++i) {
        if (i == 4) {
            go(s, c, store, IntentKind::skip);
            continue;
        }
        go(s, c, store, IntentKind::rate, 1 + i % 7);
        go(s, c, store, IntentKind::next);
    }
    REQUIRE(s.screen == Screen::thanks);
    REQUIRE(store.saved.size() == 1);
    CHECK(s.thanked_uuid == store.saved[0].uuid);
    auto answers = parse_place_standard_payload(store.saved[0].payload);
    REQUIRE(answers.ok());
    CHECK_FALSE(answers.value().ratings[4].has_value());
    CHECK(answers.value().ratings[13] == 1 + 13 % 7);
}

TEST_CASE("next does nothing until a number is chosen") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    go(s, c, store, IntentKind::next);
    CHECK(s.theme_index == 0);
    go(s, c, store, IntentKind::rate, 9);  // not a rating
    go(s, c, store, IntentKind::next);
    CHECK(s.theme_index == 0);
}

TEST_CASE("back on the first question returns to the welcome screen with nothing kept") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    go(s, c, store, IntentKind::rate, 3);
    go(s, c, store, IntentKind::next);
    go(s, c, store, IntentKind::back);
    CHECK(s.theme_index == 0);
    CHECK(s.answers.ratings[0] == 3);
    go(s, c, store, IntentKind::back);
    CHECK(s.screen == Screen::welcome);
    CHECK(s.answers.rated_count() == 0);
    CHECK(s.response_uuid.empty());
    CHECK(store.saved.empty());
}

TEST_CASE("a comment is typed, corrected and kept, cancel keeps the old one") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    go(s, c, store, IntentKind::open_comment);
    REQUIRE(s.screen == Screen::comment);
    CHECK(s.capitals);  // the first letter is a capital, as on a phone
    go(s, c, store, IntentKind::type_text, 0, "B");
    CHECK_FALSE(s.capitals);
    for (const char* t : {"u", "s", "x"}) go(s, c, store, IntentKind::type_text, 0, t);
    go(s, c, store, IntentKind::delete_char);
    go(s, c, store, IntentKind::type_text, 0, "ŵ");  // two bytes in UTF-8
    go(s, c, store, IntentKind::delete_char);
    go(s, c, store, IntentKind::comment_done);
    CHECK(s.answers.comments[0] == "Bus");
    go(s, c, store, IntentKind::open_comment);
    go(s, c, store, IntentKind::type_text, 0, "!");
    go(s, c, store, IntentKind::comment_cancel);
    CHECK(s.answers.comments[0] == "Bus");
}

TEST_CASE("a comment stops growing at the limit") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    go(s, c, store, IntentKind::open_comment);
    for (std::size_t i = 0; i < kMaxCommentBytes + 50; ++i) go(s, c, store, IntentKind::type_text, 0, "a");
    CHECK(s.comment_draft.size() == kMaxCommentBytes);
}

TEST_CASE("a failed save keeps the answers and retries under the same id") {
    const Campaign c = demo_campaign();
    FakeStore store;
    store.failing = true;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    const std::string uuid = s.response_uuid;
    for (int i = 0; i < kThemeCount; ++i) {
        go(s, c, store, IntentKind::rate, 2);
        go(s, c, store, IntentKind::next);
    }
    REQUIRE(s.screen == Screen::save_failed);
    CHECK_THAT(s.save_error, Catch::Contains("storage is full"));
    CHECK(s.answers.rated_count() == kThemeCount);
    go(s, c, store, IntentKind::finish);  // nothing but retry works here
    CHECK(s.screen == Screen::save_failed);
    store.failing = false;
    go(s, c, store, IntentKind::retry_save);
    REQUIRE(s.screen == Screen::thanks);
    REQUIRE(store.saved.size() == 1);
    CHECK(store.saved[0].uuid == uuid);
}

TEST_CASE("the thank-you screen clears itself for the next person") {
    const Campaign c = demo_campaign();
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    for (int i = 0; i < kThemeCount; ++i) go(s, c, store, IntentKind::skip);
    REQUIRE(s.screen == Screen::thanks);
    advance_clock(s, kThanksSeconds - 1);
    CHECK(s.screen == Screen::thanks);
    advance_clock(s, 1.5);
    CHECK(s.screen == Screen::welcome);
    CHECK(s.thanked_uuid.empty());
    CHECK(s.answers.rated_count() == 0);
}

TEST_CASE("a screen smaller than a 1280×800 tablet shows the same layout shrunk evenly") {
    const auto tablet = sv::canvas_for_screen(1280, 800);
    CHECK(tablet.scale == 1);
    CHECK(tablet.width == 1280);
    const auto big = sv::canvas_for_screen(1280, 1024);
    CHECK(big.scale == 1);  // more room, not bigger type, while nobody knows how big the glass is
    CHECK(big.width == 1280);
    CHECK(big.height == 1024);
    const auto seven_inch = sv::canvas_for_screen(1024, 600);
    CHECK(seven_inch.scale == Approx(0.75));
    CHECK(seven_inch.height == Approx(800));
    CHECK(seven_inch.width == Approx(1365.33).epsilon(0.001));
    const auto upright = sv::canvas_for_screen(600, 1024);
    CHECK(upright.scale == Approx(0.75));
    CHECK(upright.width == Approx(800));
    const auto narrow = sv::canvas_for_screen(640, 1280);  // the short side decides
    CHECK(narrow.scale == Approx(0.8));
    CHECK(narrow.width == Approx(800));
}

TEST_CASE("a screen of known density shows text the size it is on the tablet, as far as the design fits") {
    // A 2560×1600 10-inch tablet: twice the pixels on the same glass, the same layout twice as big.
    const auto sharp_tablet = sv::canvas_for_screen(2560, 1600, 300);
    CHECK(sharp_tablet.scale == Approx(2));
    CHECK(sharp_tablet.width == Approx(1280));
    CHECK(sharp_tablet.height == Approx(800));
    // A 13-inch 1920×1080 laptop (166 pixels per inch) scales up a little and keeps the extra room.
    const auto laptop = sv::canvas_for_screen(1920, 1080, 166);
    CHECK(laptop.scale == Approx(166.0f / sv::kDesignPixelsPerInch));
    CHECK(laptop.height == Approx(1080 / laptop.scale));
    // A 24-inch monitor has bigger pixels than the tablet: never drawn smaller than one pixel a unit.
    CHECK(sv::canvas_for_screen(1920, 1080, 92).scale == 1);
    // A density claiming more than fits (a TV's EDID in centimetres of aspect ratio) is held to the fit.
    const auto television = sv::canvas_for_screen(1920, 1080, 600);
    CHECK(television.scale == Approx(1080.0f / 800));
    CHECK(television.height == Approx(800));
    // Nonsense densities count as unknown.
    CHECK(sv::canvas_for_screen(2560, 1600, 0).scale == 1);
    CHECK(sv::canvas_for_screen(2560, 1600, 5000).scale == 1);
}

TEST_CASE("a screen much wider than the design lays out in a centred column") {
    const auto monitor = sv::canvas_for_screen(1920, 1080);
    CHECK(monitor.scale == 1);
    CHECK(monitor.width == Approx(sv::kWidestLayout));
    CHECK(monitor.left == Approx((1920 - sv::kWidestLayout) / 2));
    // A touch is mapped through the column: its left edge is layout x 0, the screen's centre the column's.
    CHECK(monitor.layout_x(monitor.left) == Approx(0));
    CHECK(monitor.layout_x(960) == Approx(sv::kWidestLayout / 2));
    CHECK(monitor.pixel_x(monitor.layout_x(1234)) == Approx(1234));
    // Scaled up, the column is still centred and in whole pixels.
    const auto scaled = sv::canvas_for_screen(3840, 1600, 300);
    CHECK(scaled.scale == Approx(2));
    CHECK(scaled.width == Approx(sv::kWidestLayout));
    CHECK(scaled.left == Approx(320));
    CHECK(scaled.layout_y(scaled.pixel_y(500)) == Approx(500));
    // Upright screens and screens of the design's shape fill the screen from edge to edge.
    CHECK(sv::canvas_for_screen(1080, 1920).left == 0);
    CHECK(sv::canvas_for_screen(1280, 800).left == 0);
    CHECK(sv::canvas_for_screen(1024, 768).left == 0);
}
