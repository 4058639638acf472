#include <catch2/catch.hpp>

#include "canvas.hpp"

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
