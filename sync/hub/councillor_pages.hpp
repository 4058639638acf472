#pragma once
// What a ward councillor sees besides their ward's reports: the list of campaigns, each with
// the link to that ward's report, and, on any other page, where theirs are.
#include <string>
#include <vector>

#include "dashboard_pages.hpp"

namespace sv {

std::string councillor_campaigns_page(const SignedIn& who, const std::vector<CampaignListing>& campaigns);
// For a councillor who opened a page that is not theirs to read.
std::string councillor_refused_page(const SignedIn& who);

}  // namespace sv
