#include <catch2/catch.hpp>

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

TEST_CASE("the children's version takes answers 1 to 3 only, and the next person starts on the adults' scale") {
    Campaign c = demo_campaign();
    c.activities[0].place_standard_version = PlaceStandardVersion::children;
    FakeStore store;
    KioskState s;
    go(s, c, store, IntentKind::start, 0);
    CHECK(s.answers.version == PlaceStandardVersion::children);
    go(s, c, store, IntentKind::rate, 4);  // past "Good"
    CHECK_FALSE(s.answers.ratings[0].has_value());
    go(s, c, store, IntentKind::rate, 3);
    CHECK(s.answers.ratings[0] == 3);
    for (int i = 0; i < kThemeCount; ++i) go(s, c, store, i == 0 ? IntentKind::next : IntentKind::skip);
    REQUIRE(store.saved.size() == 1);
    CHECK(parse_place_standard_payload(store.saved[0].payload).value().version == PlaceStandardVersion::children);

    go(s, c, store, IntentKind::finish);
    c.activities[0].place_standard_version = PlaceStandardVersion::adults;
    go(s, c, store, IntentKind::start, 0);
    CHECK(s.answers.version == PlaceStandardVersion::adults);
    go(s, c, store, IntentKind::rate, 7);
    CHECK(s.answers.ratings[0] == 7);
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
    go(s, c, store, IntentKind::keyboard_done);
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
