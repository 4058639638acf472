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

namespace {

std::int64_t ms(OrganiserSessions::Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// A session's last use is written at most this often: a page's every request need not write.
constexpr std::int64_t kUseNotedEveryMs = 60 * 1000;

}  // namespace

Result<std::string> OrganiserSessions::mark_key(HubStore& store) {
    {
        std::lock_guard lock(mutex_);
        if (!mark_key_.empty()) return mark_key_;
    }
    auto key = store.shared_key("browser_mark", new_device_token());
    if (!key) return key.error();
    std::lock_guard lock(mutex_);
    mark_key_ = key.value();
    return mark_key_;
}

std::string OrganiserSessions::browser_mark_for(const std::string& key, const std::string& name,
                                                const std::string& random_part) const {
    return random_part + "." + keyed_hash(key, name + "\n" + random_part);
}

std::string OrganiserSessions::known_browser(const std::string& key, const std::string& name,
                                             const std::string& mark) const {
    const auto dot = mark.find('.');
    if (dot == std::string::npos || dot > 64) return {};
    const std::string random_part = mark.substr(0, dot);
    return same_secret(browser_mark_for(key, name, random_part), mark) ? random_part : std::string();
}

OrganiserSessions::Login OrganiserSessions::log_in(HubStore& store, const Attempt& attempt) {
    auto key = mark_key(store);
    if (!key) return {{}, {}, 503, key.error().message, 0};
    const LoginThrottle::Attempt who{attempt.name, attempt.address,
                                     known_browser(key.value(), attempt.name, attempt.browser_mark)};
    const auto permit = throttle_.ask(store, who, now_());
    if (!permit.problem.empty()) return {{}, {}, 503, permit.problem, 0};
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
    throttle_.finished(store, who,
                       !account ? LoginThrottle::Outcome::not_checked
                       : right  ? LoginThrottle::Outcome::right
                                : LoginThrottle::Outcome::wrong,
                       now_());
    if (!account) return {{}, {}, 503, account.error().message, 0};
    if (!right) return {{}, {}, 401, "That name and password do not match. Check them and try again.", 0};
    const std::string token = new_device_token();
    const std::int64_t now = ms(now_());
    // Sessions that ran out are forgotten here, so the table holds only live ones.
    (void)store.forget_sessions_over(now, now - std::chrono::milliseconds(kIdleLimit).count());
    const Organiser& organiser = *account.value();
    const StoredSession session{attempt.name,
                                new_device_token(),
                                organiser.councillor_ward,
                                organiser.password_hash,
                                now + std::chrono::milliseconds(kSessionLength).count(),
                                now};
    if (auto started = store.add_session(secret_hash(token), session); !started)
        return {{}, {}, 503, started.error().message, 0};
    const std::string random_part = who.known_browser.empty() ? new_device_token() : who.known_browser;
    return {token, browser_mark_for(key.value(), attempt.name, random_part), 200, {}, 0};
}

std::optional<SignedIn> OrganiserSessions::signed_in(HubStore& store, const std::string& token) {
    if (token.empty()) return std::nullopt;
    const std::string key = secret_hash(token);
    // A store that cannot be read lets nobody in until it can.
    auto found = store.session(key);
    if (!found || !found.value()) return std::nullopt;
    const StoredSession& session = *found.value();
    const std::int64_t now = ms(now_());
    if (now >= session.ends_at || now - session.last_used_at >= std::chrono::milliseconds(kIdleLimit).count()) {
        (void)store.end_session(key);
        return std::nullopt;
    }
    if (now - session.last_used_at >= kUseNotedEveryMs) (void)store.session_used(key, now);
    // A new password, a new role (organiser or a ward's councillor), or the organiser removed:
    // the session ends now.
    auto current = store.organiser(session.organiser);
    if (!current) return std::nullopt;
    if (!current.value() || !same_secret(current.value()->password_hash, session.password_hash) ||
        current.value()->councillor_ward != session.councillor_ward) {
        (void)store.end_session(key);
        return std::nullopt;
    }
    return SignedIn{session.organiser, session.form_token, session.councillor_ward};
}

void OrganiserSessions::log_out(HubStore& store, const std::string& token) {
    if (!token.empty()) (void)store.end_session(secret_hash(token));
}

}  // namespace sv
