// Logging in to the dashboard on the real hub (127.0.0.1): who sees results, forms only from
// the dashboard's own pages, guessing slowed for the guesser and not for the organiser,
// sessions that end when they should, and cookies fit for HTTPS behind a proxy.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "login_throttle.hpp"
#include "open_hub_store.hpp"
#include "organiser_sessions.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"

using sv::test::RunningHub;
using Visitor = sv::test::DashboardVisitor;

namespace {

constexpr const char* kPassword = "correct horse battery";

int status_of(const httplib::Result& res) {
    REQUIRE(res);
    return res->status;
}

// `streetvoice-hub organiser ...` as the hub's administrator runs it: its exit code.
int run_organiser_command(const RunningHub& hub, const std::vector<std::string>& arguments,
                          const std::string& password = "") {
    sv::test::TempFolder folder;
    std::ofstream(folder.file("password")) << password << "\n";
    std::string command = "exec \"$0\" organiser --db \"$1\"";
    std::vector<std::string> argv{"/bin/sh", "-c", "", STREETVOICE_HUB_BINARY, hub.db()};
    for (const auto& a : arguments) {
        argv.push_back(a);
        command += " \"$" + std::to_string(argv.size() - 4) + "\"";
    }
    argv.push_back(folder.file("password"));
    command += " < \"$" + std::to_string(argv.size() - 4) + "\"";
    argv[2] = command;
    std::string output;
    return sv::test::run_program(argv, output);
}

}  // namespace

TEST_CASE("login: only organisers who log in see results, and logging out ends the session") {
    RunningHub hub;
    hub.add_organiser("sam@riverside.gov.uk", kPassword);
    Visitor stranger(hub);
    for (const char* path : {"/dashboard", "/dashboard/campaigns/demo-riverside-budget-2026",
                             "/dashboard/campaigns/demo-riverside-budget-2026/responses.csv",
                             "/dashboard/campaigns/demo-riverside-budget-2026/budget.pb"}) {
        auto res = stranger.get(path);
        REQUIRE(status_of(res) == 303);
        CHECK(res->get_header_value("Location") == "/dashboard/login");
    }
    auto login_page = stranger.get("/dashboard/login");
    REQUIRE(status_of(login_page) == 200);
    CHECK_THAT(login_page->body, Catch::Contains("Log in to see results"));
    CHECK(stranger.form_token() == stranger.cookie("streetvoice_login"));
    CHECK(stranger.form_token().size() == 64);

    auto wrong = stranger.log_in("sam@riverside.gov.uk", "not the password");
    CHECK(status_of(wrong) == 401);
    CHECK_THAT(wrong->body, Catch::Contains("That name and password do not match"));
    CHECK(stranger.cookie("streetvoice_session").empty());
    CHECK(status_of(stranger.log_in("nobody", kPassword)) == 401);

    Visitor sam(hub, "127.0.0.2");
    auto right = sam.log_in("sam@riverside.gov.uk", kPassword);
    REQUIRE(status_of(right) == 303);
    REQUIRE_FALSE(sam.cookie("streetvoice_session").empty());
    CHECK_THAT(right->get_header_value("Set-Cookie"),
               Catch::Contains("HttpOnly") && Catch::Contains("SameSite=Strict"));
    auto home = sam.get("/dashboard");
    REQUIRE(status_of(home) == 200);
    CHECK_THAT(home->body, Catch::Contains("Logged in as sam@riverside.gov.uk"));
    CHECK_THAT(home->body, Catch::Contains("/dashboard/campaigns/demo-riverside-budget-2026"));
    CHECK(status_of(sam.post("/dashboard/logout")) == 303);
    CHECK(status_of(sam.get("/dashboard")) == 303);
}

TEST_CASE("login: every form needs the token of the page it came from, and a site of its own origin") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    hub.add_organiser("ayesha", kPassword);
    const std::string notes = "/dashboard/campaigns/demo-riverside-2026/notes";

    // A login form sent from elsewhere: no login cookie, a made-up token, or Origin null.
    Visitor elsewhere(hub);
    auto no_cookie =
        elsewhere.post("/dashboard/login", {{"name", "sam"}, {"password", kPassword}, {"form_token", "x"}});
    CHECK(status_of(no_cookie) == 403);
    CHECK_THAT(no_cookie->body, Catch::Contains("This login form had run out or came from elsewhere"));
    elsewhere.get("/dashboard/login");
    CHECK(status_of(elsewhere.post("/dashboard/login",
                                   {{"name", "sam"}, {"password", kPassword}, {"form_token", std::string(64, 'a')}})) ==
          403);
    CHECK(status_of(elsewhere.post("/dashboard/login", {{"name", "sam"}, {"password", kPassword}},
                                   {{"Origin", "null"}})) == 403);
    CHECK(elsewhere.cookie("streetvoice_session").empty());

    Visitor sam(hub), ayesha(hub, "127.0.0.2");
    REQUIRE(status_of(sam.log_in("sam", kPassword)) == 303);
    REQUIRE(status_of(ayesha.log_in("ayesha", kPassword)) == 303);
    REQUIRE(status_of(sam.get("/dashboard/campaigns/demo-riverside-2026")) == 200);
    REQUIRE(status_of(ayesha.get("/dashboard")) == 200);
    REQUIRE(sam.form_token() != ayesha.form_token());
    const httplib::Params note{{"said", "The path floods."}, {"did", "Drains went in."}};
    auto with_token = [&](const std::string& token) {
        httplib::Params fields = note;
        fields.emplace("form_token", token);
        return fields;
    };
    // Without a token, with another session's, or from a page that is not the dashboard's: nothing changes.
    std::vector<std::function<httplib::Result()>> refused{
        [&] { return sam.post(notes, with_token("")); },
        [&] { return sam.post(notes, with_token(ayesha.form_token())); },
        [&] {
            return sam.post(notes, note, {{"Origin", "null"}});
        },
        [&] {
            return sam.post(notes, note, {{"Origin", "https://evil.example"}});
        },
        [&] {
            return sam.post(notes, note, {{"Sec-Fetch-Site", "same-site"}});
        },
        [&] { return sam.post("/dashboard/logout", with_token("")); }};
    for (const auto& send : refused) {
        auto res = send();
        CHECK(status_of(res) == 403);
        CHECK_THAT(res->body, Catch::Contains("That form did not come from this dashboard page"));
    }
    auto page = sam.get("/dashboard/campaigns/demo-riverside-2026");
    REQUIRE(status_of(page) == 200);  // still logged in: the logout without a token did nothing
    CHECK(page->body.find("data-note=") == std::string::npos);
    // The page's own form, as the browser sends it.
    CHECK(status_of(sam.post(notes, note,
                             {{"Origin", "http://127.0.0.1:" + std::to_string(hub.port())},
                              {"Host", "127.0.0.1:" + std::to_string(hub.port())}})) == 303);
    CHECK(status_of(sam.post(notes, note, {{"Sec-Fetch-Site", "same-origin"}})) == 303);
}

TEST_CASE("login: guesses slow the guesser, not the organiser in a browser they used before") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    Visitor sam(hub, "127.0.0.2");
    REQUIRE(status_of(sam.log_in("sam", kPassword)) == 303);  // this browser is now known for sam
    REQUIRE(status_of(sam.post("/dashboard/logout")) == 303);
    REQUIRE_FALSE(sam.cookie("streetvoice_browser").empty());

    // Someone guesses sam's password from elsewhere: three wrong tries, then they must wait.
    Visitor guesser(hub, "127.0.0.3");
    for (int i = 0; i < 3; ++i) CHECK(status_of(guesser.log_in("sam", "guess " + std::to_string(i))) == 401);
    auto held = guesser.log_in("sam", "guess 3");
    CHECK(status_of(held) == 429);
    CHECK_THAT(held->body, Catch::Contains("Too many wrong passwords. Try again in"));
    CHECK(std::stoi(held->get_header_value("Retry-After")) >= 29);
    // Even the right password waits there, and from any other new browser (the name is under attack)...
    CHECK(status_of(guesser.log_in("sam", kPassword)) == 429);
    CHECK(status_of(Visitor(hub, "127.0.0.4").log_in("sam", kPassword)) == 429);
    // ...but sam's own browser goes straight in.
    CHECK(status_of(sam.log_in("sam", kPassword)) == 303);
    CHECK(status_of(sam.get("/dashboard")) == 200);
    // A made-up mark is no known browser.
    Visitor forger(hub, "127.0.0.5");
    forger.get("/dashboard/login");
    std::string forged_mark = sam.cookie("streetvoice_browser");
    forged_mark.back() = forged_mark.back() == '0' ? '1' : '0';  // differs from sam's mark in its last character
    CHECK(status_of(forger.post("/dashboard/login", {{"name", "sam"}, {"password", kPassword}},
                                {{"Cookie", "streetvoice_login=" + forger.cookie("streetvoice_login") +
                                                "; streetvoice_browser=" + forged_mark}})) == 429);
}

TEST_CASE("login: sixteen guesses at once from sixteen addresses get no more than three checked") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    std::vector<Visitor> guessers;
    for (int i = 0; i < 16; ++i) {
        guessers.emplace_back(hub, "127.0.1." + std::to_string(i + 1));
        guessers.back().get("/dashboard/login");
    }
    const long memory_before_kb = hub.memory_kb();
    std::atomic<int> checked{0}, held{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&, i] {
            auto res =
                guessers[i].post("/dashboard/login", {{"name", "sam"}, {"password", "guess " + std::to_string(i)}});
            if (res && res->status == 401) ++checked;
            if (res && res->status == 429) ++held;
        });
    for (auto& t : threads) t.join();
    WARN("16 parallel guesses: " << checked << " checked, " << held << " held; hub memory " << memory_before_kb
                                 << " kB before, peak " << hub.peak_memory_kb() << " kB");
    CHECK(checked >= 1);
    CHECK(checked <= 3);
    CHECK(checked + held == 16);
}

TEST_CASE("login: sixteen logins at once for different names run at most two password checks together") {
    RunningHub hub;
    std::vector<Visitor> visitors;
    for (int i = 0; i < 16; ++i) {
        visitors.emplace_back(hub, "127.0.2." + std::to_string(i + 1));
        visitors.back().get("/dashboard/login");
    }
    std::atomic<int> checked{0}, busy{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&, i] {
            auto res = visitors[i].post("/dashboard/login",
                                        {{"name", "organiser" + std::to_string(i)}, {"password", "a wrong password"}});
            if (res && res->status == 401) ++checked;
            if (res && res->status == 429 && res->body.find("checking other logins") != std::string::npos) ++busy;
        });
    for (auto& t : threads) t.join();
    // Each check holds 64 MB: sixteen at once would be a gigabyte.
    const long peak_mb = hub.peak_memory_kb() / 1024;
    WARN("16 logins at once: " << checked << " checked, " << busy << " told the hub is busy; hub peak " << peak_mb
                               << " MB");
    CHECK(checked + busy == 16);
    CHECK(checked >= 2);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    CHECK(peak_mb < 200);  // a sanitizer's shadow memory and quarantine are no measure of ours
#endif
}

TEST_CASE("login: a new password or removing the organiser ends their sessions at once") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    hub.add_organiser("ayesha", kPassword);
    Visitor sam(hub), ayesha(hub, "127.0.0.2");
    REQUIRE(status_of(sam.log_in("sam", kPassword)) == 303);
    REQUIRE(status_of(ayesha.log_in("ayesha", kPassword)) == 303);

    REQUIRE(run_organiser_command(hub, {"sam"}, "a brand new password") == 0);
    CHECK(status_of(sam.get("/dashboard")) == 303);
    CHECK(status_of(sam.log_in("sam", kPassword)) == 401);
    CHECK(status_of(sam.log_in("sam", "a brand new password")) == 303);
    CHECK(status_of(ayesha.get("/dashboard")) == 200);  // others are not touched

    REQUIRE(run_organiser_command(hub, {"--remove", "ayesha"}) == 0);
    CHECK(status_of(ayesha.get("/dashboard")) == 303);
    CHECK(status_of(ayesha.log_in("ayesha", kPassword)) == 401);
    CHECK(run_organiser_command(hub, {"--remove", "nobody"}) == 2);
    CHECK(status_of(sam.get("/dashboard")) == 200);
}

TEST_CASE("login: behind an HTTPS proxy the cookies are Secure and __Host- named") {
    RunningHub hub("", {"--behind-tls-proxy"});
    hub.add_organiser("sam", kPassword);
    Visitor sam(hub);
    auto page = sam.get("/dashboard/login");
    REQUIRE(status_of(page) == 200);
    CHECK(page->get_header_value("Set-Cookie").rfind("__Host-streetvoice_login=", 0) == 0);
    auto in = sam.log_in("sam", kPassword);
    REQUIRE(status_of(in) == 303);
    int session_cookies = 0;
    const auto [first, last] = in->headers.equal_range("Set-Cookie");
    for (auto it = first; it != last; ++it) {
        CHECK_THAT(it->second, Catch::StartsWith("__Host-") && Catch::Contains("; Path=/;") &&
                                   Catch::Contains("; Secure") && Catch::Contains("HttpOnly"));
        session_cookies += it->second.rfind("__Host-streetvoice_session=", 0) == 0;
    }
    CHECK(session_cookies == 1);
    CHECK(status_of(sam.get("/dashboard")) == 200);
    // The plain name, which any page of the domain could set, counts for nothing.
    httplib::Headers plain{{"Cookie", "streetvoice_session=" + sam.cookie("__Host-streetvoice_session")}};
    auto res = hub.client().Get("/dashboard", plain);
    CHECK(status_of(res) == 303);
}

TEST_CASE("login: a session ends after an hour left idle, and after ten hours however busy") {
    sv::test::TempFolder folder;
    auto store = sv::open_hub_store("sqlite:" + folder.file("hub.sqlite"));
    REQUIRE(store.ok());
    REQUIRE(sv::save_organiser(*store.value(), "sam", kPassword).ok());
    sv::OrganiserSessions sessions;
    auto now = sv::OrganiserSessions::Clock::now();
    sessions.set_clock_for_test([&now] { return now; });
    auto log_in = [&] {
        auto login = sessions.log_in(*store.value(), {"sam", kPassword, "127.0.0.1", ""});
        REQUIRE(login.status == 200);
        return login.token;
    };
    using std::chrono::minutes;
    const std::string idle = log_in();
    now += minutes(59);
    CHECK(sessions.signed_in(*store.value(), idle));  // used: the hour starts again
    now += minutes(59);
    CHECK(sessions.signed_in(*store.value(), idle));
    now += minutes(61);
    CHECK_FALSE(sessions.signed_in(*store.value(), idle));
    CHECK_FALSE(sessions.signed_in(*store.value(), idle));

    const std::string busy = log_in();
    for (int i = 0; i < 20; ++i) {
        now += minutes(29);
        REQUIRE(sessions.signed_in(*store.value(), busy));
    }
    now += minutes(21);  // ten hours since the login
    CHECK_FALSE(sessions.signed_in(*store.value(), busy));
}

TEST_CASE("login: the throttle counts wrong passwords only, and holds parallel checks back") {
    using Outcome = sv::LoginThrottle::Outcome;
    sv::test::TempFolder folder;
    auto opened = sv::open_hub_store("sqlite:" + folder.file("hub.sqlite"));
    REQUIRE(opened.ok());
    sv::HubStore& store = *opened.value();
    sv::LoginThrottle throttle;
    auto now = sv::LoginThrottle::Clock::now();
    const sv::LoginThrottle::Attempt stranger{"sam", "192.0.2.7", ""};
    // A store that could not be read says nothing about the password: no wait, however often.
    for (int i = 0; i < 5; ++i) {
        REQUIRE(throttle.ask(store, stranger, now).go);
        throttle.finished(store, stranger, Outcome::not_checked, now);
    }
    // While one check runs, a second for the same address or name is told the hub is busy.
    REQUIRE(throttle.ask(store, stranger, now).go);
    const auto parallel = throttle.ask(store, {"sam", "198.51.100.1", ""}, now);
    CHECK_FALSE(parallel.go);
    CHECK(parallel.busy);
    throttle.finished(store, stranger, Outcome::wrong, now);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(throttle.ask(store, stranger, now).go);
        throttle.finished(store, stranger, Outcome::wrong, now);
    }
    const auto held = throttle.ask(store, stranger, now);
    CHECK_FALSE(held.go);
    CHECK(held.wait_seconds == Approx(30));
    // The name's own browser is not held by a stranger's tries; 30 s later the stranger may try again.
    const sv::LoginThrottle::Attempt own_browser{"sam", "203.0.113.9", "a-mark"};
    REQUIRE(throttle.ask(store, own_browser, now).go);
    throttle.finished(store, own_browser, Outcome::right, now);
    now += std::chrono::seconds(31);
    CHECK(throttle.ask(store, stranger, now).go);
    throttle.finished(store, stranger, Outcome::right, now);
    // At most two checks at once on the whole hub.
    std::vector<sv::LoginThrottle::Attempt> three{
        {"a", "192.0.2.1", ""}, {"b", "192.0.2.2", ""}, {"c", "192.0.2.3", ""}};
    CHECK(throttle.ask(store, three[0], now).go);
    CHECK(throttle.ask(store, three[1], now).go);
    CHECK(throttle.ask(store, three[2], now).busy);
}

TEST_CASE("login: two hubs on one database share sessions and hold a guesser back alike") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    RunningHub& first = on_store.hub;
    RunningHub second(first.db());
    first.add_organiser("sam", kPassword);
    // A session made by one hub is good at the other, as behind a load balancer.
    Visitor sam(first);
    REQUIRE(status_of(sam.log_in("sam", kPassword)) == 303);
    const httplib::Headers with_cookies{{"Cookie", sam.cookie_header()}};
    CHECK(status_of(second.client().Get("/dashboard", with_cookies)) == 200);
    // Logging out at one ends it at both.
    REQUIRE(status_of(sam.post("/dashboard/logout")) == 303);
    CHECK(status_of(second.client().Get("/dashboard", with_cookies)) == 303);
    CHECK(status_of(first.client().Get("/dashboard", with_cookies)) == 303);

    // Three wrong passwords at one hub, and the next try at the other waits as long.
    Visitor at_first(first, "127.0.0.3");
    for (int i = 0; i < 3; ++i) CHECK(status_of(at_first.log_in("sam", "guess " + std::to_string(i))) == 401);
    Visitor at_second(second, "127.0.0.3");
    auto held = at_second.log_in("sam", "guess 3");
    CHECK(status_of(held) == 429);
    CHECK(std::stoi(held->get_header_value("Retry-After")) >= 29);
    // Sam's own browser, known to the first hub, is known to the second too.
    Visitor sam_at_second(second, "127.0.0.2");
    auto marked = sam_at_second.get("/dashboard/login");
    REQUIRE(status_of(marked) == 200);
    CHECK(status_of(sam_at_second.post(
              "/dashboard/login", {{"name", "sam"}, {"password", kPassword}},
              {{"Cookie", "streetvoice_login=" + sam_at_second.cookie("streetvoice_login") +
                              "; streetvoice_browser=" + sam.cookie("streetvoice_browser")}})) == 303);
}
