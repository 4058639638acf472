#pragma once
// Simulated citizens: decides, from what is on screen, where a finger touches next.
// Each citizen gets a random plan (ratings, skips, comments) from a seeded generator.
#include <optional>
#include <random>
#include <string>

#include "kiosk_state.hpp"
#include "touch_targets.hpp"

namespace sv {

class Autopilot {
public:
    explicit Autopilot(unsigned seed) : random_(seed) {}

    // The target to touch next, or nothing when the screen offers nothing the plan wants.
    std::optional<TouchTarget> next_touch(const KioskState& state, const TouchTargets& targets);

private:
    struct ThemePlan {
        std::optional<int> rating;  // none: skip
        std::string comment;
    };
    void plan_citizen(int highest);  // ratings up to `highest`: 7, or 3 for children
    std::string random_comment();
    std::optional<TouchTarget> next_ballot_touch(const KioskState& state, const TouchTargets& targets);
    std::optional<TouchTarget> random_target(const TouchTargets& targets, const std::string& prefix);

    std::mt19937 random_;
    std::string planned_for_;  // response UUID the plan belongs to
    ThemePlan plan_[14];
    int ballot_taps_left_ = 0;  // taps on projects before this citizen reviews their vote
};

}  // namespace sv
