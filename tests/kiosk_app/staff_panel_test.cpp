// The staff side by touch: the hidden corner, the PIN, the lockout, the panel's controls.
#include <algorithm>
#include <catch2/catch.hpp>

#include "ballot_chain.hpp"
#include "campaign.hpp"
#include "headless_kiosk.hpp"
#include "kiosk_flow.hpp"
#include "kiosk_staff_desk.hpp"
#include "staff_flow.hpp"
#include "staff_gesture.hpp"
#include "staff_pin.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::Screen;
using sv::StaffMode;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

void set_pin(HeadlessKiosk& kiosk, const std::string& pin) {
    auto hash = sv::hash_staff_pin(pin);
    REQUIRE(hash.ok());
    REQUIRE(kiosk.store().save_setting(sv::staff_setting::pin_hash, hash.value()).ok());
}

}  // namespace

TEST_CASE("holding the top-left corner for 3 seconds asks for the PIN, a short press or another corner does not") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    kiosk.hold_corner(1.5);
    CHECK(kiosk.state().stall.staff == StaffMode::closed);
    kiosk.hold_corner(3.25);
    REQUIRE(kiosk.state().stall.staff == StaffMode::enter_pin);
    CHECK(kiosk.app().targets().find("pin-5") != nullptr);
    CHECK(kiosk.app().targets().find("start-place") == nullptr);  // nothing of the citizen's side
    kiosk.tap("staff-cancel");
    CHECK(kiosk.state().stall.staff == StaffMode::closed);
    CHECK(kiosk.app().targets().find("start-place") != nullptr);
}

TEST_CASE("holding a citizen's button in the corner never opens the staff door, but the bare corner beside it does") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    // Urdu mirrors the screen: "Bigger text" moves into the top-left corner.
    kiosk.state().language = "ur";
    kiosk.frames(2);
    const sv::TouchTarget* bigger = kiosk.app().targets().find("text-size");
    REQUIRE(bigger != nullptr);
    REQUIRE(bigger->x < sv::kStaffCornerSize);
    REQUIRE(bigger->y < sv::kStaffCornerSize);
    kiosk.hold_at(bigger->x + 10, bigger->y + 10, 4);
    CHECK(kiosk.state().stall.staff == StaffMode::closed);
    CHECK(kiosk.state().text_size == sv::TextSize::large);  // the citizen's touch did what the button says
    kiosk.hold_corner(3.25);
    CHECK(kiosk.state().stall.staff == StaffMode::enter_pin);
}

TEST_CASE("a new kiosk has staff choose a PIN twice, afterwards only that PIN opens the panel") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.hold_corner(3.5);
    REQUIRE(kiosk.state().stall.staff == StaffMode::choose_pin);
    kiosk.enter_pin("1111");
    CHECK(kiosk.state().stall.staff_message == "Choose a PIN that is not one digit repeated.");
    kiosk.enter_pin("4826");
    kiosk.enter_pin("4862");  // a slip: start again
    CHECK(kiosk.state().stall.staff_message == "The two PINs were not the same. Start again.");
    CHECK(kiosk.state().stall.staff == StaffMode::choose_pin);
    kiosk.enter_pin("4826");
    kiosk.enter_pin("4826");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);

    // Kept only as a slow hash.
    const auto stored = kiosk.store().setting(sv::staff_setting::pin_hash).value();
    REQUIRE(stored.has_value());
    CHECK(stored->rfind("$argon2id$", 0) == 0);
    CHECK(stored->find("4826") == std::string::npos);

    kiosk.tap("staff-close");
    kiosk.hold_corner(3.5);
    REQUIRE(kiosk.state().stall.staff == StaffMode::enter_pin);
    kiosk.enter_pin("4862");
    CHECK(kiosk.state().stall.staff == StaffMode::enter_pin);
    CHECK(kiosk.state().stall.staff_message == "Wrong PIN. 2 more tries before a wait.");
    kiosk.enter_pin("4826");
    CHECK(kiosk.state().stall.staff == StaffMode::panel);
}

TEST_CASE("wrong PINs shut the PIN pad for longer each time, and the count and the wait survive a restart") {
    TempFolder folder;
    {
        HeadlessKiosk kiosk(folder.path());
        set_pin(kiosk, "2468");
        kiosk.hold_corner(3.5);
        for (int i = 0; i < 3; ++i) kiosk.enter_pin("1357");
        CHECK(kiosk.state().stall.wrong_pins == 3);
        CHECK(kiosk.state().stall.pin_wait_seconds == Approx(30).margin(0.5));
        // Shut: no digit can be typed, and typing the right PIN is impossible.
        CHECK_FALSE(kiosk.can_touch("pin-2"));
        CHECK_FALSE(kiosk.can_touch("pin-enter"));
        kiosk.wait(20);
        CHECK_FALSE(kiosk.can_touch("pin-2"));
        kiosk.wait(11);
        REQUIRE(kiosk.can_touch("pin-2"));
        kiosk.enter_pin("9753");
        CHECK(kiosk.state().stall.pin_wait_seconds == Approx(60).margin(0.5));
    }
    {
        HeadlessKiosk kiosk(folder.path());  // the tablet restarted at once: the minute's wait holds
        kiosk.hold_corner(3.5);
        REQUIRE(kiosk.state().stall.staff == StaffMode::enter_pin);
        CHECK(kiosk.state().stall.pin_wait_seconds > 55);
        CHECK(kiosk.state().stall.pin_wait_seconds <= 61);
        CHECK_FALSE(kiosk.can_touch("pin-2"));
        kiosk.wait(61);
        REQUIRE(kiosk.state().stall.staff == StaffMode::enter_pin);
        REQUIRE(kiosk.can_touch("pin-2"));
        kiosk.enter_pin("1111");
        CHECK(kiosk.state().stall.wrong_pins == 5);
        CHECK(kiosk.state().stall.pin_wait_seconds == Approx(120).margin(0.5));
        kiosk.wait(121);
        CHECK(kiosk.state().stall.staff == StaffMode::closed);  // the pad shut itself meanwhile
        kiosk.hold_corner(3.5);
        kiosk.enter_pin("2468");
        REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
        CHECK(kiosk.state().stall.wrong_pins == 0);
        CHECK(kiosk.store().setting(sv::staff_setting::wrong_pins).value() == std::optional<std::string>("0"));
    }
}

TEST_CASE("a campaign that names its wards has staff choose the event's ward by touch, never type it") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value());
    set_pin(kiosk, "2468");
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    kiosk.tap("staff-new-event");
    kiosk.type_on_keyboard("Library");
    kiosk.tap("event-ward");
    // The wards where the keyboard was: nothing to type on.
    CHECK_FALSE(kiosk.can_touch("key-a"));
    // Nor does a keyboard plugged into the tablet type one.
    SDL_Event typed{};
    typed.type = SDL_TEXTINPUT;
    std::snprintf(typed.text.text, sizeof typed.text.text, "%s", "Riversdie");
    kiosk.send(typed);
    CHECK(kiosk.state().stall.event_draft.ward.empty());
    kiosk.tap("event-ward-1");
    CHECK(kiosk.state().stall.event_draft.ward == "Northfield");
    // On to the initials, with the keyboard back.
    CHECK(kiosk.state().stall.editing == sv::EventField::staff);
    kiosk.type_on_keyboard("AB");
    kiosk.tap("event-save");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    CHECK(kiosk.store().current_event().value().ward == "Northfield");
}

TEST_CASE("a long list of wards turns its pages, and any ward on any page can be chosen") {
    TempFolder folder;
    sv::Campaign campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    campaign.wards.clear();
    for (int i = 1; i <= 40; ++i) campaign.wards.push_back("Ward number " + std::to_string(i));
    HeadlessKiosk kiosk(folder.path(), 1280, 800, campaign);
    set_pin(kiosk, "2468");
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    kiosk.tap("staff-new-event");
    kiosk.type_on_keyboard("Gala");
    kiosk.tap("event-ward");
    CHECK(kiosk.can_touch("event-ward-0"));
    CHECK_FALSE(kiosk.can_touch("event-ward-39"));
    int turns = 0;
    while (!kiosk.can_touch("event-ward-39") && turns < 10) {
        kiosk.tap("event-ward-more");
        ++turns;
    }
    CHECK(turns >= 2);
    CHECK_FALSE(kiosk.can_touch("event-ward-0"));
    kiosk.tap("event-ward-39");
    CHECK(kiosk.state().stall.event_draft.ward == "Ward number 40");
    // The page after the last is the first again.
    kiosk.tap("event-ward");
    kiosk.tap("event-ward-more");
    CHECK(kiosk.can_touch("event-ward-0"));
}

TEST_CASE("the staff panel sets up an event that every later response carries, and counts them") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    const std::string first_event = kiosk.store().current_event_id();
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    CHECK(kiosk.state().stall.figures.counts.this_event == 0);
    CHECK_FALSE(kiosk.can_touch("staff-sync-now"));  // no hub on this kiosk

    kiosk.tap("staff-new-event");
    REQUIRE(kiosk.state().stall.staff == StaffMode::event_form);
    CHECK_FALSE(kiosk.can_touch("event-save"));  // a place is needed
    kiosk.type_on_keyboard("Library");
    kiosk.tap("event-ward");
    kiosk.type_on_keyboard("Riverside");
    kiosk.tap("event-staff");
    kiosk.type_on_keyboard("AB");
    kiosk.tap("event-save");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    const auto event = kiosk.store().current_event().value();
    CHECK(event.place == "Library");
    CHECK(event.ward == "Riverside");
    CHECK(event.staff == "AB");
    CHECK(event.id != first_event);
    CHECK(kiosk.state().stall.figures.event.place == "Library");

    kiosk.tap("staff-close");
    kiosk.tap("start-place");
    for (int i = 0; i < sv::kThemeCount; ++i) kiosk.tap("skip");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto responses = kiosk.store().responses().value();
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].event_id == event.id);

    kiosk.tap("finish");
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    CHECK(kiosk.state().stall.figures.counts.this_event == 1);
    CHECK(kiosk.state().stall.figures.counts.today == 1);
    CHECK(kiosk.state().stall.figures.counts.waiting == 1);
}

TEST_CASE("staff choose what the welcome screen offers, and the choice outlives a restart") {
    TempFolder folder;
    {
        HeadlessKiosk kiosk(folder.path(), 1280, 800, STREETVOICE_DEMO_BUDGET_CAMPAIGN);
        set_pin(kiosk, "2468");
        kiosk.hold_corner(3.5);
        kiosk.enter_pin("2468");
        kiosk.tap("staff-offer-place");
        kiosk.tap("staff-close");
        CHECK(kiosk.app().targets().find("start-place") == nullptr);
        CHECK(kiosk.app().targets().find("start-budget") != nullptr);
    }
    HeadlessKiosk kiosk(folder.path(), 1280, 800, STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    CHECK(kiosk.app().targets().find("start-place") == nullptr);
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    kiosk.tap("staff-offer-place");
    kiosk.tap("staff-close");
    CHECK(kiosk.app().targets().find("start-place") != nullptr);
}

TEST_CASE("the staff panel shuts itself when left, and the citizen's answers wait underneath") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    kiosk.tap("start-place");
    kiosk.tap("rating-3");
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    kiosk.wait(sv::kStaffIdleSeconds + 1);
    CHECK(kiosk.state().stall.staff == StaffMode::closed);
    CHECK(kiosk.state().screen == Screen::question);
    CHECK(kiosk.state().answers.ratings[0] == 3);
}

TEST_CASE("with the staff panel open, the window's close button and Ctrl+Q close the kiosk") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    kiosk.hold_corner(3.5);
    kiosk.send(quit);  // the PIN pad is not the panel
    CHECK_FALSE(kiosk.app().quit_requested());
    kiosk.enter_pin("2468");
    kiosk.send(quit);
    CHECK(kiosk.app().quit_requested());
}

TEST_CASE("staff close the kiosk from the panel") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    set_pin(kiosk, "2468");
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    CHECK_FALSE(kiosk.app().quit_requested());
    kiosk.tap("staff-close-kiosk");
    CHECK(kiosk.app().quit_requested());
}

TEST_CASE("staff choose the text size each new person starts with, it survives a restart") {
    TempFolder folder;
    {
        HeadlessKiosk kiosk(folder.path());
        set_pin(kiosk, "2468");
        kiosk.hold_corner(3.5);
        kiosk.enter_pin("2468");
        REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
        // The panel itself stays at standard size, whatever citizens see.
        const float panel_button_height = kiosk.app().targets().find("staff-close")->height;
        kiosk.tap("staff-text-very-large");
        CHECK(kiosk.state().stall.starting_text_size == sv::TextSize::very_large);
        CHECK(kiosk.app().targets().find("staff-close")->height == panel_button_height);
        kiosk.tap("staff-close");
        REQUIRE(kiosk.state().stall.staff == StaffMode::closed);
        CHECK(kiosk.state().text_size == sv::TextSize::very_large);
        CHECK(kiosk.app().targets().find("text-size") != nullptr);
    }
    HeadlessKiosk restarted(folder.path());
    CHECK(restarted.state().stall.starting_text_size == sv::TextSize::very_large);
    CHECK(restarted.state().text_size == sv::TextSize::very_large);
    // A citizen makes it smaller for themselves; the next person starts at the stall's size again.
    restarted.tap("text-size");
    CHECK(restarted.state().text_size == sv::TextSize::standard);
    restarted.tap("start-place");
    CHECK(restarted.state().text_size == sv::TextSize::standard);  // kept for the person who chose it
    restarted.tap("rating-4");
    restarted.wait(sv::kIdleSeconds + 1);
    restarted.wait(sv::kStillThereSeconds + 1);
    REQUIRE(restarted.state().screen == Screen::welcome);
    CHECK(restarted.state().text_size == sv::TextSize::very_large);
}

TEST_CASE("the staff panel shows the chain head of the answers stored, for the event sheet at close") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("4826");
    kiosk.enter_pin("4826");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    CHECK(kiosk.state().stall.figures.chain_head.empty());  // no answer yet: no chain
    kiosk.tap("staff-close");
    for (int i = 0; i < 2; ++i)
        REQUIRE(kiosk.store().record_response({sv::new_uuid(), "demo", 1, "place", R"({"ratings":[1]})", {}}).ok());
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("4826");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    const std::string head = sv::chain_head_code(kiosk.store().chain_head().value().link);
    CHECK(kiosk.state().stall.figures.chain_head == head);
    const auto& placed = kiosk.app().placed_text().items;
    CHECK(std::any_of(placed.begin(), placed.end(),
                      [&](const sv::PlacedText& t) { return t.text == "Chain head for the event sheet: " + head; }));
}
