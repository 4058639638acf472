// The kiosk on a real screen: the window changes shape when a tablet is turned or a compositor
// resizes it, mid-response, and every touch lands where the citizen put their finger, whatever
// the scale, the column and the orientation.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "headless_kiosk.hpp"
#include "layout_check.hpp"
#include "place_standard.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::InWindow;
using sv::test::TempFolder;

namespace {

// Everything on the screen fits the canvas it now has, and nothing overlaps.
void check_laid_out_for(HeadlessKiosk& kiosk, int width, int height) {
    const sv::Canvas canvas = kiosk.app().canvas();
    CHECK(canvas.pixel_width == static_cast<float>(width));
    CHECK(canvas.pixel_height == static_cast<float>(height));
    CHECK((canvas.width > canvas.height) == (width > height));
    const auto problems =
        sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(), canvas.width, canvas.height);
    for (const auto& problem : problems) INFO(problem);
    CHECK(problems.empty());
    for (const auto& target : kiosk.app().targets().items) {
        CHECK(target.x >= 0);
        CHECK(target.x + target.width <= canvas.width + 0.5f);
        CHECK(target.y + target.height <= canvas.height + 0.5f);
    }
}

}  // namespace

TEST_CASE("turning the tablet mid-response keeps every answer and lays the question out again") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, STREETVOICE_DEMO_CAMPAIGN, InWindow{});
    kiosk.tap("start-place");
    kiosk.tap("rating-5");
    kiosk.tap("next");
    kiosk.tap("rating-2");
    check_laid_out_for(kiosk, 1280, 800);

    kiosk.resize_window(800, 1280);  // turned upright
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().theme_index == 1);
    CHECK(kiosk.state().answers.ratings[0] == 5);
    CHECK(kiosk.state().answers.ratings[1] == 2);
    check_laid_out_for(kiosk, 800, 1280);

    // Touches land on the new layout: a changed mind, then on through the questions.
    kiosk.tap("rating-6");
    CHECK(kiosk.state().answers.ratings[1] == 6);
    kiosk.tap("next");
    kiosk.tap("rating-4");
    kiosk.resize_window(1366, 768);  // and back, on a screen of another shape
    CHECK(kiosk.state().answers.ratings[2] == 4);
    check_laid_out_for(kiosk, 1366, 768);
    kiosk.tap("next");
    for (int i = 3; i < sv::kThemeCount; ++i) {
        kiosk.tap("rating-3");
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto stored = kiosk.store().find_response(kiosk.state().thanked_uuid).value();
    REQUIRE(stored.has_value());
    const auto answers = sv::parse_place_standard_payload(stored->payload).value();
    CHECK(answers.ratings[0] == 5);
    CHECK(answers.ratings[1] == 6);
    CHECK(answers.ratings[2] == 4);
    CHECK(answers.rated_count() == sv::kThemeCount);
}

TEST_CASE("turning the tablet mid-vote keeps the projects chosen and the page") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, STREETVOICE_DEMO_BUDGET_CAMPAIGN, InWindow{});
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::ballot);
    kiosk.tap("choose-mill-lane-swings");
    kiosk.tap("choose-library-saturdays");
    const auto chosen = kiosk.state().ballot.chosen;
    REQUIRE(chosen.size() == 2);
    kiosk.resize_window(1280, 800);
    CHECK(kiosk.state().screen == Screen::ballot);
    CHECK(kiosk.state().ballot.chosen == chosen);
    check_laid_out_for(kiosk, 1280, 800);
    kiosk.tap("review");
    REQUIRE(kiosk.state().screen == Screen::ballot_review);
    kiosk.resize_window(1080, 1920);
    check_laid_out_for(kiosk, 1080, 1920);
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto stored = kiosk.store().find_response(kiosk.state().thanked_uuid).value();
    REQUIRE(stored.has_value());
    const auto ballot = nlohmann::json::parse(stored->payload);
    CHECK(ballot.dump().find("mill-lane-swings") != std::string::npos);
    CHECK(ballot.dump().find("library-saturdays") != std::string::npos);
}

TEST_CASE("a tap just inside a button's edge hits it and one just outside does not, at every scale") {
    struct Shape {
        int width, height;
        float pixels_per_inch;
    };
    // Shrunk, as designed, in a centred column, scaled up by density, upright.
    const Shape screens[] = {{1024, 600, 0},    {1280, 800, 0}, {1920, 1080, 0},
                             {2560, 1600, 300}, {800, 1280, 0}, {1920, 1200, 224}};
    for (const auto& screen : screens) {
        DYNAMIC_SECTION(screen.width << "x" << screen.height << " at " << screen.pixels_per_inch << " ppi") {
            TempFolder folder;
            HeadlessKiosk kiosk(folder.path(), screen.width, screen.height, STREETVOICE_DEMO_CAMPAIGN,
                                InWindow{screen.pixels_per_inch});
            kiosk.tap("start-place");
            const sv::Canvas canvas = kiosk.app().canvas();
            const sv::TouchTarget three = *kiosk.app().targets().find("rating-3");
            const sv::TouchTarget four = *kiosk.app().targets().find("rating-4");
            // The screen pixels the button covers, from its first whole pixel to its last.
            const float left = std::ceil(canvas.pixel_x(three.x));
            const float right = std::floor(canvas.pixel_x(three.x + three.width)) - 1;
            const float middle = std::floor(canvas.pixel_y(three.centre_y()));
            kiosk.tap_pixel(left, middle);
            CHECK(kiosk.state().answers.ratings[0] == 3);
            kiosk.tap_pixel(std::floor(canvas.pixel_x(four.centre_x())), middle);
            CHECK(kiosk.state().answers.ratings[0] == 4);
            kiosk.tap_pixel(right, middle);
            CHECK(kiosk.state().answers.ratings[0] == 3);
            // The gap between the buttons belongs to neither.
            kiosk.tap_pixel(std::floor(canvas.pixel_x(four.centre_x())), middle);
            const float gap = std::floor(canvas.pixel_x((three.x + three.width + four.x) / 2));
            REQUIRE(gap > right);
            kiosk.tap_pixel(gap, middle);
            CHECK(kiosk.state().answers.ratings[0] == 4);
            // Top and bottom edges too.
            const float top = std::ceil(canvas.pixel_y(three.y));
            const float bottom = std::floor(canvas.pixel_y(three.y + three.height)) - 1;
            const float across = std::floor(canvas.pixel_x(three.centre_x()));
            kiosk.tap_pixel(across, top);
            CHECK(kiosk.state().answers.ratings[0] == 3);
            kiosk.tap_pixel(std::floor(canvas.pixel_x(four.centre_x())), middle);
            kiosk.tap_pixel(across, bottom);
            CHECK(kiosk.state().answers.ratings[0] == 3);
        }
    }
}
