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
    // 0: every ballot, as every version with ballots asked voters alike; else only the ballots
    // cast under this version (the versions' projects, costs or rules differ).
    int version = 0;
    std::size_t ballots = 0;
    std::string text;  // the .pb file
    // Ballots left out because their voter code was already used by an earlier ballot (which
    // counts), by code: for the organiser to decide on.
    std::vector<std::vector<std::string>> held_back;
};

// Each ballot read against the published version it was cast under: one file for all of them
// when the versions asked alike, else one per version (oldest first).
Result<std::vector<PbExport>> export_pb_by_version(HubStore& store, const std::string& campaign_id,
                                                   const std::string& activity_id);
// One of those files: `version` 0 asks for the only one (an error naming the versions, when
// they differ).
Result<PbExport> pb_export_of_version(std::vector<PbExport> exports, const std::string& campaign_id, int version);
Result<PbExport> export_pb(HubStore& store, const std::string& campaign_id, const std::string& activity_id,
                           int version);
// The file from responses already read, every ballot read against `campaign`; `version` 0
// counts them all, another only those cast under it. Voter codes span every ballot given.
Result<PbExport> export_pb(const Campaign& campaign, const std::string& activity_id,
                           const std::vector<HubResponse>& responses, int version = 0);

// The newest version of a campaign published on the hub, read.
Result<Campaign> newest_published_campaign(HubStore& store, const std::string& campaign_id);

}  // namespace sv
