#include "ingest.hpp"

#include <ctime>

#include <nlohmann/json.hpp>

#include "budget_ballot.hpp"
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
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
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

std::string Ingest::rejection(const std::string& device_id, const WireResponse& r) {
    if (r.device_id != device_id) return "It names another device than the one sending it.";
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
        return answers ? std::string() : "The answers do not read: " + answers.error().message;
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

Result<BatchReply> Ingest::take(const std::string& device_id, const ResponseBatch& batch) {
    std::lock_guard lock(mutex_);
    BatchReply reply;
    std::vector<HubResponse> to_store;
    std::vector<std::size_t> stored_at;  // index in reply.results of each response to store
    const std::string now = hub_time_now();
    for (const auto& r : batch.responses) {
        ResponseVerdict verdict{r.uuid, Verdict::rejected, rejection(device_id, r)};
        if (verdict.reason.empty()) {
            stored_at.push_back(reply.results.size());
            to_store.push_back({r, response_fingerprint(r), now});
        }
        reply.results.push_back(std::move(verdict));
    }
    if (to_store.empty()) return reply;
    // The events first: a response stored is then never without the place it came from.
    std::vector<HubEvent> events;
    for (const auto& e : batch.events) events.push_back({e.id, device_id, e.place, e.ward, e.started_at});
    if (!events.empty())
        if (auto recorded = store_.record_events(events); !recorded) return recorded.error();
    auto outcomes = store_.insert_responses(to_store);
    if (!outcomes) return outcomes.error();
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
