#include "ingest.hpp"

#include <algorithm>
#include <ctime>
#include <set>

#include <nlohmann/json.hpp>

#include "budget_ballot.hpp"
#include "chain_judgement.hpp"
#include "device_clock.hpp"
#include "place_standard.hpp"

namespace sv {
namespace {

// Behind voter codes, an answer carries the salted hash of one of the campaign's codes: a
// device cannot vote with no code, a made-up one, or anything else in its place.
std::string voter_code_problem(const Activity& activity, const std::string& payload) {
    if (activity.eligibility.rule != EligibilityRule::voter_code) return {};
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    const auto code = doc.is_object() ? doc.find("voter_code") : doc.end();
    if (!doc.is_object() || code == doc.end() || !code->is_string())
        return "It carries no voter code, and \"" + activity.id + "\" is only for holders of a code.";
    if (!activity.eligibility.voter_code_hashes.count(code->get<std::string>()))
        return "Its voter code is not one of this campaign's codes.";
    return {};
}

}  // namespace

std::string hub_time_now() {
    return utc_second_iso8601(std::time(nullptr));
}

const Campaign* Ingest::published(const std::string& id, int version) {
    const auto key = std::make_pair(id, version);
    if (const auto found = campaigns_.find(key); found != campaigns_.end()) return &found->second;
    auto all = store_.published_campaigns();
    if (!all) return nullptr;
    for (const auto& p : all.value()) {
        if (p.id != id || p.version != version) continue;
        auto parsed = parse_campaign(p.definition, "campaign " + id);
        if (!parsed) return nullptr;
        return &campaigns_.emplace(key, std::move(parsed).value()).first->second;
    }
    return nullptr;
}

std::string Ingest::rejection(const EnrolledDevice& device, const Response& r) {
    if (r.payload.empty())
        return "Its answers did not arrive as a JSON object: the tablet could not read them (its answers file may be "
               "damaged). Ask for support; it is kept on the tablet.";
    if (r.device_id != device.device_id) return "It names another device than the one sending it.";
    if (!device.may_answer(r.campaign_id))
        return "This tablet was not enrolled for campaign \"" + r.campaign_id +
               "\". Ask the organiser for an enrolment code that includes it.";
    // It is written into exports (the .pb's dates among them) as it came. "About you" answers
    // carry only their day, so their time cannot pair them with a ballot.
    if (r.activity_id == kAboutYouActivity ? !is_iso8601_day(r.device_time) : !is_utc_iso8601(r.device_time))
        return "Its device time is not a UTC time such as 2026-11-22T10:05:00Z (or, for answers about the person, "
               "a day such as 2026-11-22).";
    const Campaign* campaign = published(r.campaign_id, r.campaign_version);
    if (!campaign)
        return "Campaign \"" + r.campaign_id + "\" version " + std::to_string(r.campaign_version) +
               " is not published on this hub. Publish it there, then sync again.";
    if (r.activity_id == kAboutYouActivity) {
        if (!campaign->about_you.offered()) return "The campaign asks no questions about the person.";
        auto about = parse_about_you_payload(campaign->about_you, r.payload);
        return about ? std::string() : about.error().message;
    }
    const Activity* activity = campaign->activity(r.activity_id);
    if (!activity) return "The campaign has no activity \"" + r.activity_id + "\".";
    if (auto problem = voter_code_problem(*activity, r.payload); !problem.empty()) return problem;
    if (activity->type == ActivityType::place_standard) {
        auto answers = parse_place_standard_payload(r.payload);
        if (!answers) return "The answers do not read: " + answers.error().message;
        if (answers.value().version != activity->place_standard_version)
            return std::string("The answers are for the ") + place_standard_version_words(answers.value().version) +
                   ", but activity \"" + r.activity_id + "\" asks the " +
                   place_standard_version_words(activity->place_standard_version) + ".";
        return {};
    }
    if (activity->type == ActivityType::quick_poll) {
        auto choice = parse_quick_poll_payload(activity->poll, r.payload);
        return choice ? std::string() : choice.error().message;
    }
    if (activity->type == ActivityType::scale_pair) {
        auto pair = parse_scale_pair_payload(r.payload);
        return pair ? std::string() : pair.error().message;
    }
    auto ballot = parse_ballot_payload(activity->budget, r.payload);
    if (!ballot) return "The ballot is not valid: " + ballot.error().message;
    if (auto valid = check_ballot(activity->budget, ballot.value()); !valid)
        return "The ballot breaks the vote's rules: " + valid.error().message;
    return {};
}

Status Ingest::note_chain_problems(const std::vector<ChainEntry>& chain, const std::string& now) {
    for (const auto& entry : chain) {
        if (entry.problem == ChainProblem::none) continue;
        auto noted = store_.add_audit_entry({0, now, entry.device_id,
                                             "refused answer " + entry.uuid + " of event " + entry.event_id +
                                                 " for its chain of answers: " + chain_problem_words(entry.problem),
                                             ""});
        if (!noted) return noted;
    }
    return ok_status();
}

Result<BatchReply> Ingest::take(const EnrolledDevice& device, const ResponseBatch& batch) {
    std::lock_guard lock(mutex_);
    BatchReply reply;
    std::vector<HubResponse> to_store;
    std::vector<std::size_t> stored_at;  // index in reply.results of each response to store
    const std::string now = hub_time_now();

    // The device's chain first: a response that breaks it is refused whatever else it holds.
    auto near = store_.chain_entries_near(device.device_id, links_before(batch.responses));
    if (!near) return near.error();
    bool keeps_chain = !near.value().empty();
    const bool any_unchained = std::any_of(batch.responses.begin(), batch.responses.end(),
                                           [](const Response& r) { return !r.chain.has_value(); });
    if (any_unchained && !keeps_chain) {
        auto keeps = store_.device_keeps_chain(device.device_id);
        if (!keeps) return keeps.error();
        keeps_chain = keeps.value();
    }
    const auto problems = judge_chain(batch.responses, near.value(), keeps_chain);
    std::vector<ChainEntry> chain;
    for (std::size_t i = 0; i < batch.responses.size(); ++i) {
        const Response& r = batch.responses[i];
        const ChainProblem problem = problems[i];
        if (r.chain || problem != ChainProblem::none)
            chain.push_back({device.device_id, r.uuid, r.chain ? r.chain->before : std::string(),
                             r.chain ? r.chain->link : std::string(), r.event_id, r.campaign_id, false, problem, now});
        ResponseVerdict verdict{r.uuid, Verdict::rejected,
                                problem != ChainProblem::none ? chain_problem_sentence(problem) : rejection(device, r)};
        if (verdict.reason.empty()) {
            stored_at.push_back(reply.results.size());
            to_store.push_back({r, response_fingerprint(r), now});
        }
        reply.results.push_back(std::move(verdict));
    }
    if (to_store.empty()) {
        if (chain.empty()) return reply;
        if (auto kept = store_.insert_responses({}, chain); !kept) return kept.error();
        if (auto noted = note_chain_problems(chain, now); !noted) return noted.error();
        return reply;
    }
    // The events first: a response stored is then never without the place it came from. Only
    // events a stored response names, with a real start time: nothing else is kept.
    std::set<std::string> named;
    for (const auto& h : to_store) named.insert(h.response.event_id);
    std::vector<HubEvent> events;
    for (const auto& e : batch.events)
        if (named.count(e.id) && is_utc_iso8601(e.started_at))
            events.push_back({e.id, device.device_id, e.place, e.ward, e.started_at});
    if (!events.empty())
        if (auto recorded = store_.record_events(events); !recorded) return recorded.error();
    auto outcomes = store_.insert_responses(to_store, chain);
    if (!outcomes) return outcomes.error();
    if (auto noted = note_chain_problems(chain, now); !noted) return noted.error();
    for (std::size_t i = 0; i < to_store.size(); ++i) {
        ResponseVerdict& v = reply.results[stored_at[i]];
        switch (outcomes.value()[i]) {
            case InsertOutcome::inserted: v.verdict = Verdict::accepted; break;
            case InsertOutcome::same_already_stored: v.verdict = Verdict::duplicate; break;
            case InsertOutcome::different_already_stored:
                v.verdict = Verdict::rejected;
                v.reason =
                    "The hub already holds a different response with this UUID. Both are kept as they are; "
                    "ask for support.";
                break;
        }
    }
    return reply;
}

}  // namespace sv
