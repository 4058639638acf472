#include "campaign_tally.hpp"

#include <algorithm>
#include <ctime>

#include "about_you.hpp"
#include "budget_ballot.hpp"
#include "budget_export.hpp"
#include "device_clock.hpp"
#include "event_groups.hpp"
#include "hub_export.hpp"
#include "pabulib_reader.hpp"
#include "pb_explanation.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
#include "voter_code_ledger.hpp"

namespace sv {
namespace {

double median_of(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// Each day from the first in `counted` to the last, quiet ones as 0; the last kMostDaysShown.
std::vector<std::pair<std::string, int>> every_day(const std::map<std::string, int>& counted, bool& cut) {
    std::vector<std::pair<std::string, int>> days;
    cut = false;
    if (counted.empty()) return days;
    std::tm day{};
    if (!strptime(counted.begin()->first.c_str(), "%Y-%m-%d", &day)) return {counted.begin(), counted.end()};
    day.tm_hour = 12;  // midday: a day is a day across a change of the clocks
    day.tm_isdst = -1;
    const std::string& last = counted.rbegin()->first;
    for (int n = 0; n < 100000; ++n) {
        char text[16];
        std::strftime(text, sizeof text, "%Y-%m-%d", &day);
        const auto found = counted.find(text);
        days.emplace_back(text, found == counted.end() ? 0 : found->second);
        if (text == last) break;
        ++day.tm_mday;
        std::mktime(&day);
    }
    if (days.size() > static_cast<std::size_t>(kMostDaysShown)) {
        days.erase(days.begin(), days.end() - kMostDaysShown);
        cut = true;
    }
    return days;
}

// The outcome is worked out from the .pb itself, as `streetvoice pb outcome` does, with each
// project's reasons; equal shares gives up when `stop` says so, and the results say why.
Result<BudgetResults> budget_of(const Campaign& campaign, const Activity& activity,
                                const std::vector<HubResponse>& ballots, int version, const CountStop& stop) {
    BudgetResults results;
    results.activity_id = activity.id;
    results.version = version;
    results.title = activity.title.in(campaign.default_language());
    results.budget = activity.budget.budget;
    results.currency = activity.budget.currency;
    auto exported = export_pb(campaign, activity.id, ballots, version);
    if (!exported) return exported.error();
    results.held_back = exported.value().held_back;
    results.pb_file = exported.value().text;
    auto reading = read_pabulib(results.pb_file, activity.id + ".pb");
    if (!reading) return reading.error();
    auto instance = make_pb_instance(reading.value().election);
    if (!instance) return instance.error();
    const PbInstance& pb = instance.value();
    results.vote_type = pb.vote_type;
    results.ballots = static_cast<int>(pb.ballots.size());
    results.deciding_rule = deciding_rule_sentence(reading.value().election);
    const std::string rule = reading.value().election.meta_value("rule").value_or("");
    results.decided_by = rule == "greedy"                    ? DecidingRule::most_votes
                         : rule.rfind("equalshares", 0) == 0 ? DecidingRule::equal_shares
                                                             : DecidingRule::not_said;
    const auto greedy = explain_greedy(pb, results.currency);
    const auto equal_shares = explain_equal_shares(pb, results.currency, stop);
    const auto scores = pb_scores(pb);
    for (int p : greedy.funded) results.greedy.push_back(pb.projects[static_cast<std::size_t>(p)].id);
    results.greedy_cost = greedy.spent;
    results.greedy_how = greedy.how;
    if (equal_shares) {
        for (int p : equal_shares->funded) results.equal_shares.push_back(pb.projects[static_cast<std::size_t>(p)].id);
        results.equal_shares_cost = equal_shares->spent;
        results.equal_shares_how = equal_shares->how;
    } else {
        results.equal_shares_unfinished =
            "The equal shares count was stopped before it finished (it took longer than the hub allows, or the "
            "hub was stopping). It is counted again when more ballots arrive.";
    }
    std::vector<std::string> greedy_why(pb.projects.size()), equal_shares_why(pb.projects.size());
    for (const auto& p : greedy.projects) greedy_why[static_cast<std::size_t>(p.project)] = p.why;
    if (equal_shares)
        for (const auto& p : equal_shares->projects) equal_shares_why[static_cast<std::size_t>(p.project)] = p.why;
    for (std::size_t i = 0; i < pb.projects.size(); ++i) {
        ProjectResult project;
        project.id = pb.projects[i].id;
        const int index = activity.budget.project_index(project.id);
        project.name =
            index < 0 ? project.id
                      : activity.budget.projects[static_cast<std::size_t>(index)].name.in(campaign.default_language());
        project.cost = pb.projects[i].cost;
        project.votes = scores[i];
        project.funded_by_greedy =
            std::find(results.greedy.begin(), results.greedy.end(), project.id) != results.greedy.end();
        project.funded_by_equal_shares = std::find(results.equal_shares.begin(), results.equal_shares.end(),
                                                   project.id) != results.equal_shares.end();
        project.greedy_why = greedy_why[i];
        project.equal_shares_why = equal_shares_why[i];
        results.projects.push_back(std::move(project));
    }
    std::stable_sort(results.projects.begin(), results.projects.end(),
                     [](const ProjectResult& a, const ProjectResult& b) { return a.votes > b.votes; });
    return results;
}

// Puts a finished count's results in `shown`, if there is one.
Result<bool> take_finished(BudgetResults& shown, const OutcomeCounter::Latest& latest) {
    if (!latest.finished) return false;
    if (!*latest.finished) return latest.finished->error();
    shown = latest.finished->value();
    shown.recounting = !latest.current;
    return true;
}

// Puts a count's latest results (or "still counting") in `shown`.
Status place_count(BudgetResults& shown, const Campaign& campaign, const Activity& activity, int version,
                   const OutcomeCounter::Latest& latest) {
    auto taken = take_finished(shown, latest);
    if (!taken) return taken.error();
    if (taken.value()) return ok_status();
    shown.activity_id = activity.id;
    shown.version = version;
    shown.title = activity.title.in(campaign.default_language());
    shown.budget = activity.budget.budget;
    shown.currency = activity.budget.currency;
    shown.counted = false;
    return ok_status();
}

// The campaign's published versions other than `newest`, read: ballots cast under them are
// counted against them.
Result<std::map<int, Campaign>> earlier_versions(HubStore& store, const Campaign& newest) {
    auto published = store.published_campaigns();
    if (!published) return published.error();
    std::map<int, Campaign> earlier;
    for (const auto& p : published.value()) {
        if (p.id != newest.id || p.version == newest.version) continue;
        auto parsed = parse_campaign(p.definition, p.id + " version " + std::to_string(p.version) + " (as published)");
        if (!parsed) return parsed.error();
        earlier.emplace(p.version, std::move(parsed).value());
    }
    return earlier;
}

}  // namespace

CampaignTally::CampaignTally(Campaign campaign, std::map<int, Campaign> earlier)
    : campaign_(std::move(campaign)),
      earlier_(std::move(earlier)),
      about_you_counts_(campaign_.about_you.questions.size()) {}

Status CampaignTally::catch_up(HubStore& store) {
    auto read = store.visit_responses_of_campaign(campaign_.id, read_since_, [this](const HubResponse& h) { add(h); });
    if (!read) return read.error();
    read_since_ = read.value();
    return ok_status();
}

void CampaignTally::add(const HubResponse& h) {
    const Response& r = h.response;
    if (r.activity_id == kAboutYouActivity) {
        auto answers = parse_about_you_payload(campaign_.about_you, r.payload);
        if (!answers) return;
        for (std::size_t q = 0; q < campaign_.about_you.questions.size(); ++q)
            if (const auto a = answers.value().find(campaign_.about_you.questions[q].id); a != answers.value().end())
                ++about_you_counts_[q][a->second];
        return;
    }
    ++responses_;
    ++responses_by_event_[r.event_id];
    DeviceTally& device = devices_[r.device_id];
    ++device.responses;
    device.last_received = std::max(device.last_received, h.received_at);
    if (const auto given = utc_iso8601_seconds(r.device_time)) {
        std::tm local{};
        localtime_r(&*given, &local);
        ++by_hour_[static_cast<std::size_t>(local.tm_hour)];
        char day[16];
        std::strftime(day, sizeof day, "%Y-%m-%d", &local);
        ++by_day_[day];
        if (const auto received = utc_iso8601_seconds(h.received_at))
            device.lags.push_back(std::max(0.0, std::difftime(*received, *given) / 60.0));
    }

    const Activity* activity = campaign_.activity(r.activity_id);
    if (!activity) return;
    fast_lane_.add(*activity, r);
    if (activity->type == ActivityType::budget_vote) {
        ballots_.push_back(h);
        ++ballots_by_version_[r.activity_id][r.campaign_version];
        note_choices(r);
    }
    if (activity->type != ActivityType::place_standard) return;
    auto answers = parse_place_standard_payload(r.payload);
    if (!answers) return;  // checked on the way in; a newer format would not count twice
    // Answers on another scale (an earlier campaign version asked another age group) are not
    // mixed in; the export still has them.
    if (answers.value().version != activity->place_standard_version) return;
    PlaceStandardTally& tally = place_standard_[r.activity_id];
    tally.by_event[r.event_id].add(answers.value());
    for (std::size_t t = 0; t < answers.value().comments.size(); ++t)
        if (std::string& comment = answers.value().comments[t]; !comment.empty())
            tally.comments.push_back({r.device_time, r.event_id, static_cast<int>(t), std::move(comment)});
}

Participation CampaignTally::participation(const std::vector<HubEvent>& events) const {
    Participation p;
    p.responses = responses_;
    p.by_hour = by_hour_;
    p.by_day = every_day(by_day_, p.earlier_days_left_out);
    for (const auto& e : events)
        if (const auto counted = responses_by_event_.find(e.event_id); counted != responses_by_event_.end())
            p.events.push_back({e.place, e.ward, e.started_at, counted->second});
    std::vector<double> all_lags;
    for (const auto& [id, tally] : devices_) {
        DeviceParticipation device{id, {}, false, tally.responses, tally.last_received, median_of(tally.lags), 0, {}};
        if (!tally.lags.empty()) device.longest_lag_minutes = *std::max_element(tally.lags.begin(), tally.lags.end());
        p.devices.push_back(device);
        all_lags.insert(all_lags.end(), tally.lags.begin(), tally.lags.end());
    }
    p.median_lag_minutes = median_of(std::move(all_lags));
    return p;
}

PlaceStandardResults CampaignTally::place_standard(const Activity& activity, const PlaceStandardTally& tally,
                                                   const std::vector<HubEvent>& events) const {
    PlaceStandardResults results;
    results.activity_id = activity.id;
    results.title = activity.title.in(campaign_.default_language());
    results.version = activity.place_standard_version;
    CompassTally everyone;
    std::map<std::string, CompassTally> by_ward;
    for (const auto& [event_id, counts] : tally.by_event) {
        everyone.add(counts);
        const HubEvent* event = find_event(events, event_id);
        by_ward[event ? event->ward : std::string()].add(counts);
    }
    results.everyone = everyone.summary("Everyone");
    for (const auto& [ward, counts] : by_ward) results.by_ward.push_back(counts.summary(ward_name(ward)));
    for (const auto& e : events)
        if (const auto counts = tally.by_event.find(e.event_id); counts != tally.by_event.end())
            results.by_event.push_back(counts->second.summary(event_name(e), event_detail(e)));
    if (results.everyone.shown()) {
        std::vector<const Comment*> newest_first;
        for (const auto& c : tally.comments) newest_first.push_back(&c);
        std::stable_sort(newest_first.begin(), newest_first.end(),
                         [](const Comment* a, const Comment* b) { return a->device_time > b->device_time; });
        std::map<std::string, std::string> ward_of_event;
        for (const auto& e : events) ward_of_event.emplace(e.event_id, e.ward);
        for (const Comment* c : newest_first) {
            const auto ward = ward_of_event.find(c->event_id);
            results.comments[static_cast<std::size_t>(c->theme)].push_back(
                {c->text, ward == ward_of_event.end() ? std::string() : ward->second});
        }
    }
    return results;
}

void CampaignTally::note_choices(const Response& r) {
    const Activity* asked = version(r.campaign_version).activity(r.activity_id);
    if (!asked) return;
    const auto ballot = parse_ballot_payload(asked->budget, r.payload);
    if (!ballot) return;
    BallotChoices choices{r.campaign_version, r.event_id, r.uuid, {}};
    for (int p : ballot.value().chosen)
        if (p >= 0 && static_cast<std::size_t>(p) < asked->budget.projects.size())
            choices.project_ids.push_back(asked->budget.projects[static_cast<std::size_t>(p)].id);
    choices_[r.activity_id].push_back(std::move(choices));
}

BudgetByWard CampaignTally::budget_by_ward(const std::string& activity_id, int version,
                                           const std::vector<HubEvent>& events) {
    BudgetByWard by_ward{activity_id, version, {}};
    // Only voter-code votes hold ballots back; the ledger is built for them alone.
    const Activity* activity = campaign_.activity(activity_id);
    std::optional<VoterCodeLedger> ledger;
    if (activity && activity->eligibility.rule == EligibilityRule::voter_code) ledger = voter_code_ledger(ballots_);
    std::map<std::string, std::string> ward_of_event;
    for (const auto& e : events) ward_of_event[e.event_id] = e.ward;
    std::map<std::string, BudgetWard> wards;
    for (const BallotChoices& ballot : choices_[activity_id]) {
        if (version != 0 && ballot.version != version) continue;
        if (ledger && ledger->held_back(ballot.uuid)) continue;
        const auto ward_of = ward_of_event.find(ballot.event_id);
        BudgetWard& ward = wards[ward_of == ward_of_event.end() ? std::string() : ward_of->second];
        ++ward.ballots;
        for (const auto& id : ballot.project_ids) ++ward.chose[id];
    }
    for (auto& [ward, counts] : wards) {
        counts.name = ward_name(ward);
        by_ward.wards.push_back(std::move(counts));
    }
    return by_ward;
}

std::vector<ReachQuestion> CampaignTally::reach() const {
    const AboutYou& about = campaign_.about_you;
    const std::string& language = campaign_.default_language();
    std::vector<ReachQuestion> reach;
    for (std::size_t q = 0; q < about.questions.size(); ++q) {
        const AboutYouQuestion& question = about.questions[q];
        const auto& counts = about_you_counts_[q];
        ReachQuestion row;
        row.id = question.id;
        row.text = question.text.in(language);
        for (const auto& [answer, people] : counts)
            (answer == kPreferNotToSay ? row.preferred_not_to_say : row.answered) += people;
        const auto reference = about.reference.percent_by_question.find(question.id);
        auto percent_of = [&](int people) { return row.answered ? 100.0 * people / row.answered : 0.0; };
        if (!question.options.empty()) {
            for (std::size_t o = 0; o < question.options.size(); ++o) {
                const auto found = counts.find(std::to_string(o));
                ReachOption option{question.options[o].in(language), found == counts.end() ? 0 : found->second, 0,
                                   std::nullopt};
                option.percent = percent_of(option.people);
                if (reference != about.reference.percent_by_question.end())
                    option.reference_percent = reference->second[o];
                row.options.push_back(std::move(option));
            }
        } else {
            for (const auto& [answer, people] : counts)
                if (answer != kPreferNotToSay)
                    row.options.push_back({answer, people, percent_of(people), std::nullopt});
            std::stable_sort(row.options.begin(), row.options.end(),
                             [](const ReachOption& a, const ReachOption& b) { return a.people > b.people; });
        }
        reach.push_back(std::move(row));
    }
    return reach;
}

const Campaign& CampaignTally::version(int v) const {
    const auto found = earlier_.find(v);
    return found == earlier_.end() ? campaign_ : found->second;
}

std::vector<int> CampaignTally::versions_counted_apart(const Activity& activity) {
    const auto cast = ballots_by_version_.find(activity.id);
    if (cast == ballots_by_version_.end()) return {};
    // What each version asked, worked out once: a published version never changes.
    auto terms_of = [&](int v) -> const std::optional<std::string>& {
        const auto key = std::make_pair(v, activity.id);
        auto found = terms_.find(key);
        if (found == terms_.end()) {
            auto terms = budget_vote_terms(version(v), activity.id);
            found = terms_.emplace(key, terms ? std::optional<std::string>(terms.value()) : std::nullopt).first;
        }
        return found->second;
    };
    const std::optional<std::string>& newest = terms_of(campaign_.version);
    bool alike = true;
    std::vector<int> versions;
    for (const auto& [v, ballots] : cast->second) {
        const std::optional<std::string>& asked = terms_of(v);
        alike = alike && newest && asked && *asked == *newest;
        versions.push_back(v);
    }
    return alike ? std::vector<int>{} : versions;
}

// Counted by the counter's thread from a copy, made only when new ballots need a count; the page
// takes the last finished count.
Status CampaignTally::ask_count(CampaignResults& results, const Campaign& campaign, const Activity& activity,
                                int version, OutcomeCounter& counter, std::vector<PendingCount>& pending) {
    std::string key = campaign_.id + "@" + std::to_string(campaign_.version) + "/" + activity.id;
    if (version != 0) key += "/" + std::to_string(version);
    // Any new ballot may change what is counted: a voter code spans every vote and version.
    const std::size_t tag = ballots_.size();
    if (counter.wanted(key, tag))
        counter.request(key, tag, [campaign, activity, version, ballots = ballots_](const CountStop& stop) {
            return budget_of(campaign, activity, ballots, version, stop);
        });
    results.budgets.push_back(BudgetResults{});
    pending.push_back({key, tag, results.budgets.size() - 1});
    return place_count(results.budgets.back(), campaign, activity, version, counter.latest(key, tag, {}));
}

Result<CampaignResults> CampaignTally::results(const std::vector<HubEvent>& events, OutcomeCounter& counter,
                                               std::vector<PendingCount>& pending) {
    CampaignResults results;
    results.campaign = campaign_;
    results.participation = participation(events);
    for (const auto& activity : campaign_.activities) {
        if (activity.type == ActivityType::quick_poll)
            results.polls.push_back(fast_lane_.poll(activity, campaign_.default_language(), events));
        if (activity.type == ActivityType::scale_pair)
            results.scale_pairs.push_back(fast_lane_.scale_pair(activity, campaign_.default_language(), events));
        if (activity.type == ActivityType::place_standard) {
            static const PlaceStandardTally nothing_yet;
            const auto tally = place_standard_.find(activity.id);
            results.place_standard.push_back(
                place_standard(activity, tally == place_standard_.end() ? nothing_yet : tally->second, events));
        }
        if (activity.type != ActivityType::budget_vote) continue;
        const std::vector<int> apart = versions_counted_apart(activity);
        if (apart.empty()) {
            if (auto asked = ask_count(results, campaign_, activity, 0, counter, pending); !asked) return asked.error();
            continue;
        }
        for (int v : apart) {
            const Campaign& cast_under = version(v);
            const Activity* asked_then = cast_under.activity(activity.id);
            if (!asked_then) continue;  // the hub took no ballot for an activity its version lacks
            if (auto asked = ask_count(results, cast_under, *asked_then, v, counter, pending); !asked)
                return asked.error();
        }
    }
    for (const auto& budget : results.budgets)
        results.budgets_by_ward.push_back(budget_by_ward(budget.activity_id, budget.version, events));
    results.reach = reach();
    results.reach_source = campaign_.about_you.reference.source;
    return results;
}

Result<CampaignResults> CampaignTallies::results(HubStore& store, const std::string& campaign_id) {
    auto campaign = newest_published_campaign(store, campaign_id);
    if (!campaign) return campaign.error();
    return results(store, std::move(campaign).value());
}

Result<CampaignResults> CampaignTallies::results(HubStore& store, Campaign newest) {
    const std::string newest_id = newest.id;
    std::vector<CampaignTally::PendingCount> pending;
    Result<CampaignResults> results = Error{""};
    {
        std::lock_guard lock(mutex_);
        auto& kept = by_campaign_[newest.id];
        if (!kept || kept->campaign().version != newest.version) {
            auto earlier = earlier_versions(store, newest);
            if (!earlier) return earlier.error();
            kept = std::make_unique<CampaignTally>(std::move(newest), std::move(earlier).value());
        }
        if (auto read = kept->catch_up(store); !read) return read.error();
        auto events = store.events();
        if (!events) return events.error();
        results = kept->results(events.value(), counter_, pending);
    }
    if (!results) return results;
    auto devices = store.devices();
    if (!devices) return devices.error();
    std::map<std::string, const EnrolledDevice*> enrolled;
    for (const auto& d : devices.value()) enrolled[d.device_id] = &d;
    auto on_tablets = store.tablet_counts(newest_id);
    if (!on_tablets) return on_tablets.error();
    auto& shown_devices = results.value().participation.devices;
    for (const auto& report : on_tablets.value()) {
        auto shown = std::find_if(shown_devices.begin(), shown_devices.end(),
                                  [&report](const DeviceParticipation& d) { return d.device_id == report.device_id; });
        // A tablet whose answers the hub lacks every one of is shown too.
        if (shown == shown_devices.end()) {
            if (report.count.answers == 0) continue;
            shown = shown_devices.insert(shown_devices.end(), DeviceParticipation{});
            shown->device_id = report.device_id;
        }
        shown->on_tablet = {report.count.answers, report.count.waiting, report.count.refused, report.reported_at};
    }
    for (auto& shown : shown_devices)
        if (const auto found = enrolled.find(shown.device_id); found != enrolled.end()) {
            shown.name = found->second->name;
            shown.revoked = !found->second->revoked_at.empty();
        }
    // A count still under way is waited for a little, outside the lock, so a visit usually
    // sees the newest ballots counted; past that the page shows the last finished count.
    const auto until = std::chrono::steady_clock::now() + wait_for_count_;
    for (const auto& count : pending) {
        auto& shown = results.value().budgets[count.index];
        if (shown.counted && !shown.recounting) continue;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        const auto latest = counter_.latest(count.key, count.tag, std::max(left, std::chrono::milliseconds(0)));
        // Not finished yet: it stays "being counted", as placed.
        if (auto taken = take_finished(shown, latest); !taken) return taken.error();
    }
    return results;
}

Result<CampaignResults> campaign_results(HubStore& store, const std::string& campaign_id) {
    OutcomeCounter counter(std::chrono::hours(1));
    CampaignTallies tallies(counter, std::chrono::hours(1));
    return tallies.results(store, campaign_id);
}

}  // namespace sv
