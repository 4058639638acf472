#pragma once
// The dashboard's addresses on the hub's HTTP server: log in and out, the campaigns, one
// campaign's results, and its downloads. Everything but the login page needs a session.
namespace httplib {
class Server;
}

namespace sv {

class HubStore;
class OrganiserSessions;

// `tls`: the hub is serving HTTPS, so the session cookie is marked Secure.
void add_dashboard_routes(httplib::Server& server, HubStore& store, OrganiserSessions& sessions, bool tls);

}  // namespace sv
