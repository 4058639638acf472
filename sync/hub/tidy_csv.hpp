#pragma once
// One activity's responses as a spreadsheet reads them, beside the raw export: one row per
// response, one column per theme, answer or project, the event's place and ward by name.
//
// Columns: response_id, answered_at (the kiosk's UTC clock), received_at, event (its place),
// ward, event_started, device (the name staff gave it, else its id), campaign_version, then by
// activity:
//   place-standard  each theme's rating (empty when skipped), then each theme's comment
//                   ("<theme>: comment"), in the version's words;
//   quick-poll      answer (its words);
//   scale-pair      today, wanted;
//   budget-vote     each project: 1 when chosen (approval, knapsack), its rank (ranked) or its
//                   points (cumulative), empty when not; then voter_code_flag;
//   about-you       each question: the answer's words, "Prefer not to say", or the district.
// "About you" rows go in UUID order, as in the raw export; the others in the order received.
// A cell a spreadsheet would run as a formula starts with an apostrophe.
#include <string>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

// `activity_id` empty: the campaign's first activity. The newest published version's words.
Result<std::string> export_tidy_csv(HubStore& store, const std::string& campaign_id, const std::string& activity_id);

}  // namespace sv
