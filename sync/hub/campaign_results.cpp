#include "campaign_results.hpp"

#include "campaign_tally.hpp"
#include "hub_export.hpp"

namespace sv {

Result<CampaignResults> campaign_results(HubStore& store, const std::string& campaign_id) {
    auto campaign = newest_published_campaign(store, campaign_id);
    if (!campaign) return campaign.error();
    CampaignTally tally(std::move(campaign).value());
    if (auto read = tally.catch_up(store); !read) return read.error();
    auto events = store.events();
    if (!events) return events.error();
    return tally.results(events.value());
}

}  // namespace sv
