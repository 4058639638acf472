#pragma once
// The fast lane's answers counted as they arrive: each quick poll's answers and each
// today/wanted pair's ratings, by event; worked out for everyone, each ward and each event.
#include <map>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "campaign_results.hpp"
#include "compass_tally.hpp"
#include "hub_store.hpp"

namespace sv {

class FastLaneTally {
public:
    // A response to `activity` (a quick poll or a scale pair; others are not counted here).
    void add(const Activity& activity, const Response& response);
    QuickPollResults poll(const Activity& activity, const std::string& language,
                          const std::vector<HubEvent>& events) const;
    ScalePairResults scale_pair(const Activity& activity, const std::string& language,
                                const std::vector<HubEvent>& events) const;

private:
    struct PollCounts {
        int responses = 0;
        std::vector<int> counts;
        void add(const PollCounts& other);
    };
    struct ScaleCounts {
        int responses = 0;
        RatingCounts today{}, wanted{};
        void add(const ScaleCounts& other);
    };
    std::map<std::string, std::map<std::string, PollCounts>> polls_;    // by activity, then event id
    std::map<std::string, std::map<std::string, ScaleCounts>> scales_;  // by activity, then event id
};

}  // namespace sv
