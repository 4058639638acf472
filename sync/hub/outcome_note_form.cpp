#include "outcome_note_form.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <tuple>

#include "device_clock.hpp"
#include "utf8_text.hpp"
#include "wire_format.hpp"

namespace sv {
namespace {

// Every run of spaces, tabs and line breaks becomes one space; none at either end; no other
// control characters.
std::string one_paragraph(const std::string& text) {
    std::string out;
    bool space = false;
    for (unsigned char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace

Result<HubOutcomeNote> outcome_note_from_form(const std::string& campaign_id, const OutcomeNoteForm& form,
                                              std::size_t notes_already, const std::string& organiser,
                                              const std::vector<std::string>& wards) {
    if (notes_already >= kMostNotesPerCampaign)
        return Error{"This campaign has " + std::to_string(notes_already) +
                     " notes already, the most it can have. Remove one that is out of date first."};
    HubOutcomeNote note;
    note.campaign_id = campaign_id;
    for (auto [label, typed, kept] :
         {std::tuple{"The ward", &form.ward, &note.ward}, std::tuple{"\"You said\"", &form.said, &note.said},
          std::tuple{"\"We did\"", &form.did, &note.did}}) {
        if (!is_utf8(*typed)) return Error{std::string(label) + " has characters that are not text."};
        *kept = one_paragraph(*typed);
        if (characters_in(*kept) > kLongestNoteCharacters)
            return Error{std::string(label) + " is longer than " + std::to_string(kLongestNoteCharacters) +
                         " characters: a sentence or two reads best on the welcome screen."};
    }
    if (!wards.empty() && !note.ward.empty() && std::find(wards.begin(), wards.end(), note.ward) == wards.end())
        return Error{"\"" + note.ward +
                     "\" is not one of this campaign's wards. Choose the ward from the list, or "
                     "every ward."};
    if (note.said.empty()) return Error{"Write what people said."};
    if (note.did.empty()) return Error{"Write what the council did about it."};
    static_assert(kLongestNoteCharacters * 4 <= kLongestOutcomeText, "a note must fit the wire format");
    static_assert(kMostNotesPerCampaign <= kMostOutcomeNotesPerCampaign, "a campaign's notes must fit the wire");
    note.written_by = organiser;
    note.written_at = utc_now_iso8601();
    return note;
}

}  // namespace sv
