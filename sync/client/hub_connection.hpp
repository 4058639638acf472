#pragma once
// One HTTP conversation with the hub, over libcurl. Knows nothing of responses or the outbox:
// it sends bytes and brings back a status and a body, or says in plain words why it could not.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "result.hpp"

namespace sv {

struct HubConnectionOptions {
    std::chrono::milliseconds connect_timeout{10000};
    // A reply that makes no progress for this long is given up (a stalled connection).
    std::chrono::milliseconds stall_timeout{30000};
    // No exchange lasts longer than this, however slowly bytes trickle in.
    std::chrono::milliseconds whole_timeout{120000};
    std::string ca_file;  // a council's own certificate authority, for a hub with its own certificate
};

struct HttpReply {
    long status = 0;
    std::string body;  // inflated, if the hub gzipped it
    std::string etag;
    std::chrono::seconds retry_after{0};
};

class HubConnection {
public:
    // Refuses an address that is not http(s), or plain http to anything but this machine:
    // the device token must never cross a network in the clear.
    static Result<HubConnection> open(const std::string& hub_url, HubConnectionOptions options = {});

    HubConnection(HubConnection&&) noexcept;
    HubConnection& operator=(HubConnection&&) noexcept;
    ~HubConnection();

    // An Error here means no HTTP reply came at all (no connection, reset, timeout, cut short):
    // always worth trying again later.
    Result<HttpReply> post_json(const std::string& path, const std::string& body, const std::string& token, bool gzip);
    Result<HttpReply> get(const std::string& path, const std::string& token, const std::string& if_none_match);

    // Asked between chunks of every transfer; true ends the transfer at once (the kiosk is closing).
    void set_cancel_check(std::function<bool()> cancelled);

    const std::string& url() const { return url_; }

private:
    HubConnection() = default;
    struct Curl;
    Result<HttpReply> perform(const std::string& path, const std::string* body, const std::string& token, bool gzip,
                              const std::string& if_none_match);

    std::string url_;
    HubConnectionOptions options_;
    std::unique_ptr<Curl> curl_;
    std::function<bool()> cancelled_;
};

}  // namespace sv
