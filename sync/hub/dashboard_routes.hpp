#pragma once
// The dashboard's addresses on the hub's HTTP server: log in and out, the campaigns, one
// campaign's results, and its downloads. Everything but the login page needs a session.
namespace sv {

class CampaignTallies;
class HttpFront;
class HubStore;
class OrganiserSessions;

// `tallies`: kept as long as the server, so each visit reads only the responses that came
// since the last. `secure_cookies`: browsers reach the dashboard over HTTPS only (the hub's
// own, or a proxy's in front of it), so cookies are Secure and __Host-.
void add_dashboard_routes(HttpFront& server, HubStore& store, OrganiserSessions& sessions, CampaignTallies& tallies,
                          bool secure_cookies);

}  // namespace sv
