#pragma once
// A citizen's response, as kiosk, wire and hub all know it: made on a kiosk, never changed.
// The kiosk keeps it with its outbox state (StoredResponse), the hub with its receipt
// (HubResponse).
#include <optional>
#include <string>

namespace sv {

// Where a response sits in its device's chain of answers (ballot_chain.hpp): the link before it
// and its own, as the kiosk stored them.
struct ChainPlace {
    std::string before;
    std::string link;
};

struct Response {
    std::string uuid;  // made on the kiosk when the citizen started; the hub deduplicates by it
    std::string campaign_id;
    int campaign_version = 0;
    std::string activity_id;
    std::string event_id;
    std::string device_id;
    std::string device_time;  // UTC, ISO 8601, by the kiosk's clock
    std::string payload;      // JSON text; travels as a JSON value, not a string
    // Sent by kiosks that keep a chain (both strings empty when the answers file lost the
    // answer's link); none from kiosks older than the chain. Not part of the response's content.
    std::optional<ChainPlace> chain{};
};

}  // namespace sv
