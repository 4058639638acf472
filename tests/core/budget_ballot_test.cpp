#include <catch2/catch.hpp>
#include <random>

#include "budget_ballot.hpp"
#include "campaign.hpp"

using namespace sv;

namespace {

// Three projects of £20,000, £15,000 and £10,000 on a £30,000 budget.
BudgetVote small_vote(BallotType type) {
    BudgetVote vote;
    vote.budget = 30000;
    vote.rules.type = type;
    for (auto [id, cost] : {std::pair{"a", 20000}, std::pair{"b", 15000}, std::pair{"c", 10000}}) {
        BudgetProject p;
        p.id = id;
        p.name.by_language["en"] = id;
        p.cost = cost;
        vote.projects.push_back(p);
    }
    return vote;
}

}  // namespace

TEST_CASE("money reads as a citizen expects") {
    CHECK(format_money(50000, "GBP") ==
          "\xC2\xA3"
          "50,000");
    CHECK(format_money(mpq_class(125050, 100), "GBP") ==
          "\xC2\xA3"
          "1,250.50");
    CHECK(format_money(999, "EUR") ==
          "\xE2\x82\xAC"
          "999");
    CHECK(format_money(1234567, "PLN") == "1,234,567 z\xC5\x82");
    CHECK(format_money(mpq_class(1, 3), "GBP") ==
          "\xC2\xA3"
          "0.33");
    CHECK(format_money(-5, "GBP") ==
          "-\xC2\xA3"
          "5");
}

TEST_CASE("a knapsack ballot cannot go over the budget") {
    const auto vote = small_vote(BallotType::knapsack);
    BudgetBallot ballot;
    CHECK_FALSE(check_ballot(vote, ballot).ok());  // nothing chosen yet
    REQUIRE(choose(vote, ballot, 0));
    const auto refusal = why_not_choose(vote, ballot, 1);
    REQUIRE(refusal);
    CHECK(refusal->text() ==
          "That would go over the budget: you have \xC2\xA3"
          "10,000 left. Remove a project to make room.");
    CHECK_FALSE(choose(vote, ballot, 1));
    CHECK(ballot.chosen == std::vector<int>{0});
    REQUIRE(choose(vote, ballot, 2));  // exactly the budget is allowed
    CHECK(ballot_cost(vote, ballot) == 30000);
    CHECK(check_ballot(vote, ballot).ok());
    unchoose(ballot, 0);
    CHECK(choose(vote, ballot, 1));
    CHECK(ballot.chosen == std::vector<int>{2, 1});
}

TEST_CASE("a knapsack ballot can be asked to spend a minimum share") {
    auto vote = small_vote(BallotType::knapsack);
    vote.rules.min_spend_share = mpq_class(1, 2);
    BudgetBallot ballot;
    choose(vote, ballot, 2);
    const auto status = check_ballot(vote, ballot);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().message ==
          "Choose projects worth at least \xC2\xA3"
          "15,000 in all; you have \xC2\xA3"
          "10,000 so far.");
    choose(vote, ballot, 1);
    CHECK(check_ballot(vote, ballot).ok());
}

TEST_CASE("an approval ballot keeps to its least and most") {
    auto vote = small_vote(BallotType::approval);
    vote.rules.max_choices = 2;
    vote.rules.min_choices = 2;
    BudgetBallot ballot;
    choose(vote, ballot, 0);
    CHECK(check_ballot(vote, ballot).error().message == "Choose at least 2 projects.");
    choose(vote, ballot, 1);
    CHECK(check_ballot(vote, ballot).ok());  // approval ignores cost: £35,000 of £30,000 is fine
    CHECK(why_not_choose(vote, ballot, 2)->text() == "You can choose up to 2 projects. Remove one to choose another.");
    CHECK(why_not_choose(vote, ballot, 0)->text() == "You have already chosen this one.");
    CHECK(ballot_instruction(vote).text() == "Choose up to 2 projects you would like to see done.");
}

TEST_CASE("a ranked ballot keeps order and refuses repeats") {
    auto vote = small_vote(BallotType::ranked);
    vote.rules.max_choices = 2;
    BudgetBallot ballot;
    choose(vote, ballot, 2);
    choose(vote, ballot, 0);
    CHECK(ballot.chosen == std::vector<int>{2, 0});
    CHECK(why_not_choose(vote, ballot, 1)->text() == "You have picked your top 2. Take one off to pick another.");
    BudgetBallot repeated{{2, 2}, {}};
    CHECK(check_ballot(vote, repeated).error().message == "The ballot names a project twice.");
    unchoose(ballot, 2);
    CHECK(ballot.chosen == std::vector<int>{0});
}

TEST_CASE("a cumulative ballot spreads only the points there are") {
    auto vote = small_vote(BallotType::cumulative);
    vote.rules.points = 5;
    vote.rules.max_points_per_project = 3;
    BudgetBallot ballot;
    for (int i = 0; i < 3; ++i) REQUIRE(add_point(vote, ballot, 1));
    CHECK(why_not_add_point(vote, ballot, 1)->text() == "A project can have at most 3 points.");
    REQUIRE(add_point(vote, ballot, 0));
    REQUIRE(add_point(vote, ballot, 2));
    CHECK(why_not_add_point(vote, ballot, 0)->text() ==
          "You have used all 5 points. Take one from another project to move it here.");
    CHECK(ballot_points(ballot) == 5);
    CHECK(check_ballot(vote, ballot).ok());
    remove_point(ballot, 0);
    CHECK_FALSE(ballot.has(0));  // its last point gone, it is no longer chosen
    CHECK(ballot.points_for(1) == 3);
}

TEST_CASE("a ballot survives its stored form, and a forged one is refused") {
    for (auto type : {BallotType::approval, BallotType::knapsack, BallotType::ranked, BallotType::cumulative}) {
        auto vote = small_vote(type);
        vote.rules.points = 4;
        BudgetBallot ballot;
        choose(vote, ballot, 2);
        choose(vote, ballot, 1);
        if (type == BallotType::cumulative) add_point(vote, ballot, 2);
        const auto payload = ballot_payload(vote, ballot);
        auto back = parse_ballot_payload(vote, payload);
        REQUIRE(back.ok());
        CHECK(back.value().chosen == ballot.chosen);
        CHECK(back.value().points == ballot.points);
    }
    const auto vote = small_vote(BallotType::knapsack);
    CHECK_FALSE(parse_ballot_payload(vote, R"({"ballot":"knapsack","projects":["a","b"]})").ok());  // £35,000
    CHECK_FALSE(parse_ballot_payload(vote, R"({"ballot":"knapsack","projects":["z"]})").ok());
    CHECK_FALSE(parse_ballot_payload(vote, R"({"ballot":"approval","projects":["a"]})").ok());
    CHECK_FALSE(parse_ballot_payload(vote, R"({"ballot":"knapsack","projects":"a"})").ok());
    CHECK_FALSE(parse_ballot_payload(vote, "[1,2").ok());
}

TEST_CASE("random taps never build a ballot that check_ballot refuses, except too few") {
    std::mt19937 random(7);
    for (auto type : {BallotType::approval, BallotType::knapsack, BallotType::ranked, BallotType::cumulative}) {
        auto vote = small_vote(type);
        vote.rules.max_choices = 2;
        vote.rules.points = 6;
        vote.rules.max_points_per_project = 4;
        BudgetBallot ballot;
        for (int tap = 0; tap < 2000; ++tap) {
            const int project = static_cast<int>(random() % 3);
            switch (random() % 3) {
                case 0: choose(vote, ballot, project); break;
                case 1: add_point(vote, ballot, project); break;
                default:
                    if (type == BallotType::cumulative)
                        remove_point(ballot, project);
                    else
                        unchoose(ballot, project);
            }
            if (!ballot.chosen.empty()) REQUIRE(check_ballot(vote, ballot).ok());
        }
    }
}
