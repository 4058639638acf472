#pragma once
// A day of stalls for the dashboard's tests: a campaign with a Place Standard, a budget vote
// and "about you" questions (the Riverside demo plus a reference profile), answers recorded
// on a real kiosk store under each stall's event, then sent to a real hub by `streetvoice sync`.
#include <cstdint>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "running_hub.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

namespace sv::test {

struct Stall {
    std::string place;
    std::string ward;
    int place_standard = 0;  // responses rating the area
    int ballots = 0;         // budget votes
    int about_you = 0;       // "about you" answers (age bands), given after some of those
};

// The Riverside demo campaign with "about you" age bands and a reference profile, written to
// `folder`; returns its file.
std::string riverside_with_about_you(const TempFolder& folder);

// One stall's answers (not yet stored anywhere), in the order given above.
std::vector<ResponseDraft> drafts_for_stall(const Campaign& campaign, const Stall& stall, std::uint64_t seed);

// Records the stalls on one new kiosk and syncs it to `hub` (which must have the campaign in
// `campaign_file` published). Ratings, ballots and ages follow from `seed`.
void hold_stalls_and_sync(const RunningHub& hub, const std::string& campaign_file, const std::vector<Stall>& stalls,
                          std::uint64_t seed);

// The Riverside campaign (with "about you") written to `folder` and published on `hub`, and
// `stalls` held and synced to it (seed 2026); returns the campaign file.
std::string riverside_day_on(const RunningHub& hub, const TempFolder& folder, const std::vector<Stall>& stalls);

// Records `drafts` on one new kiosk under one event (`place`, `ward`) and syncs it to `hub`.
void record_and_sync(const RunningHub& hub, const std::string& campaign_file, const std::string& place,
                     const std::string& ward, const std::vector<ResponseDraft>& drafts);

}  // namespace sv::test
