#include "organiser_sessions.hpp"

#include <algorithm>
#include <cctype>

#include "hub_secrets.hpp"
#include "slow_hash.hpp"
#include "staff_pin.hpp"

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

Status save_organiser(HubStore& store, const std::string& name, const std::string& password) {
    if (auto problem = why_not_organiser(name, password)) return Error{*problem};
    auto hash = argon2id_hash(password);
    if (!hash) return Error{"The hub could not hash the password (out of memory?); nothing was saved."};
    return store.save_organiser({name, *hash});
}

OrganiserSessions::Login OrganiserSessions::log_in(HubStore& store, const std::string& name,
                                                   const std::string& password) {
    {
        std::lock_guard lock(mutex_);
        const auto wrong = wrong_.find(name);
        if (wrong != wrong_.end() && now_() < wrong->second.shut_until) {
            const auto seconds =
                std::chrono::duration_cast<std::chrono::seconds>(wrong->second.shut_until - now_()).count() + 1;
            return {{}, "Too many wrong passwords. Try again in " + std::to_string(seconds) + " seconds."};
        }
    }
    auto hash = store.organiser_password_hash(name);
    if (!hash) return {{}, hash.error().message};
    // The hash is checked even for an unknown name, so the time taken does not tell which names exist.
    static const std::string stand_in = argon2id_hash("no organiser has this password").value_or("");
    const bool right = argon2id_matches(hash.value() ? *hash.value() : stand_in, password) && hash.value();
    std::lock_guard lock(mutex_);
    if (!right) {
        WrongTries& wrong = wrong_[name];
        ++wrong.in_a_row;
        const double wait = staff_pin_wait_seconds(wrong.in_a_row);
        wrong.shut_until = now_() + std::chrono::milliseconds(static_cast<long long>(wait * 1000));
        return {{}, "That name and password do not match. Check them and try again."};
    }
    wrong_.erase(name);
    const std::string token = new_device_token();
    sessions_[secret_hash(token)] = {name, now_() + kSessionLength};
    return {token, {}};
}

std::optional<std::string> OrganiserSessions::organiser_of(const std::string& token) {
    if (token.empty()) return std::nullopt;
    std::lock_guard lock(mutex_);
    const auto found = sessions_.find(secret_hash(token));
    if (found == sessions_.end()) return std::nullopt;
    if (now_() >= found->second.ends) {
        sessions_.erase(found);
        return std::nullopt;
    }
    return found->second.organiser;
}

void OrganiserSessions::log_out(const std::string& token) {
    std::lock_guard lock(mutex_);
    sessions_.erase(secret_hash(token));
}

}  // namespace sv
