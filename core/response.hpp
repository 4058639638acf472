#pragma once
// A citizen's response as kiosk and hub both know it.
#include <string>

namespace sv {

enum class OutboxState { pending, synced, rejected };

struct StoredResponse {
    std::string uuid;
    std::string campaign_id;
    int campaign_version = 0;
    std::string activity_id;
    std::string event_id;
    std::string device_id;
    std::string device_time;
    std::string payload;
    OutboxState outbox = OutboxState::pending;
    std::string rejection_reason;
};

}  // namespace sv
