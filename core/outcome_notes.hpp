#pragma once
// "You said, we did" on the welcome screen: the notes organisers wrote on the hub for this
// stall's ward, then those for every ward, then the campaign file's own, as many as the
// screen takes.
#include <string>
#include <vector>

#include "campaign.hpp"

namespace sv {

// A note as the hub sends it: for one ward, or (ward empty) every ward.
struct WardOutcomeNote {
    std::string ward;
    std::string said;
    std::string did;
};

// Wards match whatever the case and spaces around them ("riverside " is Riverside).
std::vector<OutcomeNote> welcome_notes(const Campaign& campaign, const std::vector<WardOutcomeNote>& from_hub,
                                       const std::string& stall_ward);

}  // namespace sv
