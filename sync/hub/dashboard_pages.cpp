#include "dashboard_pages.hpp"

#include "html_text.hpp"

namespace sv {
namespace {

Html listing_figures(const CampaignListing& c) {
    if (c.responses < 0) return {};
    if (c.responses == 0) return "<br><span class=\"figures\">No responses yet</span>";
    Html html;
    html << "<br><span class=\"figures\">" << count_of(c.responses, "response", "responses");
    if (!c.last_received.empty()) html << ", the last arrived " << readable_time(c.last_received);
    return html << "</span>";
}

}  // namespace

Html form_token_field(const std::string& token) {
    Html html;
    return html << "<input type=\"hidden\" name=\"form_token\" value=\"" << token << "\">";
}

std::string dashboard_page(const std::string& title, const SignedIn& who, const Html& body) {
    Html html;
    html << "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>"
         << title << " – Streetvoice</title><link rel=\"stylesheet\" href=\"" << dashboard_path::style
         << "\"></head><body><header class=\"top\"><a class=\"brand\" href=\"" << dashboard_path::home
         << "\">Streetvoice results</a>";
    if (!who.organiser.empty())
        html << "<form method=\"post\" action=\"" << dashboard_path::logout << "\" class=\"who\"><span>Logged in as "
             << who.organiser << "</span> " << form_token_field(who.form_token)
             << "<button type=\"submit\">Log out</button></form>";
    html << "</header><main>" << body << "</main></body></html>";
    return html.str();
}

std::string login_page(const std::string& problem, const std::string& name_typed, const std::string& form_token) {
    Html body;
    body << "<h1>Log in to see results</h1>";
    if (!problem.empty()) body << "<p class=\"problem\" role=\"alert\">" << problem << "</p>";
    body << "<form class=\"login\" method=\"post\" action=\"" << dashboard_path::login << "\">"
         << form_token_field(form_token)
         << "<label for=\"name\">Name</label><input id=\"name\" name=\"name\" autocomplete=\"username\" value=\""
         << name_typed
         << "\" required><label for=\"password\">Password</label><input id=\"password\" name=\"password\" "
            "type=\"password\" autocomplete=\"current-password\" required><button type=\"submit\">Log "
            "in</button></form><p class=\"muted\">No account? The hub's administrator adds organisers with "
            "<code>streetvoice-hub organiser NAME</code>.</p>";
    return dashboard_page("Log in", {}, body);
}

std::string campaigns_page(const SignedIn& who, const std::vector<CampaignListing>& campaigns, const Html& alarm) {
    Html body;
    body << "<h1>Campaigns</h1>" << alarm;
    if (campaigns.empty()) body << "<p>No campaign is published on this hub yet.</p>";
    body << "<ul class=\"campaigns\">";
    for (const auto& c : campaigns)
        body << "<li><a href=\"" << dashboard_path::campaigns << c.id << "\">" << c.title
             << "</a><br><span class=\"muted\">" << c.area << " · version " << c.version << "</span>"
             << listing_figures(c) << "</li>";
    body << "</ul><p class=\"muted\"><a href=\"" << dashboard_path::audit
         << "\">Activity log</a>: logins, tablets enrolled, campaigns published, notes and organisers changed.</p>"
            "<p class=\"muted\"><a href=\""
         << dashboard_path::chains
         << "\">Tablets' chains of answers</a>: each tablet's chain head by stall, for the "
            "event sheets, and any answer refused because a chain broke.</p>";
    return dashboard_page("Campaigns", who, body);
}

std::string problem_page(const SignedIn& who, const std::string& message) {
    Html body;
    body << "<h1>Something is not right</h1><p class=\"problem\">" << message << "</p><p><a href=\""
         << dashboard_path::home << "\">Back to the campaigns</a></p>";
    return dashboard_page("Problem", who, body);
}

}  // namespace sv
