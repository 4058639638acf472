#pragma once
// A campaign's report, for a committee paper or a ward councillor: a summary page (dates, how
// many took part and where, what stood out), then a part for each activity, who was reached and
// "you said, we did". Everything on it is to read, with nothing to press, and it prints on A4
// pages (the print rules in assets/hub/dashboard.css). For the whole campaign, or one ward:
// that ward's figures (and its comments) beside the campaign's budget outcome.
#include <optional>
#include <string>
#include <vector>

#include "campaign_results.hpp"
#include "hub_store.hpp"
#include "organiser_sessions.hpp"

namespace sv {

// `ward`: as staff gave it at the stall ("" for events given none); nothing for the whole campaign.
std::string report_page(const SignedIn& who, const CampaignResults& results, const std::vector<HubOutcomeNote>& notes,
                        const std::optional<std::string>& ward);
// Where a report is: "/dashboard/campaigns/ID/report", ".../report/ward/NAME".
std::string report_path(const std::string& campaign_id, const std::optional<std::string>& ward);

}  // namespace sv
