// One voter code accepted by two kiosks that were both offline: each kiosk alone could not
// know. The hub keeps both ballots, counts the first it took and holds the later one back for
// the organiser with the device that sent it, and every kiosk learns the code is spent with
// its next campaign update.
#include <catch2/catch.hpp>
#include <filesystem>

#include "eligibility.hpp"
#include "headless_kiosk.hpp"
#include "hub_sync.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"
#include "voter_code_campaign.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;
using sv::test::write_voter_code_campaign;

namespace {

const char* const kCampaignId = "demo-riverside-budget-2026";

// Votes by touch with `code`; true if the code opened the ballot.
bool vote_with_code(HeadlessKiosk& kiosk, const std::string& code) {
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::voter_code);
    kiosk.type_on_keyboard(code);
    kiosk.tap("comment-done");
    if (kiosk.state().screen != Screen::ballot) {
        kiosk.tap("entry-cancel");
        return false;
    }
    kiosk.tap("choose-river-benches");
    kiosk.tap("review");
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    kiosk.tap("finish");
    return true;
}

}  // namespace

// The device_id column of a CSV row (the sixth; no earlier column holds a comma).
std::string device_of_row(const std::string& row) {
    std::size_t at = 0;
    for (int column = 0; column < 5; ++column) at = row.find(',', at) + 1;
    return row.substr(at, row.find(',', at) - at);
}

TEST_CASE("a voter code used on two offline kiosks: both kept, the first counted, the later held with its device") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const sv::test::RunningHub& hub = on_store.hub;
    TempFolder folder;
    const std::string file = write_voter_code_campaign(folder, {"KX7PM2QR9T", "ABCDE23456", "HJKMN34567"});
    hub.publish(file);
    const sv::Campaign campaign = sv::load_campaign_file(file).value();

    // Two kiosks in two places, both offline: each accepts KX7PM2QR9T once.
    const std::string kiosk_a = folder.file("kiosk-a"), kiosk_b = folder.file("kiosk-b"),
                      kiosk_c = folder.file("kiosk-c");
    for (const auto& dir : {kiosk_a, kiosk_b, kiosk_c}) std::filesystem::create_directories(dir);
    {
        HeadlessKiosk a(kiosk_a, 1280, 800, campaign);
        CHECK(vote_with_code(a, "KX7PM2QR9T"));
        CHECK(vote_with_code(a, "ABCDE23456"));
        CHECK_FALSE(vote_with_code(a, "KX7PM2QR9T"));  // this kiosk knows its own
    }
    {
        HeadlessKiosk b(kiosk_b, 1280, 800, campaign);
        CHECK(vote_with_code(b, "KX7PM2QR9T"));  // it cannot know about kiosk A
    }
    sv::test::sync_with_hub(kiosk_a, hub);
    sv::test::sync_with_hub(kiosk_b, hub);

    // The organiser: three ballots kept; kiosk A's (synced first) counts, kiosk B's is held.
    const auto rows = hub.exported_rows(kCampaignId);
    REQUIRE(rows.size() == 3);
    std::string counted_row, held_row;
    for (const auto& row : rows) {
        if (row.find("counted; its voter code was used again on 1 later ballot, held back") != std::string::npos)
            counted_row = row;
        if (row.find("held back: its voter code was first used by ballot ") != std::string::npos) held_row = row;
    }
    REQUIRE_FALSE(counted_row.empty());
    REQUIRE_FALSE(held_row.empty());
    CHECK_THAT(held_row, Catch::Contains(counted_row.substr(0, 36)));  // names the ballot that counts
    CHECK(device_of_row(held_row) != device_of_row(counted_row));
    const std::string pb = hub.exported(kCampaignId, "pb");
    CHECK_THAT(pb, Catch::Contains("num_votes;2"));
    CHECK_THAT(pb, Catch::Contains("held back 1 ballot whose voter code an earlier ballot had already used: " +
                                   held_row.substr(0, 36)));

    // Every kiosk now refuses both spent codes; the unused one still works.
    {
        HeadlessKiosk c(kiosk_c, 1280, 800, campaign);  // a third kiosk, new today
    }
    sv::test::sync_with_hub(kiosk_c, hub);
    HeadlessKiosk c(kiosk_c, 1280, 800, campaign);
    CHECK_FALSE(vote_with_code(c, "KX7PM2QR9T"));
    CHECK_FALSE(vote_with_code(c, "ABCDE23456"));
    CHECK(vote_with_code(c, "HJKMN34567"));
}
