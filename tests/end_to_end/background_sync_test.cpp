// The kiosk sends answers to the real hub on a thread of its own while citizens carry on
// touching the screens, and the screens never wait for the network.
#include <catch2/catch.hpp>

#include "autopilot.hpp"
#include "background_sync.hpp"
#include "fault_proxy.hpp"
#include "headless_kiosk.hpp"
#include "running_hub.hpp"
#include "synthetic_touch.hpp"
#include "temp_folder.hpp"

using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

// One simulated citizen, start to thank-you, by touch. Returns the response's UUID.
std::string one_citizen(HeadlessKiosk& kiosk, sv::Autopilot& pilot) {
    for (int taps = 0; taps < 5000; ++taps) {
        if (auto uuid = kiosk.app().take_new_thanks()) return *uuid;
        if (const auto target = pilot.next_touch(kiosk.state(), kiosk.app().targets()))
            sv::tap(kiosk.app(), *target);
        else
            kiosk.frames(1);
    }
    FAIL("the citizen never got to the thank-you screen");
    return {};
}

sv::BackgroundSyncSettings settings_for(const HeadlessKiosk& kiosk, const std::string& url, const std::string& code) {
    sv::BackgroundSyncSettings settings;
    settings.answers_path = const_cast<HeadlessKiosk&>(kiosk).store().path();
    settings.hub_url = url;
    settings.enrol_code = code;
    settings.backoff = {std::chrono::milliseconds(20), std::chrono::milliseconds(200)};
    return settings;
}

}  // namespace

TEST_CASE("background sync: each response reaches the hub soon after its thank-you") {
    sv::test::RunningHub hub;
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 640, 400);
    sv::BackgroundSync sync(settings_for(kiosk, hub.url(), hub.enrolment_code()));
    kiosk.send_with(&sync);
    sv::Autopilot pilot(3);

    std::vector<std::string> thanked;
    for (int citizen = 0; citizen < 3; ++citizen) {
        const std::string uuid = one_citizen(kiosk, pilot);
        thanked.push_back(uuid);
        // Waits on the sync thread's reports, not a clock: each comes after it recorded a verdict.
        const bool sent = sync.wait_until(
            [&](const sv::SyncStatus&) {
                return kiosk.store().find_response(uuid).value()->outbox == sv::OutboxState::synced;
            },
            std::chrono::seconds(30));
        INFO("sync said: " << sync.status().problem);
        REQUIRE(sent);
    }
    const auto status = sync.status();
    CHECK(status.enrolled);
    CHECK(status.problem.empty());
    const auto rows = hub.exported_rows("demo-riverside-2026");
    REQUIRE(rows.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(rows[i].rfind(thanked[i] + ",", 0) == 0);
}

TEST_CASE("background sync: the screens never wait for a hub that does not answer") {
    sv::test::RunningHub hub;
    // Every request is held without a reply: the sync thread sits in a transfer throughout.
    sv::test::FaultProxy proxy(hub.port(), [] { return sv::test::Fault::stall; });
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 640, 400);
    auto settings = settings_for(kiosk, proxy.url(), hub.enrolment_code());
    settings.connection.stall_timeout = std::chrono::minutes(10);
    settings.connection.whole_timeout = std::chrono::minutes(10);
    {
        sv::BackgroundSync sync(settings);
        kiosk.send_with(&sync);
        sv::Autopilot pilot(4);
        for (int citizen = 0; citizen < 3; ++citizen) one_citizen(kiosk, pilot);
        CHECK(kiosk.store().outbox_counts().value().pending == 3);
        CHECK_FALSE(sync.status().enrolled);
        kiosk.send_with(nullptr);
    }  // closing cuts the held transfer instead of waiting out its ten minutes
    CHECK(kiosk.store().outbox_counts().value().pending == 3);
    CHECK(hub.exported_rows("demo-riverside-2026").empty());
}

TEST_CASE("background sync: a kiosk given a hub but no code says so in plain words") {
    sv::test::RunningHub hub;
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 640, 400);
    sv::BackgroundSync sync(settings_for(kiosk, hub.url(), ""));
    REQUIRE(sync.wait_until([](const sv::SyncStatus& s) { return s.rounds > 0; }, std::chrono::seconds(30)));
    CHECK_FALSE(sync.status().enrolled);
    CHECK_THAT(sync.status().problem, Catch::Contains("not enrolled with the hub yet"));
}
