#include "public_results_page.hpp"

#include "budget_section.hpp"
#include "dashboard_pages.hpp"
#include "fast_lane_section.hpp"
#include "html_text.hpp"
#include "ingest.hpp"
#include "outcome_notes_section.hpp"
#include "participation_section.hpp"
#include "place_standard_section.hpp"
#include "sha256.hpp"
#include "share_bar.hpp"
#include "small_group_note.hpp"

namespace sv {

std::string public_ballots_path(const std::string& campaign_id, const BudgetResults& budget) {
    return "/results/" + campaign_id + "/ballots/" + budget_anchor(budget) + ".pb";
}

namespace {

// What anyone needs to count the vote again: the ballots as a pabulib file, its SHA-256, the
// rule and what it funds. The file names no one: each ballot goes by a random number, and the
// vote's dates are whole days.
Html budget_evidence(const std::string& campaign_id, const BudgetResults& budget) {
    const bool shares = budget.decided_by == DecidingRule::equal_shares;
    const std::string file = budget_anchor(budget) + ".pb";
    Html html;
    html << "<details class=\"evidence\"><summary>Check this result yourself</summary><p>Every ballot counted, as a "
            "pabulib file any tool for participatory budgeting can count: <a href=\""
         << public_ballots_path(campaign_id, budget) << "\" download=\"" << campaign_id + "-" + file
         << "\">the ballots (.pb)</a>. It names no one: each ballot goes by a random number, and only the days "
            "of the vote are given.</p><p>Its SHA-256: <code class=\"sha256\">"
         << sha256_hex(budget.pb_file) << "</code></p><p>" << budget.deciding_rule << "</p><p>Funded, in order: ";
    const auto funded = funded_by_deciding_rule(budget);
    for (std::size_t i = 0; i < funded.size(); ++i) html << (i == 0 ? "" : ", ") << "<code>" << funded[i] << "</code>";
    if (funded.empty()) html << "none";
    html << ".</p><p>With Streetvoice: <code>streetvoice pb outcome --rule " << (shares ? "mes-add1" : "greedy") << " "
         << campaign_id + "-" + file << "</code> prints the same.</p></details>";
    return html;
}

Html public_frame(const std::string& title, const Html& body) {
    Html html;
    html << "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
         << title << "</title><link rel=\"stylesheet\" href=\"" << dashboard_path::style
         << "\"></head><body class=\"public\"><header class=\"top\"><span class=\"brand\">Results</span></header><main>"
         << body << "</main></body></html>";
    return html;
}

// Each project, whether the vote's deciding rule funds it, and the share of ballots that chose it.
Html public_projects_table(const BudgetResults& budget, const BudgetByWard& by_ward) {
    const BudgetWard everyone = all_wards(by_ward);
    const auto funded = funded_by_deciding_rule(budget);
    Html html;
    html << "<table class=\"public-projects\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\" "
            "class=\"num\">Cost</th><th scope=\"col\">Chosen by</th><th scope=\"col\">Outcome</th></tr></thead><tbody>";
    for (const auto& p : budget.projects) {
        const bool yes = std::find(funded.begin(), funded.end(), p.id) != funded.end();
        html << "<tr data-project=\"" << p.id << "\"><th scope=\"row\">" << p.name << "</th><td class=\"num\">"
             << format_money(p.cost, budget.currency) << "</td><td><span class=\"strong\">"
             << percent(chose(everyone, p.id), everyone.ballots) << "</span> "
             << share_bar(chose(everyone, p.id), everyone.ballots) << "</td><td>"
             << (yes ? Html("<span class=\"yes\">Funded</span>") : Html("Not funded")) << "</td></tr>";
    }
    return html << "</tbody></table>";
}

Html too_few(int count, const char* one = "response", const char* many = "responses") {
    Html html;
    return html << "<p class=\"hidden\">" << count_of(count, one, many) << " so far. Results show from "
                << kSmallestGroupShown << ", so that no one's answers can be picked out.</p>";
}

}  // namespace

std::string public_results_page(const CampaignResults& results, const std::vector<HubOutcomeNote>& notes) {
    const Campaign& c = results.campaign;
    const std::string& language = c.default_language();
    const Participation& p = results.participation;
    Html body;
    body << "<h1>" << c.title.in(language) << "</h1><p class=\"muted\">" << c.area.in(language);
    body << " · " << answer_dates(p) << " · results as of " << readable_time(hub_time_now()) << "</p><p class=\"lead\">"
         << count_of(p.responses, "response", "responses") << " at "
         << count_of(static_cast<int>(p.events.size()), "event", "events") << ".</p>";
    for (const auto& ps : results.place_standard) {
        body << "<section id=\"place-" << ps.activity_id << "\"><h2>" << ps.title << "</h2>";
        if (!ps.everyone.shown()) {
            body << too_few(ps.everyone.responses) << "</section>";
            continue;
        }
        body << "<p class=\"lead\">" << count_of(ps.everyone.responses, "response", "responses") << ". "
             << place_standard_scale_sentence(ps.version) << "</p>" << place_standard_summary(ps, ps.everyone)
             << "</section>";
    }
    for (std::size_t i = 0; i < results.budgets.size(); ++i) {
        const BudgetResults& budget = results.budgets[i];
        body << "<section id=\"" << budget_anchor(budget) << "\"><h2>" << budget_name(budget) << "</h2>";
        if (!budget.counted) {
            body << "<p class=\"note\" data-count=\"under-way\">The ballots are being counted. Look again in a "
                    "minute.</p></section>";
            continue;
        }
        if (budget.ballots < kSmallestGroupShown) {
            body << too_few(budget.ballots, "ballot", "ballots") << "</section>";
            continue;
        }
        body << "<p class=\"lead\">" << count_of(budget.ballots, "ballot", "ballots") << ". Budget "
             << format_money(budget.budget, budget.currency) << ".</p><p class=\"headline\">" << budget_headline(budget)
             << "</p>"
             << public_projects_table(budget,
                                      i < results.budgets_by_ward.size() ? results.budgets_by_ward[i] : BudgetByWard{})
             << budget_evidence(results.campaign.id, budget) << "</section>";
    }
    for (const auto& poll : results.polls) {
        body << "<section id=\"poll-" << poll.activity_id << "\"><h2>" << poll.title << "</h2><p class=\"lead\">"
             << poll.question << "</p>";
        body << (poll.everyone.shown() ? poll_answers_table(poll, poll.everyone) : too_few(poll.everyone.responses))
             << "</section>";
    }
    for (const auto& pair : results.scale_pairs) {
        body << "<section id=\"scale-" << pair.activity_id << "\"><h2>" << pair.title
             << "</h2><p class=\"lead\">Today: “" << pair.today_question << "” Wanted: “" << pair.wanted_question
             << "” From 1 (very poor) to 7 (very good).</p>";
        body << (pair.everyone.shown() ? scale_pair_headline(pair.everyone) : too_few(pair.everyone.responses))
             << "</section>";
    }
    body << "<section id=\"you-said-we-did\"><h2>You said, we did</h2>";
    if (notes.empty())
        body << "<p class=\"hidden\">Nothing yet: what comes of what people said will be here.</p>";
    else
        body << outcome_notes_table(notes);
    body << "</section><p class=\"muted\">What people wrote in their own words is not shown here, and no group of "
            "fewer than "
         << kSmallestGroupShown << " people is shown, to protect their privacy.</p>";
    return public_frame(c.title.in(language) + " – results", body).str();
}

std::string no_public_results_page() {
    Html body;
    body << "<h1>No results here</h1><p>There are no public results at this address. The council may not have "
            "published them yet.</p>";
    return public_frame("No results here", body).str();
}

}  // namespace sv
