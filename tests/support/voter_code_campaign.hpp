#pragma once
// The demo budget vote behind one-time voter codes, as a campaign file of its own (no pictures,
// a version above the demo's), for tests of voter codes on the kiosk and the hub.
#include <string>
#include <vector>

#include "temp_folder.hpp"

namespace sv::test {

constexpr const char* kVoterCodeSalt = "riverside-2026-letters";

// Writes the file into `folder` and returns its path; only `codes` (salted, hashed) may vote.
std::string write_voter_code_campaign(const TempFolder& folder, const std::vector<std::string>& codes);

}  // namespace sv::test
