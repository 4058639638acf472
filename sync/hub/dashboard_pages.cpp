#include "dashboard_pages.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "about_you.hpp"
#include "budget_vote.hpp"
#include "compass_svg.hpp"
#include "html_text.hpp"

namespace sv {
namespace {

// Every form carries the session's (or the login cookie's) token: a page on another site
// cannot know it, so cannot send the form in the organiser's name.
std::string form_token_field(const std::string& token) {
    return "<input type=\"hidden\" name=\"form_token\" value=\"" + html_escaped(token) + "\">";
}

}  // namespace

std::string dashboard_page(const std::string& title, const SignedIn& who, const std::string& body) {
    std::string html =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        html_escaped(title) + " – Streetvoice</title><link rel=\"stylesheet\" href=\"" + dashboard_path::style +
        "\"></head><body><header class=\"top\"><a class=\"brand\" href=\"" + dashboard_path::home +
        "\">Streetvoice results</a>";
    if (!who.organiser.empty())
        html += "<form method=\"post\" action=\"" + std::string(dashboard_path::logout) +
                "\" class=\"who\"><span>Logged in as " + html_escaped(who.organiser) + "</span> " +
                form_token_field(who.form_token) + "<button type=\"submit\">Log out</button></form>";
    return html + "</header><main>" + body + "</main></body></html>";
}

namespace {

// Amounts with the campaign's currency, which came from a campaign file.
std::string money_html(const mpq_class& amount, const std::string& currency) {
    return html_escaped(format_money(amount, currency));
}

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string spread(const ThemeSummary& theme) {
    return one_decimal(theme.lower_quartile) + " to " + one_decimal(theme.upper_quartile);
}

std::string hidden_group_note(const CompassGroup& group) {
    return "<p class=\"hidden\">" +
           (group.responses == 0 ? std::string("No responses yet.")
                                 : "Fewer than " + std::to_string(kSmallestGroupShown) +
                                       " responses: not shown, to protect people's privacy.") +
           "</p>";
}

std::string theme_table(const CompassGroup& group) {
    std::string html =
        "<table class=\"themes\"><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"num\">Rated "
        "by</th><th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">Middle half "
        "rated</th></tr></thead><tbody>";
    for (std::size_t t = 0; t < group.themes.size(); ++t) {
        const ThemeSummary& theme = group.themes[t];
        html += "<tr><th scope=\"row\">" + html_escaped(place_standard_themes()[t].title) + "</th><td class=\"num\">" +
                std::to_string(theme.rated) + "</td><td class=\"num strong\">" +
                (theme.rated ? one_decimal(theme.median) : "–") + "</td><td class=\"num\">" +
                (theme.rated ? spread(theme) : "–") + "</td></tr>";
    }
    return html + "</tbody></table>";
}

// The themes people rated lowest: what a councillor asks about first.
std::string lowest_themes(const CompassGroup& group) {
    std::vector<std::size_t> rated;
    for (std::size_t t = 0; t < group.themes.size(); ++t)
        if (group.themes[t].rated) rated.push_back(t);
    std::stable_sort(rated.begin(), rated.end(),
                     [&](std::size_t a, std::size_t b) { return group.themes[a].median < group.themes[b].median; });
    if (rated.size() > 3) rated.resize(3);
    std::string names;
    for (std::size_t i = 0; i < rated.size(); ++i)
        names += (i == 0                  ? ""
                  : i + 1 == rated.size() ? " and "
                                          : ", ") +
                 html_escaped(place_standard_themes()[rated[i]].title) + " (" +
                 one_decimal(group.themes[rated[i]].median) + ")";
    return names;
}

// The medians of every group side by side, with the spread under each: the numbers behind
// the small compasses. Groups too small to show are left out.
std::string group_table(const std::vector<CompassGroup>& groups) {
    std::vector<const CompassGroup*> shown;
    for (const auto& g : groups)
        if (g.shown()) shown.push_back(&g);
    if (shown.empty()) return {};
    std::string html = "<table class=\"groups\"><thead><tr><th scope=\"col\">Median (middle half)</th>";
    for (const auto* g : shown) html += "<th scope=\"col\" class=\"num\">" + html_escaped(g->name) + "</th>";
    html += "</tr></thead><tbody>";
    for (std::size_t t = 0; t < kThemeCount; ++t) {
        html += "<tr><th scope=\"row\">" + html_escaped(place_standard_themes()[t].title) + "</th>";
        for (const auto* g : shown) {
            const ThemeSummary& theme = g->themes[t];
            html += "<td class=\"num\">" +
                    (theme.rated ? "<strong>" + one_decimal(theme.median) + "</strong> <span class=\"muted\">(" +
                                       spread(theme) + ")</span>"
                                 : std::string("–")) +
                    "</td>";
        }
        html += "</tr>";
    }
    return html + "</tbody></table>";
}

std::string small_compasses(const char* heading, const std::vector<CompassGroup>& groups) {
    std::string html = "<h3>" + std::string(heading) + "</h3><div class=\"cards\">";
    for (const auto& group : groups) {
        html += "<figure class=\"card\"><figcaption><strong>" + html_escaped(group.name) + "</strong>";
        if (!group.detail.empty()) html += "<br><span class=\"muted\">" + html_escaped(group.detail) + "</span>";
        html += "<br>" + count_of(group.responses, "response", "responses") + "</figcaption>";
        html += group.shown()
                    ? compass_svg(group, 90, false) + "<p class=\"muted\">Lowest: " + lowest_themes(group) + "</p>"
                    : hidden_group_note(group);
        html += "</figure>";
    }
    return html + "</div>" + group_table(groups);
}

std::string comments_section(const PlaceStandardResults& ps) {
    constexpr std::size_t kShownPerTheme = 30;
    std::string html = "<h3>What people said, by theme</h3>";
    if (!ps.everyone.shown()) return html + hidden_group_note(ps.everyone);
    html += "<p class=\"muted\">Newest first. Every comment is in the CSV download.</p>";
    for (std::size_t t = 0; t < ps.comments.size(); ++t) {
        const auto& comments = ps.comments[t];
        html += "<details class=\"comments\"><summary>" + html_escaped(place_standard_themes()[t].title) +
                " <span class=\"muted\">(" + count_of(static_cast<int>(comments.size()), "comment", "comments") +
                ")</span></summary><ul>";
        for (std::size_t i = 0; i < comments.size() && i < kShownPerTheme; ++i)
            html += "<li>" + html_escaped(comments[i]) + "</li>";
        if (comments.size() > kShownPerTheme)
            html +=
                "<li class=\"muted\">and " + std::to_string(comments.size() - kShownPerTheme) + " more in the CSV</li>";
        html += "</ul></details>";
    }
    return html;
}

std::string place_standard_section(const PlaceStandardResults& ps) {
    std::string html = "<section id=\"place-" + html_escaped(ps.activity_id) + "\"><h2>" + html_escaped(ps.title) +
                       ": how people rated the area</h2>";
    html += "<p class=\"lead\">" + count_of(ps.everyone.responses, "response", "responses") +
            ". Each theme is rated from 1 (a lot of room for improvement) to 7 (very little); the further out on "
            "the compass, the better.</p>";
    if (!ps.everyone.shown()) return html + hidden_group_note(ps.everyone) + "</section>";
    html += "<p class=\"headline\">Rated lowest: " + lowest_themes(ps.everyone) + ".</p>";
    html += "<div class=\"compass-row\"><figure class=\"big\">" + compass_svg(ps.everyone, 160, true) +
            "<figcaption>Dark line: the median rating of each theme. Blue band: where the middle half of the "
            "ratings lie.</figcaption></figure>" +
            theme_table(ps.everyone) + "</div>";
    html += small_compasses("By ward", ps.by_ward);
    html += small_compasses("By event", ps.by_event);
    html += comments_section(ps);
    return html + "</section>";
}

std::string project_names(const BudgetResults& budget, const std::vector<std::string>& ids) {
    std::string names;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string name = ids[i];
        for (const auto& p : budget.projects)
            if (p.id == ids[i]) name = p.name;
        names += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + html_escaped(name);
    }
    return names;
}

std::string rule_difference(const BudgetResults& budget) {
    std::set<std::string> greedy(budget.greedy.begin(), budget.greedy.end());
    std::set<std::string> equal(budget.equal_shares.begin(), budget.equal_shares.end());
    if (greedy == equal) return "<p class=\"note same\">Both rules fund the same projects.</p>";
    std::vector<std::string> only_greedy, only_equal;
    for (const auto& id : budget.greedy)
        if (!equal.count(id)) only_greedy.push_back(id);
    for (const auto& id : budget.equal_shares)
        if (!greedy.count(id)) only_equal.push_back(id);
    std::string note = "<p class=\"note differ\"><strong>The two rules differ.</strong> ";
    if (!only_greedy.empty()) note += "Only the most-votes rule funds " + project_names(budget, only_greedy) + ". ";
    if (!only_equal.empty()) note += "Only equal shares funds " + project_names(budget, only_equal) + ". ";
    return note +
           "Equal shares gives each voter an equal part of the budget to spend on projects they chose, so groups "
           "with different priorities each get something.</p>";
}

// Why each project was funded or not under each rule, for an officer's report.
std::string outcome_reasons(const BudgetResults& budget) {
    std::string html = "<h3>Why each project was funded or not</h3><p>" + html_escaped(budget.deciding_rule) +
                       "</p><p class=\"how\"><strong>Most votes first.</strong> " + html_escaped(budget.greedy_how) +
                       "</p>";
    if (!budget.equal_shares_how.empty())
        html += "<p class=\"how\"><strong>Equal shares.</strong> " + html_escaped(budget.equal_shares_how) + "</p>";
    html +=
        "<table class=\"reasons\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Most votes "
        "first</th><th scope=\"col\">Equal shares</th></tr></thead><tbody>";
    for (const auto& p : budget.projects)
        html += "<tr data-reasons=\"" + html_escaped(p.id) + "\"><th scope=\"row\">" + html_escaped(p.name) +
                "</th><td>" + html_escaped(p.greedy_why) + "</td><td>" + html_escaped(p.equal_shares_why) +
                "</td></tr>";
    return html + "</tbody></table>";
}

std::string budget_section(const std::string& campaign_id, const BudgetResults& budget) {
    std::string html = "<section id=\"budget-" + html_escaped(budget.activity_id) + "\"><h2>" +
                       html_escaped(budget.title) + ": budget vote</h2>";
    if (!budget.counted)
        return html + "<p class=\"note\" data-count=\"under-way\">The ballots are being counted. Load this page " +
               "again in a moment to see the outcome.</p></section>";
    html += "<p class=\"lead\">" + count_of(budget.ballots, "ballot", "ballots") + " counted. Budget " +
            money_html(budget.budget, budget.currency) + ".</p>";
    if (budget.recounting)
        html +=
            "<p class=\"note\" data-count=\"recounting\">Being recounted with ballots that arrived since; shown "
            "here is the last finished count. Load this page again in a moment.</p>";
    if (!budget.held_back.empty()) {
        int later = 0;
        for (const auto& group : budget.held_back) later += static_cast<int>(group.size());
        html += "<p class=\"note differ\">" +
                count_of(static_cast<int>(budget.held_back.size()), "voter code was", "voter codes were") +
                " used more than once (kiosks offline at the same time, or a device sending codes already spent). "
                "The first ballot for each code is counted; " +
                count_of(later, "later ballot is", "later ballots are") +
                " held back. The CSV's voter_code_flag column names them and their devices.</p>";
    }
    const char* votes_heading = budget.vote_type == "cumulative" ? "Points"
                                : budget.vote_type == "ordinal"  ? "Points (ranked)"
                                                                 : "Votes";
    html +=
        "<table class=\"projects\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">Cost</th>"
        "<th scope=\"col\" class=\"num\">" +
        std::string(votes_heading) +
        "</th><th scope=\"col\">Most votes first</th><th scope=\"col\">Equal shares</th></tr></thead><tbody>";
    for (const auto& p : budget.projects) {
        const bool differ = p.funded_by_greedy != p.funded_by_equal_shares;
        // The data- attributes let a script (or a test) read the outcome without parsing words.
        html += std::string("<tr") + (differ ? " class=\"differ\"" : "") + " data-project=\"" + html_escaped(p.id) +
                "\" data-greedy=\"" + (p.funded_by_greedy ? "funded" : "not") + "\" data-equal-shares=\"" +
                (p.funded_by_equal_shares ? "funded" : "not") + "\"><th scope=\"row\">" + html_escaped(p.name) +
                "</th><td class=\"num\">" + money_html(p.cost, budget.currency) + "</td><td class=\"num strong\">" +
                format_pb_number(p.votes) + "</td><td>" +
                (p.funded_by_greedy ? "<span class=\"yes\">Funded</span>" : "–") + "</td><td>" +
                (p.funded_by_equal_shares ? "<span class=\"yes\">Funded</span>" : "–") + "</td></tr>";
    }
    const bool equal_shares_done = budget.equal_shares_unfinished.empty();
    html += "</tbody><tfoot><tr><th scope=\"row\">Budget used</th><td></td><td></td><td>" +
            money_html(budget.greedy_cost, budget.currency) + "</td><td>" +
            (equal_shares_done ? money_html(budget.equal_shares_cost, budget.currency) : "not counted") +
            "</td></tr><tr><th scope=\"row\">Left unspent</th><td></td><td></td><td>" +
            money_html(budget.budget - budget.greedy_cost, budget.currency) + "</td><td>" +
            (equal_shares_done ? money_html(budget.budget - budget.equal_shares_cost, budget.currency) : "") +
            "</td></tr></tfoot></table>";
    if (equal_shares_done)
        html += rule_difference(budget);
    else
        html += "<p class=\"note differ\">" + html_escaped(budget.equal_shares_unfinished) + "</p>";
    html += outcome_reasons(budget);
    html += "<p><a class=\"download\" href=\"" + std::string(dashboard_path::campaigns) + html_escaped(campaign_id) +
            "/" + html_escaped(budget.activity_id) +
            ".pb\" download>Download the ballots (.pb, for pabulib tools)</a></p>";
    return html + "</section>";
}

std::string hour_chart(const std::array<int, 24>& by_hour) {
    const int tallest = std::max(1, *std::max_element(by_hour.begin(), by_hour.end()));
    constexpr int kBar = 26, kHeight = 120, kLeft = 20;
    std::string svg = "<svg class=\"hours\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(24 * kBar + 2 * kLeft) + " " + std::to_string(kHeight + 40) + "\" width=\"" +
                      std::to_string(24 * kBar + 2 * kLeft) + "\" height=\"" + std::to_string(kHeight + 40) +
                      "\" role=\"img\"><title>Responses by hour of the day</title>";
    for (int h = 0; h < 24; ++h) {
        const int height = by_hour[static_cast<std::size_t>(h)] * kHeight / tallest;
        const int x = kLeft + h * kBar;
        svg += "<rect x=\"" + std::to_string(x + 3) + "\" y=\"" + std::to_string(kHeight - height + 16) +
               "\" width=\"" + std::to_string(kBar - 6) + "\" height=\"" + std::to_string(height) +
               "\" fill=\"#1d5fa3\"/>";
        if (by_hour[static_cast<std::size_t>(h)] > 0)
            svg += "<text x=\"" + std::to_string(x + kBar / 2) + "\" y=\"" + std::to_string(kHeight - height + 12) +
                   "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1f2933\">" +
                   std::to_string(by_hour[static_cast<std::size_t>(h)]) + "</text>";
        if (h % 3 == 0)
            svg += "<text x=\"" + std::to_string(x + kBar / 2) + "\" y=\"" + std::to_string(kHeight + 34) +
                   "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#52606d\">" + (h < 10 ? "0" : "") +
                   std::to_string(h) + ":00</text>";
    }
    return svg + "</svg>";
}

std::string minutes(double value) {
    if (value < 90) return one_decimal(value) + " min";
    if (value < 48 * 60) return one_decimal(value / 60) + " h";
    return one_decimal(value / 60 / 24) + " days";
}

std::string participation_section(const Participation& p) {
    std::string html = "<section id=\"participation\"><h2>Who took part, where and when</h2>";
    html += "<ul class=\"figures\"><li><strong>" + std::to_string(p.responses) +
            "</strong> responses</li><li><strong>" + std::to_string(p.events.size()) +
            "</strong> events</li><li><strong>" + std::to_string(p.devices.size()) +
            "</strong> kiosks</li><li><strong>" + minutes(p.median_lag_minutes) +
            "</strong> typical wait from answer to hub</li></ul>";
    html +=
        "<h3>By event</h3><table><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Ward</th><th "
        "scope=\"col\">Started</th><th scope=\"col\" class=\"num\">Responses</th></tr></thead><tbody>";
    for (const auto& e : p.events)
        html += "<tr><th scope=\"row\">" + html_escaped(e.place.empty() ? "Unnamed event" : e.place) + "</th><td>" +
                html_escaped(e.ward.empty() ? "–" : e.ward) + "</td><td>" + html_escaped(readable_time(e.started_at)) +
                "</td><td class=\"num\">" + std::to_string(e.responses) + "</td></tr>";
    html += "</tbody></table><h3>By hour of the day</h3>" + hour_chart(p.by_hour);
    html +=
        "<h3>By kiosk</h3><table><thead><tr><th scope=\"col\">Kiosk</th><th scope=\"col\" class=\"num\">Responses</th>"
        "<th scope=\"col\">Last arrived</th><th scope=\"col\" class=\"num\">Typical wait</th><th scope=\"col\" "
        "class=\"num\">Longest wait</th></tr></thead><tbody>";
    for (const auto& d : p.devices)
        html += "<tr><th scope=\"row\"><code>" + html_escaped(d.device_id.substr(0, 8)) +
                "</code></th><td class=\"num\">" + std::to_string(d.responses) + "</td><td>" +
                html_escaped(readable_time(d.last_received)) + "</td><td class=\"num\">" +
                minutes(d.median_lag_minutes) + "</td><td class=\"num\">" + minutes(d.longest_lag_minutes) +
                "</td></tr>";
    return html + "</tbody></table></section>";
}

std::string reach_section(const CampaignResults& results) {
    if (results.reach.empty()) return {};
    std::string html =
        "<section id=\"reach\"><h2>Who we reached</h2><p class=\"lead\">From the optional \"about you\" "
        "questions, compared with who lives in the area";
    html += results.reach_source.empty() ? " (this campaign gives no figures for the area)."
                                         : " (" + html_escaped(results.reach_source) + ").";
    html += "</p>";
    for (const auto& q : results.reach) {
        html += "<h3>" + html_escaped(q.text) + "</h3>";
        if (!q.shown()) {
            html += "<p class=\"hidden\">Fewer than " + std::to_string(kSmallestGroupShown) +
                    " people answered: not shown, to protect their privacy.</p>";
            continue;
        }
        html += "<p class=\"muted\">" + std::to_string(q.answered) + " answered; " +
                std::to_string(q.preferred_not_to_say) + " preferred not to say.</p>";
        const bool has_reference = !q.options.empty() && q.options.front().reference_percent.has_value();
        html +=
            "<table class=\"reach\"><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\" class=\"num\">People</th>"
            "<th scope=\"col\" class=\"num\">Of those answering</th>";
        if (has_reference) html += "<th scope=\"col\" class=\"num\">In the area</th><th scope=\"col\">Reached</th>";
        html += "</tr></thead><tbody>";
        for (const auto& o : q.options) {
            html += "<tr><th scope=\"row\">" + html_escaped(o.label) + "</th><td class=\"num\">" +
                    (o.people < kSmallestGroupShown ? "fewer than " + std::to_string(kSmallestGroupShown)
                                                    : std::to_string(o.people)) +
                    "</td><td class=\"num\">" + one_decimal(o.percent) + "%</td>";
            if (has_reference) {
                const double gap = o.percent - *o.reference_percent;
                html += "<td class=\"num\">" + one_decimal(*o.reference_percent) + "%</td><td>";
                html += gap <= -5  ? "<span class=\"missing\">Under-represented</span>"
                        : gap >= 5 ? "<span class=\"over\">Over-represented</span>"
                                   : "About right";
                html += "</td>";
            }
            html += "</tr>";
        }
        html += "</tbody></table>";
    }
    return html + "</section>";
}

std::string outcome_notes_section(const CampaignResults& results, const OutcomeNotesView& view,
                                  const std::string& form_token) {
    const std::string notes_path =
        std::string(dashboard_path::campaigns) + html_escaped(results.campaign.id) + "/notes";
    std::string html =
        "<section id=\"you-said-we-did\"><h2>You said, we did</h2><p class=\"lead\">Tell people what came of what "
        "they said. Kiosks show these on their welcome screen after their next update: the notes for the stall's "
        "ward first, then those for every ward.</p>";
    if (view.notes.empty()) {
        html += "<p class=\"muted\">No notes yet: kiosks show the ones in the campaign file.</p>";
    } else {
        html +=
            "<table class=\"notes\"><thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">You said</th>"
            "<th scope=\"col\">We did</th><th scope=\"col\">Written</th><th scope=\"col\"></th></tr></thead><tbody>";
        for (const auto& n : view.notes)
            html += "<tr data-note=\"" + std::to_string(n.id) + "\"><td>" +
                    (n.ward.empty() ? std::string("Every ward") : html_escaped(n.ward)) + "</td><td>" +
                    html_escaped(n.said) + "</td><td>" + html_escaped(n.did) + "</td><td class=\"muted\">" +
                    html_escaped(n.written_by) + ", " + html_escaped(readable_time(n.written_at)) +
                    "</td><td><form method=\"post\" action=\"" + notes_path + "/" + std::to_string(n.id) +
                    "/remove\">" + form_token_field(form_token) +
                    "<button type=\"submit\" class=\"quiet\">Remove</button></form></td></tr>";
        html += "</tbody></table>";
    }
    std::set<std::string> wards;
    for (const auto& e : results.participation.events)
        if (!e.ward.empty()) wards.insert(e.ward);
    html += "<form class=\"add-note\" method=\"post\" action=\"" + notes_path + "\"><h3>Add a note</h3>" +
            form_token_field(form_token);
    if (!view.problem.empty()) html += "<p class=\"problem\" role=\"alert\">" + html_escaped(view.problem) + "</p>";
    const std::string longest = std::to_string(kLongestNoteCharacters);
    html +=
        "<label for=\"ward\">Ward <span class=\"muted\">(leave empty for every ward)</span></label><input "
        "id=\"ward\" name=\"ward\" list=\"wards\" maxlength=\"200\" value=\"" +
        html_escaped(view.typed.ward) + "\"><datalist id=\"wards\">";
    for (const auto& w : wards) html += "<option value=\"" + html_escaped(w) + "\">";
    html +=
        "</datalist><label for=\"said\">You said <span class=\"muted\">(what people told us)</span></label>"
        "<textarea id=\"said\" name=\"said\" rows=\"2\" maxlength=\"" +
        longest + "\" required>" + html_escaped(view.typed.said) +
        "</textarea><label for=\"did\">We did <span class=\"muted\">(what came of it)</span></label>"
        "<textarea id=\"did\" name=\"did\" rows=\"2\" maxlength=\"" +
        longest + "\" required>" + html_escaped(view.typed.did) +
        "</textarea><button type=\"submit\">Add to the kiosks</button></form>";
    return html + "</section>";
}

std::string listing_figures(const CampaignListing& c) {
    if (c.responses < 0) return {};
    if (c.responses == 0) return "<br><span class=\"figures\">No responses yet</span>";
    return "<br><span class=\"figures\">" + count_of(c.responses, "response", "responses") +
           (c.last_received.empty() ? "" : ", the last arrived " + html_escaped(readable_time(c.last_received))) +
           "</span>";
}

}  // namespace

std::string login_page(const std::string& problem, const std::string& name_typed, const std::string& form_token) {
    std::string body = "<h1>Log in to see results</h1>";
    if (!problem.empty()) body += "<p class=\"problem\" role=\"alert\">" + html_escaped(problem) + "</p>";
    body += "<form class=\"login\" method=\"post\" action=\"" + std::string(dashboard_path::login) + "\">" +
            form_token_field(form_token) +
            "<label for=\"name\">Name</label><input id=\"name\" name=\"name\" autocomplete=\"username\" value=\"" +
            html_escaped(name_typed) +
            "\" required><label for=\"password\">Password</label><input id=\"password\" name=\"password\" "
            "type=\"password\" autocomplete=\"current-password\" required><button type=\"submit\">Log "
            "in</button></form><p class=\"muted\">No account? The hub's administrator adds organisers with "
            "<code>streetvoice-hub organiser NAME</code>.</p>";
    return dashboard_page("Log in", {}, body);
}

std::string campaigns_page(const SignedIn& who, const std::vector<CampaignListing>& campaigns) {
    std::string body = "<h1>Campaigns</h1>";
    if (campaigns.empty()) body += "<p>No campaign is published on this hub yet.</p>";
    body += "<ul class=\"campaigns\">";
    for (const auto& c : campaigns)
        body += "<li><a href=\"" + std::string(dashboard_path::campaigns) + html_escaped(c.id) + "\">" +
                html_escaped(c.title) + "</a><br><span class=\"muted\">" + html_escaped(c.area) + " · version " +
                std::to_string(c.version) + "</span>" + listing_figures(c) + "</li>";
    body += "</ul><p class=\"muted\"><a href=\"" + std::string(dashboard_path::audit) +
            "\">Activity log</a>: logins, tablets enrolled, campaigns published, notes and organisers changed.</p>";
    return dashboard_page("Campaigns", who, body);
}

std::string campaign_page(const SignedIn& who, const CampaignResults& results, const OutcomeNotesView& notes) {
    const Campaign& c = results.campaign;
    const std::string& language = c.default_language();
    std::string body = "<h1>" + html_escaped(c.title.in(language)) + "</h1><p class=\"muted\">" +
                       html_escaped(c.area.in(language)) + " · campaign <code>" + html_escaped(c.id) +
                       "</code>, version " + std::to_string(c.version) + "</p>";
    body += "<nav class=\"jump\">";
    for (const auto& ps : results.place_standard)
        body += "<a href=\"#place-" + html_escaped(ps.activity_id) + "\">" + html_escaped(ps.title) + "</a>";
    for (const auto& b : results.budgets)
        body += "<a href=\"#budget-" + html_escaped(b.activity_id) + "\">" + html_escaped(b.title) + "</a>";
    body += "<a href=\"#participation\">Who took part</a>";
    if (!results.reach.empty()) body += "<a href=\"#reach\">Who we reached</a>";
    body += "<a href=\"#you-said-we-did\">You said, we did</a>";
    body += "</nav><p class=\"downloads\"><a href=\"" + std::string(dashboard_path::campaigns) + html_escaped(c.id) +
            "/responses.csv\" download>Download every response (CSV)</a></p>";
    for (const auto& ps : results.place_standard) body += place_standard_section(ps);
    for (const auto& b : results.budgets) body += budget_section(c.id, b);
    body += participation_section(results.participation);
    body += reach_section(results);
    body += outcome_notes_section(results, notes, who.form_token);
    return dashboard_page(c.title.in(language), who, body);
}

std::string problem_page(const SignedIn& who, const std::string& message) {
    return dashboard_page("Problem", who,
                          "<h1>Something is not right</h1><p class=\"problem\">" + html_escaped(message) +
                              "</p><p><a href=\"" + dashboard_path::home + "\">Back to the campaigns</a></p>");
}

}  // namespace sv
