#pragma once
// The hub's HTTP front, on libmicrohttpd: an event-driven server, so a connection waiting for
// a slow or silent client holds a few kilobytes and no thread. What it holds to, whatever
// anyone sends:
// - every request must arrive whole (headers and body) within a deadline from the moment it
//   may start; a client that trickles bytes is cut off then;
// - the request line and headers fit in a fixed amount of memory, or the request is refused;
// - connections are capped in all and per client address;
// - a body is refused (413) past its route's limit before it is kept, whatever its framing
//   (Content-Length, chunked); compressed bodies are refused except where a route inflates
//   them itself, within its limit;
// - answers are written by a few threads, none of them ever waiting on a client.
// Under TLS (GnuTLS) only forward-secret AEAD suites of TLS 1.2 and 1.3 are offered.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "result.hpp"

namespace sv {

struct HttpRequest {
    std::string method;
    std::string path;  // without the query
    std::string body;
    std::string client_address;
    std::vector<std::string> matches;            // the route's capture groups; [0] is the whole path
    std::map<std::string, std::string> headers;  // names in lower case

    // A header's value ("" when absent); any case of name.
    std::string header(const std::string& name) const;
    // A field of a form sent as application/x-www-form-urlencoded ("" when absent).
    std::string form_field(const std::string& name) const;
};

struct HttpResponse {
    int status = 200;
    std::string body;
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;

    void set_header(const std::string& name, const std::string& value) { headers.emplace_back(name, value); }
    void set_content(std::string text, std::string type) {
        body = std::move(text);
        content_type = std::move(type);
    }

    // For the access log, set by the route: who asked ("device 5f0c...", "organiser sam") and
    // what came of it ("12 responses: 11 new, 1 already here"). Never a token or a password.
    std::string who;
    std::string outcome;
};

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

// One request and its answer, for the access log.
struct AccessRecord {
    std::string method;
    std::string path;  // as sent, decoded: anything at all
    std::string client_address;
    int status = 0;
    std::chrono::microseconds took{0};  // from its headers arriving to its answer queued
    std::string who;
    std::string outcome;
};
using AccessLogger = std::function<void(const AccessRecord&)>;

struct HttpLimits {
    // From a connection's start (or the end of its last answer) to its request received whole.
    std::chrono::milliseconds request_deadline{10000};
    // A connection that neither sends nor reads for this long is closed (idle keep-alive too).
    std::chrono::seconds idle{10};
    std::size_t header_bytes = 16 * 1024;  // request line and headers together
    unsigned connections = 2000;
    unsigned connections_per_address = 256;  // a council office or a phone network shares one address
    unsigned threads = 8;
    std::size_t body_bytes = 16 * 1024;  // for a route that names no limit of its own
};

// How a body may arrive on a route: as sent, or gzip the route inflates itself.
enum class BodyEncoding { identity_only, gzip_allowed };

class HttpFront {
public:
    explicit HttpFront(HttpLimits limits = {});
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    // Routes are tried in the order added; `path_pattern` is a regular expression that must
    // match the whole path. `largest_body`: 0 for the front's default.
    void add(const std::string& method, const std::string& path_pattern, HttpHandler handler,
             std::size_t largest_body = 0, BodyEncoding encoding = BodyEncoding::identity_only);
    // Fills in the answer the front gives itself (404, 405, 413, 415, 500) in the hub's words.
    void describe_problems_with(std::function<void(HttpResponse&)> describe);
    // Every answer gets these headers too (HSTS under TLS).
    void add_header_to_every_answer(const std::string& name, const std::string& value);
    // Told of every request answered, refusals too, on the thread that answered it.
    void log_requests_with(AccessLogger logger);

    // Starts serving on host:port (port 0: any free one; returns the port). With a certificate
    // and key (PEM text), TLS only.
    Result<int> start(const std::string& host, int port, const std::string& cert_pem = {},
                      const std::string& key_pem = {});
    // Stops listening and ends every connection; returns once no handler is running.
    void stop();

    struct Shared;  // what the server's callbacks reach

private:
    std::unique_ptr<Shared> shared_;
};

// "a=1&b=x+y%21" -> {a: "1", b: "x y!"}; the first of a repeated name wins.
std::map<std::string, std::string> parse_form(const std::string& body);

}  // namespace sv
