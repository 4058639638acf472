#pragma once
// What a campaign's responses say, worked out once for the dashboard: the Place Standard by
// theme (everyone, each ward, each event), the budget votes under both outcome rules, who
// took part where and when, and who answered compared with who lives in the area.
// Small groups are never shown broken down: see compass_tally.hpp.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "compass_tally.hpp"
#include "pb_number.hpp"
#include "place_standard.hpp"
#include "result.hpp"

namespace sv {

// A comment on one theme, with the ward of the event where it was given.
struct ThemeComment {
    std::string text;
    std::string ward;
};

struct PlaceStandardResults {
    std::string activity_id;
    std::string title;
    PlaceStandardVersion version = PlaceStandardVersion::adults;  // its scale and wording
    CompassGroup everyone;
    std::vector<CompassGroup> by_ward;   // by the ward staff gave the event
    std::vector<CompassGroup> by_event;  // in the order the events started
    // Per theme, newest first. Shown only when everyone's compass is.
    std::array<std::vector<ThemeComment>, kThemeCount> comments{};
};

// One group's answers to a quick poll: everyone, a ward or an event. A group under
// kSmallestGroupShown shows only how many answered.
struct PollGroup {
    std::string name;
    std::string detail;
    int responses = 0;
    std::vector<int> counts;  // people per answer, in the campaign's order
    bool shown() const { return responses >= kSmallestGroupShown; }
};

struct QuickPollResults {
    std::string activity_id;
    std::string title;
    std::string question;
    std::vector<std::string> answers;
    PollGroup everyone;
    std::vector<PollGroup> by_ward;
    std::vector<PollGroup> by_event;
};

// One group's today/wanted pair: where people put the area today and where they want it,
// each as a median on 1-7, and the gap between them.
struct ScalePairGroup {
    std::string name;
    std::string detail;
    int responses = 0;
    double today = 0, wanted = 0;  // medians
    bool shown() const { return responses >= kSmallestGroupShown; }
};

struct ScalePairResults {
    std::string activity_id;
    std::string title;
    std::string today_question, wanted_question;
    ScalePairGroup everyone;
    std::vector<ScalePairGroup> by_ward;
    std::vector<ScalePairGroup> by_event;
};

struct ProjectResult {
    std::string id;
    std::string name;
    mpq_class cost;
    mpq_class votes;  // ticks, points or Borda points, as the vote counts them
    bool funded_by_greedy = false;
    bool funded_by_equal_shares = false;
    std::string greedy_why;        // "Not funded: £15,000 was left when its turn came, ..."
    std::string equal_shares_why;  // "Funded in round 2: ..." (empty when equal shares did not finish)
};

// The rule a budget vote's .pb says decides its outcome; the other is shown beside it.
enum class DecidingRule { not_said, most_votes, equal_shares };

struct BudgetResults {
    std::string activity_id;
    // 0: every ballot. Else only those cast under this version: the campaign's versions asked
    // voters different things (projects, costs or rules), so each is counted on its own.
    int version = 0;
    std::string title;
    std::string vote_type;  // approval, ordinal, cumulative (pabulib's words)
    int ballots = 0;
    mpq_class budget;
    std::string currency;
    std::vector<ProjectResult> projects;    // most votes first
    std::vector<std::string> greedy;        // funded project ids, in funding order
    std::vector<std::string> equal_shares;  // Method of Equal Shares (add1 completion)
    mpq_class greedy_cost;
    mpq_class equal_shares_cost;
    std::vector<std::vector<std::string>> held_back;  // later ballots of a voter code already used: not counted
    std::string pb_file;                              // the .pb the outcome was worked out from
    std::string deciding_rule;                        // which rule the .pb says decides, in a sentence
    DecidingRule decided_by = DecidingRule::not_said;
    std::string greedy_how, equal_shares_how;  // how each rule went, in a paragraph
    // Set when equal shares gave up (a count's time budget, the hub stopping): why, in words.
    std::string equal_shares_unfinished;
    bool counted = true;      // false: the first count is still under way, nothing to show yet
    bool recounting = false;  // these are the last finished count's; a newer one is under way
};

// How each ward's voters chose, beside the outcome: how many ballots each ward cast, and how
// many of them chose each project (by project id). Wards under kSmallestGroupShown ballots
// show only how many.
struct BudgetWard {
    std::string name;
    int ballots = 0;
    std::map<std::string, int> chose;
    bool shown() const { return ballots >= kSmallestGroupShown; }
};

struct BudgetByWard {
    std::string activity_id;
    int version = 0;  // as BudgetResults::version
    std::vector<BudgetWard> wards;
};

struct EventParticipation {
    std::string place;
    std::string ward;
    std::string started_at;
    int responses = 0;
};

struct DeviceParticipation {
    std::string device_id;
    std::string name;  // as staff know it; empty when none was given
    bool revoked = false;
    int responses = 0;
    std::string last_received;
    double median_lag_minutes = 0;  // from answering on the kiosk to arriving at the hub
    double longest_lag_minutes = 0;
    // What the tablet said at its last sync it keeps of the campaign, counted alike; none when
    // it has not said.
    struct OnTablet {
        std::int64_t answers = 0;
        std::int64_t waiting = 0;
        std::int64_t refused = 0;
        std::string reported_at;
    };
    std::optional<OnTablet> on_tablet;
};

constexpr int kMostDaysShown = 120;

struct Participation {
    int responses = 0;  // not counting "about you" answers, which follow another response
    std::vector<EventParticipation> events;
    std::array<int, 24> by_hour{};  // by the hub's local hour of the day the answer was given
    // Each day from the first answer's to the last's (the hub's local days, "2026-11-22"), none
    // left out, so quiet days show; the last kMostDaysShown when the campaign ran longer.
    std::vector<std::pair<std::string, int>> by_day;
    bool earlier_days_left_out = false;
    std::vector<DeviceParticipation> devices;
    double median_lag_minutes = 0;
};

struct ReachOption {
    std::string label;
    int people = 0;
    double percent = 0;  // of those who answered, leaving out "prefer not to say"
    std::optional<double> reference_percent;
};

struct ReachQuestion {
    std::string id;
    std::string text;
    int answered = 0;  // gave an answer other than "prefer not to say"
    int preferred_not_to_say = 0;
    bool shown() const { return answered >= kSmallestGroupShown; }
    std::vector<ReachOption> options;  // for the postcode district: each district typed
};

struct CampaignResults {
    Campaign campaign;
    Participation participation;
    std::vector<PlaceStandardResults> place_standard;
    std::vector<BudgetResults> budgets;
    std::vector<BudgetByWard> budgets_by_ward;  // one for each of `budgets`, in the same order
    std::vector<QuickPollResults> polls;
    std::vector<ScalePairResults> scale_pairs;
    std::vector<ReachQuestion> reach;
    std::string reach_source;  // where the reference figures come from
};

}  // namespace sv
