#include "campaign_page.hpp"

#include <set>

#include "budget_section.hpp"
#include "dashboard_pages.hpp"
#include "event_groups.hpp"
#include "fast_lane_section.hpp"
#include "html_text.hpp"
#include "ingest.hpp"
#include "outcome_notes_section.hpp"
#include "participation_section.hpp"
#include "place_standard_section.hpp"
#include "reach_section.hpp"
#include "report_page.hpp"

namespace sv {

std::string campaign_page(const SignedIn& who, const CampaignResults& results, const OutcomeNotesView& notes) {
    const Campaign& c = results.campaign;
    const std::string& language = c.default_language();
    Html body;
    // Dated, so a printout or a saved copy says when its figures were true.
    body << "<h1>" << c.title.in(language) << "</h1><p class=\"muted\">" << c.area.in(language) << " · campaign <code>"
         << c.id << "</code>, version " << c.version << " · results as of " << readable_time(hub_time_now()) << "</p>";
    // A note that was not added says so at the top, where the page opens, not only by its form
    // at the foot of a long page.
    if (!notes.problem.empty())
        body << "<div class=\"problem-summary\" role=\"alert\"><h2>The note was not added</h2><p>" << notes.problem
             << "</p><p><a href=\"#add-note\">Go to the form, with what you typed</a></p></div>";
    body << "<nav class=\"jump\">";
    for (const auto& ps : results.place_standard)
        body << "<a href=\"#place-" << ps.activity_id << "\">" << ps.title << "</a>";
    for (const auto& b : results.budgets)
        body << "<a href=\"#" << budget_anchor(b) << "\">" << budget_name(b) << "</a>";
    for (const auto& poll : results.polls)
        body << "<a href=\"#poll-" << poll.activity_id << "\">" << poll.title << "</a>";
    for (const auto& pair : results.scale_pairs)
        body << "<a href=\"#scale-" << pair.activity_id << "\">" << pair.title << "</a>";
    body << "<a href=\"#participation\">Who took part</a>";
    if (!results.reach.empty()) body << "<a href=\"#reach\">Who we reached</a>";
    body << "<a href=\"#you-said-we-did\">You said, we did</a>";
    body << "</nav><p class=\"report-links\"><a href=\"" << report_path(c.id, std::nullopt)
         << "\">The report, to print or keep as a PDF</a>";
    std::set<std::string> wards;
    for (const auto& e : results.participation.events) wards.insert(e.ward);
    // One ward's report is the campaign's when every event was in it.
    if (wards.size() > 1) {
        body << " · for one ward:";
        // Events given no ward make no ward's report.
        for (const auto& ward : wards)
            if (!ward.empty()) body << " <a href=\"" << report_path(c.id, ward) << "\">" << ward_name(ward) << "</a>";
    }
    body << "</p><p class=\"downloads\"><a href=\"" << dashboard_path::campaigns << c.id
         << "/responses.csv\" download>Download every response (CSV)</a></p>";

    // One activity a sheet: a column per theme, answer or project.
    body << "<p class=\"tidy-downloads\">For a spreadsheet, one activity at a time:";
    for (const auto& activity : c.activities)
        body << " <a href=\"" << dashboard_path::campaigns << c.id << "/tidy/" << activity.id << ".csv\" download>"
             << activity.title.in(language) << "</a>";
    if (c.about_you.offered())
        body << " <a href=\"" << dashboard_path::campaigns << c.id << "/tidy/about-you.csv\" download>About you</a>";
    body << "</p>";
    for (const auto& ps : results.place_standard) body << place_standard_section(ps);
    for (std::size_t i = 0; i < results.budgets.size(); ++i)
        body << budget_section(c.id, results.budgets[i],
                               i < results.budgets_by_ward.size() ? results.budgets_by_ward[i] : BudgetByWard{});
    for (const auto& poll : results.polls) body << quick_poll_section(poll);
    for (const auto& pair : results.scale_pairs) body << scale_pair_section(pair);
    body << participation_section(results.participation);
    body << reach_section(results);
    body << outcome_notes_section(results, notes, who.form_token);
    return dashboard_page(c.title.in(language), who, body);
}

}  // namespace sv
