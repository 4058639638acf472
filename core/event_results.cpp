#include "event_results.hpp"

#include <algorithm>
#include <numeric>

#include "budget_export.hpp"

namespace sv {
namespace {

const char* counted_as(BallotType type) {
    switch (type) {
        case BallotType::cumulative: return "Points given to each project";
        case BallotType::ranked: return "Ranking points given to each project";
        case BallotType::approval:
        case BallotType::knapsack: break;
    }
    return "How many chose each project";
}

Result<EventBudgetCounts> budget_counts(const Campaign& campaign, const Activity& activity,
                                        const std::vector<Response>& of_event, const std::string& language) {
    EventBudgetCounts counts;
    counts.title = activity.title.in(language, campaign.default_language());
    counts.counted_as = counted_as(activity.budget.rules.type);
    auto ballots = stored_ballots(campaign, activity.id, of_event);
    if (!ballots) return ballots.error();
    counts.ballots = static_cast<int>(ballots.value().size());
    if (!counts.shown()) return counts;
    const auto votes = tally_budget_vote(activity.budget, ballots.value());
    std::vector<std::size_t> order(votes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return votes[a] > votes[b]; });
    for (std::size_t p : order)
        counts.projects.push_back(
            {activity.budget.projects[p].name.in(language, campaign.default_language()), format_pb_number(votes[p])});
    return counts;
}

}  // namespace

Result<EventResults> event_results(const Campaign& campaign, const std::vector<Response>& of_event,
                                   const std::string& language) {
    EventResults results;
    CompassTally compass;
    for (const auto& activity : campaign.activities) {
        if (activity.type == ActivityType::place_standard) {
            if (results.place_standard_title.empty()) {
                results.place_standard_title = activity.title.in(language, campaign.default_language());
                results.place_standard_version = activity.place_standard_version;
            }
            if (activity.place_standard_version != results.place_standard_version) continue;
            for (const auto& r : of_event) {
                if (r.campaign_id != campaign.answers_campaign(activity) || r.activity_id != activity.id) continue;
                auto answers = parse_place_standard_payload(r.payload);
                if (!answers) return Error{"The answer " + r.uuid + " could not be read: " + answers.error().message};
                compass.add(answers.value());
            }
        }
        if (activity.type == ActivityType::budget_vote) {
            auto counts = budget_counts(campaign, activity, of_event, language);
            if (!counts) return counts.error();
            results.budgets.push_back(std::move(counts).value());
        }
    }
    results.place_standard = compass.summary("This event");
    return results;
}

}  // namespace sv
