#pragma once
// What organisers take away from the hub: every response of a campaign as CSV, and a budget
// vote's ballots as a pabulib .pb file anyone can recompute.
//
// CSV columns, in this order (RFC 4180 quoting, UTF-8, a header row):
//   uuid, campaign_id, campaign_version, activity_id, event_id, device_id, device_time,
//   received_at, payload (the response's answers as JSON), voter_code_flag (empty, or
//   "shares its voter code with N other ballot(s)": see voter_code_ledger.hpp). "About you"
//   responses (activity_id about-you) come last, in UUID order, so none sits beside the
//   answer it followed.
#include <string>

#include "campaign.hpp"
#include "hub_store.hpp"
#include "result.hpp"
#include "voter_code_ledger.hpp"

namespace sv {

Result<std::string> export_csv(HubStore& store, const std::string& campaign_id);
struct PbExport {
    std::string text;  // the .pb file
    // Ballots left out because their voter code was already used by an earlier ballot (which
    // counts), by code: for the organiser to decide on.
    std::vector<std::vector<std::string>> held_back;
};

// Read against the newest published version of the campaign.
Result<PbExport> export_pb(HubStore& store, const std::string& campaign_id, const std::string& activity_id);
// The same from responses already read (the dashboard reads them once for every table).
Result<PbExport> export_pb(const Campaign& campaign, const std::string& activity_id,
                           const std::vector<HubResponse>& responses);

// The newest version of a campaign published on the hub, read.
Result<Campaign> newest_published_campaign(HubStore& store, const std::string& campaign_id);

}  // namespace sv
