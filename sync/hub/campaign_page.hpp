#pragma once
// One campaign's results page: a section for each Place Standard activity and each budget
// vote, who took part, who was reached, and "you said, we did".
#include <string>

#include "campaign_results.hpp"
#include "organiser_sessions.hpp"
#include "outcome_notes_section.hpp"

namespace sv {

std::string campaign_page(const SignedIn& who, const CampaignResults& results, const OutcomeNotesView& notes);

}  // namespace sv
