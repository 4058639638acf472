#pragma once
// Organisers log in to the dashboard with a name and password (only an Argon2id hash is kept,
// in the hub's database) and get a session: a random token in a cookie, kept (hashed) in the
// hub's database, so any hub process serving it knows the session and a restart keeps it.
// A session ends when it is left idle, after a
// working day, or as soon as the organiser's password is changed or they are removed (even by
// `streetvoice-hub organiser` in another process: every use compares the stored hash). Who
// may try a password, and when, is the LoginThrottle's to say.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "hub_store.hpp"
#include "login_throttle.hpp"
#include "result.hpp"

namespace sv {

constexpr std::size_t kShortestOrganiserPassword = 10;

// Why `name` or `password` cannot be used, in plain words; nothing when they can.
std::optional<std::string> why_not_organiser(const std::string& name, const std::string& password);
constexpr std::size_t kLongestCouncillorWard = 200;
// Adds the organiser, or gives them a new password. With `councillor_ward`, a ward councillor
// who reads only that ward's reports (an organiser saved again as one becomes one).
Status save_organiser(HubStore& store, const std::string& name, const std::string& password,
                      const std::string& councillor_ward = {});

// A logged-in organiser, as the dashboard's pages need them.
struct SignedIn {
    std::string organiser;
    std::string form_token;  // every form the session sends must carry it
    // Set for a ward councillor, who may read only that ward's reports; empty for an organiser.
    std::string councillor_ward;
};

class OrganiserSessions {
public:
    using Clock = std::chrono::system_clock;  // shared with other processes through the database
    static constexpr std::chrono::hours kSessionLength{10};
    static constexpr std::chrono::minutes kIdleLimit{60};

    struct Attempt {
        std::string name;
        std::string password;
        std::string address;       // the client's
        std::string browser_mark;  // the "known browser" cookie it sent, if any
    };
    struct Login {
        std::string token;         // set when the password was right
        std::string browser_mark;  // then: the mark that makes this browser known for the name
        int status = 200;          // otherwise 401 (wrong), 429 (wait) or 503 (busy, broken)
        std::string problem;       // what to tell the person at the login page
        double retry_after_seconds = 0;
        bool locked_out = false;  // 429 for too many wrong passwords (not the hub being busy)
    };
    Login log_in(HubStore& store, const Attempt& attempt);
    // The organiser a session token belongs to, while it lasts.
    std::optional<SignedIn> signed_in(HubStore& store, const std::string& token);
    void log_out(HubStore& store, const std::string& token);

    // For tests: the clock sessions and waits are measured by.
    void set_clock_for_test(std::function<Clock::time_point()> now) { now_ = std::move(now); }

private:
    // The mark for a browser where `name` logged in: a random part and a keyed hash of it and
    // the name, so the hub need not remember marks. The key is the database's, so every hub
    // process knows a mark another made.
    std::string browser_mark_for(const std::string& key, const std::string& name, const std::string& random_part) const;
    std::string known_browser(const std::string& key, const std::string& name, const std::string& mark) const;
    Result<std::string> mark_key(HubStore& store);

    std::mutex mutex_;
    std::string mark_key_;  // once read from the database
    LoginThrottle throttle_;
    std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
};

}  // namespace sv
