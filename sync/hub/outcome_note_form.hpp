#pragma once
// "You said, we did" as an organiser types it on the dashboard, checked before the hub keeps
// it: plain text (spaces and line breaks run together, as the kiosk shows one paragraph),
// "said" and "did" both given and short enough to read at a glance on the welcome screen.
#include <string>
#include <vector>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

constexpr std::size_t kLongestNoteCharacters = 200;
constexpr std::size_t kMostNotesPerCampaign = 20;

struct OutcomeNoteForm {
    std::string ward;  // empty: every ward
    std::string said;
    std::string did;
};

// The note to store, or what to put right, in words. `notes_already`: the campaign's count.
// `wards`: the campaign's, when it names them; the note's ward must then be one of them.
Result<HubOutcomeNote> outcome_note_from_form(const std::string& campaign_id, const OutcomeNoteForm& form,
                                              std::size_t notes_already, const std::string& organiser,
                                              const std::vector<std::string>& wards = {});

}  // namespace sv
