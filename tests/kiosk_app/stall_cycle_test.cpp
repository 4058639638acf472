// The kiosk looking after itself between citizens: the idle question, the reset, and
// the ways out of the app that citizens must not be able to use.
#include <catch2/catch.hpp>

#include "headless_kiosk.hpp"
#include "kiosk_flow.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

void rate_first_themes(HeadlessKiosk& kiosk, int count) {
    kiosk.tap("start-place");
    for (int i = 0; i < count; ++i) {
        kiosk.tap("rating-" + std::to_string(2 + i));
        kiosk.tap("next");
    }
    REQUIRE(kiosk.state().theme_index == count);
}

SDL_Event key_down(SDL_Keycode key, Uint16 modifiers) {
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = key;
    event.key.keysym.mod = modifiers;
    event.key.state = SDL_PRESSED;
    return event;
}

}  // namespace

TEST_CASE("an untouched response asks if anyone is there, then clears for the next person, storing nothing") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    rate_first_themes(kiosk, 3);
    const std::string first_uuid = kiosk.state().response_uuid;

    kiosk.wait(sv::kIdleSeconds - 5);
    CHECK(kiosk.app().targets().find("still-here") == nullptr);  // not yet

    kiosk.wait(6);
    REQUIRE(kiosk.state().still_there_seconds_left > 0);
    REQUIRE(kiosk.app().targets().find("still-here") != nullptr);
    // While the question shows, the answers underneath cannot be touched.
    CHECK(kiosk.app().targets().find("rating-4") == nullptr);
    CHECK(kiosk.app().targets().find("next") == nullptr);

    kiosk.wait(sv::kStillThereSeconds + 1);
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.state().answers.rated_count() == 0);
    CHECK(kiosk.state().response_uuid.empty());
    CHECK(kiosk.store().responses().value().empty());

    // The next person starts clean, as a new response.
    kiosk.tap("start-place");
    CHECK(kiosk.state().theme_index == 0);
    CHECK(kiosk.state().answers.rated_count() == 0);
    CHECK_FALSE(kiosk.state().response_uuid.empty());
    CHECK(kiosk.state().response_uuid != first_uuid);
    CHECK(kiosk.app().targets().find("still-here") == nullptr);
}

TEST_CASE("a citizen who says they are still there keeps their answers, and every touch restarts the wait") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    rate_first_themes(kiosk, 2);

    kiosk.wait(sv::kIdleSeconds - 10);
    kiosk.tap("rating-5");  // a touch: the wait starts again
    kiosk.wait(sv::kIdleSeconds - 10);
    CHECK(kiosk.app().targets().find("still-here") == nullptr);

    kiosk.wait(20);
    REQUIRE(kiosk.app().targets().find("still-here") != nullptr);
    kiosk.tap("still-here");
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().theme_index == 2);
    CHECK(kiosk.state().answers.rated_count() == 3);
    CHECK(kiosk.app().targets().find("rating-5") != nullptr);

    // The countdown starts afresh after the answer, not where it stopped.
    kiosk.wait(sv::kIdleSeconds - 1);
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().still_there_seconds_left <= 0);
}

TEST_CASE("a budget ballot left half done is cleared the same way") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::ballot);
    kiosk.tap("choose-river-benches");
    REQUIRE(kiosk.state().ballot.chosen.size() == 1);
    kiosk.wait(sv::kIdleSeconds + sv::kStillThereSeconds + 1);
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.state().ballot.chosen.empty());
    CHECK(kiosk.store().responses().value().empty());
}

TEST_CASE("the welcome and thank-you screens never ask if anyone is there") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.wait(sv::kIdleSeconds * 3);
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.app().targets().find("still-here") == nullptr);
    CHECK(kiosk.app().targets().find("start-place") != nullptr);
}

TEST_CASE("Escape, Ctrl+Q, Alt+F4 and the window's close button do not close the kiosk for citizens") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    rate_first_themes(kiosk, 2);

    kiosk.send(key_down(SDLK_ESCAPE, KMOD_NONE));
    kiosk.send(key_down(SDLK_q, KMOD_LCTRL));
    kiosk.send(key_down(SDLK_F4, KMOD_LALT));
    kiosk.send(key_down(SDLK_w, KMOD_LCTRL));
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    kiosk.send(quit);
    SDL_Event close{};
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    kiosk.send(close);

    CHECK_FALSE(kiosk.app().quit_requested());
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().theme_index == 2);
    CHECK(kiosk.state().answers.rated_count() == 2);
}
