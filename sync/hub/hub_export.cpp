#include "hub_export.hpp"

#include <algorithm>

#include "about_you.hpp"
#include "budget_export.hpp"
#include "campaign.hpp"
#include "pabulib_writer.hpp"
#include "response.hpp"

namespace sv {
namespace {

std::string csv_cell(std::string text) {
    // A cell a spreadsheet would run as a formula (a device can send any event id or clock
    // reading) starts with an apostrophe, so it is shown as the text it is.
    if (!text.empty() && std::string("=+-@\t\r").find(text.front()) != std::string::npos) text.insert(0, "'");
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

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

Result<Campaign> newest_published_campaign(HubStore& store, const std::string& campaign_id) {
    auto published = store.published_campaigns();
    if (!published) return published.error();
    const PublishedCampaign* newest = nullptr;
    for (const auto& p : published.value())
        if (p.id == campaign_id && (!newest || p.version > newest->version)) newest = &p;
    if (!newest) return Error{"no campaign called \"" + campaign_id + "\" is published on this hub"};
    return parse_campaign(newest->definition, campaign_id + " (as published)");
}

Result<PbExport> export_pb(HubStore& store, const std::string& campaign_id, const std::string& activity_id) {
    auto campaign = newest_published_campaign(store, campaign_id);
    if (!campaign) return campaign.error();
    auto activity = budget_vote_to_export(campaign.value(), activity_id);
    if (!activity) return activity.error();
    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    return export_pb(campaign.value(), activity.value(), responses.value());
}

Result<PbExport> export_pb(const Campaign& campaign, const std::string& activity_id,
                           const std::vector<HubResponse>& responses) {
    const VoterCodeLedger ledger = voter_code_ledger(responses);
    PbExport exported;
    exported.held_back = ledger.held_back();
    std::vector<Response> counted;
    for (const auto& h : responses)
        if (h.response.activity_id == activity_id && !ledger.held_back(h.response.uuid)) counted.push_back(h.response);
    auto ballots = stored_ballots(campaign, activity_id, counted);
    if (!ballots) return ballots.error();
    auto election = budget_vote_election(campaign, activity_id, ballots.value());
    if (!election) return election.error();
    exported.text = write_pabulib(election.value());
    return exported;
}

}  // namespace sv
