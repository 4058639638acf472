#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "budget_export.hpp"
#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using namespace sv;

namespace {

Campaign demo_with(BallotType type) {
    auto campaign = load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    for (auto& a : campaign.activities) {
        if (a.id != "budget") continue;
        a.budget.rules.type = type;
        a.budget.rules.max_choices = type == BallotType::ranked ? 3 : 0;
        a.budget.rules.points = 10;
        a.budget.rules.max_points_per_project = 5;
    }
    return campaign;
}

// A citizen tapping at random: whatever the kiosk lets through.
BudgetBallot random_ballot(const BudgetVote& vote, std::mt19937& random) {
    BudgetBallot ballot;
    const int n = static_cast<int>(vote.projects.size());
    do {
        for (int tap = 0, taps = 1 + static_cast<int>(random() % 12); tap < taps; ++tap)
            choose(vote, ballot, static_cast<int>(random() % static_cast<unsigned>(n)));
    } while (!check_ballot(vote, ballot).ok());
    return ballot;
}

}  // namespace

TEST_CASE("stored budget ballots export to a clean .pb that tallies as the kiosk counts") {
    for (auto type : {BallotType::approval, BallotType::knapsack, BallotType::ranked, BallotType::cumulative}) {
        DYNAMIC_SECTION(ballot_type_name(type)) {
            const auto campaign = demo_with(type);
            const auto& vote = campaign.activity("budget")->budget;
            std::vector<Response> responses;
            const auto response = [&](const std::string& activity_id, const std::string& payload) {
                Response r;
                r.uuid = new_uuid();
                r.campaign_id = campaign.id;
                r.campaign_version = 1;
                r.activity_id = activity_id;
                r.payload = payload;
                r.event_id = "stall-1";
                r.device_id = "kiosk-1";
                r.device_time = "2026-05-16T10:00:" + std::to_string(10 + responses.size() % 50) + "Z";
                return r;
            };
            std::mt19937 random(static_cast<unsigned>(type) + 11);
            for (int i = 0; i < 300; ++i)
                responses.push_back(response("budget", ballot_payload(vote, random_ballot(vote, random))));
            // Answers to another activity are not ballots and stay out of the file.
            responses.push_back(response("place", "{}"));

            auto ballots = stored_ballots(campaign, "budget", responses);
            REQUIRE(ballots.ok());
            REQUIRE(ballots.value().size() == 300);
            auto election = budget_vote_election(campaign, "budget", ballots.value());
            REQUIRE(election.ok());
            auto reading = read_pabulib(write_pabulib(election.value()), "export.pb");
            REQUIRE(reading.ok());
            CHECK(check_pabulib(reading.value()).empty());
            CHECK(reading.value().election == election.value());

            auto instance = make_pb_instance(reading.value().election);
            REQUIRE(instance.ok());
            const auto own = tally_budget_vote(vote, ballots.value());
            CHECK(pb_scores(instance.value()) == own);
            CHECK(instance.value().ballots.size() == 300);
            // Every ballot by its id, in id order: the order they arrived in is not published.
            std::vector<std::string> voters, stored;
            for (const auto& row : reading.value().election.votes.rows) voters.push_back(row[0]);
            for (const auto& b : ballots.value()) stored.push_back(b.uuid);
            std::sort(stored.begin(), stored.end());
            CHECK(voters == stored);
        }
    }
}

TEST_CASE("a stored ballot that no longer reads stops the export, naming it") {
    const auto campaign = demo_with(BallotType::knapsack);
    Response forged;
    forged.uuid = "0b5c1f1e-0000-4000-8000-000000000001";
    forged.campaign_id = campaign.id;
    forged.activity_id = "budget";
    forged.payload = R"({"ballot":"knapsack","projects":["school-crossing","mill-lane-swings","friday-youth-club"]})";
    auto ballots = stored_ballots(campaign, "budget", {forged});
    REQUIRE_FALSE(ballots.ok());
    CHECK_THAT(ballots.error().message, Catch::Contains(forged.uuid) && Catch::Contains("more than"));
    CHECK_FALSE(stored_ballots(campaign, "place", {}).ok());
}

namespace {

// The demo budget campaign's text as version `version`, without its pictures, changed by `edit`.
std::string demo_budget_version(int version, const std::function<void(nlohmann::json&)>& edit) {
    auto doc = nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    doc["version"] = version;
    for (auto& activity : doc["activities"])
        for (auto& project : activity["projects"]) project.erase("image");
    edit(doc);
    return doc.dump(2);
}

Response ballot_under(const Campaign& campaign, const std::vector<int>& chosen) {
    BudgetBallot ballot;
    ballot.chosen = chosen;
    Response r;
    r.uuid = new_uuid();
    r.campaign_id = campaign.id;
    r.campaign_version = campaign.version;
    r.activity_id = "budget";
    r.payload = ballot_payload(campaign.activity("budget")->budget, ballot);
    r.event_id = "stall-1";
    r.device_id = "kiosk-1";
    r.device_time = "2026-05-16T10:00:00Z";
    return r;
}

}  // namespace

TEST_CASE("ballots count under the version they were cast under, one election per version when costs change") {
    const std::string v1_text = demo_budget_version(1, [](nlohmann::json&) {});
    const std::string v2_text = demo_budget_version(2, [](nlohmann::json& doc) {
        doc["activities"][0]["projects"][0]["cost"] = 12000;  // the benches cost twice as much
    });
    const std::string v3_text = demo_budget_version(3, [](nlohmann::json& doc) {
        doc["activities"][0]["projects"][0]["cost"] = 12000;
        doc["activities"][0]["title"] = "Choose the projects";  // only words change
    });
    const auto v1 = parse_campaign(v1_text, "v1").value();
    const auto v2 = parse_campaign(v2_text, "v2").value();
    const auto v3 = parse_campaign(v3_text, "v3").value();
    const std::map<int, std::string> stored{{1, v1_text}, {2, v2_text}, {3, v3_text}};
    const DefinitionOf definition_of = [&](int version) -> Result<std::optional<std::string>> {
        const auto it = stored.find(version);
        return it == stored.end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    };
    const auto cost_of_benches = [](const PbElection& e) { return e.projects.rows.at(0).at(1); };

    std::vector<Response> responses{ballot_under(v1, {0}), ballot_under(v1, {0, 1}), ballot_under(v2, {0})};
    auto split = budget_vote_elections(v2, "budget", responses, definition_of);
    REQUIRE(split.ok());
    REQUIRE(split.value().size() == 2);
    CHECK(split.value()[0].version == 1);
    CHECK(split.value()[0].ballots == 2);
    CHECK(cost_of_benches(split.value()[0].election) == "6000");
    CHECK(split.value()[0].election.votes.rows.at(0).at(0) == std::min(responses[0].uuid, responses[1].uuid));
    CHECK(split.value()[1].version == 2);
    CHECK(split.value()[1].ballots == 1);
    CHECK(cost_of_benches(split.value()[1].election) == "12000");
    CHECK(split.value()[1].election.votes.rows.at(0).at(0) == responses[2].uuid);

    // Versions 2 and 3 count alike: one election of every ballot (in id order).
    std::vector<Response> alike{ballot_under(v2, {0}), ballot_under(v3, {1}), ballot_under(v2, {2})};
    auto one = budget_vote_elections(v3, "budget", alike, definition_of);
    REQUIRE(one.ok());
    REQUIRE(one.value().size() == 1);
    CHECK(one.value()[0].version == 0);
    CHECK(one.value()[0].ballots == 3);
    std::vector<std::string> voters, cast;
    for (const auto& row : one.value()[0].election.votes.rows) voters.push_back(row.at(0));
    for (const auto& r : alike) cast.push_back(r.uuid);
    std::sort(cast.begin(), cast.end());
    CHECK(voters == cast);

    // A version the store does not hold is said, not guessed.
    const DefinitionOf nothing_stored = [](int) -> Result<std::optional<std::string>> {
        return std::optional<std::string>();
    };
    auto missing = budget_vote_elections(v2, "budget", responses, nothing_stored);
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("version 1, but that version's definition is not stored"));
}
