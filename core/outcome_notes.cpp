#include "outcome_notes.hpp"

#include <cctype>

namespace sv {
namespace {

std::string ward_key(const std::string& ward) {
    const auto first = ward.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = ward.find_last_not_of(" \t");
    std::string key = ward.substr(first, last - first + 1);
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

OutcomeNote written_on_hub(const Campaign& campaign, const WardOutcomeNote& note) {
    // Organisers write in the campaign's first language; other languages fall back to it.
    OutcomeNote shown;
    shown.said.by_language[campaign.default_language()] = note.said;
    shown.did.by_language[campaign.default_language()] = note.did;
    return shown;
}

}  // namespace

std::vector<OutcomeNote> welcome_notes(const Campaign& campaign, const std::vector<WardOutcomeNote>& from_hub,
                                       const std::string& stall_ward) {
    std::vector<OutcomeNote> notes;
    const std::string here = ward_key(stall_ward);
    auto add = [&](const OutcomeNote& note) {
        if (notes.size() < kMostOutcomeNotes) notes.push_back(note);
    };
    if (!here.empty())
        for (const auto& n : from_hub)
            if (ward_key(n.ward) == here) add(written_on_hub(campaign, n));
    for (const auto& n : from_hub)
        if (ward_key(n.ward).empty()) add(written_on_hub(campaign, n));
    for (const auto& n : campaign.you_said_we_did) add(n);
    return notes;
}

}  // namespace sv
