#include "hub_store.hpp"

#include <algorithm>

namespace sv {

Result<std::vector<HubResponse>> HubStore::responses_of_campaign(const std::string& campaign_id) {
    std::vector<HubResponse> all;
    auto read =
        visit_responses_of_campaign(campaign_id, 0, [&all](std::int64_t, const HubResponse& h) { all.push_back(h); });
    if (!read) return read.error();
    return all;
}

bool EnrolledDevice::may_answer(const std::string& campaign_id) const {
    return campaigns.empty() || std::find(campaigns.begin(), campaigns.end(), campaign_id) != campaigns.end();
}

std::string joined_campaign_ids(const std::vector<std::string>& ids) {
    std::string joined;
    for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
    return joined;
}

std::vector<std::string> split_campaign_ids(const std::string& joined) {
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t comma = std::min(joined.find(',', start), joined.size());
        if (comma > start) ids.push_back(joined.substr(start, comma - start));
        start = comma + 1;
    }
    return ids;
}

EnrolOutcome judge_enrolment(const EnrolmentFacts& facts, const std::string& device_id,
                             const std::string& current_token_hash) {
    if (!facts.code_known) return EnrolOutcome::code_not_usable;
    if (!facts.code_for_device.empty() && facts.code_for_device != device_id) return EnrolOutcome::code_not_usable;
    if (!facts.code_unused && !facts.code_used_lately_by_this_device) return EnrolOutcome::code_not_usable;
    if (!facts.device_token_hash) return EnrolOutcome::enrolled;
    const bool shows_its_token = !current_token_hash.empty() && current_token_hash == *facts.device_token_hash;
    if (shows_its_token || facts.code_for_device == device_id || facts.code_used_lately_by_this_device)
        return EnrolOutcome::enrolled;
    return EnrolOutcome::device_enrolled_already;
}

}  // namespace sv
