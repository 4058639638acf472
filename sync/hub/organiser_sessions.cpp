#include "organiser_sessions.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "hub_secrets.hpp"
#include "slow_hash.hpp"

namespace sv {

std::optional<std::string> why_not_organiser(const std::string& name, const std::string& password) {
    const bool name_fits = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '@';
    });
    if (!name_fits)
        return "An organiser's name is 1 to 64 letters, digits, '.', '-', '_' or '@' (an email address will do).";
    if (password.size() < kShortestOrganiserPassword)
        return "Choose a password of at least " + std::to_string(kShortestOrganiserPassword) +
               " characters; three or four unrelated words are easy to remember and hard to guess.";
    return std::nullopt;
}

Status save_organiser(HubStore& store, const std::string& name, const std::string& password,
                      const std::string& councillor_ward) {
    if (auto problem = why_not_organiser(name, password)) return Error{*problem};
    if (councillor_ward.size() > kLongestCouncillorWard)
        return Error{"A ward's name is at most " + std::to_string(kLongestCouncillorWard) + " characters."};
    auto hash = argon2id_hash(password);
    if (!hash) return Error{"The hub could not hash the password (out of memory?); nothing was saved."};
    return store.save_organiser({name, *hash, councillor_ward});
}

std::string OrganiserSessions::random_key() {
    return new_device_token();
}

std::string OrganiserSessions::browser_mark_for(const std::string& name, const std::string& random_part) const {
    return random_part + "." + keyed_hash(mark_key_, name + "\n" + random_part);
}

std::string OrganiserSessions::known_browser(const std::string& name, const std::string& mark) const {
    const auto dot = mark.find('.');
    if (dot == std::string::npos || dot > 64) return {};
    const std::string random_part = mark.substr(0, dot);
    return same_secret(browser_mark_for(name, random_part), mark) ? random_part : std::string();
}

OrganiserSessions::Login OrganiserSessions::log_in(HubStore& store, const Attempt& attempt) {
    const LoginThrottle::Attempt who{attempt.name, attempt.address, known_browser(attempt.name, attempt.browser_mark)};
    const auto permit = throttle_.ask(who, now_());
    if (!permit.go && !permit.busy) {
        const auto seconds = static_cast<long long>(permit.wait_seconds) + 1;
        return {{},
                {},
                429,
                "Too many wrong passwords. Try again in " + std::to_string(seconds) + " seconds.",
                static_cast<double>(seconds),
                true};
    }
    if (!permit.go) return {{}, {}, 429, "The hub is checking other logins just now. Try again in a few seconds.", 2};
    auto account = store.organiser(attempt.name);
    // The hash is checked even for an unknown name, so the time taken does not tell which names exist.
    static const std::string stand_in = argon2id_hash("no organiser has this password").value_or("");
    const bool right =
        account && argon2id_matches(account.value() ? account.value()->password_hash : stand_in, attempt.password) &&
        account.value();
    throttle_.finished(who,
                       !account ? LoginThrottle::Outcome::not_checked
                       : right  ? LoginThrottle::Outcome::right
                                : LoginThrottle::Outcome::wrong,
                       now_());
    if (!account) return {{}, {}, 503, account.error().message, 0};
    if (!right) return {{}, {}, 401, "That name and password do not match. Check them and try again.", 0};
    const std::string token = new_device_token();
    std::lock_guard lock(mutex_);
    const auto now = now_();
    // Sessions that ran out are forgotten here, so the map holds only live ones.
    for (auto it = sessions_.begin(); it != sessions_.end();)
        it = (now >= it->second.ends || now - it->second.last_used >= kIdleLimit) ? sessions_.erase(it) : ++it;
    const Organiser& organiser = *account.value();
    sessions_[secret_hash(token)] = {{attempt.name, new_device_token(), organiser.councillor_ward},
                                     organiser.password_hash,
                                     now + kSessionLength,
                                     now};
    const std::string random_part = who.known_browser.empty() ? new_device_token() : who.known_browser;
    return {token, browser_mark_for(attempt.name, random_part), 200, {}, 0};
}

std::optional<SignedIn> OrganiserSessions::signed_in(HubStore& store, const std::string& token) {
    if (token.empty()) return std::nullopt;
    Session session;
    const std::string key = secret_hash(token);
    {
        std::lock_guard lock(mutex_);
        const auto found = sessions_.find(key);
        if (found == sessions_.end()) return std::nullopt;
        const auto now = now_();
        if (now >= found->second.ends || now - found->second.last_used >= kIdleLimit) {
            sessions_.erase(found);
            return std::nullopt;
        }
        found->second.last_used = now;
        session = found->second;
    }
    // A new password, a new role (organiser or a ward's councillor), or the organiser removed:
    // the session ends now. A store that cannot be read lets nobody in until it can.
    auto current = store.organiser(session.who.organiser);
    if (!current) return std::nullopt;
    if (!current.value() || !same_secret(current.value()->password_hash, session.password_hash) ||
        current.value()->councillor_ward != session.who.councillor_ward) {
        log_out(token);
        return std::nullopt;
    }
    return session.who;
}

void OrganiserSessions::log_out(const std::string& token) {
    std::lock_guard lock(mutex_);
    sessions_.erase(secret_hash(token));
}

}  // namespace sv
