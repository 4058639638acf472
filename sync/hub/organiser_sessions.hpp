#pragma once
// Organisers log in to the dashboard with a name and password (only an Argon2id hash is kept,
// in the hub's database) and get a session: a random token in a cookie, kept in memory only,
// so restarting the hub logs everyone out. Wrong passwords for a name make the next try wait,
// as the kiosk's staff PIN does.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

constexpr std::size_t kShortestOrganiserPassword = 10;

// Why `name` or `password` cannot be used, in plain words; nothing when they can.
std::optional<std::string> why_not_organiser(const std::string& name, const std::string& password);
// Adds the organiser, or gives them a new password.
Status save_organiser(HubStore& store, const std::string& name, const std::string& password);

class OrganiserSessions {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::hours kSessionLength{10};

    struct Login {
        std::string token;    // set when the password was right
        std::string problem;  // otherwise, what to tell the person at the login page
    };
    Login log_in(HubStore& store, const std::string& name, const std::string& password);
    // The organiser a session token belongs to, while it lasts.
    std::optional<std::string> organiser_of(const std::string& token);
    void log_out(const std::string& token);

    // For tests: the clock sessions and waits are measured by.
    void set_clock_for_test(std::function<Clock::time_point()> now) { now_ = std::move(now); }

private:
    struct Session {
        std::string organiser;
        Clock::time_point ends;
    };
    struct WrongTries {
        int in_a_row = 0;
        Clock::time_point shut_until{};
    };

    std::mutex mutex_;
    std::map<std::string, Session> sessions_;  // by the token's hash
    std::map<std::string, WrongTries> wrong_;  // by organiser name
    std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
};

}  // namespace sv
