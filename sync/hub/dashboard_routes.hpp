#pragma once
// The dashboard's addresses on the hub's HTTP server: log in and out, the campaigns, one
// campaign's results, and its downloads. Everything but the login page needs a session.
namespace sv {

class CampaignTallies;
class HttpFront;
class HubStore;
class OrganiserSessions;

// `tallies`: kept as long as the server, so each visit reads only the responses that came
// since the last. `tls`: the hub is serving HTTPS, so the session cookie is marked Secure.
void add_dashboard_routes(HttpFront& server, HubStore& store, OrganiserSessions& sessions,
                          CampaignTallies& tallies, bool tls);

}  // namespace sv
