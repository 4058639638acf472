#pragma once
// Moving a hub to another database (SQLite to PostgreSQL, or to a fresh file): devices with
// their token hashes, every published campaign version, every response with its receipt time,
// events, organisers, "you said, we did" notes, the audit log and each tablet's chain of answers.
// Kiosks carry on with the new hub as if nothing had changed. Unused enrolment codes are not
// copied: make new ones.
#include <cstdint>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

struct HubCopyCounts {
    std::int64_t devices = 0, campaign_versions = 0, responses = 0;
    std::int64_t already_there = 0;  // responses the target held already (a copy run twice)
};

// Safe to run again after an interruption; a response stored differently in the target is an
// error, and nothing of the source is ever changed.
Result<HubCopyCounts> copy_hub(HubStore& from, HubStore& to);

}  // namespace sv
