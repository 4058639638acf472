#pragma once
// The pictures a campaign's projects name, read from beside its file when it is published,
// so the hub can hand them to every kiosk with the campaign.
#include <map>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "result.hpp"
#include "wire_format.hpp"

namespace sv {

struct CampaignPictureFiles {
    std::vector<CampaignPicture> named;        // one per picture path, as the projects name them
    std::map<std::string, std::string> bytes;  // by SHA-256
};

// Each picture at most kLargestPictureBytes; one missing or too large is an error naming it.
Result<CampaignPictureFiles> campaign_pictures_beside(const Campaign& campaign);

}  // namespace sv
