#pragma once
// A budget vote's stored ballots as a pabulib election, so that anyone can recompute the
// result with independent tools; and the kiosk's own count of the same ballots.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "budget_ballot.hpp"
#include "campaign.hpp"
#include "pb_election.hpp"
#include "response.hpp"
#include "result.hpp"

namespace sv {

// The ballots of `activity_id` among `responses` (other campaigns and activities are
// ignored), each read against the campaign's definition. A stored ballot that does not
// read is an error naming its response.
struct StoredBallot {
    std::string uuid;
    std::string device_time;
    BudgetBallot ballot;
};
Result<std::vector<StoredBallot>> stored_ballots(const Campaign& campaign, const std::string& activity_id,
                                                 const std::vector<Response>& responses);

// The .pb election: voter ids are the response UUIDs; vote_type approval (approval and
// knapsack), ordinal (ranked) or cumulative; the ballot limits as META keys.
Result<PbElection> budget_vote_election(const Campaign& campaign, const std::string& activity_id,
                                        const std::vector<StoredBallot>& ballots);

// The activity id of the campaign's budget vote: `requested` if given and a budget vote, else
// the only one (a campaign with several must be told which).
Result<std::string> budget_vote_to_export(const Campaign& campaign, const std::string& requested);

// What a version's voters were asked: the budget, the ballot's rules and the projects (id,
// cost, votes' order, name, category), written as a .pb file with no ballots and nothing that
// names the version. Two versions give the same text when their ballots count alike.
Result<std::string> budget_vote_terms(const Campaign& campaign, const std::string& activity_id);

// A budget vote's ballots counted against the campaign version each was cast under. When every
// version asked voters the same, all the ballots make one election (version 0) under `newest`;
// otherwise there is one election per version, oldest first. `definition_of` gives a version's
// stored definition, if there is one.
struct VersionElection {
    int version = 0;
    PbElection election;
    std::size_t ballots = 0;
};
using DefinitionOf = std::function<Result<std::optional<std::string>>(int version)>;
Result<std::vector<VersionElection>> budget_vote_elections(const Campaign& newest, const std::string& activity_id,
                                                           const std::vector<Response>& responses,
                                                           const DefinitionOf& definition_of);

// Per project: ticks (approval, knapsack), points (cumulative) or Borda points (ranked: k for
// the first of k, down to 1), counted straight from the ballots.
std::vector<mpq_class> tally_budget_vote(const BudgetVote& vote, const std::vector<StoredBallot>& ballots);

}  // namespace sv
