#pragma once
// What "Read aloud" says on each screen that asks something: the question and the choices,
// in the words the screen shows. Empty where there is nothing to read.
#include <string>

#include "campaign.hpp"
#include "kiosk_state.hpp"

namespace sv {

std::string spoken_text(const KioskState& state, const Campaign& campaign, const std::string& language);

}  // namespace sv
