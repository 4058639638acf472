// The children's and young people's Place Standard on the kiosk: a child answers with three
// faces, the answers are stored as the children's version, and the young people's version
// keeps the seven numbers in its own words.
#include <catch2/catch.hpp>

#include "headless_kiosk.hpp"
#include "place_standard.hpp"
#include "spoken_text.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

const std::string kYoungVoices = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json";

bool shows(HeadlessKiosk& kiosk, const std::string& words) {
    for (const auto& text : kiosk.app().placed_text().items)
        if (text.text == words) return true;
    return false;
}

}  // namespace

TEST_CASE("a child answers with three faces, and the answers are stored as the children's version") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, kYoungVoices);
    kiosk.tap("start-children");
    REQUIRE(kiosk.state().screen == Screen::question);
    CHECK(shows(kiosk, "Getting around"));
    CHECK(shows(kiosk, "Not good"));
    CHECK(shows(kiosk, "OK"));
    CHECK(shows(kiosk, "Good"));
    CHECK(shows(kiosk, "Choose a face, or skip this one."));
    CHECK(kiosk.can_touch("rating-3"));
    CHECK_FALSE(kiosk.can_touch("rating-4"));
    CHECK_FALSE(kiosk.can_touch("rating-7"));
    CHECK_THAT(sv::spoken_text(kiosk.state(), kiosk.app().campaign(), "en"),
               Catch::Contains("Choose a face: not good, OK or good."));

    std::array<std::optional<int>, sv::kThemeCount> expected{};
    for (int i = 0; i < sv::kThemeCount; ++i) {
        REQUIRE(kiosk.state().theme_index == i);
        if (i == 4) {
            kiosk.tap("skip");
            continue;
        }
        const int face = 1 + i % 3;
        kiosk.tap("rating-" + std::to_string(face));
        expected[static_cast<std::size_t>(i)] = face;
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::thanks);
    CHECK(shows(kiosk, "This is how you answered. Near the middle: not good (1). Near the edge: good (3)."));
    CHECK(shows(kiosk, "Getting around 1"));  // the compass labels in the children's words

    auto stored = kiosk.store().responses();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 1);
    CHECK(stored.value()[0].activity_id == "children");
    CHECK(stored.value()[0].payload.find("\"version\":\"children\"") != std::string::npos);
    auto answers = sv::parse_place_standard_payload(stored.value()[0].payload);
    REQUIRE(answers);
    CHECK(answers.value().version == sv::PlaceStandardVersion::children);
    CHECK(answers.value().ratings == expected);

    // The next person, a teenager, gets the seven numbers and the young people's words.
    kiosk.tap("finish");
    kiosk.tap("start-young-people");
    REQUIRE(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().answers.version == sv::PlaceStandardVersion::young_people);
    CHECK(kiosk.can_touch("rating-7"));
    CHECK(shows(kiosk, "Can you walk, cycle or wheel easily to school, friends and the places you go?"));
    CHECK_FALSE(shows(kiosk, "Not good"));
    kiosk.tap("rating-6");
    kiosk.tap("next");
    for (int i = 1; i < sv::kThemeCount; ++i) kiosk.tap("skip");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    stored = kiosk.store().responses();
    REQUIRE(stored.value().size() == 2);
    const auto teen = sv::parse_place_standard_payload(stored.value()[1].payload);
    REQUIRE(teen);
    CHECK(teen.value().version == sv::PlaceStandardVersion::young_people);
    CHECK(teen.value().ratings[0] == 6);
    CHECK(teen.value().rated_count() == 1);
}

TEST_CASE("the welcome screen credits who made the children's and young people's versions") {
    TempFolder folder;
    HeadlessKiosk young(folder.path(), 1280, 800, kYoungVoices);
    young.frames(2);
    bool credited = false;
    for (const auto& text : young.app().placed_text().items)
        credited = credited || text.text.find("Play Scotland, A Place in Childhood") != std::string::npos;
    CHECK(credited);

    TempFolder other;
    HeadlessKiosk adults(other.path());
    adults.frames(2);
    for (const auto& text : adults.app().placed_text().items)
        CHECK(text.text.find("Play Scotland") == std::string::npos);
}
