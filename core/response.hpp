#pragma once
// A citizen's response, as kiosk, wire and hub all know it: made on a kiosk, never changed.
// The kiosk keeps it with its outbox state (StoredResponse), the hub with its receipt
// (HubResponse).
#include <string>

namespace sv {

struct Response {
    std::string uuid;  // made on the kiosk when the citizen started; the hub deduplicates by it
    std::string campaign_id;
    int campaign_version = 0;
    std::string activity_id;
    std::string event_id;
    std::string device_id;
    std::string device_time;  // UTC, ISO 8601, by the kiosk's clock
    std::string payload;      // JSON text; travels as a JSON value, not a string
};

}  // namespace sv
