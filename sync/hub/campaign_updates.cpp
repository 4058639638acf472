#include "campaign_updates.hpp"

#include <algorithm>

#include "campaign.hpp"
#include "voter_code_ledger.hpp"

namespace sv {

Result<std::vector<PublishedCampaign>> CampaignUpdates::for_device(const EnrolledDevice& device) {
    auto published = store_.published_campaigns();
    if (!published) return published.error();
    auto& listed = published.value();
    listed.erase(std::remove_if(listed.begin(), listed.end(),
                                [&](const PublishedCampaign& c) { return !device.may_answer(c.id); }),
                 listed.end());
    auto notes = store_.outcome_notes("");
    if (!notes) return notes.error();
    std::lock_guard lock(mutex_);
    for (auto& campaign : listed) {
        for (const auto& n : notes.value())
            if (n.campaign_id == campaign.id) campaign.outcome_notes.push_back({n.ward, n.said, n.did});
        if (!takes_voter_codes(campaign)) continue;
        auto spent = spent_voter_codes(campaign.id);
        if (!spent) return spent.error();
        campaign.used_voter_codes = std::move(spent).value();
    }
    return published;
}

bool CampaignUpdates::takes_voter_codes(const PublishedCampaign& campaign) {
    const auto key = std::make_pair(campaign.id, campaign.version);
    if (const auto known = takes_codes_.find(key); known != takes_codes_.end()) return known->second;
    // Checked when it was published, so it reads; a definition that somehow did not would take no codes.
    auto parsed = parse_campaign(campaign.definition, "campaign " + campaign.id);
    const bool takes =
        parsed && std::any_of(parsed.value().activities.begin(), parsed.value().activities.end(),
                              [](const Activity& a) { return a.eligibility.rule == EligibilityRule::voter_code; });
    takes_codes_.emplace(key, takes);
    return takes;
}

Result<std::vector<std::string>> CampaignUpdates::spent_voter_codes(const std::string& campaign_id) {
    SpentCodes& seen = spent_[campaign_id];
    auto read = store_.visit_responses_of_campaign(campaign_id, seen.read_since, [&seen](const HubResponse& h) {
        if (auto code = voter_code_of(h.response)) seen.codes.insert(*code);
    });
    if (!read) return read.error();
    seen.read_since = read.value();
    return std::vector<std::string>(seen.codes.begin(), seen.codes.end());
}

}  // namespace sv
