#pragma once
// A budget vote's stored ballots as a pabulib election, so that anyone can recompute the
// result with independent tools; and the kiosk's own count of the same ballots.
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

// Per project: ticks (approval, knapsack), points (cumulative) or Borda points (ranked: k for
// the first of k, down to 1), counted straight from the ballots.
std::vector<mpq_class> tally_budget_vote(const BudgetVote& vote, const std::vector<StoredBallot>& ballots);

}  // namespace sv
