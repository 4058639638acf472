#pragma once
// Which campaign a kiosk run from its hub runs: the newest version of one the hub published to
// it, read from the answers file (sync keeps every published version there); with several,
// the one staff chose on the staff panel (or two side by side), else the one it learnt of
// last. Staff are told when it has not heard from its hub yet, and it runs the file it was
// installed with.
#include <optional>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "result.hpp"
#include "store.hpp"

namespace sv {

namespace hub_setting {
// The ids the hub listed at the kiosk's last campaign update, one per line.
constexpr const char* published_campaigns = "hub_published_campaigns";
// The campaigns staff chose, one id per line: the first gives the welcome screen, its languages
// and its "about you"; a second's activities are offered beside the first's.
constexpr const char* chosen_campaigns = "hub_chosen_campaigns";
}  // namespace hub_setting

// More would not fit the welcome screen.
constexpr std::size_t kMostCampaignsAtOnce = 2;

struct HubCampaignChoice {
    bool heard_from_hub = false;  // a campaign list has come from the hub
    std::string id;               // empty: the hub published none to this kiosk
    int version = 0;
    std::vector<CampaignVersion> beside;  // chosen by staff, their activities offered too
    bool chosen_by_staff = false;
    std::size_t published = 0;  // campaigns the hub published to this kiosk that it holds
};

// A campaign the hub published to this kiosk, as the staff panel lists it.
struct CampaignOnOffer {
    std::string id;
    int version = 0;  // the newest this kiosk holds
    std::string title;
    std::vector<std::string> activities;  // their titles
};

// Where the pictures of the hub's campaigns are kept, each named by its SHA-256: beside the
// answers file.
std::string hub_pictures_folder(const std::string& answers_path);

// Each campaign the hub published to this kiosk that it holds, the one it learnt of last first,
// read and described.
Result<std::vector<CampaignOnOffer>> published_campaigns(const Store& store);
// Keeps staff's choice (ids of published campaigns, at most kMostCampaignsAtOnce), for every
// start from now on.
Status choose_hub_campaigns(Store& store, const std::vector<std::string>& ids);

// What runs: the campaigns staff chose that the hub still publishes, else the one it learnt of
// last; each at its newest version.
Result<HubCampaignChoice> hub_campaign_choice(const Store& store);
// Those campaigns, read and put together, their projects' pictures the files sync kept in
// `pictures_folder`. An activity of the second with the id of one of the first's is left out:
// answers are told apart by it.
Result<Campaign> hub_campaign(const Store& store, const HubCampaignChoice& choice, const std::string& pictures_folder);
// Whether `running` is what `choice` names (so nothing new to take up).
bool runs_choice(const Campaign& running, const HubCampaignChoice& choice);

// The copy this kiosk holds of `file`'s id and version when it means something else than the
// file (changed without a new version number): on a kiosk with a hub that copy runs, as the
// hub has it and answers already given were given under it. Nothing when they agree or the
// kiosk holds no copy.
Result<std::optional<Campaign>> held_copy_differing_from(const Store& store, const Campaign& file);

// What staff see of it on the staff panel, in a few words.
std::string hub_campaign_words(const HubCampaignChoice& choice);

}  // namespace sv
