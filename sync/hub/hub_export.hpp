#pragma once
// What organisers take away from the hub: every response of a campaign as CSV, and a budget
// vote's ballots as a pabulib .pb file anyone can recompute.
//
// CSV columns, in this order (RFC 4180 quoting, UTF-8, a header row):
//   uuid, campaign_id, campaign_version, activity_id, event_id, device_id, device_time,
//   received_at, payload (the response's answers as JSON)
#include <string>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

Result<std::string> export_csv(HubStore& store, const std::string& campaign_id);
// Read against the newest published version of the campaign.
Result<std::string> export_pb(HubStore& store, const std::string& campaign_id, const std::string& activity_id);

}  // namespace sv
