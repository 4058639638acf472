#include "councillor_pages.hpp"

#include "html_text.hpp"
#include "report_page.hpp"

namespace sv {

std::string councillor_campaigns_page(const SignedIn& who, const std::vector<CampaignListing>& campaigns) {
    Html body;
    body << "<h1>Reports for " << who.councillor_ward << " ward</h1><p class=\"lead\">What people in the ward "
         << "said, campaign by campaign: ratings, budget votes, polls and comments. Groups of fewer than "
         << kSmallestGroupShown << " people are never broken down.</p>";
    if (campaigns.empty()) body << "<p>No campaign is published on this hub yet.</p>";
    body << "<ul class=\"campaigns\">";
    for (const auto& c : campaigns)
        body << "<li><a href=\"" << report_path(c.id, who.councillor_ward) << "\">" << c.title
             << "</a><br><span class=\"muted\">" << c.area << "</span></li>";
    body << "</ul>";
    return dashboard_page("Reports for " + who.councillor_ward + " ward", who, body);
}

std::string councillor_refused_page(const SignedIn& who) {
    Html body;
    body << "<h1>This page is not open to you</h1><p class=\"problem\">As councillor for " << who.councillor_ward
         << " ward you can read that ward's reports, and no other page.</p><p><a href=\"" << dashboard_path::home
         << "\">Your ward's reports</a></p>";
    return dashboard_page("Not open to you", who, body);
}

}  // namespace sv
