#pragma once
// Who may have a password checked now. Wrong passwords slow down whoever sends them, never the
// organiser whose name is being guessed:
// - each client address waits longer after each wrong password it sends (any name);
// - each name waits longer after wrong passwords for it, except in browsers where that
//   organiser has logged in before: those carry a "known browser" mark and are held only by
//   their own wrong passwords (the device cookies of OWASP's guidance on online guessing);
// - one check at a time per address and per name, so parallel guesses gain nothing;
// - at most two password checks at once in each hub process (each costs 64 MB and a core).
// What it remembers of addresses and names is kept in the hub's database, so every hub process
// behind a load balancer holds a guesser back alike: two hubs do not double the guesses.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

#include "hub_store.hpp"

namespace sv {

class LoginThrottle {
public:
    using Clock = std::chrono::system_clock;  // shared with other processes through the database
    static constexpr int kChecksAtOnce = 2;
    // Past this many remembered addresses and names, the oldest are forgotten.
    static constexpr std::int64_t kRemembered = 20000;
    // A check not ended by then (its hub died) holds nobody back any longer.
    static constexpr std::chrono::seconds kLongestCheck{30};

    struct Attempt {
        std::string name;
        std::string address;
        std::string known_browser;  // the mark's value for this name, when its browser had a valid one
    };
    // What the attempt may do now. When `go`, the caller must call finished() once the
    // password is checked.
    struct Permit {
        bool go = false;
        double wait_seconds = 0;  // when not go: how long before trying again
        bool busy = false;        // when not go: other checks are under way, try again in a moment
        std::string problem;      // when not go: the database could not be asked, in plain words
    };
    Permit ask(HubStore& store, const Attempt& attempt, Clock::time_point now);
    // How the check came out: only a wrong password makes anyone wait; a store that could not
    // be read says nothing about the password.
    enum class Outcome { right, wrong, not_checked };
    void finished(HubStore& store, const Attempt& attempt, Outcome outcome, Clock::time_point now);

private:
    // The records an attempt is held by: its address, and its name or its known browser.
    std::string address_key(const Attempt& a) const { return "address " + a.address; }
    std::string name_key(const Attempt& a) const {
        return a.known_browser.empty() ? "name " + a.name : "browser " + a.name + " " + a.known_browser;
    }
    void forget_oldest(HubStore& store, std::int64_t now);

    std::mutex mutex_;
    int checking_ = 0;  // in this process
    int asked_ = 0;     // the records are counted every so many asks
};

}  // namespace sv
