// "You said, we did" from the organiser's dashboard to the kiosk's welcome screen: written on
// the hub, sent with the next campaign update, shown for the ward the stall is in.
#include <catch2/catch.hpp>

#include "dashboard_visitor.hpp"
#include "headless_kiosk.hpp"
#include "running_hub.hpp"
#include "staff_pin.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::DashboardVisitor;
using sv::test::HeadlessKiosk;
using sv::test::RunningHub;
using sv::test::TempFolder;

namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kNotesPath = "/dashboard/campaigns/demo-riverside-2026/notes";

bool on_screen(HeadlessKiosk& kiosk, const std::string& words) {
    for (const auto& text : kiosk.app().placed_text().items)
        if (text.text.find(words) != std::string::npos) return true;
    return false;
}

httplib::Result write_note(DashboardVisitor& organiser, const std::string& ward, const std::string& said,
                           const std::string& did) {
    return organiser.post(kNotesPath, {{"ward", ward}, {"said", said}, {"did", did}});
}

void start_event_in(HeadlessKiosk& kiosk, const std::string& ward) {
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    REQUIRE(kiosk.state().stall.staff == sv::StaffMode::panel);
    kiosk.tap("staff-new-event");
    kiosk.type_on_keyboard("Library");
    kiosk.tap("event-ward");
    // The form starts with the last event's ward, for the next stall in the same ward.
    while (!kiosk.state().stall.event_draft.ward.empty()) kiosk.tap("key-delete");
    kiosk.type_on_keyboard(ward);
    kiosk.tap("event-staff");
    kiosk.type_on_keyboard("AB");
    kiosk.tap("event-save");
    kiosk.tap("staff-close");
    REQUIRE(kiosk.state().screen == Screen::welcome);
}

}  // namespace

TEST_CASE("notes written on the dashboard reach the welcome screen of kiosks in that ward, and go when removed") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    REQUIRE(write_note(sam, "Riverside", "The weir path floods (Quokka).", "Drains went in.")->status == 303);
    REQUIRE(write_note(sam, "", "Buses stop early (Wallaby).", "Later buses from May.")->status == 303);
    REQUIRE(write_note(sam, "Northfield", "No benches (Wombat).", "Six benches.")->status == 303);

    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280);  // upright, as on a stand: room for three notes
    auto hash = sv::hash_staff_pin("2468");
    REQUIRE(hash.ok());
    REQUIRE(kiosk.store().save_setting(sv::staff_setting::pin_hash, hash.value()).ok());
    CHECK_FALSE(on_screen(kiosk, "Wallaby"));  // nothing from the hub yet

    sv::test::sync_with_hub(folder.path(), hub);
    start_event_in(kiosk, "riverside");  // as staff typed it
    kiosk.frames(2);
    CHECK(on_screen(kiosk, "Quokka"));   // this ward's note
    CHECK(on_screen(kiosk, "Wallaby"));  // every ward's
    CHECK_FALSE(on_screen(kiosk, "Wombat"));

    start_event_in(kiosk, "Northfield");
    kiosk.frames(2);
    CHECK(on_screen(kiosk, "Wombat"));
    CHECK_FALSE(on_screen(kiosk, "Quokka"));

    // The organiser removes the Northfield note; the kiosk's next update takes it away.
    auto page = sam.get("/dashboard/campaigns/demo-riverside-2026");
    REQUIRE(page);
    const std::string marker = "data-note=\"3\"";
    REQUIRE(page->body.find(marker) != std::string::npos);
    auto removed = sam.post(std::string(kNotesPath) + "/3/remove");
    REQUIRE(removed);
    CHECK(removed->status == 303);
    sv::test::sync_with_hub(folder.path(), hub);
    start_event_in(kiosk, "Northfield");
    kiosk.frames(2);
    CHECK_FALSE(on_screen(kiosk, "Wombat"));
    CHECK(on_screen(kiosk, "Wallaby"));
}
