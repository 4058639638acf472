#include "outcome_notes_section.hpp"

#include <set>

#include "dashboard_pages.hpp"
#include "html_text.hpp"

namespace sv {

Html outcome_notes_table(const std::vector<HubOutcomeNote>& notes) {
    Html html;
    html << "<table class=\"notes\"><thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">You said</th><th "
            "scope=\"col\">We did</th><th scope=\"col\">Written</th></tr></thead><tbody>";
    for (const auto& n : notes)
        html << "<tr data-note=\"" << n.id << "\"><td>" << (n.ward.empty() ? "Every ward" : n.ward) << "</td><td>"
             << n.said << "</td><td>" << n.did << "</td><td class=\"muted\">" << readable_day(n.written_at)
             << "</td></tr>";
    return html << "</tbody></table>";
}

Html outcome_notes_section(const CampaignResults& results, const OutcomeNotesView& view,
                           const std::string& form_token) {
    const std::string notes_path = std::string(dashboard_path::campaigns) + results.campaign.id + "/notes";
    Html html;
    html << "<section id=\"you-said-we-did\"><h2>You said, we did</h2><p class=\"lead\">Tell people what came of "
            "what they said. Kiosks show these on their welcome screen after their next update: the notes for the "
            "stall's ward first, then those for every ward.</p>";
    if (view.notes.empty()) {
        html << "<p class=\"muted\">No notes yet: kiosks show the ones in the campaign file.</p>";
    } else {
        html << "<table class=\"notes\"><thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">You said</th>"
                "<th scope=\"col\">We did</th><th scope=\"col\">Written</th><th scope=\"col\"></th></tr></thead>"
                "<tbody>";
        for (const auto& n : view.notes)
            html << "<tr data-note=\"" << n.id << "\"><td>" << (n.ward.empty() ? "Every ward" : n.ward) << "</td><td>"
                 << n.said << "</td><td>" << n.did << "</td><td class=\"muted\">" << n.written_by << ", "
                 << readable_time(n.written_at) << "</td><td><form method=\"post\" action=\"" << notes_path << "/"
                 << n.id << "/remove\">" << form_token_field(form_token)
                 << "<button type=\"submit\" class=\"quiet\">Remove</button></form></td></tr>";
        html << "</tbody></table>";
    }
    std::set<std::string> wards;
    for (const auto& e : results.participation.events)
        if (!e.ward.empty()) wards.insert(e.ward);
    html << "<form id=\"add-note\" class=\"add-note\" method=\"post\" action=\"" << notes_path
         << "\"><h3>Add a note</h3>" << form_token_field(form_token);
    if (!view.problem.empty()) html << "<p class=\"problem\">" << view.problem << "</p>";
    const auto longest = static_cast<long long>(kLongestNoteCharacters);
    if (results.campaign.wards.empty()) {
        html << "<label for=\"ward\">Ward <span class=\"muted\">(leave empty for every ward)</span></label><input "
                "id=\"ward\" name=\"ward\" list=\"wards\" maxlength=\"200\" value=\""
             << view.typed.ward << "\"><datalist id=\"wards\">";
        for (const auto& w : wards) html << "<option value=\"" << w << "\">";
        html << "</datalist>";
    } else {
        // The campaign names its wards: one of them, or every ward, and nothing mistyped.
        html << "<label for=\"ward\">Ward</label><select id=\"ward\" name=\"ward\"><option value=\"\">Every "
                "ward</option>";
        for (const auto& w : results.campaign.wards)
            html << "<option" << (w == view.typed.ward ? Html(" selected") : Html()) << ">" << w << "</option>";
        html << "</select>";
    }
    html << "<label for=\"said\">You said <span class=\"muted\">(what people told us)</span></label>"
            "<textarea id=\"said\" name=\"said\" rows=\"2\" maxlength=\""
         << longest << "\" required>" << view.typed.said
         << "</textarea><label for=\"did\">We did <span class=\"muted\">(what came of it)</span></label>"
            "<textarea id=\"did\" name=\"did\" rows=\"2\" maxlength=\""
         << longest << "\" required>" << view.typed.did
         << "</textarea><button type=\"submit\">Add to the kiosks</button></form>";
    return html << "</section>";
}

}  // namespace sv
