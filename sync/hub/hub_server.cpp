#include "hub_server.hpp"

#include <cstdlib>

#include <map>
#include <set>
#include <thread>

#include <httplib.h>

#include "dashboard_routes.hpp"
#include "hub_secrets.hpp"
#include "loopback_host.hpp"
#include "voter_code_ledger.hpp"
#include "wire_format.hpp"

namespace sv {
namespace {

constexpr const char* kJson = "application/json";

void reply_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(error_json(message), kJson);
}

// Reads the (already inflated) body, refusing more than the limit. False when the body was
// refused; `res` then holds the answer.
bool read_body(const httplib::ContentReader& reader, httplib::Response& res, std::string& body) {
    bool too_big = false;
    const bool whole = reader([&](const char* data, std::size_t length) {
        if (body.size() + length > kLargestBodyBytes) {
            too_big = true;
            return false;
        }
        body.append(data, length);
        return true;
    });
    // httplib sets 413 itself when the body on the wire passes its own limit.
    if (too_big || res.status == 413) {
        reply_error(res, 413, "The request is too large; send fewer responses at a time.");
        return false;
    }
    if (!whole) {
        reply_error(res, 400, "The request arrived cut short or could not be unpacked.");
        return false;
    }
    return true;
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

HubServer::HubServer(HubStore& store)
    : store_(store), ingest_(store), counter_(std::chrono::seconds(20), test_count_delay()), tallies_(counter_) {}

HubServer::~HubServer() = default;

Result<int> HubServer::bind(const ListenAddress& address, const std::string& cert_file, const std::string& key_file) {
    const bool tls = !cert_file.empty() || !key_file.empty();
    if (tls && (cert_file.empty() || key_file.empty())) return Error{"Give both --cert and --key for TLS."};
    if (!tls && !is_loopback_host(address.host))
        return Error{
            "Plain HTTP is only allowed on 127.0.0.1 (for tests and a proxy on the same machine). "
            "Give --cert and --key to listen on " +
            address.host + "."};
    if (tls) {
        auto secure = std::make_unique<httplib::SSLServer>(cert_file.c_str(), key_file.c_str());
        if (!secure->is_valid())
            return Error{"The certificate or key could not be loaded: " + cert_file + ", " + key_file + "."};
        server_ = std::move(secure);
    } else {
        server_ = std::make_unique<httplib::Server>();
    }
    server_->set_payload_max_length(kLargestBodyBytes);
    server_->set_read_timeout(30, 0);
    server_->set_write_timeout(30, 0);
    add_routes();
    add_dashboard_routes(*server_, store_, sessions_, tallies_, tls);
    int port = address.port;
    if (port == 0)
        port = server_->bind_to_any_port(address.host);
    else if (!server_->bind_to_port(address.host, port))
        port = -1;
    if (port <= 0)
        return Error{"Could not listen on " + address.host + ":" + std::to_string(address.port) +
                     " (is another program using that port?)."};
    return port;
}

void HubServer::run() {
    std::thread count_campaigns([this] {
        auto published = store_.published_campaigns();
        if (!published) return;     // an organiser's visit counts it instead, or says what is wrong
        std::set<std::string> ids;  // each version is listed; the newest is counted
        for (const auto& campaign : published.value()) ids.insert(campaign.id);
        for (const auto& id : ids) {
            if (stopping_) return;
            (void)tallies_.results(store_, id);
        }
    });
    server_->listen_after_bind();
    counter_.stop();
    count_campaigns.join();
}

void HubServer::stop() {
    // Called from a signal handler: only flags here; run() stops the counter's thread.
    stopping_ = true;
    counter_.request_stop();
    if (server_) server_->stop();
}

void HubServer::add_routes() {
    auto device_of = [this](const httplib::Request& req, httplib::Response& res) -> std::optional<std::string> {
        const std::string header = req.get_header_value("Authorization");
        const std::string bearer = "Bearer ";
        if (header.rfind(bearer, 0) != 0 || header.size() == bearer.size()) {
            reply_error(res, 401, "This device has not shown its token. Enrol it with a code from the organiser.");
            return std::nullopt;
        }
        auto device = store_.device_for_token(secret_hash(header.substr(bearer.size())));
        if (!device) {
            reply_error(res, 503, device.error().message);
            return std::nullopt;
        }
        if (!device.value()) {
            reply_error(res, 401, "This device's token is not known here. Enrol it again with a new code.");
            return std::nullopt;
        }
        return device.value();
    };

    server_->Post(
        api_path::enrol, [this](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& reader) {
            std::string body;
            if (!read_body(reader, res, body)) return;
            auto request = parse_enrol_request(body);
            if (!request) return reply_error(res, 400, request.error().message);
            const std::string token = new_device_token();
            auto enrolled = store_.enrol_device(secret_hash(normalise_enrolment_code(request.value().code)),
                                                request.value().device_id, secret_hash(token));
            if (!enrolled) return reply_error(res, 503, enrolled.error().message);
            if (!enrolled.value())
                return reply_error(res, 403,
                                   "This enrolment code is not known here, or it has been used already. Ask the "
                                   "organiser for a new one.");
            res.set_content(enrol_reply_json({request.value().device_id, token}), kJson);
        });

    server_->Post(api_path::batch, [this, device_of](const httplib::Request& req, httplib::Response& res,
                                                     const httplib::ContentReader& reader) {
        const auto device = device_of(req, res);
        if (!device) return;
        std::string body;
        if (!read_body(reader, res, body)) return;
        auto batch = parse_batch(body);
        if (!batch) return reply_error(res, 400, batch.error().message);
        auto reply = ingest_.take(*device, batch.value());
        if (!reply) return reply_error(res, 503, reply.error().message);
        res.set_content(reply_json(reply.value()), kJson);
    });

    server_->Get(api_path::campaigns, [this, device_of](const httplib::Request& req, httplib::Response& res) {
        if (!device_of(req, res)) return;
        auto published = store_.published_campaigns();
        if (!published) return reply_error(res, 503, published.error().message);
        // Kiosks learn which voter codes have voted elsewhere with their campaign updates.
        std::map<std::string, std::vector<std::string>> used_codes;
        auto notes = store_.outcome_notes("");
        if (!notes) return reply_error(res, 503, notes.error().message);
        for (auto& campaign : published.value()) {
            for (const auto& n : notes.value())
                if (n.campaign_id == campaign.id) campaign.outcome_notes.push_back({n.ward, n.said, n.did});
            if (campaign.definition.find("\"voter-code\"") == std::string::npos) continue;
            if (!used_codes.count(campaign.id)) {
                auto responses = store_.responses_of_campaign(campaign.id);
                if (!responses) return reply_error(res, 503, responses.error().message);
                used_codes[campaign.id] = voter_code_ledger(responses.value()).used_codes();
            }
            campaign.used_voter_codes = used_codes[campaign.id];
        }
        const std::string body = campaigns_json({published.value()});
        const std::string etag = "\"" + secret_hash(body).substr(0, 32) + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.set_content(body, kJson);
    });

    server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404) return reply_error(res, 404, "There is nothing at this address.");
        if (res.status == 413) return reply_error(res, 413, "The request is too large.");
        reply_error(res, res.status, "The hub could not handle this request.");
    });
    server_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        reply_error(res, 500, "The hub met an unexpected problem; nothing from this request was stored.");
    });
}

}  // namespace sv
