#include "autopilot.hpp"

#include "on_screen_keyboard.hpp"
#include "place_standard.hpp"

namespace sv {
namespace {

const char* const kWords[] = {"the",  "bus",     "park", "needs",  "more", "benches", "lights",
                              "are",  "broken",  "near", "school", "too",  "much",    "traffic",
                              "love", "library", "bins", "clean",  "safe", "night"};

}  // namespace

std::string Autopilot::random_comment() {
    std::uniform_int_distribution<int> word_count(1, 6), word(0, static_cast<int>(std::size(kWords)) - 1);
    std::string text;
    for (int n = word_count(random_); n > 0; --n) {
        if (!text.empty()) text += ' ';
        text += kWords[word(random_)];
    }
    if (std::bernoulli_distribution(0.3)(random_)) text += '.';
    return text;
}

void Autopilot::plan_citizen(int highest) {
    std::uniform_int_distribution<int> rating(kLowestRating, highest);
    std::bernoulli_distribution skips(0.1), comments(0.15);
    for (auto& theme : plan_) {
        theme = ThemePlan{};
        if (!skips(random_)) theme.rating = rating(random_);
        if (comments(random_)) theme.comment = random_comment();
    }
}

std::optional<TouchTarget> Autopilot::random_target(const TouchTargets& targets, const std::string& prefix) {
    std::vector<const TouchTarget*> matching;
    for (const auto& t : targets.items)
        if (t.enabled && t.id.rfind(prefix, 0) == 0) matching.push_back(&t);
    if (matching.empty()) return std::nullopt;
    return *matching[std::uniform_int_distribution<std::size_t>(0, matching.size() - 1)(random_)];
}

// A citizen browsing the projects: taps some at random (the kiosk refuses what does not fit,
// as it would a real person), looks at the odd details page, turns pages, then reviews.
std::optional<TouchTarget> Autopilot::next_ballot_touch(const KioskState& state, const TouchTargets& targets) {
    auto touch = [&](const std::string& id) -> std::optional<TouchTarget> {
        const TouchTarget* t = targets.find(id);
        if (!t || !t->enabled) return std::nullopt;
        return *t;
    };
    if (planned_for_ != state.response_uuid) {
        planned_for_ = state.response_uuid;
        ballot_taps_left_ = std::uniform_int_distribution<int>(1, 10)(random_);
    }
    // A refusal is read, then put away, as a person would.
    if (auto ok = touch("notice-ok")) return ok;
    switch (state.screen) {
        case Screen::project_details:
            if (std::bernoulli_distribution(0.3)(random_)) {
                --ballot_taps_left_;
                if (auto t = touch("choose")) return t;
                if (auto t = touch("more")) return t;
            }
            return touch("back");
        case Screen::ballot_review: return touch("send");
        default: break;
    }
    if (ballot_taps_left_ <= 0 && !state.ballot.chosen.empty()) return touch("review");
    const int roll = std::uniform_int_distribution<int>(0, 99)(random_);
    if (roll < 8) return random_target(targets, "details-");
    if (roll < 20) {
        if (auto t = random_target(targets, "next-page")) return t;
        if (auto t = random_target(targets, "previous-page")) return t;
    }
    --ballot_taps_left_;
    if (roll < 28) {
        if (auto t = random_target(targets, "less-")) return t;
    }
    if (auto t = random_target(targets, "choose-")) return t;
    return random_target(targets, "more-");
}

std::optional<TouchTarget> Autopilot::next_touch(const KioskState& state, const TouchTargets& targets) {
    auto touch = [&](const std::string& id) -> std::optional<TouchTarget> {
        const TouchTarget* t = targets.find(id);
        if (!t || !t->enabled) return std::nullopt;
        return *t;
    };
    switch (state.screen) {
        case Screen::welcome: return random_target(targets, "start-");
        case Screen::ballot:
        case Screen::project_details:
        case Screen::ballot_review: return next_ballot_touch(state, targets);
        case Screen::question: {
            if (planned_for_ != state.response_uuid) {
                plan_citizen(highest_rating(state.answers.version));
                planned_for_ = state.response_uuid;
            }
            const auto i = static_cast<std::size_t>(state.theme_index);
            const ThemePlan& plan = plan_[i];
            // A citizen may type a comment even on a theme they skip; comment first, then rate.
            if (!plan.comment.empty() && state.answers.comments[i] != plan.comment) return touch("comment");
            if (!plan.rating) return touch("skip");
            if (state.answers.ratings[i] != plan.rating) return touch("rating-" + std::to_string(*plan.rating));
            return touch("next");
        }
        case Screen::comment: {
            const std::string& want = plan_[static_cast<std::size_t>(state.theme_index)].comment;
            const std::string& have = state.comment_draft;
            if (have.size() > want.size() || want.compare(0, have.size(), have) != 0) return touch("key-delete");
            if (have == want) return touch("comment-done");
            const char next = want[have.size()];
            const bool letter = next >= 'a' && next <= 'z';
            if (letter && state.capitals) return touch("key-shift");
            return touch(key_target_id(std::string(1, next)));
        }
        // The autopilot holds no voter codes or postcodes: it steps aside for the next citizen.
        case Screen::voter_code:
        case Screen::postcode: return touch("entry-cancel");
        // Fast-lane answers and "about you" are not what the autopilot tests: it passes them by.
        case Screen::quick_poll:
        case Screen::scale_pair: return touch("back");
        case Screen::about_you_consent: return touch("about-you-no");
        case Screen::about_you_question:
        case Screen::about_you_district: return touch("about-prefer-not");
        case Screen::save_failed: return touch("retry");
        case Screen::thanks: return touch("finish");
        case Screen::cannot_start: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace sv
