#include "budget_export.hpp"

#include <algorithm>
#include <map>

#include "pabulib_writer.hpp"

namespace sv {
namespace {

const Activity* budget_activity(const Campaign& campaign, const std::string& activity_id) {
    const Activity* activity = campaign.activity(activity_id);
    return activity && activity->type == ActivityType::budget_vote ? activity : nullptr;
}

std::string join_ids(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

// "2026-11-22T10:15:00.000Z" -> "22.11.2026"
std::string pabulib_date(const std::string& iso) {
    if (iso.size() < 10) return "";
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

}  // namespace

Result<std::vector<StoredBallot>> stored_ballots(const Campaign& campaign, const std::string& activity_id,
                                                 const std::vector<Response>& responses) {
    const Activity* activity = budget_activity(campaign, activity_id);
    if (!activity) return Error{"The campaign " + campaign.id + " has no budget vote called \"" + activity_id + "\"."};
    std::vector<StoredBallot> ballots;
    for (const auto& response : responses) {
        if (response.campaign_id != campaign.answers_campaign(*activity) || response.activity_id != activity_id)
            continue;
        auto ballot = parse_ballot_payload(activity->budget, response.payload);
        if (!ballot) return Error{"The saved ballot " + response.uuid + " cannot be read: " + ballot.error().message};
        ballots.push_back({response.uuid, response.device_time, std::move(ballot).value()});
    }
    return ballots;
}

Result<PbElection> budget_vote_election(const Campaign& campaign, const std::string& activity_id,
                                        const std::vector<StoredBallot>& ballots) {
    const Activity* activity = budget_activity(campaign, activity_id);
    if (!activity) return Error{"The campaign " + campaign.id + " has no budget vote called \"" + activity_id + "\"."};
    const BudgetVote& vote = activity->budget;
    const auto& language = campaign.default_language();
    const auto type = vote.rules.type;

    std::string first = "9999", last = "0000";
    for (const auto& b : ballots) {
        first = std::min(first, b.device_time);
        last = std::max(last, b.device_time);
    }
    const bool dated = !ballots.empty();

    PbElection e;
    e.set_meta("description", campaign.title.in(language) + ": " + activity->title.in(language));
    e.set_meta("country", "United Kingdom");
    e.set_meta("unit", campaign.area.empty() ? campaign.id : campaign.area.in(language));
    e.set_meta("instance", campaign.id + "-v" + std::to_string(campaign.version) + "-" + activity_id);
    e.set_meta("num_projects", std::to_string(vote.projects.size()));
    e.set_meta("num_votes", std::to_string(ballots.size()));
    e.set_meta("budget", format_pb_number(vote.budget));
    e.set_meta("vote_type", type == BallotType::ranked       ? "ordinal"
                            : type == BallotType::cumulative ? "cumulative"
                                                             : "approval");
    e.set_meta("rule", "greedy");
    e.set_meta("date_begin", dated ? pabulib_date(first) : "2026");
    e.set_meta("date_end", dated ? pabulib_date(last) : "2026");
    e.set_meta("language", language);
    e.set_meta("currency", vote.currency);
    if (type == BallotType::cumulative) {
        e.set_meta("max_sum_points", std::to_string(vote.rules.points));
        e.set_meta("min_sum_points", std::to_string(std::max(1, vote.rules.min_points)));
        if (vote.rules.max_points_per_project > 0)
            e.set_meta("max_points", std::to_string(vote.rules.max_points_per_project));
    } else {
        e.set_meta("min_length", std::to_string(std::max(1, vote.rules.min_choices)));
        e.set_meta("max_length", std::to_string(vote.max_choices()));
    }
    if (type == BallotType::knapsack) {
        e.set_meta("max_sum_cost", format_pb_number(vote.budget));
        if (vote.rules.min_spend_share > 0)
            e.set_meta("min_sum_cost", format_pb_number(vote.budget * vote.rules.min_spend_share));
    }

    const auto scores = tally_budget_vote(vote, ballots);
    std::vector<long> supporters(vote.projects.size(), 0);
    for (const auto& b : ballots)
        for (int p : b.ballot.chosen) ++supporters[static_cast<std::size_t>(p)];
    e.projects.columns = {"project_id", "cost", "votes", "score", "name", "category"};
    for (std::size_t p = 0; p < vote.projects.size(); ++p) {
        const auto& project = vote.projects[p];
        e.projects.rows.push_back({project.id, format_pb_number(project.cost), std::to_string(supporters[p]),
                                   format_pb_number(scores[p]), project.name.in(language), project.category});
    }

    e.votes.columns = {"voter_id", "vote"};
    if (type == BallotType::cumulative) e.votes.columns.push_back("points");
    // By voter id (a random UUID), not as they arrived: the order says nothing of who voted
    // when, and the same ballots always make the same file, whichever hub stored them.
    std::vector<const StoredBallot*> by_id;
    for (const auto& b : ballots) by_id.push_back(&b);
    std::sort(by_id.begin(), by_id.end(), [](const auto* a, const auto* b) { return a->uuid < b->uuid; });
    for (const StoredBallot* stored : by_id) {
        const StoredBallot& b = *stored;
        std::vector<std::string> ids, points;
        for (int p : b.ballot.chosen) ids.push_back(vote.projects[static_cast<std::size_t>(p)].id);
        for (int n : b.ballot.points) points.push_back(std::to_string(n));
        std::vector<std::string> row{b.uuid, join_ids(ids)};
        if (type == BallotType::cumulative) row.push_back(join_ids(points));
        e.votes.rows.push_back(std::move(row));
    }
    return e;
}

std::vector<mpq_class> tally_budget_vote(const BudgetVote& vote, const std::vector<StoredBallot>& ballots) {
    std::vector<mpq_class> scores(vote.projects.size(), 0);
    for (const auto& b : ballots) {
        const auto& chosen = b.ballot.chosen;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            auto& score = scores[static_cast<std::size_t>(chosen[i])];
            switch (vote.rules.type) {
                case BallotType::cumulative: score += b.ballot.points[i]; break;
                case BallotType::ranked: score += static_cast<long>(chosen.size() - i); break;
                default: score += 1;
            }
        }
    }
    return scores;
}

Result<std::string> budget_vote_to_export(const Campaign& campaign, const std::string& requested) {
    if (!requested.empty()) {
        const Activity* activity = campaign.activity(requested);
        if (!activity || activity->type != ActivityType::budget_vote)
            return Error{"the campaign \"" + campaign.id + "\" has no budget vote called \"" + requested + "\""};
        return requested;
    }
    std::vector<std::string> votes;
    for (const auto& a : campaign.activities)
        if (a.type == ActivityType::budget_vote) votes.push_back(a.id);
    if (votes.empty()) return Error{"the campaign \"" + campaign.id + "\" has no budget vote"};
    if (votes.size() > 1)
        return Error{"the campaign \"" + campaign.id + "\" has several budget votes; choose one with --activity"};
    return votes.front();
}

Result<std::string> budget_vote_terms(const Campaign& campaign, const std::string& activity_id) {
    auto election = budget_vote_election(campaign, activity_id, {});
    if (!election) return election.error();
    auto& meta = election.value().meta;
    // Titles and the version's own name may change without changing how a ballot counts.
    meta.erase(std::remove_if(meta.begin(), meta.end(),
                              [](const auto& entry) {
                                  return entry.first == "instance" || entry.first == "description" ||
                                         entry.first == "unit";
                              }),
               meta.end());
    return write_pabulib(election.value());
}

Result<std::vector<VersionElection>> budget_vote_elections(const Campaign& newest, const std::string& activity_id,
                                                           const std::vector<Response>& responses,
                                                           const DefinitionOf& definition_of) {
    std::map<int, std::vector<Response>> cast_under;
    for (const auto& r : responses)
        if (r.campaign_id == newest.id && r.activity_id == activity_id) cast_under[r.campaign_version].push_back(r);
    struct Counted {
        int version;
        Campaign campaign;
        std::vector<StoredBallot> ballots;
    };
    std::vector<Counted> counted;
    bool alike = true;
    auto newest_terms = budget_vote_terms(newest, activity_id);
    if (!newest_terms) return newest_terms.error();
    for (const auto& [version, cast] : cast_under) {
        Campaign campaign = newest;
        if (version != newest.version) {
            const std::string named = newest.id + " version " + std::to_string(version);
            auto definition = definition_of(version);
            if (!definition) return definition.error();
            if (!definition.value())
                return Error{"Ballots were cast under " + named + ", but that version's definition is not stored."};
            auto parsed = parse_campaign(*definition.value(), named + " (as stored)");
            if (!parsed) return parsed.error();
            campaign = std::move(parsed).value();
        }
        auto ballots = stored_ballots(campaign, activity_id, cast);
        if (!ballots) return ballots.error();
        auto terms = budget_vote_terms(campaign, activity_id);
        if (!terms) return terms.error();
        alike = alike && terms.value() == newest_terms.value();
        counted.push_back({version, std::move(campaign), std::move(ballots).value()});
    }
    std::vector<VersionElection> elections;
    if (alike) {
        // The same projects in the same order: every ballot reads alike under the newest, in the
        // order the ballots were cast.
        auto ballots = stored_ballots(newest, activity_id, responses);
        if (!ballots) return ballots.error();
        auto election = budget_vote_election(newest, activity_id, ballots.value());
        if (!election) return election.error();
        elections.push_back({0, std::move(election).value(), ballots.value().size()});
        return elections;
    }
    for (const auto& c : counted) {
        auto election = budget_vote_election(c.campaign, activity_id, c.ballots);
        if (!election) return election.error();
        elections.push_back({c.version, std::move(election).value(), c.ballots.size()});
    }
    return elections;
}

}  // namespace sv
