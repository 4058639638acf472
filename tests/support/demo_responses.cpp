#include "demo_responses.hpp"

#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "budget_ballot.hpp"
#include "campaign.hpp"
#include "place_standard.hpp"
#include "uuid.hpp"

namespace sv::test {
namespace {

const Campaign& demo_budget_campaign() {
    static const Campaign campaign = load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    return campaign;
}

const Campaign& demo_place_campaign() {
    static const Campaign campaign = load_campaign_file(STREETVOICE_DEMO_CAMPAIGN).value();
    return campaign;
}

}  // namespace

ResponseDraft place_standard_draft(std::uint64_t seed) {
    std::mt19937_64 random(seed);
    PlaceStandardAnswers answers;
    for (auto& rating : answers.ratings)
        if (const int r = std::uniform_int_distribution<int>(0, 7)(random); r > 0) rating = r;  // 0: skipped
    if (seed % 4 == 0) answers.comments[seed % answers.comments.size()] = "More benches by the river, please.";
    const Campaign& campaign = demo_place_campaign();
    return {new_uuid(), campaign.id, campaign.version, "place", place_standard_payload(answers), {}};
}

ResponseDraft budget_draft(std::uint64_t seed) {
    const Campaign& campaign = demo_budget_campaign();
    const BudgetVote& vote = campaign.activity("budget")->budget;
    std::mt19937_64 random(seed);
    std::vector<int> order(vote.projects.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    BudgetBallot ballot;
    mpq_class spent = 0;
    for (int p : order) {
        const mpq_class cost = vote.projects[static_cast<std::size_t>(p)].cost;
        if (spent + cost <= vote.budget && std::uniform_int_distribution<int>(0, 1)(random)) {
            ballot.chosen.push_back(p);
            spent += cost;
        }
    }
    if (ballot.chosen.empty()) ballot.chosen.push_back(order.front());
    REQUIRE(check_ballot(vote, ballot).ok());
    return {new_uuid(), campaign.id, campaign.version, "budget", ballot_payload(vote, ballot), {}};
}

std::vector<std::string> fill_kiosk(Store& store, int count, std::uint64_t seed) {
    std::vector<std::string> uuids;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t s = seed * 1000003u + static_cast<std::uint64_t>(i);
        const ResponseDraft draft = i % 3 == 2 ? budget_draft(s) : place_standard_draft(s);
        auto saved = store.record_response(draft);
        REQUIRE(saved.ok());
        uuids.push_back(draft.uuid);
    }
    return uuids;
}

}  // namespace sv::test
