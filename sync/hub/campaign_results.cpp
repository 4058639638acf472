#include "campaign_results.hpp"

#include "campaign_tally.hpp"
#include "outcome_counter.hpp"

namespace sv {

Result<CampaignResults> campaign_results(HubStore& store, const std::string& campaign_id) {
    // Counted here and now, whatever it takes: nothing else waits on this caller.
    OutcomeCounter counter(std::chrono::hours(1));
    CampaignTallies tallies(counter, std::chrono::hours(1));
    return tallies.results(store, campaign_id);
}

}  // namespace sv
