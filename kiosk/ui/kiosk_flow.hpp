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

constexpr double kThanksSeconds = 20.0;

void apply_intent(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save);
// Moves time on (seconds); the thank-you screen clears itself for the next person.
void advance_clock(KioskState& state, double seconds);
// Back to the welcome screen with nothing of the last person left in memory.
void reset_for_next_person(KioskState& state);

}  // namespace sv
