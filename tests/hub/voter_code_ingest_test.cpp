// The hub's side of voter codes, against the real hub: a ballot behind codes needs one of the
// campaign's codes; the first ballot the hub takes for a code counts; a device that re-sends
// codes it learnt from the campaign list only gets its own ballots held back.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

#include "demo_responses.hpp"
#include "eligibility.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "voter_code_campaign.hpp"
#include "wire_format.hpp"

using sv::test::TempFolder;

namespace {

const char* const kSalt = sv::test::kVoterCodeSalt;
const char* const kCampaignId = "demo-riverside-budget-2026";

std::string publish_voter_code_campaign(const sv::test::RunningHub& hub, const TempFolder& folder,
                                        const std::vector<std::string>& codes) {
    const std::string path = sv::test::write_voter_code_campaign(folder, codes);
    hub.publish(path);
    return path;
}

// A ballot from `device` carrying `code_field` as its voter_code (null: none at all).
sv::Response ballot(const std::string& device, int version, const nlohmann::json& code_field, std::uint64_t seed) {
    const auto draft = sv::test::budget_draft(seed);
    auto payload = nlohmann::json::parse(draft.payload);
    if (!code_field.is_null()) payload["voter_code"] = code_field;
    return {draft.uuid, kCampaignId, version, "budget", sv::new_uuid(), device, "2026-11-28T10:00:00Z", payload.dump()};
}

sv::BatchReply send(const sv::test::RunningHub& hub, const std::string& token,
                    const std::vector<sv::Response>& responses) {
    sv::ResponseBatch batch;
    batch.responses = responses;
    auto res = hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, sv::batch_json(batch),
                                 "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto reply = sv::parse_reply(res->body, batch);
    REQUIRE(reply.ok());
    return reply.value();
}

}  // namespace

TEST_CASE("hub: a ballot behind voter codes without one of the campaign's codes is refused in plain words") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto& hub = on_store.hub;
    TempFolder folder;
    publish_voter_code_campaign(hub, folder, {"KX7PM2QR9T"});
    const int version = sv::load_campaign_file(folder.file("voter-codes.json")).value().version;
    const auto [device, token] = hub.enrol();
    const auto reply =
        send(hub, token,
             {ballot(device, version, nullptr, 1), ballot(device, version, "not-even-a-hash", 2),
              ballot(device, version, sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, "ABCDE23456"), 3),
              ballot(device, version, 42, 4),
              ballot(device, version, sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, "KX7PM2QR9T"), 5)});
    REQUIRE(reply.results.size() == 5);
    CHECK(reply.results[0].verdict == sv::Verdict::rejected);
    CHECK(reply.results[0].reason == "It carries no voter code, and \"budget\" is only for holders of a code.");
    for (int i : {1, 2}) {
        CHECK(reply.results[static_cast<std::size_t>(i)].verdict == sv::Verdict::rejected);
        CHECK(reply.results[static_cast<std::size_t>(i)].reason ==
              "Its voter code is not one of this campaign's codes.");
    }
    CHECK(reply.results[3].verdict == sv::Verdict::rejected);
    CHECK(reply.results[4].verdict == sv::Verdict::accepted);
    CHECK(hub.exported_rows(kCampaignId).size() == 1);
}

TEST_CASE("hub: a device re-sending spent voter codes gets only its own ballots held, and every honest ballot counts") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto& hub = on_store.hub;
    TempFolder folder;
    const std::vector<std::string> codes{"KX7PM2QR9T", "ABCDE23456", "HJKMN34567", "PQRST45678"};
    publish_voter_code_campaign(hub, folder, codes);
    const int version = sv::load_campaign_file(folder.file("voter-codes.json")).value().version;
    const auto [honest, honest_token] = hub.enrol();
    const auto [rogue, rogue_token] = hub.enrol();
    // Three honest votes, one code each.
    std::vector<sv::Response> honest_ballots;
    for (std::size_t i = 0; i < 3; ++i)
        honest_ballots.push_back(
            ballot(honest, version, sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, codes[i]), 10 + i));
    for (const auto& result : send(hub, honest_token, honest_ballots).results)
        CHECK(result.verdict == sv::Verdict::accepted);

    // The rogue device reads the spent codes from the campaign list, as every device can...
    auto listed = hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + rogue_token}});
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    auto campaigns = sv::parse_campaigns(listed->body);
    REQUIRE(campaigns.ok());
    std::vector<std::string> spent;
    for (const auto& c : campaigns.value().campaigns)
        if (c.id == kCampaignId) spent = c.used_voter_codes;
    REQUIRE(spent.size() == 3);
    // ...and sends a ballot with each.
    std::vector<sv::Response> rogue_ballots;
    for (std::size_t i = 0; i < spent.size(); ++i) rogue_ballots.push_back(ballot(rogue, version, spent[i], 20 + i));
    for (const auto& result : send(hub, rogue_token, rogue_ballots).results)
        CHECK(result.verdict == sv::Verdict::accepted);  // kept for the organiser to see

    // Every honest ballot counts; each of the rogue's is held back, naming the honest one.
    const std::string pb = hub.exported(kCampaignId, "pb");
    CHECK_THAT(pb, Catch::Contains("num_votes;3"));
    for (const auto& b : honest_ballots) CHECK_THAT(pb, Catch::Contains(b.uuid + ";"));
    for (const auto& b : rogue_ballots) CHECK_THAT(pb, !Catch::Contains(b.uuid + ";"));
    CHECK_THAT(pb, Catch::Contains("held back 1 ballot whose voter code an earlier ballot had already used"));
    int held = 0;
    for (const auto& row : hub.exported_rows(kCampaignId))
        if (row.find("held back: its voter code was first used by ballot ") != std::string::npos) {
            ++held;
            CHECK_THAT(row, Catch::Contains(rogue));
        }
    CHECK(held == 3);
}

TEST_CASE("hub: each poll for campaign updates brings the voter codes spent since the last one") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto& hub = on_store.hub;
    TempFolder folder;
    const std::vector<std::string> codes{"KX7PM2QR9T", "ABCDE23456", "HJKMN34567"};
    publish_voter_code_campaign(hub, folder, codes);
    const int version = sv::load_campaign_file(folder.file("voter-codes.json")).value().version;
    const auto [device, token] = hub.enrol();
    const auto hash = [](const std::string& code) {
        return sv::voter_code_hash(sv::VoterCodeHashing::argon2id, kSalt, code);
    };
    const auto accepted = [&](const std::vector<sv::Response>& ballots) {
        for (const auto& result : send(hub, token, ballots).results) {
            INFO(result.reason);
            CHECK(result.verdict == sv::Verdict::accepted);
        }
    };
    std::string etag;
    // The spent codes the campaign list gives now; 304 when nothing changed since `etag`.
    const auto poll = [&]() -> std::optional<std::vector<std::string>> {
        auto res =
            hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}, {"If-None-Match", etag}});
        REQUIRE(res);
        if (res->status == 304) return std::nullopt;
        REQUIRE(res->status == 200);
        etag = res->get_header_value("ETag");
        auto campaigns = sv::parse_campaigns(res->body);
        REQUIRE(campaigns.ok());
        // The demo's first version of the campaign is listed too; the newest takes the codes.
        std::optional<std::vector<std::string>> spent;
        for (const auto& c : campaigns.value().campaigns)
            if (c.id == kCampaignId && c.version == version) spent = c.used_voter_codes;
        REQUIRE(spent);
        return spent;
    };
    CHECK(poll() == std::vector<std::string>{});
    CHECK_FALSE(poll());  // unchanged
    accepted({ballot(device, version, hash(codes[1]), 1)});
    CHECK(poll() == std::vector<std::string>{hash(codes[1])});
    CHECK_FALSE(poll());
    accepted({ballot(device, version, hash(codes[0]), 2), ballot(device, version, hash(codes[2]), 3)});
    auto spent = poll();
    REQUIRE(spent);
    std::vector<std::string> expected{hash(codes[0]), hash(codes[1]), hash(codes[2])};
    std::sort(expected.begin(), expected.end());
    CHECK(*spent == expected);
    // A code spent again (a ballot held back) is listed once.
    accepted({ballot(device, version, hash(codes[1]), 4)});
    CHECK_FALSE(poll());
}
