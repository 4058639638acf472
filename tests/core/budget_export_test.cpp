#include <catch2/catch.hpp>
#include <random>

#include "budget_export.hpp"
#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
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
            CHECK(reading.value().election.votes.rows[0][0] == ballots.value()[0].uuid);
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
