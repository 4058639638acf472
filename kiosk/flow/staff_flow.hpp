#pragma once
// The staff side's state machine: the PIN door, the panel, the event form. Citizens'
// answers in progress stay as they were while staff look; the panel shuts itself when
// left alone, so a citizen never finds it open.
#include "campaign.hpp"
#include "intent.hpp"
#include "kiosk_state.hpp"
#include "staff_desk.hpp"

namespace sv {

constexpr double kStaffIdleSeconds = 120.0;
constexpr double kStaffFiguresSeconds = 1.0;
constexpr std::size_t kLongestEventText = 60;
// A second campaign's activities can be offered beside the first's; more would not fit.
constexpr std::size_t kMostCampaignsChosen = 2;

// The hidden gesture was made: ask for the PIN (or for a new one, on a kiosk without one).
void open_staff_door(KioskState& state, StaffDesk& desk);
void apply_staff_intent(KioskState& state, const Intent& intent, const Campaign& campaign, StaffDesk& desk);
void advance_staff_clock(KioskState& state, StaffDesk& desk, double seconds);
void close_staff_side(KioskState& state);

}  // namespace sv
