#include "http_front.hpp"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <regex>
#include <thread>

namespace sv {

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string form_decoded(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// TLS 1.2 and 1.3 with ephemeral key exchange and AEAD ciphers only: a key stolen later
// cannot read what was sent before.
constexpr const char* kTlsPriorities =
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:-CIPHER-ALL:+AES-256-GCM:"
    "+AES-128-GCM:+CHACHA20-POLY1305:-MAC-ALL:+AEAD";

}  // namespace

std::map<std::string, std::string> parse_form(const std::string& body) {
    std::map<std::string, std::string> fields;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string::npos) end = body.size();
        const std::string pair = body.substr(start, end - start);
        const std::size_t equals = pair.find('=');
        if (!pair.empty())
            fields.emplace(form_decoded(pair.substr(0, equals)),
                           equals == std::string::npos ? std::string() : form_decoded(pair.substr(equals + 1)));
        start = end + 1;
    }
    return fields;
}

std::string HttpRequest::header(const std::string& name) const {
    const auto found = headers.find(lower(name));
    return found == headers.end() ? std::string() : found->second;
}

std::string HttpRequest::form_field(const std::string& name) const {
    if (lower(header("Content-Type")).rfind("application/x-www-form-urlencoded", 0) != 0) return {};
    const auto fields = parse_form(body);
    const auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
}

struct Route {
    std::string method;
    std::regex path;
    HttpHandler handler;
    std::size_t largest_body;
    BodyEncoding encoding;
};

// One request under way on a connection.
struct RequestUnderWay {
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::string method, path, client_address;  // for the access log, refusals too
    const Route* route = nullptr;
    std::vector<std::string> matches;
    int refused = 0;  // the status the front answers with instead of the route, once known
    std::string body;
    std::size_t discarded = 0;  // body bytes read and dropped after the refusal
};

// A refused body is still read, and dropped, up to this much: a client still sending when
// the connection closes may lose the answer (the closing end resets the connection), so a
// kiosk sending slightly too much is told why. Past this the sender is cut off.
constexpr std::size_t kMostBytesDrained = 4 * 1024 * 1024;

// Every open connection, for the deadline: when its present request may start and whether it
// has arrived whole.
struct ConnectionClock {
    MHD_socket socket = MHD_INVALID_SOCKET;
    std::chrono::steady_clock::time_point since;
    bool request_received = false;
};

struct HttpFront::Shared {
    HttpLimits limits;
    std::vector<Route> routes;
    std::function<void(HttpResponse&)> describe_problem;
    std::vector<std::pair<std::string, std::string>> every_answer;
    AccessLogger access_logger;
    MHD_Daemon* daemon = nullptr;
    std::string cert_pem, key_pem;

    std::mutex clocks_mutex;
    std::map<MHD_Connection*, ConnectionClock> clocks;
    std::condition_variable sweep_wake;
    bool stopping = false;
    std::thread sweeper;

    void mark_received(MHD_Connection* connection) {
        std::lock_guard lock(clocks_mutex);
        if (auto found = clocks.find(connection); found != clocks.end()) found->second.request_received = true;
    }

    // Cuts off, every quarter second, the connections whose request has not arrived in time.
    // shutdown() only: the server sees the connection end and closes it (and tells us) itself.
    void sweep() {
        std::unique_lock lock(clocks_mutex);
        while (!stopping) {
            sweep_wake.wait_for(lock, std::chrono::milliseconds(250));
            const auto now = std::chrono::steady_clock::now();
            for (auto& [connection, clock] : clocks)
                if (!clock.request_received && now - clock.since > limits.request_deadline &&
                    clock.socket != MHD_INVALID_SOCKET) {
                    ::shutdown(clock.socket, SHUT_RDWR);
                    clock.socket = MHD_INVALID_SOCKET;  // once is enough
                }
        }
    }

    const Route* route_for(const std::string& method, const std::string& path, std::vector<std::string>& matches,
                           bool& path_known) const {
        path_known = false;
        for (const Route& route : routes) {
            std::smatch found;
            if (!std::regex_match(path, found, route.path)) continue;
            path_known = true;
            if (route.method != method && !(method == "HEAD" && route.method == "GET")) continue;
            matches.assign(found.begin(), found.end());
            return &route;
        }
        return nullptr;
    }

    MHD_Result answer(MHD_Connection* connection, HttpResponse& res) {
        if (res.status >= 400 && res.body.empty() && describe_problem) describe_problem(res);
        MHD_Response* response =
            MHD_create_response_from_buffer(res.body.size(), res.body.data(), MHD_RESPMEM_MUST_COPY);
        if (!response) return MHD_NO;
        if (!res.content_type.empty()) MHD_add_response_header(response, "Content-Type", res.content_type.c_str());
        for (const auto& [name, value] : every_answer) MHD_add_response_header(response, name.c_str(), value.c_str());
        for (const auto& [name, value] : res.headers) MHD_add_response_header(response, name.c_str(), value.c_str());
        const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(res.status), response);
        MHD_destroy_response(response);
        return queued;
    }

    // Answers with the status `request` was refused with.
    MHD_Result refuse(MHD_Connection* connection, const RequestUnderWay& request) {
        HttpResponse res;
        res.status = request.refused;
        res.set_header("Connection", "close");
        const MHD_Result queued = answer(connection, res);
        log(request, res);
        return queued;
    }

    void log(const RequestUnderWay& request, const HttpResponse& res) const {
        if (!access_logger) return;
        const auto took =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - request.started);
        access_logger({request.method, request.path, request.client_address, res.status, took, res.who, res.outcome});
    }
};

namespace {

using Shared = HttpFront::Shared;

std::string client_address_of(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return {};
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr* address = info->client_addr;
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
    return text;
}

MHD_Result collect_header(void* into, MHD_ValueKind, const char* key, const char* value) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(into);
    if (key) headers.emplace(lower(key), value ? value : "");
    return MHD_YES;
}

MHD_Result handle(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                  const char* upload_data, size_t* upload_data_size, void** request_context) {
    Shared& shared = *static_cast<Shared*>(cls);
    auto* request = static_cast<RequestUnderWay*>(*request_context);
    if (!request) {
        // The headers are in: find the route, and refuse at once what it will not take.
        request = new RequestUnderWay;
        *request_context = request;
        request->method = method;
        request->path = url;
        request->client_address = client_address_of(connection);
        bool path_known = false;
        request->route = shared.route_for(method, url, request->matches, path_known);
        if (!request->route) {
            request->refused = path_known ? 405 : 404;
        } else {
            const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length");
            const char* encoding = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Encoding");
            const std::size_t largest = request->route->largest_body;
            const unsigned long long announced = length ? std::strtoull(length, nullptr, 10) : 0;
            if (announced > largest) request->refused = 413;
            const std::string coding = encoding ? lower(encoding) : "";
            if (!coding.empty() && coding != "identity" &&
                !(coding == "gzip" && request->route->encoding == BodyEncoding::gzip_allowed))
                request->refused = 415;
            // Not worth reading at all: answered at once, and the connection closed after.
            if (request->refused && announced > kMostBytesDrained) return shared.refuse(connection, *request);
        }
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (!request->refused && request->body.size() + *upload_data_size > request->route->largest_body)
            request->refused = 413;
        if (!request->refused) {
            request->body.append(upload_data, *upload_data_size);
        } else {
            request->body.clear();
            request->discarded += *upload_data_size;
        }
        *upload_data_size = 0;
        if (request->refused && request->discarded > kMostBytesDrained) return shared.refuse(connection, *request);
        return MHD_YES;
    }
    shared.mark_received(connection);
    if (request->refused) return shared.refuse(connection, *request);

    HttpRequest req;
    req.method = method;
    req.path = url;
    req.body = std::move(request->body);
    req.matches = std::move(request->matches);
    req.client_address = request->client_address;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collect_header, &req.headers);
    HttpResponse res;
    try {
        request->route->handler(req, res);
    } catch (...) {
        res = HttpResponse{};
        res.status = 500;
    }
    if (method == std::string("HEAD")) res.body.clear();
    const MHD_Result queued = shared.answer(connection, res);
    shared.log(*request, res);
    return queued;
}

void request_done(void*, MHD_Connection*, void** request_context, MHD_RequestTerminationCode) {
    delete static_cast<RequestUnderWay*>(*request_context);
    *request_context = nullptr;
}

void connection_changed(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode change) {
    Shared& shared = *static_cast<Shared*>(cls);
    std::lock_guard lock(shared.clocks_mutex);
    if (change == MHD_CONNECTION_NOTIFY_STARTED) {
        const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        shared.clocks[connection] = {info ? info->connect_fd : MHD_INVALID_SOCKET, std::chrono::steady_clock::now(),
                                     false};
    } else {
        shared.clocks.erase(connection);
    }
}

// After each answer the next request on the connection has its own deadline.
void answer_sent(void* cls, MHD_Connection* connection, void** request_context, MHD_RequestTerminationCode code) {
    Shared& shared = *static_cast<Shared*>(cls);
    {
        std::lock_guard lock(shared.clocks_mutex);
        if (auto found = shared.clocks.find(connection); found != shared.clocks.end()) {
            found->second.since = std::chrono::steady_clock::now();
            found->second.request_received = false;
        }
    }
    request_done(cls, connection, request_context, code);
}

}  // namespace

HttpFront::HttpFront(HttpLimits limits) : shared_(std::make_unique<Shared>()) {
    shared_->limits = limits;
}

HttpFront::~HttpFront() {
    stop();
}

void HttpFront::add(const std::string& method, const std::string& path_pattern, HttpHandler handler,
                    std::size_t largest_body, BodyEncoding encoding) {
    shared_->routes.push_back({method, std::regex(path_pattern), std::move(handler),
                               largest_body ? largest_body : shared_->limits.body_bytes, encoding});
}

void HttpFront::describe_problems_with(std::function<void(HttpResponse&)> describe) {
    shared_->describe_problem = std::move(describe);
}

void HttpFront::log_requests_with(AccessLogger logger) {
    shared_->access_logger = std::move(logger);
}

void HttpFront::add_header_to_every_answer(const std::string& name, const std::string& value) {
    shared_->every_answer.emplace_back(name, value);
}

Result<int> HttpFront::start(const std::string& host, int port, const std::string& cert_pem,
                             const std::string& key_pem) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        return Error{"\"" + host + "\" is not an address this machine can listen on."};
    sockaddr_storage address{};
    std::memcpy(&address, found->ai_addr, found->ai_addrlen);
    const bool ipv6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);

    Shared& s = *shared_;
    s.cert_pem = cert_pem;
    s.key_pem = key_pem;
    const bool tls = !cert_pem.empty();
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    if (ipv6) flags |= MHD_USE_IPv6;
    if (tls) flags |= MHD_USE_TLS;
    const auto idle = static_cast<unsigned>(s.limits.idle.count());
    // The pool holds the request line and headers, and the read buffer; headers past it are refused.
    const auto memory = static_cast<size_t>(s.limits.header_bytes + 8 * 1024);
    MHD_OptionItem options[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &address},
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(s.limits.threads), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(s.limits.connections), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(s.limits.connections_per_address), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(idle), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(memory), nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&answer_sent), &s},
        {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&connection_changed), &s},
        {MHD_OPTION_STRICT_FOR_CLIENT, 1, nullptr},
        {tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, const_cast<char*>(s.cert_pem.c_str())},
        {MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(s.key_pem.c_str())},
        {MHD_OPTION_HTTPS_PRIORITIES, 0, const_cast<char*>(kTlsPriorities)},
        {MHD_OPTION_END, 0, nullptr},
    };
    s.daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &handle, &s, MHD_OPTION_ARRAY, options, MHD_OPTION_END);
    if (!s.daemon)
        return Error{tls ? "Could not listen on " + host + ":" + std::to_string(port) +
                               " with TLS (is the port in use, or the certificate or key not PEM?)."
                         : "Could not listen on " + host + ":" + std::to_string(port) +
                               " (is another program using that port?)."};
    const MHD_DaemonInfo* bound = MHD_get_daemon_info(s.daemon, MHD_DAEMON_INFO_BIND_PORT);
    s.stopping = false;
    s.sweeper = std::thread([&s] { s.sweep(); });
    return bound ? static_cast<int>(bound->port) : port;
}

void HttpFront::stop() {
    Shared& s = *shared_;
    if (!s.daemon) return;
    {
        std::lock_guard lock(s.clocks_mutex);
        s.stopping = true;
    }
    s.sweep_wake.notify_all();
    s.sweeper.join();
    MHD_stop_daemon(s.daemon);
    s.daemon = nullptr;
}

}  // namespace sv
