#include "hub_copy.hpp"

#include <set>
#include <string>
#include <tuple>

namespace sv {
namespace {

constexpr std::size_t kResponsesPerInsert = 1000;

Status copy_responses(HubStore& to, const std::vector<HubResponse>& responses, HubCopyCounts& counts) {
    for (std::size_t start = 0; start < responses.size(); start += kResponsesPerInsert) {
        const auto end = std::min(responses.size(), start + kResponsesPerInsert);
        const std::vector<HubResponse> chunk(responses.begin() + static_cast<std::ptrdiff_t>(start),
                                             responses.begin() + static_cast<std::ptrdiff_t>(end));
        auto outcomes = to.insert_responses(chunk);
        if (!outcomes) return outcomes.error();
        for (std::size_t i = 0; i < outcomes.value().size(); ++i) {
            switch (outcomes.value()[i]) {
                case InsertOutcome::inserted: ++counts.responses; break;
                case InsertOutcome::same_already_stored: ++counts.already_there; break;
                case InsertOutcome::different_already_stored:
                    return Error{"the new database already holds response " + chunk[i].response.uuid +
                                 " with different answers; it is not an empty hub or a copy of this one"};
            }
        }
    }
    return ok_status();
}

// A note the target holds already (a copy run twice) is not written again.
Status copy_outcome_notes(HubStore& from, HubStore& to) {
    auto notes = from.outcome_notes("");
    if (!notes) return notes.error();
    auto there = to.outcome_notes("");
    if (!there) return there.error();
    auto key = [](const HubOutcomeNote& n) {
        return std::tuple(n.campaign_id, n.ward, n.said, n.did, n.written_by, n.written_at);
    };
    std::set<decltype(key(HubOutcomeNote{}))> held;
    for (const auto& note : there.value()) held.insert(key(note));
    for (const auto& note : notes.value())
        if (!held.count(key(note)))
            if (auto added = to.add_outcome_note(note); !added) return added.error();
    return ok_status();
}

// Entries the target holds already (a copy run twice) are not added again; the log's order is kept.
Status copy_audit_log(HubStore& from, HubStore& to) {
    auto entries = from.audit_entries(0);
    if (!entries) return entries.error();
    auto there = to.audit_entries(0);
    if (!there) return there.error();
    auto key = [](const AuditEntry& e) { return std::tuple(e.at, e.who, e.action, e.address); };
    std::set<decltype(key(AuditEntry{}))> held;
    for (const auto& entry : there.value()) held.insert(key(entry));
    for (auto it = entries.value().rbegin(); it != entries.value().rend(); ++it)
        if (!held.count(key(*it)))
            if (auto added = to.add_audit_entry(*it); !added) return added;
    return ok_status();
}

// After the responses, so an entry's answer is there when it is marked counted.
Status copy_chains(HubStore& from, HubStore& to) {
    std::vector<ChainEntry> chunk;
    Status written = ok_status();
    const auto flush = [&]() {
        if (written.ok() && !chunk.empty())
            if (auto kept = to.insert_responses({}, chunk); !kept) written = kept.error();
        chunk.clear();
    };
    auto read = from.visit_chain_entries([&](const ChainEntry& e) {
        chunk.push_back(e);
        if (chunk.size() == kResponsesPerInsert) flush();
    });
    if (!read) return read;
    flush();
    return written;
}

}  // namespace

Result<HubCopyCounts> copy_hub(HubStore& from, HubStore& to) {
    HubCopyCounts counts;
    auto devices = from.devices();
    if (!devices) return devices.error();
    for (const auto& device : devices.value()) {
        if (auto added = to.restore_device(device); !added) return added.error();
        ++counts.devices;
    }
    auto organisers = from.organisers();
    if (!organisers) return organisers.error();
    for (const auto& organiser : organisers.value())
        if (auto saved = to.save_organiser(organiser); !saved) return saved.error();
    auto events = from.events();
    if (!events) return events.error();
    if (auto recorded = to.record_events(events.value()); !recorded) return recorded.error();
    if (auto copied = copy_outcome_notes(from, to); !copied) return copied.error();
    auto public_results = from.public_results();
    if (!public_results) return public_results.error();
    for (const auto& switched_on : public_results.value())
        if (auto restored = to.restore_public_results(switched_on); !restored) return restored.error();
    if (auto copied = copy_audit_log(from, to); !copied) return copied.error();
    auto campaigns = from.published_campaigns();
    if (!campaigns) return campaigns.error();
    std::set<std::string> campaign_ids;
    for (const auto& campaign : campaigns.value()) {
        std::map<std::string, std::string> pictures;
        for (const auto& p : campaign.pictures) {
            auto bytes = from.picture(p.sha256);
            if (!bytes) return bytes.error();
            if (bytes.value()) pictures.emplace(p.sha256, std::move(*bytes.value()));
        }
        if (auto published = to.publish_campaign(campaign, pictures); !published) return published.error();
        ++counts.campaign_versions;
        campaign_ids.insert(campaign.id);
    }
    for (const auto& id : campaign_ids) {
        auto responses = from.responses_of_campaign(id);
        if (!responses) return responses.error();
        if (auto copied = copy_responses(to, responses.value(), counts); !copied) return copied.error();
    }
    if (auto copied = copy_chains(from, to); !copied) return copied.error();
    // Every response the source holds must now be in the target.
    auto source_count = from.response_count();
    if (!source_count) return source_count.error();
    if (counts.responses + counts.already_there != source_count.value())
        return Error{"copied " + std::to_string(counts.responses + counts.already_there) +
                     " responses but the old hub holds " + std::to_string(source_count.value()) +
                     "; some belong to no published campaign"};
    return counts;
}

}  // namespace sv
