#pragma once
// A campaign definition: what a kiosk asks, in which languages, in which version.
// Campaign files are JSON; every problem found names the file and the field.
#include <string>
#include <vector>

#include "about_you.hpp"
#include "budget_vote.hpp"
#include "eligibility.hpp"
#include "local_text.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "result.hpp"

namespace sv {

constexpr int kCampaignFormat = 1;

enum class ActivityType { place_standard, budget_vote, quick_poll, scale_pair };
// As campaign files spell them.
inline constexpr Spelling<ActivityType> kActivityTypeNames[] = {{ActivityType::place_standard, "place-standard"},
                                                                {ActivityType::budget_vote, "budget-vote"},
                                                                {ActivityType::quick_poll, "quick-poll"},
                                                                {ActivityType::scale_pair, "scale-pair"}};

struct Activity {
    std::string id;
    ActivityType type = ActivityType::place_standard;
    LocalText title;    // on the welcome screen's button
    LocalText summary;  // one line under it ("14 quick questions, about 5 minutes")
    BudgetVote budget;  // for budget_vote
    QuickPoll poll;     // for quick_poll and scale_pair
    // For place_standard: the adults' tool, or the children's or young people's version.
    PlaceStandardVersion place_standard_version = PlaceStandardVersion::adults;
    Eligibility eligibility;
    // Set only when a kiosk offers activities of two campaigns side by side: the campaign (and
    // version) this one was taken from, which its answers belong to. Empty: the campaign it is in.
    std::string from_campaign;
    int from_version = 0;
};

// What people asked for last time, and what the council did about it.
struct OutcomeNote {
    LocalText said;
    LocalText did;
};

constexpr std::size_t kMostOutcomeNotes = 6;

// One version of one campaign, as answers name it.
struct CampaignVersion {
    std::string id;
    int version = 0;
    bool operator==(const CampaignVersion& other) const { return id == other.id && version == other.version; }
};

struct Campaign {
    std::string id;
    int version = 0;
    std::vector<std::string> languages;  // the first is the default
    LocalText title;
    LocalText area;  // the ward or neighbourhood the campaign is about
    // The wards its events may be held in, as the council names them; staff choose from these
    // at the stall, and notes are written for one of them. Empty: staff type a ward freely.
    std::vector<std::string> wards;
    LocalText welcome;  // a sentence or two on the welcome screen
    std::vector<Activity> activities;
    std::vector<OutcomeNote> you_said_we_did;  // shown on the welcome screen
    AboutYou about_you;                        // asked after a response, with consent
    std::string definition_json;               // the file as read, kept with the answers it produced
    std::string folder;                        // where the file was read from; pictures are found from here
    // Campaigns whose activities a kiosk offers beside this one's, as staff chose (their
    // activities carry `from_campaign`); empty for a campaign run on its own.
    std::vector<CampaignVersion> offered_beside;

    const Activity* activity(const std::string& activity_id) const;
    // The campaign and version an activity's answers are stored under.
    const std::string& answers_campaign(const Activity& activity) const;
    int answers_version(const Activity& activity) const;

    const std::string& default_language() const { return languages.front(); }
};

constexpr std::size_t kMostWards = 100;
constexpr std::size_t kLongestWardName = 60;

Result<Campaign> parse_campaign(const std::string& json_text, const std::string& source_name);
Result<Campaign> load_campaign_file(const std::string& path);

}  // namespace sv
