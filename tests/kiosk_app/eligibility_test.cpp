// One person, one vote, offline: staff-issued ballots, one-time voter codes and postcodes,
// each driven by touch on the real kiosk.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eligibility.hpp"
#include "headless_kiosk.hpp"
#include "on_screen_keyboard.hpp"
#include "staff_pin.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

const char* const kSalt = "riverside-2026";

// The demo budget campaign with its vote behind `eligibility`.
sv::Campaign demo_budget_with(const nlohmann::json& eligibility) {
    std::ifstream in(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    std::stringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str());
    for (auto& activity : doc["activities"])
        if (activity["id"] == "budget") activity["eligibility"] = eligibility;
    auto campaign = sv::parse_campaign(doc.dump(), "test campaign");
    REQUIRE(campaign.ok());
    campaign.value().folder = std::filesystem::path(STREETVOICE_DEMO_BUDGET_CAMPAIGN).parent_path().string();
    return std::move(campaign).value();
}

nlohmann::json voter_codes(const std::vector<std::string>& codes) {
    nlohmann::json hashes = nlohmann::json::array();
    for (const auto& code : codes) hashes.push_back(sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, code));
    return {{"rule", "voter-code"}, {"salt", kSalt}, {"code_hashing", "argon2id"}, {"code_hashes", hashes}};
}

void cast_one_ballot(HeadlessKiosk& kiosk) {
    REQUIRE(kiosk.state().screen == Screen::ballot);
    kiosk.tap("choose-river-benches");
    kiosk.tap("review");
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    kiosk.tap("finish");
}

void type_code(HeadlessKiosk& kiosk, const std::string& code) {
    kiosk.type_on_keyboard(code);
    kiosk.tap("comment-done");  // the keyboard's own key: Check
}

}  // namespace

TEST_CASE("a staff-issued ballot can be used once, by the next person only") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, demo_budget_with({{"rule", "staff-issued"}}));
    kiosk.store().save_setting("staff_pin_hash", sv::hash_staff_pin("2468").value());
    CHECK_FALSE(kiosk.can_touch("start-budget"));
    CHECK(kiosk.can_touch("start-place"));  // open activities stay open

    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    kiosk.tap("staff-issue-ballot");
    REQUIRE(kiosk.state().stall.staff == sv::StaffMode::closed);
    REQUIRE(kiosk.can_touch("start-budget"));
    kiosk.tap("start-budget");
    cast_one_ballot(kiosk);
    CHECK(kiosk.store().responses().value().size() == 1);
    CHECK_FALSE(kiosk.can_touch("start-budget"));  // used up

    // One that is started and abandoned is used up too: staff issue another.
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    kiosk.tap("staff-issue-ballot");
    kiosk.tap("start-budget");
    kiosk.tap("back");
    CHECK(kiosk.state().screen == Screen::welcome);
    CHECK_FALSE(kiosk.can_touch("start-budget"));
}

TEST_CASE("a campaign whose codes were hashed before Argon2id still takes them") {
    const nlohmann::json legacy{
        {"rule", "voter-code"},
        {"salt", kSalt},
        {"code_hashes", {sv::voter_code_hash(sv::VoterCodeHashing::blake2b, kSalt, "KX7PM2QR9T")}}};
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, demo_budget_with(legacy));
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::voter_code);
    type_code(kiosk, "KX7PM2QR9T");
    CHECK(kiosk.state().screen == Screen::ballot);
}

TEST_CASE("a voter code works once, a second use and an unknown code are refused kindly") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, demo_budget_with(voter_codes({"KX7PM2QR9T", "ABCDE23456"})));
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::voter_code);

    type_code(kiosk, "ZZZZZ99999");
    CHECK(kiosk.state().screen == Screen::voter_code);
    CHECK(kiosk.state().notice.text() == "We do not recognise that code. Check it against your letter and try again.");

    for (int i = 0; i < 10; ++i) kiosk.tap("key-delete");
    type_code(kiosk, "kx7p m2qr 9t");  // as printed, in lower case: the same code
    REQUIRE(kiosk.state().screen == Screen::ballot);
    cast_one_ballot(kiosk);

    const auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 1);
    const auto payload = nlohmann::json::parse(stored[0].payload);
    CHECK(payload["voter_code"] == sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, "KX7PM2QR9T"));
    CHECK(stored[0].payload.find("KX7P") == std::string::npos);  // never the code itself
    CHECK(kiosk.store()
              .voter_code_used("demo-riverside-budget-2026",
                               sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, "KX7PM2QR9T"))
              .value());

    kiosk.tap("start-budget");
    type_code(kiosk, "KX7PM2QR9T");
    CHECK(kiosk.state().screen == Screen::voter_code);
    CHECK_THAT(kiosk.state().notice.text(), Catch::StartsWith("This code has already been used to vote"));
    CHECK(kiosk.store().responses().value().size() == 1);

    // The other code still works.
    for (int i = 0; i < 10; ++i) kiosk.tap("key-delete");
    type_code(kiosk, "ABCDE23456");
    REQUIRE(kiosk.state().screen == Screen::ballot);
}

TEST_CASE("a voter code spent in the same moment by another kiosk on this tablet is refused at the save") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, demo_budget_with(voter_codes({"KX7PM2QR9T"})));
    kiosk.tap("start-budget");
    type_code(kiosk, "KX7PM2QR9T");
    REQUIRE(kiosk.state().screen == Screen::ballot);
    // Another process on the same answers file spends the code first.
    REQUIRE(
        kiosk.store()
            .note_voter_codes_used_elsewhere("demo-riverside-budget-2026",
                                             {sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, "KX7PM2QR9T")})
            .ok());
    kiosk.tap("choose-river-benches");
    kiosk.tap("review");
    kiosk.tap("send");
    CHECK(kiosk.state().screen == Screen::save_failed);
    CHECK_THAT(kiosk.state().save_error, Catch::Contains("already been used"));
    CHECK(kiosk.store().responses().value().empty());
}

TEST_CASE("a postcode outside the area is refused kindly, one inside opens the ballot and is not kept") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280,
                        demo_budget_with({{"rule", "postcode"}, {"postcodes", {"RV1", "RV9 4XY"}}}));
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::postcode);

    type_code(kiosk, "hello");
    CHECK(kiosk.state().notice.text() == "That does not look like a postcode. Type it like this: RV1 2AB.");
    for (int i = 0; i < 5; ++i) kiosk.tap("key-delete");

    type_code(kiosk, "RV9 4XZ");  // the right district, but not the one street listed
    CHECK(kiosk.state().screen == Screen::postcode);
    CHECK_THAT(kiosk.state().notice.text(),
               Catch::StartsWith("Sorry, this vote is only for people who live in Riverside ward"));
    for (int i = 0; i < 7; ++i) kiosk.tap("key-delete");

    type_code(kiosk, "rv1 2ab");
    REQUIRE(kiosk.state().screen == Screen::ballot);
    cast_one_ballot(kiosk);
    const auto stored = kiosk.store().responses().value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].payload.find("RV1") == std::string::npos);
    CHECK(stored[0].payload.find("2AB") == std::string::npos);

    kiosk.tap("start-budget");
    type_code(kiosk, "RV9 4XY");
    CHECK(kiosk.state().screen == Screen::ballot);
}

TEST_CASE("eligibility rules in a campaign file are checked, naming the field") {
    auto parse_with = [](const nlohmann::json& eligibility) {
        std::ifstream in(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
        std::stringstream text;
        text << in.rdbuf();
        auto doc = nlohmann::json::parse(text.str());
        doc["activities"][0]["eligibility"] = eligibility;
        return sv::parse_campaign(doc.dump(), "c.json");
    };
    CHECK(parse_with({{"rule", "staff-issued"}}).ok());
    CHECK(parse_with({{"rule", "lottery"}}).error().message.find("activities[0].eligibility.rule") !=
          std::string::npos);
    CHECK(parse_with({{"rule", "voter-code"}, {"salt", "s"}, {"code_hashes", {"abc"}}})
              .error()
              .message.find("activities[0].eligibility.code_hashes[0]") != std::string::npos);
    CHECK(parse_with({{"rule", "postcode"}, {"postcodes", {"not a postcode!"}}})
              .error()
              .message.find("activities[0].eligibility.postcodes[0]") != std::string::npos);
    CHECK_FALSE(parse_with({{"rule", "postcode"}, {"postcodes", nlohmann::json::array()}}).ok());
}
