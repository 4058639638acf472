#pragma once
// A campaign's responses counted as they are read, kept by the hub between dashboard visits:
// a visit reads only the responses stored since the last one (by row number) and works the
// tables out from the counts. Only the budget ballots are kept whole, because the outcome
// is worked out from the .pb they make, by the OutcomeCounter's thread when new ballots come.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "campaign_results.hpp"
#include "fast_lane_tally.hpp"
#include "hub_store.hpp"
#include "outcome_counter.hpp"

namespace sv {

class CampaignTally {
public:
    // `earlier`: the campaign's other published versions, which ballots may have been cast under.
    explicit CampaignTally(Campaign campaign, std::map<int, Campaign> earlier = {});
    const Campaign& campaign() const { return campaign_; }

    // Counts the responses stored since the last call.
    Status catch_up(HubStore& store);
    // A budget vote's count asked of the counter, and where its results go.
    struct PendingCount {
        std::string key;
        std::size_t tag = 0;
        std::size_t index = 0;  // in CampaignResults::budgets
    };
    // `events`: every event the hub knows, in the order they started. Budget votes are
    // asked of `counter` and show its last finished count; `pending` lists them.
    Result<CampaignResults> results(const std::vector<HubEvent>& events, OutcomeCounter& counter,
                                    std::vector<PendingCount>& pending);

private:
    struct Comment {
        std::string device_time;
        std::string event_id;
        int theme = 0;
        std::string text;
    };
    struct PlaceStandardTally {
        std::map<std::string, CompassTally> by_event;  // by event id
        std::vector<Comment> comments;                 // in the order stored
    };
    struct DeviceTally {
        int responses = 0;
        std::string last_received;
        std::vector<double> lags;  // minutes from answering to arriving at the hub
    };

    void add(const HubResponse& h);
    Participation participation(const std::vector<HubEvent>& events) const;
    PlaceStandardResults place_standard(const Activity& activity, const PlaceStandardTally& tally,
                                        const std::vector<HubEvent>& events) const;
    std::vector<ReachQuestion> reach() const;
    // A ballot's chosen projects, read once as it arrives, for the breakdown by ward.
    struct BallotChoices {
        int version = 0;
        std::string event_id;
        std::string uuid;
        std::vector<std::string> project_ids;
    };
    void note_choices(const Response& r);
    // Ballots of one budget vote (cast under `version`, or any when 0) by the ward of their event;
    // later ballots of a voter code already used are left out, as in the count.
    BudgetByWard budget_by_ward(const std::string& activity_id, int version, const std::vector<HubEvent>& events);
    // The versions whose ballots of `activity` are counted apart, oldest first: none when every
    // version with ballots asked voters what the newest asks.
    std::vector<int> versions_counted_apart(const Activity& activity);
    const Campaign& version(int v) const;
    Status ask_count(CampaignResults& results, const Campaign& campaign, const Activity& activity, int version,
                     OutcomeCounter& counter, std::vector<PendingCount>& pending);

    Campaign campaign_;
    std::map<int, Campaign> earlier_;
    std::map<std::pair<int, std::string>, std::optional<std::string>> terms_;  // by version and activity
    std::int64_t read_since_ = 0;  // where the next catch-up reads from (see HubStore)
    int responses_ = 0;            // not counting "about you" answers
    std::map<std::string, int> responses_by_event_;
    std::array<int, 24> by_hour_{};
    std::map<std::string, int> by_day_;  // by the hub's local day, "2026-11-22"
    std::map<std::string, DeviceTally> devices_;
    std::map<std::string, PlaceStandardTally> place_standard_;  // by activity id
    FastLaneTally fast_lane_;
    std::vector<HubResponse> ballots_;                           // of every budget vote: voter codes span them
    std::map<std::string, std::vector<BallotChoices>> choices_;  // by activity id
    std::map<std::string, std::map<int, std::size_t>> ballots_by_version_;  // by activity, then version
    std::vector<std::map<std::string, int>> about_you_counts_;              // per question: answer -> people
};

// The hub's tallies, one per campaign, kept while it runs. A newly published version of a
// campaign starts its tally afresh, as its questions may have changed.
class CampaignTallies {
public:
    // A visit waits up to `wait_for_count` for a budget vote's newest count, then shows the last.
    explicit CampaignTallies(OutcomeCounter& counter,
                             std::chrono::milliseconds wait_for_count = std::chrono::milliseconds(1500))
        : counter_(counter), wait_for_count_(wait_for_count) {}
    Result<CampaignResults> results(HubStore& store, const std::string& campaign_id);
    // The same, for the newest version of a campaign already read.
    Result<CampaignResults> results(HubStore& store, Campaign newest);

private:
    OutcomeCounter& counter_;
    std::chrono::milliseconds wait_for_count_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<CampaignTally>> by_campaign_;
};

// Counts a campaign here and now, whatever it takes (a benchmark's or a test's own count:
// nothing else waits on its caller).
Result<CampaignResults> campaign_results(HubStore& store, const std::string& campaign_id);

}  // namespace sv
