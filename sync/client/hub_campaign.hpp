#pragma once
// Which campaign a kiosk run from its hub runs: the newest version of one the hub published to
// it, read from the answers file (sync keeps every published version there). Staff are told
// when it has not heard from its hub yet, and it runs the file it was installed with.
#include <optional>
#include <string>

#include "campaign.hpp"
#include "result.hpp"
#include "store.hpp"

namespace sv {

namespace hub_setting {
// The ids the hub listed at the kiosk's last campaign update, one per line.
constexpr const char* published_campaigns = "hub_published_campaigns";
}  // namespace hub_setting

struct HubCampaignChoice {
    bool heard_from_hub = false;  // a campaign list has come from the hub
    std::string id;               // empty: the hub published none to this kiosk
    int version = 0;
};

// Where the pictures of the hub's campaigns are kept, each named by its SHA-256: beside the
// answers file.
std::string hub_pictures_folder(const std::string& answers_path);

// The campaign the hub published to this kiosk that it learnt of last, at its newest version.
Result<HubCampaignChoice> hub_campaign_choice(const Store& store);
// That campaign, read, its projects' pictures the files sync kept in `pictures_folder`.
Result<Campaign> hub_campaign(const Store& store, const HubCampaignChoice& choice, const std::string& pictures_folder);

// The copy this kiosk holds of `file`'s id and version when it means something else than the
// file (changed without a new version number): on a kiosk with a hub that copy runs, as the
// hub has it and answers already given were given under it. Nothing when they agree or the
// kiosk holds no copy.
Result<std::optional<Campaign>> held_copy_differing_from(const Store& store, const Campaign& file);

// What staff see of it on the staff panel, in a few words.
std::string hub_campaign_words(const HubCampaignChoice& choice);

}  // namespace sv
