#include "dashboard_routes.hpp"

#include <memory>
#include <optional>

#include "audit_log.hpp"
#include "audit_page.hpp"
#include "budget_section.hpp"
#include "campaign_page.hpp"
#include "campaign_tally.hpp"
#include "chains_page.hpp"
#include "councillor_pages.hpp"
#include "dashboard_pages.hpp"
#include "database_watch.hpp"
#include "event_log.hpp"
#include "http_front.hpp"
#include "hub_export.hpp"
#include "hub_secrets.hpp"
#include "hub_store.hpp"
#include "organiser_sessions.hpp"
#include "outcome_note_form.hpp"
#include "public_results_page.hpp"
#include "report_page.hpp"
#include "tidy_csv.hpp"

namespace sv {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
// A login or a "you said, we did" note: names, a password and two 200-character sentences.
constexpr std::size_t kLargestFormBytes = 8 * 1024;

void safety_headers(HttpResponse& res) {
    // No scripts at all; styles only from the hub itself; never inside another site's frame.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    // Other sites learn nothing; the hub's own forms say where they came from (Origin).
    res.set_header("Referrer-Policy", "same-origin");
}

void private_page_headers(HttpResponse& res) {
    safety_headers(res);
    res.set_header("Cache-Control", "no-store");
}

// The dashboard's cookies. Over HTTPS (the hub's own or a proxy's) they are Secure and named
// __Host-, so no plain-HTTP page and no other host under the same domain can set or replace them.
struct Cookies {
    bool secure = false;

    std::string name(const char* base) const { return (secure ? "__Host-" : "") + std::string(base); }
    std::string set(const char* base, const std::string& value, const std::string& lifetime = "") const {
        return name(base) + "=" + value + "; Path=" + (secure ? "/" : "/dashboard") + "; HttpOnly; SameSite=Strict" +
               (secure ? "; Secure" : "") + lifetime;
    }
    std::string clear(const char* base) const { return set(base, "", "; Max-Age=0"); }
    std::string of(const HttpRequest& req, const char* base) const {
        const std::string cookies = req.header("Cookie");
        const std::string key = name(base) + "=";
        std::size_t at = 0;
        while ((at = cookies.find(key, at)) != std::string::npos) {
            if (at == 0 || cookies[at - 1] == ' ' || cookies[at - 1] == ';') {
                const std::size_t start = at + key.size();
                return cookies.substr(start, cookies.find(';', start) - start);
            }
            at += key.size();
        }
        return {};
    }
};
constexpr const char* kSessionCookie = "streetvoice_session";
// Holds the login form's token until the form comes back.
constexpr const char* kLoginCookie = "streetvoice_login";
// Marks a browser where an organiser has logged in before (see LoginThrottle).
constexpr const char* kBrowserCookie = "streetvoice_browser";
constexpr const char* kBrowserCookieLifetime = "; Max-Age=31536000";

void redirect(HttpResponse& res, const std::string& to) {
    res.status = 303;
    res.set_header("Location", to);
}

void attachment(HttpResponse& res, const std::string& body, const char* type, const std::string& file_name) {
    private_page_headers(res);
    res.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    res.set_content(body, type);
}

// A form sent from another site is refused even if the browser sent the cookie with it (the
// cookie is SameSite=Strict already, and every form carries a token; this is the third lock).
// Browsers say where a request came from in Sec-Fetch-Site, older ones in Origin; "null" says
// nothing, so is refused too.
bool from_this_site(const HttpRequest& req) {
    const std::string fetch_site = req.header("Sec-Fetch-Site");
    if (!fetch_site.empty()) return fetch_site == "same-origin";
    const std::string origin = req.header("Origin");
    if (origin.empty()) return true;
    const std::string host = req.header("Host");
    return origin == "http://" + host || origin == "https://" + host;
}

bool is_token(const std::string& text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The organisers' pages, each a named function over the store, the sessions and the tallies.
class Dashboard {
public:
    Dashboard(HubStore& store, OrganiserSessions& sessions, CampaignTallies& tallies, bool secure_cookies)
        : store_(store), sessions_(sessions), tallies_(tallies), cookies_{secure_cookies} {}

    void style(const HttpRequest&, HttpResponse& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(dashboard_style(), "text/css; charset=utf-8");
    }
    void login_form(const HttpRequest& req, HttpResponse& res) { show_login(req, res, "", "", 200); }
    void log_in(const HttpRequest& req, HttpResponse& res);
    void log_out(const HttpRequest& req, HttpResponse& res);
    void campaign_list(const HttpRequest& req, HttpResponse& res);
    void activity(const HttpRequest& req, HttpResponse& res);
    void chains(const HttpRequest& req, HttpResponse& res);
    void campaign(const HttpRequest& req, HttpResponse& res) {
        if (const auto organiser = organiser_of(req, res)) show_campaign(res, *organiser, req.matches[1], {});
    }
    void report(const HttpRequest& req, HttpResponse& res);
    void public_results(const HttpRequest& req, HttpResponse& res);
    void public_ballots(const HttpRequest& req, HttpResponse& res);
    void add_note(const HttpRequest& req, HttpResponse& res);
    void remove_note(const HttpRequest& req, HttpResponse& res);
    void responses_csv(const HttpRequest& req, HttpResponse& res);
    void activity_csv(const HttpRequest& req, HttpResponse& res);
    void ballots_pb(const HttpRequest& req, HttpResponse& res);

private:
    // Whoever is logged in (an organiser or a ward councillor), or a redirect to the login page.
    std::optional<SignedIn> signed_in_of(const HttpRequest& req, HttpResponse& res);
    // The organiser behind a request; a councillor is told where their ward's reports are.
    std::optional<SignedIn> organiser_of(const HttpRequest& req, HttpResponse& res);
    // The organiser sending a form from the dashboard itself; otherwise the answer is given already.
    // `councillors_too`: a ward councillor may send it as well (logging out).
    std::optional<SignedIn> form_sender(const HttpRequest& req, HttpResponse& res, bool councillors_too = false);
    // The login page, with a form token the login cookie holds too (a new one if need be).
    void show_login(const HttpRequest& req, HttpResponse& res, const std::string& problem, const std::string& name,
                    int status);
    void show_campaign(HttpResponse& res, const SignedIn& organiser, const std::string& id, OutcomeNotesView notes);

    HubStore& store_;
    OrganiserSessions& sessions_;
    CampaignTallies& tallies_;
    const Cookies cookies_;
};

void show(HttpResponse& res, const std::string& html, int status = 200) {
    private_page_headers(res);
    res.status = status;
    res.set_content(html, kHtml);
}

std::optional<SignedIn> Dashboard::signed_in_of(const HttpRequest& req, HttpResponse& res) {
    auto who = sessions_.signed_in(store_, cookies_.of(req, kSessionCookie));
    if (!who) redirect(res, dashboard_path::login);
    if (who) res.who = (who->councillor_ward.empty() ? "organiser " : "councillor ") + who->organiser;
    return who;
}

std::optional<SignedIn> Dashboard::organiser_of(const HttpRequest& req, HttpResponse& res) {
    auto who = signed_in_of(req, res);
    if (who && !who->councillor_ward.empty()) {
        show(res, councillor_refused_page(*who), 403);
        return std::nullopt;
    }
    return who;
}

std::optional<SignedIn> Dashboard::form_sender(const HttpRequest& req, HttpResponse& res, bool councillors_too) {
    auto who = councillors_too ? signed_in_of(req, res) : organiser_of(req, res);
    if (who && (!from_this_site(req) || !same_secret(req.form_field("form_token"), who->form_token))) {
        show(res,
             problem_page(*who,
                          "That form did not come from this dashboard page, so nothing was changed. Load "
                          "the page again and use its form."),
             403);
        return std::nullopt;
    }
    return who;
}

void Dashboard::show_login(const HttpRequest& req, HttpResponse& res, const std::string& problem,
                           const std::string& name, int status) {
    std::string token = cookies_.of(req, kLoginCookie);
    if (!is_token(token)) {
        token = new_device_token();
        res.set_header("Set-Cookie", cookies_.set(kLoginCookie, token));
    }
    show(res, login_page(problem, name, token), status);
}

void Dashboard::log_in(const HttpRequest& req, HttpResponse& res) {
    const std::string name = req.form_field("name");
    const std::string login_token = cookies_.of(req, kLoginCookie);
    if (!from_this_site(req) || !is_token(login_token) || !same_secret(req.form_field("form_token"), login_token))
        return show_login(req, res,
                          "This login form had run out or came from elsewhere. Type your name and password again.",
                          name, 403);
    auto login = sessions_.log_in(
        store_, {name, req.form_field("password"), req.client_address, cookies_.of(req, kBrowserCookie)});
    res.who = "organiser " + name.substr(0, 64);
    res.outcome = login.token.empty() ? "not logged in" : "logged in";
    // Checked passwords only: those held back cost an attacker nothing, so they would fill the log.
    if (login.status == 200 || login.status == 401)
        audit(store_, name.substr(0, 64), login.status == 200 ? "logged in" : "typed a wrong password",
              req.client_address);
    if (login.status == 200)
        log_event("login_succeeded", {{"organiser", name.substr(0, 64)}, {"address", req.client_address}});
    else if (login.status == 401)
        log_event("login_failed", {{"organiser", name.substr(0, 64)}, {"address", req.client_address}});
    else if (login.locked_out)
        log_event("login_locked_out", {{"organiser", name.substr(0, 64)},
                                       {"address", req.client_address},
                                       {"seconds", std::to_string(static_cast<long long>(login.retry_after_seconds))}});
    else if (login.status == 503)
        login.problem = store_trouble(Error{login.problem}, "log in");
    if (login.token.empty()) {
        if (login.retry_after_seconds > 0)
            res.set_header("Retry-After", std::to_string(static_cast<long long>(login.retry_after_seconds)));
        return show_login(req, res, login.problem, name, login.status);
    }
    res.set_header("Set-Cookie", cookies_.set(kSessionCookie, login.token));
    res.set_header("Set-Cookie", cookies_.set(kBrowserCookie, login.browser_mark, kBrowserCookieLifetime));
    res.set_header("Set-Cookie", cookies_.clear(kLoginCookie));
    redirect(res, dashboard_path::home);
}

void Dashboard::log_out(const HttpRequest& req, HttpResponse& res) {
    const auto who = form_sender(req, res, true);
    if (!who) return;
    sessions_.log_out(store_, cookies_.of(req, kSessionCookie));
    audit(store_, who->organiser, "logged out", req.client_address);
    res.set_header("Set-Cookie", cookies_.clear(kSessionCookie));
    redirect(res, dashboard_path::login);
}

void Dashboard::campaign_list(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = signed_in_of(req, res);
    if (!organiser) return;
    auto published = store_.published_campaigns();
    if (!published) return show(res, problem_page(*organiser, store_trouble(published.error(), req.path)), 503);
    // Published in version order, so a later version replaces an earlier one.
    std::vector<Campaign> newest;
    for (const auto& p : published.value()) {
        auto campaign = parse_campaign(p.definition, p.id);
        if (!campaign) continue;
        if (!newest.empty() && newest.back().id == p.id)
            newest.back() = std::move(campaign).value();
        else
            newest.push_back(std::move(campaign).value());
    }
    std::vector<CampaignListing> listings;
    for (auto& c : newest) {
        CampaignListing listing{c.id, c.version, c.title.in(c.default_language()), c.area.in(c.default_language()),
                                -1,   {}};
        // A campaign that cannot be counted shows no figures here; its page says why.
        if (auto results = tallies_.results(store_, std::move(c))) {
            listing.responses = results.value().participation.responses;
            for (const auto& device : results.value().participation.devices)
                listing.last_received = std::max(listing.last_received, device.last_received);
        }
        listings.push_back(std::move(listing));
    }
    if (!organiser->councillor_ward.empty()) return show(res, councillor_campaigns_page(*organiser, listings));
    auto alarms = store_.chain_problems();
    if (!alarms) return show(res, problem_page(*organiser, store_trouble(alarms.error(), req.path)), 503);
    show(res, campaigns_page(*organiser, listings, chain_alarm_line(alarms.value().size())));
}

void Dashboard::activity(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = organiser_of(req, res);
    if (!organiser) return;
    auto entries = store_.audit_entries(kAuditEntriesShown);
    if (!entries) return show(res, problem_page(*organiser, store_trouble(entries.error(), req.path)), 503);
    show(res, audit_page(*organiser, entries.value()));
}

void Dashboard::chains(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = organiser_of(req, res);
    if (!organiser) return;
    ChainsView view;
    Status read = ok_status();
    const auto keep = [&read](auto result, auto& into) {
        if (!read.ok()) return;
        if (result)
            into = std::move(result).value();
        else
            read = result.error();
    };
    keep(store_.chain_problems(), view.problems);
    keep(store_.chain_heads(), view.heads);
    keep(store_.events(), view.events);
    keep(store_.devices(), view.devices);
    if (!read) return show(res, problem_page(*organiser, store_trouble(read.error(), req.path)), 503);
    show(res, chains_page(*organiser, view));
}

void Dashboard::show_campaign(HttpResponse& res, const SignedIn& organiser, const std::string& id,
                              OutcomeNotesView notes) {
    auto results = tallies_.results(store_, id);
    if (!results) return show(res, problem_page(organiser, results.error().message), 404);
    auto stored = store_.outcome_notes(id);
    if (!stored) return show(res, problem_page(organiser, store_trouble(stored.error(), "campaign page " + id)), 503);
    notes.notes = std::move(stored).value();
    show(res, campaign_page(organiser, results.value(), notes), notes.problem.empty() ? 200 : 422);
}

void Dashboard::report(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = signed_in_of(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1];
    const std::optional<std::string> ward =
        req.matches.size() > 2 ? std::optional<std::string>(req.matches[2]) : std::nullopt;
    // A ward councillor reads their own ward's report and no other, nor the campaign's.
    const bool councillor = !organiser->councillor_ward.empty();
    if (councillor && ward != organiser->councillor_ward) return show(res, councillor_refused_page(*organiser), 403);
    auto results = tallies_.results(store_, id);
    if (!results) return show(res, problem_page(*organiser, results.error().message), 404);
    auto notes = store_.outcome_notes(id);
    if (!notes) return show(res, problem_page(*organiser, store_trouble(notes.error(), req.path)), 503);
    if (councillor)
        audit(store_, organiser->organiser, "read the " + *ward + " ward report of campaign " + id, req.client_address);
    show(res, report_page(*organiser, results.value(), notes.value(), ward));
}

// Anyone's, no login: the same rules for scripts and frames as the dashboard's, but a copy
// may be kept a few minutes by browsers and proxies, so a link shared round a ward is cheap.
void Dashboard::public_results(const HttpRequest& req, HttpResponse& res) {
    const std::string id = req.matches[1];
    res.who = "the public";
    safety_headers(res);
    auto on = store_.results_public(id);
    if (!on || !on.value()) {
        res.set_header("Cache-Control", "no-cache");
        res.status = on ? 404 : 503;
        return res.set_content(no_public_results_page(), kHtml);
    }
    auto results = tallies_.results(store_, id);
    auto notes = store_.outcome_notes(id);
    if (!results || !notes) {
        res.set_header("Cache-Control", "no-cache");
        res.status = 503;
        return res.set_content(no_public_results_page(), kHtml);
    }
    res.set_header("Cache-Control", "public, max-age=300");
    res.set_content(public_results_page(results.value(), notes.value()), kHtml);
}

// A budget vote's ballots as published beside its outcome: the very .pb it was counted from.
void Dashboard::public_ballots(const HttpRequest& req, HttpResponse& res) {
    const std::string id = req.matches[1];
    res.who = "the public";
    safety_headers(res);
    res.set_header("Cache-Control", "no-cache");
    auto on = store_.results_public(id);
    if (!on || !on.value()) {
        res.status = on ? 404 : 503;
        return res.set_content(no_public_results_page(), kHtml);
    }
    auto results = tallies_.results(store_, id);
    if (!results) {
        res.status = 503;
        return res.set_content(no_public_results_page(), kHtml);
    }
    for (const auto& budget : results.value().budgets)
        if (budget.counted && budget.ballots >= kSmallestGroupShown && public_ballots_path(id, budget) == req.path)
            return attachment(res, budget.pb_file, "text/plain; charset=utf-8",
                              id + "-" + budget_anchor(budget) + ".pb");
    res.status = 404;
    res.set_content(no_public_results_page(), kHtml);
}

void Dashboard::add_note(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = form_sender(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1];
    const OutcomeNoteForm typed{req.form_field("ward"), req.form_field("said"), req.form_field("did")};
    auto campaign_known = newest_published_campaign(store_, id);
    if (!campaign_known) return show(res, problem_page(*organiser, campaign_known.error().message), 404);
    auto notes = store_.outcome_notes(id);
    if (!notes) return show(res, problem_page(*organiser, store_trouble(notes.error(), req.path)), 503);
    auto note =
        outcome_note_from_form(id, typed, notes.value().size(), organiser->organiser, campaign_known.value().wards);
    if (!note) return show_campaign(res, *organiser, id, {{}, typed, note.error().message});
    if (auto added = store_.add_outcome_note(note.value()); !added)
        return show_campaign(res, *organiser, id, {{}, typed, added.error().message});
    audit(store_, organiser->organiser,
          "wrote a \"you said, we did\" note for campaign " + id +
              (note.value().ward.empty() ? ", every ward" : ", ward " + note.value().ward),
          req.client_address);
    redirect(res, std::string(dashboard_path::campaigns) + id + "#you-said-we-did");
}

void Dashboard::remove_note(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = form_sender(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1];
    auto removed = store_.remove_outcome_note(id, std::stoll(req.matches[2]));
    if (!removed) return show(res, problem_page(*organiser, store_trouble(removed.error(), req.path)), 503);
    if (removed.value())
        audit(store_, organiser->organiser, "removed note " + std::string(req.matches[2]) + " of campaign " + id,
              req.client_address);
    // Removed already (another tab, another organiser): the page shows how things are now.
    redirect(res, std::string(dashboard_path::campaigns) + id + "#you-said-we-did");
}

void Dashboard::responses_csv(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = organiser_of(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1];
    auto csv = export_csv(store_, id);
    if (!csv) return show(res, problem_page(*organiser, store_trouble(csv.error(), req.path)), 503);
    audit(store_, organiser->organiser, "downloaded every response of campaign " + id, req.client_address);
    attachment(res, csv.value(), "text/csv; charset=utf-8", id + "-responses.csv");
}

void Dashboard::activity_csv(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = organiser_of(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1], activity = req.matches[2];
    auto csv = export_tidy_csv(store_, id, activity);
    if (!csv) return show(res, problem_page(*organiser, csv.error().message), 404);
    audit(store_, organiser->organiser, "downloaded the " + activity + " answers of campaign " + id,
          req.client_address);
    attachment(res, csv.value(), "text/csv; charset=utf-8", id + "-" + activity + ".csv");
}

void Dashboard::ballots_pb(const HttpRequest& req, HttpResponse& res) {
    const auto organiser = organiser_of(req, res);
    if (!organiser) return;
    const std::string id = req.matches[1];
    const std::string activity = req.matches[2];
    // ".../ACTIVITY/version-N.pb": the ballots cast under version N, when versions differ.
    const int version = req.matches.size() > 3 ? std::stoi(req.matches[3]) : 0;
    const std::string named = version == 0 ? "" : " cast under version " + std::to_string(version);
    auto pb = export_pb(store_, id, activity, version);
    if (!pb) return show(res, problem_page(*organiser, pb.error().message), 404);
    audit(store_, organiser->organiser, "downloaded the ballots of " + id + " / " + activity + named,
          req.client_address);
    attachment(res, pb.value().text, "text/plain; charset=utf-8",
               id + "-" + activity + (version == 0 ? "" : "-v" + std::to_string(version)) + ".pb");
}

}  // namespace

void add_dashboard_routes(HttpFront& server, HubStore& store, OrganiserSessions& sessions, CampaignTallies& tallies,
                          bool secure_cookies) {
    const auto dashboard = std::make_shared<Dashboard>(store, sessions, tallies, secure_cookies);
    const auto route = [dashboard](void (Dashboard::*handle)(const HttpRequest&, HttpResponse&)) {
        return [dashboard, handle](const HttpRequest& req, HttpResponse& res) { ((*dashboard).*handle)(req, res); };
    };
    const std::string campaign = std::string(dashboard_path::campaigns) + "([a-z0-9._-]+)";
    server.add("GET", "/", [](const HttpRequest&, HttpResponse& res) { redirect(res, dashboard_path::home); });
    server.add("GET", "/dashboard/style\\.css", route(&Dashboard::style));
    server.add("GET", dashboard_path::login, route(&Dashboard::login_form));
    server.add("POST", dashboard_path::login, route(&Dashboard::log_in), kLargestFormBytes);
    server.add("POST", dashboard_path::logout, route(&Dashboard::log_out), kLargestFormBytes);
    server.add("GET", dashboard_path::home, route(&Dashboard::campaign_list));
    server.add("GET", dashboard_path::audit, route(&Dashboard::activity));
    server.add("GET", dashboard_path::chains, route(&Dashboard::chains));
    server.add("GET", campaign, route(&Dashboard::campaign));
    server.add("GET", campaign + "/report", route(&Dashboard::report));
    // The ward as staff typed it, decoded by the front: anything but a slash, up to 200 bytes.
    server.add("GET", campaign + "/report/ward/([^/]{1,200})", route(&Dashboard::report));
    server.add("GET", "/results/([a-z0-9._-]+)", route(&Dashboard::public_results));
    server.add("GET", "/results/([a-z0-9._-]+)/ballots/([a-z0-9._-]+)\\.pb", route(&Dashboard::public_ballots));
    server.add("POST", campaign + "/notes", route(&Dashboard::add_note), kLargestFormBytes);
    server.add("POST", campaign + "/notes/([0-9]{1,18})/remove", route(&Dashboard::remove_note), kLargestFormBytes);
    server.add("GET", campaign + "/responses\\.csv", route(&Dashboard::responses_csv));
    server.add("GET", campaign + "/tidy/([a-z0-9._-]+)\\.csv", route(&Dashboard::activity_csv));
    server.add("GET", campaign + "/([a-z0-9._-]+)\\.pb", route(&Dashboard::ballots_pb));
    server.add("GET", campaign + "/([a-z0-9._-]+)/version-([0-9]{1,9})\\.pb", route(&Dashboard::ballots_pb));
}

}  // namespace sv
