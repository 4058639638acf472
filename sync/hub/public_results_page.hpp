#pragma once
// A campaign's results for anyone, at /results/ID once an organiser switches it on: how the
// area was rated, the budget outcome, the quick polls and "you said, we did". No comments, no
// breakdown by ward or event, nothing for a group under kSmallestGroupShown, no login, and
// nothing on it that names who wrote a note. Made to read on a phone first.
#include <string>
#include <vector>

#include "campaign_results.hpp"
#include "hub_store.hpp"

namespace sv {

// Where anyone downloads a budget vote's ballots (the .pb its outcome was worked out from)
// while the campaign's results are public.
std::string public_ballots_path(const std::string& campaign_id, const BudgetResults& budget);

std::string public_results_page(const CampaignResults& results, const std::vector<HubOutcomeNote>& notes);
// What /results/ID says while its results are not public (or there is no such campaign).
std::string no_public_results_page();

}  // namespace sv
