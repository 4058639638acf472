#include "hub_server.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "audit_log.hpp"
#include "dashboard_routes.hpp"
#include "event_log.hpp"
#include "gzip_body.hpp"
#include "hub_secrets.hpp"
#include "loopback_host.hpp"
#include "wire_format.hpp"

namespace sv {
namespace {

constexpr const char* kJson = "application/json";

// An enrolment is a code and a device id.
constexpr std::size_t kLargestEnrolmentBytes = 4 * 1024;
// A tablet's counts of 200 campaigns, or 1,000 UUIDs to check, are 40 KB or so.
constexpr std::size_t kLargestHoldingsBytes = 64 * 1024;

void reply_error(HttpResponse& res, int status, const std::string& message) {
    res.status = status;
    res.outcome = message;
    res.set_content(error_json(message), kJson);
}

// "12 responses: 11 new, 1 already here, 0 refused", for the access log.
std::string batch_outcome(const BatchReply& reply) {
    const auto with = [&reply](Verdict verdict) {
        return std::to_string(std::count_if(reply.results.begin(), reply.results.end(),
                                            [verdict](const ResponseVerdict& r) { return r.verdict == verdict; }));
    };
    return std::to_string(reply.results.size()) + " responses: " + with(Verdict::accepted) + " new, " +
           with(Verdict::duplicate) + " already here, " + with(Verdict::rejected) + " refused";
}

// A batch's body as sent, inflated if it came gzipped, within the wire limit. False when it
// was refused; `res` then holds the answer.
bool batch_body(const HttpRequest& req, HttpResponse& res, std::string& body) {
    if (req.header("Content-Encoding") != "gzip") {
        body = req.body;
        return true;
    }
    auto inflated = gzip_inflate(req.body, kLargestBodyBytes);
    if (!inflated) {
        reply_error(res, inflated.error().message.find("unpacks to more than") != std::string::npos ? 413 : 400,
                    "The request could not be unpacked, or unpacks to more than the hub takes at once; send fewer "
                    "responses at a time.");
        return false;
    }
    body = std::move(inflated).value();
    return true;
}

// The token after "Authorization: Bearer ", or "".
std::string bearer_token(const HttpRequest& req) {
    const std::string header = req.header("Authorization");
    const std::string bearer = "Bearer ";
    return header.rfind(bearer, 0) == 0 ? header.substr(bearer.size()) : std::string();
}

// The hub's own words for the answers its front gives without asking a route.
void describe_problem(HttpResponse& res) {
    switch (res.status) {
        case 404: return reply_error(res, 404, "There is nothing at this address.");
        case 405: return reply_error(res, 405, "This address does not take that kind of request.");
        case 413: return reply_error(res, 413, "The request is too large; send fewer responses at a time.");
        case 415: return reply_error(res, 415, "Only batches of answers may be sent compressed (gzip).");
        case 500:
            return reply_error(res, 500, "The hub met an unexpected problem; nothing from this request was stored.");
        default: return reply_error(res, res.status, "The hub could not handle this request.");
    }
}

// One line for the batch, and one for each response refused (the first few: a tablet sending
// the same broken answers again must not flood the journal).
void log_batch(const std::string& device_id, const BatchReply& reply) {
    constexpr int kMostRefusalsLogged = 5;
    int accepted = 0, duplicate = 0, rejected = 0;
    for (const auto& v : reply.results) {
        if (v.verdict == Verdict::accepted) ++accepted;
        if (v.verdict == Verdict::duplicate) ++duplicate;
        if (v.verdict != Verdict::rejected) continue;
        if (++rejected <= kMostRefusalsLogged)
            log_event("response_rejected", {{"device", device_id}, {"response", v.uuid}, {"reason", v.reason}});
    }
    log_event("batch", {{"device", device_id},
                        {"responses", std::to_string(reply.results.size())},
                        {"accepted", std::to_string(accepted)},
                        {"duplicate", std::to_string(duplicate)},
                        {"rejected", std::to_string(rejected)}});
}

Result<std::string> read_text_file(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) return Error{std::string("The ") + what + " " + path + " could not be read."};
    return text.str();
}

}  // namespace

Result<ListenAddress> parse_listen_address(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return Error{"--listen must look like 127.0.0.1:8080, not \"" + text + "\"."};
    ListenAddress address;
    address.host = text.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']')
        address.host = address.host.substr(1, address.host.size() - 2);
    const std::string port = text.substr(colon + 1);
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
        return Error{"--listen has a port that is not a number from 0 to 65535: \"" + port + "\"."};
    address.port = std::stoi(port);
    return address;
}

namespace {

// Tests hold each budget count back this long to see the hub while one is under way.
std::chrono::milliseconds test_count_delay() {
    const char* wanted = std::getenv("STREETVOICE_HUB_TEST_COUNT_DELAY_MS");
    if (!wanted) return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::strtol(wanted, nullptr, 10));
}

}  // namespace

HubServer::HubServer(HubStore& store, HttpLimits limits)
    : store_(store),
      ingest_(store),
      updates_(store),
      counter_(std::chrono::seconds(20), test_count_delay()),
      tallies_(counter_),
      front_(limits),
      database_(store) {}

HubServer::~HubServer() {
    stop();
}

Result<int> HubServer::start(const ListenAddress& address, const std::string& cert_file, const std::string& key_file,
                             bool behind_tls_proxy) {
    const bool tls = !cert_file.empty() || !key_file.empty();
    if (tls && (cert_file.empty() || key_file.empty())) return Error{"Give both --cert and --key for TLS."};
    if (!tls && !is_loopback_host(address.host))
        return Error{
            "Plain HTTP is only allowed on 127.0.0.1 (for tests and a proxy on the same machine). "
            "Give --cert and --key to listen on " +
            address.host + "."};
    std::string cert, key;
    if (tls) {
        auto cert_text = read_text_file(cert_file, "certificate");
        if (!cert_text) return cert_text.error();
        auto key_text = read_text_file(key_file, "key");
        if (!key_text) return key_text.error();
        cert = std::move(cert_text).value();
        key = std::move(key_text).value();
        // Browsers that once reached the dashboard over HTTPS never fall back to plain HTTP.
        front_.add_header_to_every_answer("Strict-Transport-Security", "max-age=31536000");
    }
    add_routes();
    add_dashboard_routes(front_, store_, sessions_, tallies_, tls || behind_tls_proxy);
    front_.describe_problems_with(describe_problem);
    auto port = front_.start(address.host, address.port, cert, key);
    if (!port) return port.error();
    watching_database_ = std::thread([this] { watch_database(); });
    count_campaigns_ = std::thread([this] {
        auto published = store_.published_campaigns();
        if (!published) return;     // an organiser's visit counts it instead, or says what is wrong
        std::set<std::string> ids;  // each version is listed; the newest is counted
        for (const auto& campaign : published.value()) ids.insert(campaign.id);
        for (const auto& id : ids) {
            if (stopping_) return;
            (void)tallies_.results(store_, id);
        }
    });
    return port;
}

void HubServer::stop() {
    {
        std::lock_guard hold(stop_mutex_);
        stopping_ = true;
    }
    stop_signal_.notify_all();
    counter_.request_stop();
    front_.stop();
    counter_.stop();
    if (count_campaigns_.joinable()) count_campaigns_.join();
    if (watching_database_.joinable()) watching_database_.join();
}

void HubServer::watch_database() {
    std::unique_lock hold(stop_mutex_);
    while (!stopping_) {
        hold.unlock();
        database_.check();
        hold.lock();
        stop_signal_.wait_for(hold, std::chrono::seconds(10), [this] { return stopping_.load(); });
    }
}

void HubServer::say_alive(const HttpRequest&, HttpResponse& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content("alive\n", "text/plain; charset=utf-8");
}

void HubServer::say_ready(const HttpRequest&, HttpResponse& res) {
    res.set_header("Cache-Control", "no-store");
    if (database_.check()) return res.set_content("ready\n", "text/plain; charset=utf-8");
    res.status = 503;
    res.outcome = "the database does not answer";
    res.set_content("not ready: the hub cannot reach its database\n", "text/plain; charset=utf-8");
}

void HubServer::reply_store_trouble(const HttpRequest& req, HttpResponse& res, const Error& error) {
    res.outcome = error.message;  // for the access log: IT's eyes only
    res.status = 503;
    res.set_content(error_json(store_trouble(error, req.method + " " + req.path)), kJson);
    res.set_header("Retry-After", "30");
}

void HubServer::add_routes() {
    const auto route = [this](void (HubServer::*handle)(const HttpRequest&, HttpResponse&)) {
        return [this, handle](const HttpRequest& req, HttpResponse& res) { (this->*handle)(req, res); };
    };
    front_.add("POST", api_path::enrol, route(&HubServer::enrol), kLargestEnrolmentBytes);
    front_.add("POST", api_path::batch, route(&HubServer::take_batch), kLargestBodyBytes, BodyEncoding::gzip_allowed);
    front_.add("GET", api_path::campaigns, route(&HubServer::send_campaigns));
    front_.add("POST", api_path::holdings, route(&HubServer::tell_holdings), kLargestHoldingsBytes);
    front_.add("POST", api_path::holdings_check, route(&HubServer::check_holdings), kLargestHoldingsBytes);
    front_.add("GET", "/healthz", route(&HubServer::say_alive));
    front_.add("GET", "/readyz", route(&HubServer::say_ready));
    front_.add("GET", std::string(api_path::pictures) + "([0-9a-f]{64})", route(&HubServer::send_picture));
}

std::optional<EnrolledDevice> HubServer::device_of(const HttpRequest& req, HttpResponse& res) {
    const std::string token = bearer_token(req);
    if (token.empty()) {
        reply_error(res, 401, "This device has not shown its token. Enrol it with a code from the organiser.");
        return std::nullopt;
    }
    auto device = store_.device_for_token(secret_hash(token));
    if (!device) {
        reply_store_trouble(req, res, device.error());
        return std::nullopt;
    }
    if (!device.value()) {
        reply_error(res, 401, "This device's token is not known here. Enrol it again with a new code.");
        return std::nullopt;
    }
    res.who = "device " + device.value()->device_id;
    if (!device.value()->revoked_at.empty()) {
        reply_error(res, 403,
                    "This tablet was taken off the hub by its administrator on " +
                        device.value()->revoked_at.substr(0, 10) +
                        ". Its answers are kept on the tablet; ask the administrator for a new enrolment code "
                        "made for it.");
        return std::nullopt;
    }
    return device.value();
}

void HubServer::enrol(const HttpRequest& req, HttpResponse& res) {
    auto request = parse_enrol_request(req.body);
    if (!request) return reply_error(res, 400, request.error().message);
    const std::string& device_id = request.value().device_id;
    res.who = "device " + device_id;
    const std::string token = new_device_token();
    // A device enrolled already shows its current token to be enrolled again.
    const std::string shown = bearer_token(req);
    auto enrolled = store_.enrol_device(secret_hash(normalise_enrolment_code(request.value().code)), device_id,
                                        secret_hash(token), shown.empty() ? "" : secret_hash(shown));
    if (!enrolled) return reply_store_trouble(req, res, enrolled.error());
    if (enrolled.value() != EnrolOutcome::enrolled)
        log_event("enrolment_refused", {{"device", device_id},
                                        {"address", req.client_address},
                                        {"reason", enrolled.value() == EnrolOutcome::code_not_usable
                                                       ? "code unknown, used or for another tablet"
                                                       : "device enrolled already"}});
    if (enrolled.value() == EnrolOutcome::code_not_usable)
        return reply_error(res, 403,
                           "This enrolment code is not known here, has been used already, or is for another "
                           "tablet. Ask the organiser for a new one.");
    if (enrolled.value() == EnrolOutcome::device_enrolled_already)
        return reply_error(res, 409,
                           "A tablet with this device id is enrolled already. To enrol it again, ask the "
                           "organiser for a code for this device (streetvoice-hub enrol-code --for-device " +
                               device_id + ").");
    audit(store_, "device " + device_id,
          shown.empty() ? "enrolled with a one-time code" : "enrolled again, showing its token", req.client_address);
    log_event("device_enrolled",
              {{"device", device_id}, {"address", req.client_address}, {"again", shown.empty() ? "no" : "yes"}});
    res.set_content(enrol_reply_json({device_id, token}), kJson);
}

void HubServer::take_batch(const HttpRequest& req, HttpResponse& res) {
    const auto device = device_of(req, res);
    if (!device) return;
    std::string body;
    if (!batch_body(req, res, body)) return;
    auto batch = parse_batch(body);
    if (!batch) return reply_error(res, 400, batch.error().message);
    auto reply = ingest_.take(*device, batch.value());
    if (!reply) return reply_store_trouble(req, res, reply.error());
    res.outcome = batch_outcome(reply.value());
    log_batch(device->device_id, reply.value());
    res.set_content(reply_json(reply.value()), kJson);
}

void HubServer::tell_holdings(const HttpRequest& req, HttpResponse& res) {
    const auto device = device_of(req, res);
    if (!device) return;
    auto request = parse_holdings_request(req.body);
    if (!request) return reply_error(res, 400, request.error().message);
    if (auto kept = store_.record_tablet_counts(device->device_id, request.value().on_tablet); !kept)
        return reply_store_trouble(req, res, kept.error());
    auto uuids = store_.response_uuids_of_device(device->device_id);
    if (!uuids) return reply_store_trouble(req, res, uuids.error());
    res.outcome = "holds " + std::to_string(uuids.value().size()) + " of its responses";
    res.set_content(holdings_json({static_cast<std::int64_t>(uuids.value().size()), holdings_digest(uuids.value())}),
                    kJson);
}

void HubServer::check_holdings(const HttpRequest& req, HttpResponse& res) {
    const auto device = device_of(req, res);
    if (!device) return;
    auto check = parse_holdings_check(req.body);
    if (!check) return reply_error(res, 400, check.error().message);
    auto uuids = store_.response_uuids_of_device(device->device_id);
    if (!uuids) return reply_store_trouble(req, res, uuids.error());
    const std::set<std::string> held(uuids.value().begin(), uuids.value().end());
    HoldingsCheckReply reply;
    for (const auto& uuid : check.value().uuids)
        if (!held.count(uuid)) reply.missing.push_back(uuid);
    res.outcome = std::to_string(reply.missing.size()) + " of " + std::to_string(check.value().uuids.size()) +
                  " asked about are not here";
    res.set_content(holdings_check_reply_json(reply), kJson);
}

void HubServer::send_picture(const HttpRequest& req, HttpResponse& res) {
    const auto device = device_of(req, res);
    if (!device) return;
    auto picture = store_.picture(req.matches[1]);
    if (!picture) return reply_store_trouble(req, res, picture.error());
    if (!picture.value()) return reply_error(res, 404, "The hub has no picture by that name.");
    res.outcome = std::to_string(picture.value()->size()) + " bytes";
    // Named by its content: it never changes.
    res.set_header("Cache-Control", "private, max-age=31536000, immutable");
    res.set_content(std::move(*picture.value()), "application/octet-stream");
}

void HubServer::send_campaigns(const HttpRequest& req, HttpResponse& res) {
    const auto device = device_of(req, res);
    if (!device) return;
    auto campaigns = updates_.for_device(*device);
    if (!campaigns) return reply_store_trouble(req, res, campaigns.error());
    res.outcome = std::to_string(campaigns.value().size()) + " campaigns";
    const std::string body = campaigns_json({campaigns.value()});
    const std::string etag = "\"" + secret_hash(body).substr(0, 32) + "\"";
    res.set_header("ETag", etag);
    if (req.header("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    res.set_content(body, kJson);
}

}  // namespace sv
