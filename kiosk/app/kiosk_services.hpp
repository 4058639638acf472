#pragma once
// What the running kiosk calls out to: the answers file, the staff desk, the voice.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "campaign.hpp"
#include "kiosk_flow.hpp"
#include "outcome_notes.hpp"
#include "speech.hpp"
#include "staff_desk.hpp"

namespace sv {

// Everything the kiosk calls out to, handed over once when it is made. In the real kiosk they
// are the answers file's (kiosk_staff_desk.hpp: answers_file_services) and the system's voice.
struct KioskServices {
    // Commits a response durably before the citizen is thanked.
    SaveResponse save;
    // Serves the staff panel; without one the staff gesture does nothing.
    std::unique_ptr<StaffDesk> desk;
    // Whether a voter code has voted; without one no code counts as used on this kiosk.
    VoterCodeUsed voter_code_used;
    // The welcome screen's "you said, we did" notes, asked each time the welcome screen comes
    // back and when staff close their panel (a new event may be in another ward). Without
    // one: the campaign file's.
    std::function<std::vector<OutcomeNote>(const Campaign& running)> welcome_notes;
    // A campaign to run instead of `running` from the next person on (a newer version the hub
    // published), asked each time the welcome screen comes back. Without one, or when it
    // gives nothing, the campaign stays.
    std::function<std::optional<Campaign>(const Campaign& running)> next_campaign;
    // "Read aloud" speaks through this; without one the button does nothing.
    std::unique_ptr<Speaker> speaker;
};

}  // namespace sv
