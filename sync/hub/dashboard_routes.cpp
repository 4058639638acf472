#include "dashboard_routes.hpp"

#include "campaign_tally.hpp"
#include "dashboard_pages.hpp"
#include "http_front.hpp"
#include "hub_export.hpp"
#include "hub_store.hpp"
#include "organiser_sessions.hpp"
#include "outcome_note_form.hpp"

namespace sv {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kSessionCookie = "streetvoice_session";
// A login or a "you said, we did" note: names, a password and two 200-character sentences.
constexpr std::size_t kLargestFormBytes = 8 * 1024;

void private_page_headers(HttpResponse& res) {
    // No scripts at all; styles only from the hub itself; never inside another site's frame.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
}

std::string session_token(const HttpRequest& req) {
    const std::string cookies = req.header("Cookie");
    const std::string key = std::string(kSessionCookie) + "=";
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
// cookie is SameSite=Strict already; older browsers may not honour that). Browsers say where
// a request came from in Sec-Fetch-Site; older ones in Origin, which our no-referrer policy
// turns into "null", saying nothing.
bool from_this_site(const HttpRequest& req) {
    const std::string fetch_site = req.header("Sec-Fetch-Site");
    if (!fetch_site.empty()) return fetch_site == "same-origin";
    const std::string origin = req.header("Origin");
    if (origin.empty() || origin == "null") return true;
    const std::string host = req.header("Host");
    return origin == "http://" + host || origin == "https://" + host;
}

}  // namespace

void add_dashboard_routes(HttpFront& server, HubStore& store, OrganiserSessions& sessions,
                          CampaignTallies& tallies, bool tls) {
    // The organiser behind a request, or a redirect to the login page.
    auto organiser_of = [&sessions](const HttpRequest& req, HttpResponse& res) -> std::optional<std::string> {
        auto organiser = sessions.organiser_of(session_token(req));
        if (!organiser) redirect(res, dashboard_path::login);
        return organiser;
    };
    auto show = [](HttpResponse& res, const std::string& html, int status = 200) {
        private_page_headers(res);
        res.status = status;
        res.set_content(html, kHtml);
    };
    // The organiser sending a form from the dashboard itself; otherwise the answer is given already.
    auto form_sender = [organiser_of, show](const HttpRequest& req,
                                            HttpResponse& res) -> std::optional<std::string> {
        auto organiser = organiser_of(req, res);
        if (organiser && !from_this_site(req)) {
            show(res, problem_page(*organiser, "That form came from another site."), 403);
            return std::nullopt;
        }
        return organiser;
    };

    server.add("GET", "/", [](const HttpRequest&, HttpResponse& res) { redirect(res, dashboard_path::home); });
    server.add("GET", "/dashboard/style\\.css", [](const HttpRequest&, HttpResponse& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(dashboard_style(), "text/css; charset=utf-8");
    });
    server.add("GET", dashboard_path::login,
               [show](const HttpRequest&, HttpResponse& res) { show(res, login_page("", "")); });
    server.add(
        "POST", dashboard_path::login, [&store, &sessions, show, tls](const HttpRequest& req, HttpResponse& res) {
            const std::string name = req.form_field("name");
            auto login = sessions.log_in(store, name, req.form_field("password"));
            if (login.token.empty()) return show(res, login_page(login.problem, name), 401);
            res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + login.token +
                                             "; Path=/dashboard; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
            redirect(res, dashboard_path::home);
        }, kLargestFormBytes);
    server.add("POST", dashboard_path::logout, [&sessions](const HttpRequest& req, HttpResponse& res) {
        sessions.log_out(session_token(req));
        res.set_header("Set-Cookie",
                       std::string(kSessionCookie) + "=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict");
        redirect(res, dashboard_path::login);
    });
    server.add("GET", dashboard_path::home,
               [&store, organiser_of, show, &tallies](const HttpRequest& req, HttpResponse& res) {
                   const auto organiser = organiser_of(req, res);
                   if (!organiser) return;
                   auto published = store.published_campaigns();
                   if (!published) return show(res, problem_page(*organiser, published.error().message), 503);
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
                       CampaignListing listing{
                           c.id, c.version, c.title.in(c.default_language()), c.area.in(c.default_language()), -1, {}};
                       // A campaign that cannot be counted shows no figures here; its page says why.
                       if (auto results = tallies.results(store, std::move(c))) {
                           listing.responses = results.value().participation.responses;
                           for (const auto& device : results.value().participation.devices)
                               listing.last_received = std::max(listing.last_received, device.last_received);
                       }
                       listings.push_back(std::move(listing));
                   }
                   show(res, campaigns_page(*organiser, listings));
               });
    const std::string campaign = std::string(dashboard_path::campaigns) + "([a-z0-9._-]+)";
    auto show_campaign = [&store, show, &tallies](HttpResponse& res, const std::string& organiser,
                                                  const std::string& id, OutcomeNotesView notes) {
        auto results = tallies.results(store, id);
        if (!results) return show(res, problem_page(organiser, results.error().message), 404);
        auto stored = store.outcome_notes(id);
        if (!stored) return show(res, problem_page(organiser, stored.error().message), 503);
        notes.notes = std::move(stored).value();
        show(res, campaign_page(organiser, results.value(), notes), notes.problem.empty() ? 200 : 422);
    };
    server.add("GET", campaign, [organiser_of, show_campaign](const HttpRequest& req, HttpResponse& res) {
        const auto organiser = organiser_of(req, res);
        if (!organiser) return;
        show_campaign(res, *organiser, req.matches[1], {});
    });
    server.add("POST", campaign + "/notes",
                [&store, form_sender, show, show_campaign](const HttpRequest& req, HttpResponse& res) {
                    const auto organiser = form_sender(req, res);
                    if (!organiser) return;
                    const std::string id = req.matches[1];
                    const OutcomeNoteForm typed{req.form_field("ward"), req.form_field("said"),
                                                req.form_field("did")};
                    auto campaign_known = newest_published_campaign(store, id);
                    if (!campaign_known)
                        return show(res, problem_page(*organiser, campaign_known.error().message), 404);
                    auto notes = store.outcome_notes(id);
                    if (!notes) return show(res, problem_page(*organiser, notes.error().message), 503);
                    auto note = outcome_note_from_form(id, typed, notes.value().size(), *organiser);
                    if (!note) return show_campaign(res, *organiser, id, {{}, typed, note.error().message});
                    if (auto added = store.add_outcome_note(note.value()); !added)
                        return show_campaign(res, *organiser, id, {{}, typed, added.error().message});
                    redirect(res, std::string(dashboard_path::campaigns) + id + "#you-said-we-did");
                }, kLargestFormBytes);
    server.add("POST", campaign + "/notes/([0-9]{1,18})/remove",
                [&store, form_sender, show](const HttpRequest& req, HttpResponse& res) {
                    const auto organiser = form_sender(req, res);
                    if (!organiser) return;
                    const std::string id = req.matches[1];
                    auto removed = store.remove_outcome_note(id, std::stoll(req.matches[2]));
                    if (!removed) return show(res, problem_page(*organiser, removed.error().message), 503);
                    // Removed already (another tab, another organiser): the page shows how things are now.
                    redirect(res, std::string(dashboard_path::campaigns) + id + "#you-said-we-did");
                });
    server.add("GET", campaign + "/responses\\.csv", [&store, organiser_of, show](const HttpRequest& req,
                                                                           HttpResponse& res) {
        const auto organiser = organiser_of(req, res);
        if (!organiser) return;
        auto csv = export_csv(store, req.matches[1]);
        if (!csv) return show(res, problem_page(*organiser, csv.error().message), 503);
        attachment(res, csv.value(), "text/csv; charset=utf-8", std::string(req.matches[1]) + "-responses.csv");
    });
    server.add("GET", campaign + "/([a-z0-9._-]+)\\.pb",
               [&store, organiser_of, show](const HttpRequest& req, HttpResponse& res) {
                   const auto organiser = organiser_of(req, res);
                   if (!organiser) return;
                   auto pb = export_pb(store, req.matches[1], req.matches[2]);
                   if (!pb) return show(res, problem_page(*organiser, pb.error().message), 404);
                   attachment(res, pb.value().text, "text/plain; charset=utf-8",
                              std::string(req.matches[1]) + "-" + std::string(req.matches[2]) + ".pb");
               });
}

}  // namespace sv
