#pragma once
// The dashboard's pages as HTML, made on the hub from the results: no scripts, no fonts or
// styles from elsewhere, so it works on a laptop with no internet. Built with Html, so every
// text that came from a campaign file, a kiosk or a citizen is escaped. This file: the frame
// every page shares, the login, the campaign list and the problem page; the campaign's page
// and its sections have a file each.
#include <string>
#include <vector>

#include "html.hpp"
#include "organiser_sessions.hpp"

namespace sv {

namespace dashboard_path {
constexpr const char* home = "/dashboard";
constexpr const char* login = "/dashboard/login";
constexpr const char* logout = "/dashboard/logout";
constexpr const char* style = "/dashboard/style.css";
// + id; + id/responses.csv, id/ACTIVITY.pb; + id/notes (POST), id/notes/N/remove (POST)
constexpr const char* campaigns = "/dashboard/campaigns/";
constexpr const char* audit = "/dashboard/activity";
constexpr const char* chains = "/dashboard/chains";
}  // namespace dashboard_path

struct CampaignListing {
    std::string id;
    int version = 0;
    std::string title;
    std::string area;
    int responses = -1;  // -1: not known (could not be counted)
    std::string last_received;
};

// assets/hub/dashboard.css, compiled in.
std::string dashboard_style();
// Any dashboard page: the header (with the organiser and the log-out form) around `body`.
std::string dashboard_page(const std::string& title, const SignedIn& who, const Html& body);
// Every form carries the session's (or the login cookie's) token: a page on another site
// cannot know it, so cannot send the form in the organiser's name.
Html form_token_field(const std::string& token);
// `form_token`: what the form must send back, as the login cookie holds it.
std::string login_page(const std::string& problem, const std::string& name_typed, const std::string& form_token);
// `alarm`: chain_alarm_line's, shown above the list.
std::string campaigns_page(const SignedIn& who, const std::vector<CampaignListing>& campaigns, const Html& alarm = {});
// A page that says what went wrong in plain words, with a way back.
std::string problem_page(const SignedIn& who, const std::string& message);

}  // namespace sv
