#pragma once
// The kiosk's state machine: applies intents to the state. Saving goes through `save`,
// and the thank-you screen is reached only when `save` reports success.
#include <functional>

#include "campaign.hpp"
#include "intent.hpp"
#include "kiosk_state.hpp"
#include "store.hpp"

namespace sv {

using SaveResponse = std::function<Result<StoredResponse>(const ResponseDraft&)>;
// Whether a voter code (by its hash) has already voted, here or, as far as the hub has
// told this kiosk, anywhere else.
using VoterCodeUsed = std::function<Result<bool>(const std::string& campaign_id, const std::string& code_hash)>;

constexpr double kThanksSeconds = 20.0;
// Long enough to read a question twice and think; short enough that the next person in
// the queue never finds someone else's half-finished answers.
constexpr double kIdleSeconds = 90.0;
constexpr double kStillThereSeconds = 30.0;

void apply_intent(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save,
                  const VoterCodeUsed& voter_code_used = {});
// Staff let the next person vote where votes are staff-issued.
void issue_ballot(KioskState& state);
bool needs_staff_to_start(const KioskState& state, const Activity& activity);
// Moves time on (seconds): the thank-you screen clears itself for the next person, and a
// response left untouched is dropped after the "Are you still there?" countdown.
void advance_clock(KioskState& state, double seconds);
// A finger touched the screen: the citizen is still there.
void note_touch(KioskState& state);
// A keyboard touch on a text being typed: a character (up to `longest` bytes), delete the
// last character (whole, in UTF-8), or shift.
void type_into(std::string& text, const Intent& intent, bool& capitals, std::size_t longest);
// The keyboard's other page (digits and punctuation) or script (Latin letters) was asked for:
// shows it and says so.
bool turn_keyboard_page(KioskState& state, const Intent& intent);
// A citizen is part-way through answers that are not stored yet.
bool response_under_way(Screen screen);
// Back to the welcome screen with nothing of the last person left in memory.
void reset_for_next_person(KioskState& state);

}  // namespace sv
