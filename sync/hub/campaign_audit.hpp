#pragma once
// `streetvoice-hub verify`: a campaign checked from scratch against what the dashboard shows.
// Every tablet's chain is walked again over the responses as stored (an answer changed,
// removed or put into the hub's database breaks it), every voter code rule is checked again,
// and every activity is recounted from the stored responses, each budget vote's outcome worked
// out again from its .pb by the rules alone. The campaign verifies only when all agree.
#include <string>
#include <vector>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

struct CampaignAudit {
    std::vector<std::string> held;      // what was checked and agrees, a sentence each
    std::vector<std::string> problems;  // what does not
    std::vector<std::string> notes;     // what could not be checked, or was refused on arrival
    bool agrees() const { return problems.empty(); }
};

Result<CampaignAudit> audit_campaign(HubStore& store, const std::string& campaign_id);

}  // namespace sv
