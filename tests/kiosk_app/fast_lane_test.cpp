// The fast lane (a quick poll, a today/wanted pair of scales) and the optional "about you"
// questions, by touch: stored apart, so a response cannot be linked to the person.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "about_you.hpp"
#include "headless_kiosk.hpp"
#include "hub_sync.hpp"
#include "kiosk_flow.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

const char* const kFastLane = STREETVOICE_ASSETS_CAMPAIGNS "/demo-quick-poll.json";

}  // namespace

TEST_CASE("a quick poll takes one touch and Send, declining the questions about you stores nothing more") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, kFastLane);
    kiosk.tap("start-park-poll");
    REQUIRE(kiosk.state().screen == Screen::quick_poll);
    CHECK_FALSE(kiosk.can_touch("send-answer"));
    kiosk.tap("poll-answer-1");
    kiosk.tap("poll-answer-2");  // a change of mind
    kiosk.tap("send-answer");
    // Stored before anything else is asked.
    REQUIRE(kiosk.state().screen == Screen::about_you_consent);
    auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 1);
    CHECK(nlohmann::json::parse(stored[0].payload) == nlohmann::json{{"choice", 2}});
    kiosk.tap("about-you-no");
    CHECK(kiosk.state().screen == Screen::thanks);
    CHECK(kiosk.store().responses().value().size() == 1);
}

TEST_CASE("today and wanted scales, then about-you answers stored apart with only the day") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, kFastLane);
    kiosk.tap("start-today-wanted");
    REQUIRE(kiosk.state().screen == Screen::scale_pair);
    kiosk.tap("today-3");
    CHECK_FALSE(kiosk.can_touch("send-answer"));
    kiosk.tap("wanted-6");
    kiosk.tap("send-answer");
    REQUIRE(kiosk.state().screen == Screen::about_you_consent);

    kiosk.tap("about-you-yes");
    REQUIRE(kiosk.state().screen == Screen::about_you_question);  // age
    kiosk.tap("about-answer-2");                                  // 25 to 34
    REQUIRE(kiosk.state().screen == Screen::about_you_district);
    kiosk.type_on_keyboard("hello");
    kiosk.tap("comment-done");
    CHECK(kiosk.state().screen == Screen::about_you_district);  // not a district: asked again, kindly
    CHECK_THAT(kiosk.state().notice.text(), Catch::StartsWith("Type the first part of your postcode"));
    for (int i = 0; i < 5; ++i) kiosk.tap("key-delete");
    kiosk.type_on_keyboard("RV1 2AB");  // a whole postcode: only its first part is kept
    kiosk.tap("comment-done");
    REQUIRE(kiosk.state().screen == Screen::about_you_question);  // disability
    kiosk.tap("about-prefer-not");
    REQUIRE(kiosk.state().screen == Screen::thanks);

    const auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 2);
    const auto& answer = stored[0];
    const auto& about = stored[1];
    CHECK(answer.activity_id == "today-wanted");
    CHECK(nlohmann::json::parse(answer.payload) == nlohmann::json{{"today", 3}, {"wanted", 6}});
    CHECK(about.activity_id == sv::kAboutYouActivity);
    CHECK(nlohmann::json::parse(about.payload) ==
          nlohmann::json{{"answers", {{"age", "2"}, {"district", "RV1"}, {"disability", "prefer-not-to-say"}}}});
    // Nothing ties the two together: their own ids, and the day only as time.
    CHECK(about.uuid != answer.uuid);
    CHECK(about.payload.find(answer.uuid) == std::string::npos);
    CHECK(about.device_time.size() == 10);
    CHECK(about.device_time == answer.device_time.substr(0, 10));
    CHECK(about.payload.find("2AB") == std::string::npos);
}

TEST_CASE("Back steps through the questions about you, showing what was given, to the question whether to answer") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, kFastLane);
    kiosk.tap("start-park-poll");
    kiosk.tap("poll-answer-1");
    kiosk.tap("send-answer");
    kiosk.tap("about-you-yes");
    kiosk.tap("about-answer-3");  // 35 to 44
    kiosk.type_on_keyboard("RV2");
    kiosk.tap("comment-done");
    REQUIRE(kiosk.state().screen == Screen::about_you_question);  // disability

    // "Back" and "Prefer not to say" sit in the same place, the same size, on both kinds of screen.
    const sv::TouchTarget back_on_choices = *kiosk.app().targets().find("back");
    const sv::TouchTarget prefer_on_choices = *kiosk.app().targets().find("about-prefer-not");
    kiosk.tap("back");
    REQUIRE(kiosk.state().screen == Screen::about_you_district);
    CHECK(kiosk.state().typed_code == "RV2");  // what was typed, ready to change
    const sv::TouchTarget back_on_keyboard = *kiosk.app().targets().find("back");
    const sv::TouchTarget prefer_on_keyboard = *kiosk.app().targets().find("about-prefer-not");
    for (const auto& [a, b] : {std::pair{back_on_choices, back_on_keyboard}, {prefer_on_choices, prefer_on_keyboard}}) {
        CHECK(a.x == b.x);
        CHECK(a.y == b.y);
        CHECK(a.width == b.width);
        CHECK(a.height == b.height);
    }

    kiosk.tap("back");
    REQUIRE(kiosk.state().screen == Screen::about_you_question);  // age, still chosen
    CHECK(kiosk.state().about_index == 0);
    kiosk.tap("back");
    REQUIRE(kiosk.state().screen == Screen::about_you_consent);
    CHECK_FALSE(kiosk.can_touch("back"));  // the poll's answer is already stored: no way back into it

    // Answering again goes forward as before; the answers changed are the ones kept.
    kiosk.tap("about-you-yes");
    kiosk.tap("about-answer-5");
    kiosk.tap("comment-done");  // RV2 was cleared with the new start: asked again
    CHECK(kiosk.state().screen == Screen::about_you_district);
    kiosk.tap("about-prefer-not");
    kiosk.tap("about-answer-0");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    const auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 2);
    CHECK(nlohmann::json::parse(stored[1].payload) ==
          nlohmann::json{{"answers", {{"age", "5"}, {"district", "prefer-not-to-say"}, {"disability", "0"}}}});
}

TEST_CASE("walking away during the questions about you keeps the answer and drops the rest") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, kFastLane);
    kiosk.tap("start-park-poll");
    kiosk.tap("poll-answer-0");
    kiosk.tap("send-answer");
    kiosk.tap("about-you-yes");
    kiosk.tap("about-answer-1");
    REQUIRE(kiosk.state().screen == Screen::about_you_district);
    kiosk.wait(sv::kIdleSeconds + sv::kStillThereSeconds + 1);
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.state().about_answers.empty());
    const auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].activity_id == "park-poll");
}

TEST_CASE("the hub takes fast-lane answers and about-you answers, checks them, and exports them apart") {
    sv::test::RunningHub hub;
    hub.publish(kFastLane);
    TempFolder folder;
    {
        HeadlessKiosk kiosk(folder.path(), 1280, 800, kFastLane);
        for (int citizen = 0; citizen < 3; ++citizen) {
            kiosk.tap("start-park-poll");
            kiosk.tap("poll-answer-" + std::to_string(citizen));
            kiosk.tap("send-answer");
            kiosk.tap("about-you-yes");
            kiosk.tap("about-answer-" + std::to_string(citizen + 1));
            kiosk.tap("about-prefer-not");
            kiosk.tap("about-answer-1");
            REQUIRE(kiosk.state().screen == Screen::thanks);
            kiosk.tap("finish");
        }
        // One that no kiosk would make: an answer the question does not have.
        REQUIRE(kiosk.store()
                    .record_response({sv::new_uuid(),
                                      "demo-riverside-fast-lane-2026",
                                      sv::load_campaign_file(kFastLane).value().version,
                                      sv::kAboutYouActivity,
                                      R"({"answers":{"age":"42"}})",
                                      {}})
                    .ok());
    }
    auto store = sv::Store::open(sv::answers_file_in(folder.path()));
    auto connection = sv::HubConnection::open(hub.url(), {});
    sv::WakeSignal signal;
    sv::SyncSettings settings;
    settings.patience = std::chrono::seconds(20);
    sv::HubSync sync(store.value(), connection.value(), settings, signal);
    REQUIRE(sync.enrol(hub.enrolment_code()).ok());
    REQUIRE(sync.send_outbox().ok());
    const auto counts = store.value().outbox_counts().value();
    CHECK(counts.synced == 6);
    CHECK(counts.rejected == 1);
    const auto responses = store.value().responses().value();
    for (const auto& r : responses)
        if (r.outbox == sv::OutboxState::rejected)
            CHECK(r.rejection_reason == "The answer to \"age\" is not one of its choices.");

    const auto rows = hub.exported_rows("demo-riverside-fast-lane-2026");
    REQUIRE(rows.size() == 6);
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK((rows[i].find(",about-you,") != std::string::npos) == (i >= 3));
}
