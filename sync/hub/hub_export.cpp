#include "hub_export.hpp"

#include <algorithm>

#include "about_you.hpp"
#include "budget_export.hpp"
#include "campaign.hpp"
#include "csv_cell.hpp"
#include "pabulib_writer.hpp"
#include "response.hpp"

namespace sv {

Result<std::string> export_csv(HubStore& store, const std::string& campaign_id) {
    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    const VoterCodeLedger ledger = voter_code_ledger(responses.value());
    std::string csv =
        "uuid,campaign_id,campaign_version,activity_id,event_id,device_id,device_time,received_at,payload,"
        "voter_code_flag\r\n";
    // "About you" rows go last, in UUID order (random): never beside the answer they followed.
    std::vector<const HubResponse*> rows;
    for (const auto& h : responses.value()) rows.push_back(&h);
    std::stable_partition(rows.begin(), rows.end(),
                          [](const HubResponse* h) { return h->response.activity_id != kAboutYouActivity; });
    const auto about_you = std::find_if(
        rows.begin(), rows.end(), [](const HubResponse* h) { return h->response.activity_id == kAboutYouActivity; });
    std::sort(about_you, rows.end(),
              [](const HubResponse* a, const HubResponse* b) { return a->response.uuid < b->response.uuid; });
    for (const HubResponse* row : rows) {
        const HubResponse& h = *row;
        const Response& r = h.response;
        const std::string flag = ledger.flag(r.uuid);
        for (const std::string& cell : {r.uuid, r.campaign_id, std::to_string(r.campaign_version), r.activity_id,
                                        r.event_id, r.device_id, r.device_time, h.received_at, r.payload})
            csv += csv_cell(cell) + ",";
        csv += csv_cell(flag) + "\r\n";
    }
    return csv;
}

namespace {

Result<Campaign> newest_of(const std::vector<PublishedCampaign>& published, const std::string& campaign_id) {
    const PublishedCampaign* newest = nullptr;
    for (const auto& p : published)
        if (p.id == campaign_id && (!newest || p.version > newest->version)) newest = &p;
    if (!newest) return Error{"no campaign called \"" + campaign_id + "\" is published on this hub"};
    return parse_campaign(newest->definition, campaign_id + " (as published)");
}

// "1, 2 and 3" (or "1, 2 or 3").
std::string versions_named(const std::vector<PbExport>& exports, const std::string& last_joined_by) {
    std::string named;
    for (std::size_t i = 0; i < exports.size(); ++i)
        named += (i == 0                    ? ""
                  : i + 1 == exports.size() ? " " + last_joined_by + " "
                                            : ", ") +
                 std::to_string(exports[i].version);
    return named;
}

}  // namespace

Result<Campaign> newest_published_campaign(HubStore& store, const std::string& campaign_id) {
    auto published = store.published_campaigns();
    if (!published) return published.error();
    return newest_of(published.value(), campaign_id);
}

Result<std::vector<PbExport>> export_pb_by_version(HubStore& store, const std::string& campaign_id,
                                                   const std::string& activity_id) {
    auto published = store.published_campaigns();
    if (!published) return published.error();
    auto newest = newest_of(published.value(), campaign_id);
    if (!newest) return newest.error();
    auto activity = budget_vote_to_export(newest.value(), activity_id);
    if (!activity) return activity.error();
    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    const VoterCodeLedger ledger = voter_code_ledger(responses.value());
    std::vector<Response> counted;
    for (const auto& h : responses.value())
        if (!ledger.held_back(h.response.uuid)) counted.push_back(h.response);
    const DefinitionOf definition_of = [&](int version) -> Result<std::optional<std::string>> {
        for (const auto& p : published.value())
            if (p.id == campaign_id && p.version == version) return std::optional<std::string>(p.definition);
        return std::optional<std::string>();
    };
    auto elections = budget_vote_elections(newest.value(), activity.value(), counted, definition_of);
    if (!elections) return elections.error();
    std::vector<PbExport> exports;
    for (const auto& e : elections.value())
        exports.push_back({e.version, e.ballots, write_pabulib(e.election), ledger.held_back()});
    return exports;
}

Result<PbExport> pb_export_of_version(std::vector<PbExport> exports, const std::string& campaign_id, int version) {
    if (version == 0 && exports.size() == 1) return std::move(exports.front());
    for (auto& e : exports)
        if (e.version == version && version != 0) return std::move(e);
    if (exports.size() == 1)
        return Error{
            "Every ballot of campaign \"" + campaign_id +
            "\" counts in one .pb file, as all its versions asked voters alike: ask for it without a version."};
    return Error{"The ballots of campaign \"" + campaign_id + "\" were cast under versions " +
                 versions_named(exports, "and") +
                 ", which asked voters different things (projects, costs or rules), so each version's ballots make "
                 "their own .pb file. Choose version " +
                 versions_named(exports, "or") + "."};
}

Result<PbExport> export_pb(HubStore& store, const std::string& campaign_id, const std::string& activity_id,
                           int version) {
    auto exports = export_pb_by_version(store, campaign_id, activity_id);
    if (!exports) return exports.error();
    return pb_export_of_version(std::move(exports).value(), campaign_id, version);
}

Result<PbExport> export_pb(const Campaign& campaign, const std::string& activity_id,
                           const std::vector<HubResponse>& responses, int version) {
    const VoterCodeLedger ledger = voter_code_ledger(responses);
    PbExport exported;
    exported.version = version;
    exported.held_back = ledger.held_back();
    std::vector<Response> counted;
    for (const auto& h : responses)
        if (h.response.activity_id == activity_id && (version == 0 || h.response.campaign_version == version) &&
            !ledger.held_back(h.response.uuid))
            counted.push_back(h.response);
    auto ballots = stored_ballots(campaign, activity_id, counted);
    if (!ballots) return ballots.error();
    exported.ballots = ballots.value().size();
    auto election = budget_vote_election(campaign, activity_id, ballots.value());
    if (!election) return election.error();
    exported.text = write_pabulib(election.value());
    return exported;
}

}  // namespace sv
