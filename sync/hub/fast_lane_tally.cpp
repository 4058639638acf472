#include "fast_lane_tally.hpp"

#include <algorithm>

#include "event_groups.hpp"
#include "quick_poll.hpp"

namespace sv {
namespace {

// Groups by ward and by event (in the order the events started) from counts kept by event id.
template <class Counts, class Group, class Summary>
void group_by_place(const std::map<std::string, Counts>& by_event, const std::vector<HubEvent>& events,
                    std::vector<Group>& by_ward, std::vector<Group>& by_event_out, Summary summary) {
    std::map<std::string, Counts> wards;
    for (const auto& [event_id, counts] : by_event) {
        const HubEvent* event = find_event(events, event_id);
        wards[event ? event->ward : std::string()].add(counts);
    }
    for (const auto& [ward, counts] : wards) by_ward.push_back(summary(counts, ward_name(ward), std::string()));
    for (const auto& e : events)
        if (const auto counts = by_event.find(e.event_id); counts != by_event.end())
            by_event_out.push_back(summary(counts->second, event_name(e), event_detail(e)));
}

}  // namespace

void FastLaneTally::PollCounts::add(const PollCounts& other) {
    responses += other.responses;
    counts.resize(std::max(counts.size(), other.counts.size()));
    for (std::size_t i = 0; i < other.counts.size(); ++i) counts[i] += other.counts[i];
}

void FastLaneTally::ScaleCounts::add(const ScaleCounts& other) {
    responses += other.responses;
    for (std::size_t i = 0; i < today.size(); ++i) {
        today[i] += other.today[i];
        wanted[i] += other.wanted[i];
    }
}

void FastLaneTally::add(const Activity& activity, const Response& response) {
    if (activity.type == ActivityType::quick_poll) {
        const auto choice = parse_quick_poll_payload(activity.poll, response.payload);
        if (!choice) return;  // checked on the way in
        PollCounts& counts = polls_[activity.id][response.event_id];
        counts.counts.resize(activity.poll.answers.size());
        if (static_cast<std::size_t>(choice.value()) >= counts.counts.size()) return;
        ++counts.responses;
        ++counts.counts[static_cast<std::size_t>(choice.value())];
    } else if (activity.type == ActivityType::scale_pair) {
        const auto pair = parse_scale_pair_payload(response.payload);
        if (!pair) return;
        ScaleCounts& counts = scales_[activity.id][response.event_id];
        ++counts.responses;
        ++counts.today[static_cast<std::size_t>(pair.value().first - kLowestRating)];
        ++counts.wanted[static_cast<std::size_t>(pair.value().second - kLowestRating)];
    }
}

QuickPollResults FastLaneTally::poll(const Activity& activity, const std::string& language,
                                     const std::vector<HubEvent>& events) const {
    QuickPollResults results;
    results.activity_id = activity.id;
    results.title = activity.title.in(language);
    results.question = activity.poll.question.in(language);
    for (const auto& answer : activity.poll.answers) results.answers.push_back(answer.in(language));
    const auto summary = [&](const PollCounts& counts, std::string name, std::string detail) {
        PollGroup group{std::move(name), std::move(detail), counts.responses, counts.counts};
        group.counts.resize(results.answers.size());
        return group;
    };
    static const std::map<std::string, PollCounts> none;
    const auto found = polls_.find(activity.id);
    const auto& by_event = found == polls_.end() ? none : found->second;
    PollCounts everyone;
    for (const auto& [event_id, counts] : by_event) everyone.add(counts);
    results.everyone = summary(everyone, "Everyone", {});
    group_by_place(by_event, events, results.by_ward, results.by_event, summary);
    return results;
}

ScalePairResults FastLaneTally::scale_pair(const Activity& activity, const std::string& language,
                                           const std::vector<HubEvent>& events) const {
    ScalePairResults results;
    results.activity_id = activity.id;
    results.title = activity.title.in(language);
    results.today_question = activity.poll.today.in(language);
    results.wanted_question = activity.poll.wanted.in(language);
    const auto summary = [](const ScaleCounts& counts, std::string name, std::string detail) {
        ScalePairGroup group{std::move(name), std::move(detail), counts.responses};
        if (counts.responses > 0) {
            group.today = rating_quantile(counts.today, 0.5);
            group.wanted = rating_quantile(counts.wanted, 0.5);
        }
        return group;
    };
    static const std::map<std::string, ScaleCounts> none;
    const auto found = scales_.find(activity.id);
    const auto& by_event = found == scales_.end() ? none : found->second;
    ScaleCounts everyone;
    for (const auto& [event_id, counts] : by_event) everyone.add(counts);
    results.everyone = summary(everyone, "Everyone", {});
    group_by_place(by_event, events, results.by_ward, results.by_event, summary);
    return results;
}

}  // namespace sv
