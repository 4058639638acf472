#include "tidy_csv.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "about_you.hpp"
#include "budget_ballot.hpp"
#include "csv_cell.hpp"
#include "hub_export.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "voter_code_ledger.hpp"

namespace sv {
namespace {

using Row = std::vector<std::string>;

std::string csv_row(const Row& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i == 0 ? "" : ",") + csv_cell(cells[i]);
    return line + "\r\n";
}

// The activity's own columns' headings.
Row headings_of(const Campaign& campaign, const Activity* activity, const std::string& language) {
    Row headings;
    if (!activity) {  // about you
        for (const auto& q : campaign.about_you.questions) headings.push_back(q.text.in(language));
        return headings;
    }
    switch (activity->type) {
        case ActivityType::place_standard:
            for (const auto& theme : place_standard_themes(activity->place_standard_version))
                headings.push_back(theme.title);
            for (const auto& theme : place_standard_themes(activity->place_standard_version))
                headings.push_back(std::string(theme.title) + ": comment");
            break;
        case ActivityType::quick_poll: headings.push_back("answer"); break;
        case ActivityType::scale_pair:
            headings.push_back("today");
            headings.push_back("wanted");
            break;
        case ActivityType::budget_vote:
            for (const auto& p : activity->budget.projects) headings.push_back(p.name.in(language));
            headings.push_back("voter_code_flag");
            break;
    }
    return headings;
}

// The `columns` cells under those headings for one response; empty cells when it does not read.
Row answers_of(const Campaign& campaign, const Activity* activity, const std::string& language, std::size_t columns,
               const std::string& payload, const std::string& voter_code_flag) {
    Row cells(columns);
    if (!activity) {
        const auto answers = parse_about_you_payload(campaign.about_you, payload);
        if (!answers) return cells;
        for (std::size_t q = 0; q < campaign.about_you.questions.size(); ++q) {
            const AboutYouQuestion& question = campaign.about_you.questions[q];
            const auto given = answers.value().find(question.id);
            if (given == answers.value().end()) continue;
            if (given->second == kPreferNotToSay)
                cells[q] = "Prefer not to say";
            else if (question.options.empty())
                cells[q] = given->second;  // the postcode district, as typed
            else if (const auto option = std::strtoul(given->second.c_str(), nullptr, 10);
                     option < question.options.size())
                cells[q] = question.options[option].in(language);
        }
        return cells;
    }
    switch (activity->type) {
        case ActivityType::place_standard: {
            const auto answers = parse_place_standard_payload(payload);
            if (!answers) break;
            for (int t = 0; t < kThemeCount; ++t) {
                const auto i = static_cast<std::size_t>(t);
                if (answers.value().ratings[i]) cells[i] = std::to_string(*answers.value().ratings[i]);
                cells[kThemeCount + i] = answers.value().comments[i];
            }
            break;
        }
        case ActivityType::quick_poll:
            if (const auto choice = parse_quick_poll_payload(activity->poll, payload))
                cells[0] = activity->poll.answers[static_cast<std::size_t>(choice.value())].in(language);
            break;
        case ActivityType::scale_pair:
            if (const auto pair = parse_scale_pair_payload(payload)) {
                cells[0] = std::to_string(pair.value().first);
                cells[1] = std::to_string(pair.value().second);
            }
            break;
        case ActivityType::budget_vote: {
            const BudgetVote& vote = activity->budget;
            if (const auto ballot = parse_ballot_payload(vote, payload)) {
                const auto& chosen = ballot.value().chosen;
                for (std::size_t n = 0; n < chosen.size(); ++n) {
                    const auto p = static_cast<std::size_t>(chosen[n]);
                    if (p >= vote.projects.size()) continue;
                    cells[p] = vote.rules.type == BallotType::ranked ? std::to_string(n + 1)
                               : vote.rules.type == BallotType::cumulative
                                   ? std::to_string(ballot.value().points_for(chosen[n]))
                                   : "1";
                }
            }
            cells.back() = voter_code_flag;
            break;
        }
    }
    return cells;
}

}  // namespace

Result<std::string> export_tidy_csv(HubStore& store, const std::string& campaign_id, const std::string& activity_id) {
    auto campaign = newest_published_campaign(store, campaign_id);
    if (!campaign) return campaign.error();
    const Campaign& c = campaign.value();
    const std::string& language = c.default_language();
    const bool about_you = activity_id == kAboutYouActivity;
    const Activity* activity = nullptr;
    if (!about_you) {
        if (activity_id.empty() && c.activities.empty()) return Error{"The campaign has no activities."};
        activity = activity_id.empty() ? &c.activities.front() : c.activity(activity_id);
        if (!activity) {
            std::string ids;
            for (const auto& a : c.activities) ids += (ids.empty() ? "" : ", ") + a.id;
            return Error{"The campaign has no activity \"" + activity_id + "\". Its activities: " + ids +
                         (c.about_you.offered() ? ", and about-you" : "") + "."};
        }
    }
    const std::string wanted = about_you ? std::string(kAboutYouActivity) : activity->id;

    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    auto events = store.events();
    if (!events) return events.error();
    std::map<std::string, const HubEvent*> event_by_id;
    for (const auto& e : events.value()) event_by_id[e.event_id] = &e;
    auto devices = store.devices();
    if (!devices) return devices.error();
    // A device by the name staff gave it, its id where it has none.
    std::map<std::string, std::string> device_name;
    for (const auto& d : devices.value())
        if (!d.name.empty()) device_name[d.device_id] = d.name;
    const VoterCodeLedger ledger = voter_code_ledger(responses.value());

    std::vector<const HubResponse*> rows;
    for (const auto& h : responses.value())
        if (h.response.activity_id == wanted) rows.push_back(&h);
    if (about_you)  // never in the order given, beside the answer each followed
        std::sort(rows.begin(), rows.end(),
                  [](const HubResponse* a, const HubResponse* b) { return a->response.uuid < b->response.uuid; });

    Row header{"response_id", "answered_at",   "received_at", "event",
               "ward",        "event_started", "device",      "campaign_version"};
    const Row own_headings = headings_of(c, activity, language);
    header.insert(header.end(), own_headings.begin(), own_headings.end());
    std::string csv = csv_row(header);
    for (const HubResponse* h : rows) {
        const Response& r = h->response;
        const auto event = event_by_id.find(r.event_id);
        const HubEvent* e = event == event_by_id.end() ? nullptr : event->second;
        Row cells{r.uuid,
                  r.device_time,
                  h->received_at,
                  e ? e->place : std::string(),
                  e ? e->ward : std::string(),
                  e ? e->started_at : std::string(),
                  device_name.count(r.device_id) ? device_name[r.device_id] : r.device_id,
                  std::to_string(r.campaign_version)};
        for (auto& cell : answers_of(c, activity, language, own_headings.size(), r.payload, ledger.flag(r.uuid)))
            cells.push_back(std::move(cell));
        csv += csv_row(cells);
    }
    return csv;
}

}  // namespace sv
