#pragma once
// "You said, we did": the campaign's notes, each with its remove button, and the form to add one.
#include <string>
#include <vector>

#include "campaign_results.hpp"
#include "html.hpp"
#include "hub_store.hpp"
#include "outcome_note_form.hpp"

namespace sv {

// The notes as stored, with what was typed kept in the form when the hub asks for something
// to be put right.
struct OutcomeNotesView {
    std::vector<HubOutcomeNote> notes;
    OutcomeNoteForm typed;
    std::string problem;
};

// The notes alone, to read (a report, the public page): no buttons, no names of who wrote them.
Html outcome_notes_table(const std::vector<HubOutcomeNote>& notes);
Html outcome_notes_section(const CampaignResults& results, const OutcomeNotesView& view, const std::string& form_token);

}  // namespace sv
