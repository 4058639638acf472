#pragma once
// What a kiosk's poll for campaign updates gets: the published campaigns it was enrolled for,
// each with its "you said, we did" notes and, behind voter codes, every code already spent
// on any kiosk. The spent codes are kept up to date from the rows stored since the last poll,
// so a poll reads only what is new, never every response again.
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "hub_store.hpp"

namespace sv {

class CampaignUpdates {
public:
    explicit CampaignUpdates(HubStore& store) : store_(store) {}

    Result<std::vector<PublishedCampaign>> for_device(const EnrolledDevice& device);

private:
    bool takes_voter_codes(const PublishedCampaign& campaign);
    Result<std::vector<std::string>> spent_voter_codes(const std::string& campaign_id);

    struct SpentCodes {
        std::int64_t read_since = 0;  // see HubStore::visit_responses_of_campaign
        std::set<std::string> codes;
    };
    HubStore& store_;
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, bool> takes_codes_;  // by id and version, read once
    std::map<std::string, SpentCodes> spent_;
};

}  // namespace sv
