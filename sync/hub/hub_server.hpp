#pragma once
// The hub's HTTP endpoint (on http_front.hpp): enrolment, batch upload, published campaigns,
// and the organisers' dashboard (dashboard_routes.hpp).
// Plain HTTP only on loopback; anywhere else it needs a certificate and key (TLS).
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "campaign_tally.hpp"
#include "campaign_updates.hpp"
#include "database_watch.hpp"
#include "http_front.hpp"
#include "hub_store.hpp"
#include "ingest.hpp"
#include "organiser_sessions.hpp"
#include "result.hpp"

namespace sv {

struct ListenAddress {
    std::string host;
    int port = 0;  // 0: any free port
};
// "127.0.0.1:8080" -> host and port; errors in plain words.
Result<ListenAddress> parse_listen_address(const std::string& text);

class HubServer {
public:
    explicit HubServer(HubStore& store, HttpLimits limits = {});
    ~HubServer();

    // Starts serving; returns the port (useful with port 0). Without cert and key only loopback
    // is allowed. Each published campaign is then counted once in the background, so an
    // organiser's first visit finds it done. `behind_tls_proxy`: plain HTTP on loopback, but
    // browsers reach it through an HTTPS proxy, so the dashboard's cookies are HTTPS-only.
    Result<int> start(const ListenAddress& address, const std::string& cert_file, const std::string& key_file,
                      bool behind_tls_proxy = false);
    // Stops serving (requests under way are finished) and a budget count under way at its next
    // round, so the hub stops promptly.
    void stop();
    // Before start: told of every request answered (the access log).
    void log_requests_with(AccessLogger logger) { front_.log_requests_with(std::move(logger)); }

private:
    void add_routes();
    // The device whose token the request shows; nothing when it shows none that is known
    // (`res` then says so).
    std::optional<EnrolledDevice> device_of(const HttpRequest& req, HttpResponse& res);
    void enrol(const HttpRequest& req, HttpResponse& res);
    void take_batch(const HttpRequest& req, HttpResponse& res);
    void tell_holdings(const HttpRequest& req, HttpResponse& res);
    void check_holdings(const HttpRequest& req, HttpResponse& res);
    void send_campaigns(const HttpRequest& req, HttpResponse& res);
    void send_picture(const HttpRequest& req, HttpResponse& res);
    // For monitoring: the process answers (/healthz); its database answers too (/readyz).
    void say_alive(const HttpRequest& req, HttpResponse& res);
    void say_ready(const HttpRequest& req, HttpResponse& res);
    // Looks at the database every few seconds until stopped, so the log says when it is lost
    // and when it is back even while no request comes.
    void watch_database();
    // A store failure: logged, and answered 503 in words that give nothing of it away.
    void reply_store_trouble(const HttpRequest& req, HttpResponse& res, const Error& error);

    HubStore& store_;
    Ingest ingest_;
    CampaignUpdates updates_;
    OrganiserSessions sessions_;
    OutcomeCounter counter_;  // before the tallies, which use it
    CampaignTallies tallies_;
    HttpFront front_;
    DatabaseWatch database_;
    std::thread count_campaigns_;
    std::thread watching_database_;
    std::mutex stop_mutex_;
    std::condition_variable stop_signal_;
    std::atomic<bool> stopping_{false};
};

}  // namespace sv
