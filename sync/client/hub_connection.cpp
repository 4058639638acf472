#include "hub_connection.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#include "loopback_host.hpp"

namespace sv {
namespace {

// More than any honest reply (a campaigns list is tens of kilobytes); a hostile or broken
// server cannot make the kiosk hold more than this.
constexpr std::size_t kLargestReplyBytes = 16 * 1024 * 1024;

void initialise_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string url_part(CURLU* url, CURLUPart part) {
    char* text = nullptr;
    if (curl_url_get(url, part, &text, 0) != CURLUE_OK) return {};
    std::string copy = text;
    curl_free(text);
    return copy;
}

struct Transfer {
    std::string body;
    bool too_large = false;
    std::string etag;
    long retry_after_seconds = 0;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    if (transfer->body.size() + length > kLargestReplyBytes) {
        transfer->too_large = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, length);
    return length;
}

std::string header_value(const std::string& line, const char* name) {
    const std::size_t n = std::char_traits<char>::length(name);
    if (line.size() <= n || line[n] != ':') return {};
    for (std::size_t i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return {};
    std::size_t start = n + 1, end = line.size();
    while (start < end && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
    while (end > start && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
    return line.substr(start, end - start);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::string line(data, size * count);
    // A new status line (after a 100 Continue, say) starts a new set of headers.
    if (line.rfind("HTTP/", 0) == 0) {
        transfer->etag.clear();
        transfer->retry_after_seconds = 0;
    }
    if (auto etag = header_value(line, "etag"); !etag.empty()) transfer->etag = etag;
    if (auto retry = header_value(line, "retry-after"); !retry.empty()) {
        if (retry.find_first_not_of("0123456789") == std::string::npos && retry.size() < 7)
            transfer->retry_after_seconds = std::strtol(retry.c_str(), nullptr, 10);
    }
    return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancelled = static_cast<const std::function<bool()>*>(user);
    return (*cancelled && (*cancelled)()) ? 1 : 0;
}

std::string plain_failure(CURLcode code, const std::string& url, const Transfer& transfer) {
    const std::string where = " (" + url + ")";
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY: return "Could not find the hub's address" + where + ". Is the tablet online?";
        case CURLE_COULDNT_CONNECT: return "Could not connect to the hub" + where + ". Is the tablet online?";
        case CURLE_OPERATION_TIMEDOUT: return "The hub took too long to answer" + where + ".";
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_BAD_CONTENT_ENCODING:
            return "The connection to the hub was cut before its answer arrived whole" + where + ".";
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CACERT_BADFILE:
            return "The hub's certificate could not be trusted" + where +
                   ". A Wi-Fi login page may be in the way, or the hub's certificate needs --ca-file.";
        case CURLE_WRITE_ERROR:
            if (transfer.too_large) return "The hub's answer was far larger than any real answer" + where + ".";
            break;
        case CURLE_ABORTED_BY_CALLBACK: return "Sending was stopped.";
        default: break;
    }
    return std::string("Could not talk to the hub") + where + ": " + curl_easy_strerror(code) + ".";
}

}  // namespace

struct HubConnection::Curl {
    CURL* handle = nullptr;
    ~Curl() { curl_easy_cleanup(handle); }
};

Result<HubConnection> HubConnection::open(const std::string& hub_url, HubConnectionOptions options) {
    initialise_curl_once();
    CURLU* parsed = curl_url();
    const bool valid = curl_url_set(parsed, CURLUPART_URL, hub_url.c_str(), 0) == CURLUE_OK;
    const std::string scheme = valid ? url_part(parsed, CURLUPART_SCHEME) : "";
    const std::string host = valid ? url_part(parsed, CURLUPART_HOST) : "";
    curl_url_cleanup(parsed);
    if (!valid || (scheme != "http" && scheme != "https") || host.empty())
        return Error{"The hub address \"" + hub_url + "\" is not a web address like https://hub.example.org."};
    if (scheme == "http" && !is_loopback_host(host))
        return Error{
            "The hub address must start with https:// (plain http:// is only for a hub on this same "
            "machine): \"" +
            hub_url + "\"."};

    HubConnection connection;
    connection.url_ = hub_url;
    while (!connection.url_.empty() && connection.url_.back() == '/') connection.url_.pop_back();
    connection.options_ = std::move(options);
    connection.curl_ = std::make_unique<Curl>();
    connection.curl_->handle = curl_easy_init();
    if (!connection.curl_->handle) return Error{"Could not start the network library (out of memory?)."};
    return connection;
}

HubConnection::HubConnection(HubConnection&&) noexcept = default;
HubConnection& HubConnection::operator=(HubConnection&&) noexcept = default;
HubConnection::~HubConnection() = default;

void HubConnection::set_cancel_check(std::function<bool()> cancelled) {
    cancelled_ = std::move(cancelled);
}

Result<HttpReply> HubConnection::post_json(const std::string& path, const std::string& body, const std::string& token,
                                           bool gzip) {
    return perform(path, &body, token, gzip, {});
}

Result<HttpReply> HubConnection::get(const std::string& path, const std::string& token,
                                     const std::string& if_none_match) {
    return perform(path, nullptr, token, false, if_none_match);
}

Result<HttpReply> HubConnection::perform(const std::string& path, const std::string* body, const std::string& token,
                                         bool gzip, const std::string& if_none_match) {
    CURL* h = curl_->handle;
    // Reset forgets the last request's options but keeps the open connection for the next.
    curl_easy_reset(h);
    const std::string url = url_ + path;
    Transfer transfer;
    curl_slist* headers = nullptr;
    if (!token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    if (body) headers = curl_slist_append(headers, "Content-Type: application/json");
    if (gzip) headers = curl_slist_append(headers, "Content-Encoding: gzip");
    if (!if_none_match.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + if_none_match).c_str());
    // The batch goes in one piece, without waiting for a 100 Continue the hub never sends.
    headers = curl_slist_append(headers, "Expect:");

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect is a Wi-Fi login page, not the hub
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.whole_timeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, std::max(1L, static_cast<long>(options_.stall_timeout.count() / 1000)));
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (body) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &cancelled_);

    const CURLcode code = curl_easy_perform(h);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) return Error{plain_failure(code, url_, transfer)};

    HttpReply reply;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.body = std::move(transfer.body);
    reply.etag = std::move(transfer.etag);
    reply.retry_after = std::chrono::seconds(transfer.retry_after_seconds);
    return reply;
}

}  // namespace sv
