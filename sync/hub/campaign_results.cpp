#include "campaign_results.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include "about_you.hpp"
#include "budget_export.hpp"
#include "device_clock.hpp"
#include "hub_export.hpp"
#include "pabulib_reader.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"

namespace sv {
namespace {

using RatingCounts = std::array<int, kHighestRating>;

// Ratings of one group, counted as they are read.
struct CompassTally {
    int responses = 0;
    std::array<RatingCounts, kThemeCount> counts{};

    void add(const PlaceStandardAnswers& answers) {
        ++responses;
        for (int t = 0; t < kThemeCount; ++t)
            if (const auto rating = answers.ratings[static_cast<std::size_t>(t)])
                ++counts[static_cast<std::size_t>(t)][static_cast<std::size_t>(*rating - 1)];
    }

    CompassGroup summary(std::string name, std::string detail = {}) const {
        CompassGroup group;
        group.name = std::move(name);
        group.detail = std::move(detail);
        group.responses = responses;
        if (!group.shown()) return group;  // nothing of a small group leaves this function
        for (std::size_t t = 0; t < counts.size(); ++t) {
            ThemeSummary& theme = group.themes[t];
            for (int c : counts[t]) theme.rated += c;
            if (theme.rated == 0) continue;
            theme.median = rating_quantile(counts[t], 0.5);
            theme.lower_quartile = rating_quantile(counts[t], 0.25);
            theme.upper_quartile = rating_quantile(counts[t], 0.75);
        }
        return group;
    }
};

double median_of(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string ward_name(const std::string& ward) {
    return ward.empty() ? "No ward given" : ward;
}

struct EventInfo {
    const HubEvent* event = nullptr;
    int index = 0;  // in the order events started
};

Participation participation_of(const std::vector<HubResponse>& responses, const std::vector<HubEvent>& events,
                               const std::map<std::string, EventInfo>& event_of) {
    Participation p;
    std::vector<int> per_event(events.size(), 0);
    std::map<std::string, std::vector<double>> lags_by_device;
    std::map<std::string, DeviceParticipation> devices;
    std::vector<double> all_lags;
    for (const auto& h : responses) {
        const WireResponse& r = h.response;
        if (r.activity_id == kAboutYouActivity) continue;
        ++p.responses;
        if (const auto e = event_of.find(r.event_id); e != event_of.end())
            ++per_event[static_cast<std::size_t>(e->second.index)];
        DeviceParticipation& device = devices[r.device_id];
        device.device_id = r.device_id;
        ++device.responses;
        device.last_received = std::max(device.last_received, h.received_at);
        const auto given = utc_iso8601_seconds(r.device_time);
        if (!given) continue;
        std::tm local{};
        localtime_r(&*given, &local);
        ++p.by_hour[static_cast<std::size_t>(local.tm_hour)];
        if (const auto received = utc_iso8601_seconds(h.received_at)) {
            const double lag = std::max(0.0, std::difftime(*received, *given) / 60.0);
            lags_by_device[r.device_id].push_back(lag);
            all_lags.push_back(lag);
        }
    }
    for (std::size_t i = 0; i < events.size(); ++i)
        if (per_event[i] > 0) p.events.push_back({events[i].place, events[i].ward, events[i].started_at, per_event[i]});
    for (auto& [id, device] : devices) {
        const auto& lags = lags_by_device[id];
        device.median_lag_minutes = median_of(lags);
        device.longest_lag_minutes = lags.empty() ? 0 : *std::max_element(lags.begin(), lags.end());
        p.devices.push_back(device);
    }
    p.median_lag_minutes = median_of(all_lags);
    return p;
}

PlaceStandardResults place_standard_of(const Activity& activity, const std::string& language,
                                       const std::vector<HubResponse>& responses, const std::vector<HubEvent>& events,
                                       const std::map<std::string, EventInfo>& event_of) {
    PlaceStandardResults results;
    results.activity_id = activity.id;
    results.title = activity.title.in(language);
    CompassTally everyone;
    std::map<std::string, CompassTally> by_ward;
    std::vector<CompassTally> by_event(events.size());
    std::vector<std::pair<std::string, std::pair<int, std::string>>> comments;  // device time, theme, text
    for (const auto& h : responses) {
        if (h.response.activity_id != activity.id) continue;
        auto answers = parse_place_standard_payload(h.response.payload);
        if (!answers) continue;  // checked on the way in; a newer format would not count twice
        everyone.add(answers.value());
        const auto e = event_of.find(h.response.event_id);
        by_ward[e == event_of.end() ? std::string() : e->second.event->ward].add(answers.value());
        if (e != event_of.end()) by_event[static_cast<std::size_t>(e->second.index)].add(answers.value());
        for (int t = 0; t < kThemeCount; ++t) {
            const std::string& comment = answers.value().comments[static_cast<std::size_t>(t)];
            if (!comment.empty()) comments.push_back({h.response.device_time, {t, comment}});
        }
    }
    results.everyone = everyone.summary("Everyone");
    for (const auto& [ward, tally] : by_ward) results.by_ward.push_back(tally.summary(ward_name(ward)));
    for (std::size_t i = 0; i < events.size(); ++i)
        if (by_event[i].responses > 0)
            results.by_event.push_back(
                by_event[i].summary(events[i].place.empty() ? "Unnamed event" : events[i].place,
                                    ward_name(events[i].ward) + ", " + events[i].started_at.substr(0, 10)));
    if (results.everyone.shown()) {
        std::stable_sort(comments.begin(), comments.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [when, comment] : comments)
            results.comments[static_cast<std::size_t>(comment.first)].push_back(std::move(comment.second));
    }
    return results;
}

Result<BudgetResults> budget_of(const Campaign& campaign, const Activity& activity,
                                const std::vector<HubResponse>& responses) {
    BudgetResults results;
    results.activity_id = activity.id;
    results.title = activity.title.in(campaign.default_language());
    results.budget = activity.budget.budget;
    results.currency = activity.budget.currency;
    auto exported = export_pb(campaign, activity.id, responses);
    if (!exported) return exported.error();
    results.held_back = exported.value().held_back;
    results.pb_file = exported.value().text;
    // The outcome is worked out from the .pb itself, as `streetvoice pb outcome` does.
    auto reading = read_pabulib(results.pb_file, activity.id + ".pb");
    if (!reading) return reading.error();
    auto instance = make_pb_instance(reading.value().election);
    if (!instance) return instance.error();
    const PbInstance& pb = instance.value();
    results.vote_type = pb.vote_type;
    results.ballots = static_cast<int>(pb.ballots.size());
    const auto greedy = greedy_outcome(pb);
    const auto equal_shares = equal_shares_add1_outcome(pb);
    const auto scores = pb_scores(pb);
    for (int p : greedy) results.greedy.push_back(pb.projects[static_cast<std::size_t>(p)].id);
    for (int p : equal_shares) results.equal_shares.push_back(pb.projects[static_cast<std::size_t>(p)].id);
    results.greedy_cost = total_cost(pb, greedy);
    results.equal_shares_cost = total_cost(pb, equal_shares);
    for (std::size_t i = 0; i < pb.projects.size(); ++i) {
        ProjectResult project;
        project.id = pb.projects[i].id;
        const int index = activity.budget.project_index(project.id);
        project.name =
            index < 0 ? project.id
                      : activity.budget.projects[static_cast<std::size_t>(index)].name.in(campaign.default_language());
        project.cost = pb.projects[i].cost;
        project.votes = scores[i];
        const int as_int = static_cast<int>(i);
        project.funded_by_greedy = std::find(greedy.begin(), greedy.end(), as_int) != greedy.end();
        project.funded_by_equal_shares =
            std::find(equal_shares.begin(), equal_shares.end(), as_int) != equal_shares.end();
        results.projects.push_back(std::move(project));
    }
    std::stable_sort(results.projects.begin(), results.projects.end(),
                     [](const ProjectResult& a, const ProjectResult& b) { return a.votes > b.votes; });
    return results;
}

std::vector<ReachQuestion> reach_of(const Campaign& campaign, const std::vector<HubResponse>& responses) {
    const AboutYou& about = campaign.about_you;
    const std::string& language = campaign.default_language();
    std::vector<ReachQuestion> reach;
    std::vector<std::map<std::string, int>> counts(about.questions.size());
    for (const auto& h : responses) {
        if (h.response.activity_id != kAboutYouActivity) continue;
        auto answers = parse_about_you_payload(about, h.response.payload);
        if (!answers) continue;
        for (std::size_t q = 0; q < about.questions.size(); ++q)
            if (const auto a = answers.value().find(about.questions[q].id); a != answers.value().end())
                ++counts[q][a->second];
    }
    for (std::size_t q = 0; q < about.questions.size(); ++q) {
        const AboutYouQuestion& question = about.questions[q];
        ReachQuestion row;
        row.id = question.id;
        row.text = question.text.in(language);
        for (const auto& [answer, people] : counts[q])
            (answer == kPreferNotToSay ? row.preferred_not_to_say : row.answered) += people;
        const auto reference = about.reference.percent_by_question.find(question.id);
        auto percent_of = [&](int people) { return row.answered ? 100.0 * people / row.answered : 0.0; };
        if (!question.options.empty()) {
            for (std::size_t o = 0; o < question.options.size(); ++o) {
                const auto found = counts[q].find(std::to_string(o));
                ReachOption option{question.options[o].in(language), found == counts[q].end() ? 0 : found->second, 0,
                                   std::nullopt};
                option.percent = percent_of(option.people);
                if (reference != about.reference.percent_by_question.end())
                    option.reference_percent = reference->second[o];
                row.options.push_back(std::move(option));
            }
        } else {
            for (const auto& [answer, people] : counts[q])
                if (answer != kPreferNotToSay)
                    row.options.push_back({answer, people, percent_of(people), std::nullopt});
            std::stable_sort(row.options.begin(), row.options.end(),
                             [](const ReachOption& a, const ReachOption& b) { return a.people > b.people; });
        }
        reach.push_back(std::move(row));
    }
    return reach;
}

}  // namespace

double rating_quantile(const RatingCounts& counts, double fraction) {
    int total = 0;
    for (int c : counts) total += c;
    if (total == 0) return 0;
    // The rating at a position among all ratings sorted, counting from 0.
    auto rating_at = [&](int position) {
        for (std::size_t r = 0; r < counts.size(); ++r) {
            if (position < counts[r]) return static_cast<double>(r + 1);
            position -= counts[r];
        }
        return static_cast<double>(kHighestRating);
    };
    const double place = fraction * (total - 1);
    const int below = static_cast<int>(std::floor(place));
    const double between = place - below;
    const double low = rating_at(below);
    return between == 0 ? low : low + between * (rating_at(below + 1) - low);
}

Result<CampaignResults> campaign_results(HubStore& store, const std::string& campaign_id) {
    auto campaign = newest_published_campaign(store, campaign_id);
    if (!campaign) return campaign.error();
    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    auto events = store.events();
    if (!events) return events.error();
    std::map<std::string, EventInfo> event_of;
    for (std::size_t i = 0; i < events.value().size(); ++i)
        event_of[events.value()[i].event_id] = {&events.value()[i], static_cast<int>(i)};

    CampaignResults results;
    results.campaign = std::move(campaign).value();
    const Campaign& c = results.campaign;
    results.participation = participation_of(responses.value(), events.value(), event_of);
    for (const auto& activity : c.activities) {
        if (activity.type == ActivityType::place_standard)
            results.place_standard.push_back(
                place_standard_of(activity, c.default_language(), responses.value(), events.value(), event_of));
        if (activity.type == ActivityType::budget_vote) {
            auto budget = budget_of(c, activity, responses.value());
            if (!budget) return budget.error();
            results.budgets.push_back(std::move(budget).value());
        }
    }
    results.reach = reach_of(c, responses.value());
    results.reach_source = c.about_you.reference.source;
    return results;
}

}  // namespace sv
