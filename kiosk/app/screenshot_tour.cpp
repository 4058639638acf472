#include "screenshot_tour.hpp"

#include <cstdio>

#include "place_standard.hpp"

namespace sv {
namespace {

// A plausible citizen: mixed ratings, one skip, a couple of comments.
PlaceStandardAnswers sample_answers() {
    const int ratings[kThemeCount] = {5, 3, 2, 4, 6, 0, 4, 3, 2, 5, 6, 4, 3, 2};
    PlaceStandardAnswers answers;
    for (int i = 0; i < kThemeCount; ++i)
        if (ratings[i] > 0) answers.ratings[static_cast<std::size_t>(i)] = ratings[i];
    answers.comments[2] = "Cars park on the pavement outside the school every morning.";
    answers.comments[12] = "The bins on Mill Road overflow at weekends.";
    return answers;
}

// A ballot part-way through: a few choices the rules allow, in the order tapped.
BudgetBallot sample_ballot(const BudgetVote& vote) {
    BudgetBallot ballot;
    for (int p : {2, 0, 4, 7, 1, 9, 5})
        if (p < static_cast<int>(vote.projects.size())) choose(vote, ballot, p);
    if (vote.rules.type == BallotType::cumulative) add_point(vote, ballot, 0);
    return ballot;
}

void add_budget_stops(std::vector<TourStop>& tour, const Activity& activity) {
    const std::string prefix = "budget-" + activity.id + "-";
    const BudgetVote& vote = activity.budget;
    KioskState s;
    s.activity_id = activity.id;
    s.response_uuid = "00000000-0000-4000-8000-000000000001";
    s.screen = Screen::ballot;
    tour.push_back({prefix + "1-projects", s});

    s.ballot = sample_ballot(vote);
    s.ballot_page = 1;
    // What the citizen sees when a choice would break the rules.
    for (int p = 0; p < static_cast<int>(vote.projects.size()) && s.notice.empty(); ++p)
        if (auto refusal = why_not_choose(vote, s.ballot, p); refusal && !s.ballot.has(p)) s.notice = *refusal;
    tour.push_back({prefix + "2-projects-chosen", s});

    s.notice.clear();
    s.screen = Screen::project_details;
    s.project_shown = s.ballot.chosen.empty() ? 0 : s.ballot.chosen.front();
    tour.push_back({prefix + "3-details", s});
    // And one with its picture, where the campaign has pictures.
    for (int p = 0; p < static_cast<int>(vote.projects.size()); ++p)
        if (!vote.projects[static_cast<std::size_t>(p)].image.empty()) {
            s.project_shown = p;
            tour.push_back({prefix + "3-details-picture", s});
            break;
        }

    s.screen = Screen::ballot_review;
    tour.push_back({prefix + "4-review", s});

    s.screen = Screen::thanks;
    s.thanked_uuid = s.response_uuid;
    s.thanks_seconds_left = 17.4;
    tour.push_back({prefix + "5-thanks", s});
}

}  // namespace

std::vector<TourStop> screenshot_tour(const Campaign& campaign) {
    std::vector<TourStop> tour;
    const PlaceStandardAnswers sample = sample_answers();
    KioskState welcome;
    tour.push_back({"01-welcome", welcome});
    std::string place_id;
    for (const auto& activity : campaign.activities) {
        if (activity.type == ActivityType::budget_vote) add_budget_stops(tour, activity);
        if (activity.type == ActivityType::place_standard && place_id.empty()) place_id = activity.id;
    }
    if (place_id.empty()) return tour;

    for (int i = 0; i < kThemeCount; ++i) {
        KioskState s;
        s.screen = Screen::question;
        s.activity_id = place_id;
        s.response_uuid = "00000000-0000-4000-8000-000000000000";
        s.theme_index = i;
        // Answers given so far; the current theme shows its sample answer, except on
        // every fourth theme, which shows the screen before a choice is made.
        for (int j = 0; j <= i; ++j) {
            s.answers.ratings[static_cast<std::size_t>(j)] = sample.ratings[static_cast<std::size_t>(j)];
            s.answers.comments[static_cast<std::size_t>(j)] = sample.comments[static_cast<std::size_t>(j)];
        }
        if (i % 4 == 1) s.answers.ratings[static_cast<std::size_t>(i)].reset();
        char name[64];
        std::snprintf(name, sizeof name, "%02d-question-%02d-%s", 2 + i, i + 1,
                      place_standard_themes()[static_cast<std::size_t>(i)].key);
        tour.push_back({name, s});
    }

    KioskState comment = tour.back().state;
    comment.screen = Screen::comment;
    comment.theme_index = 2;
    comment.comment_draft = "Cars park on the pavement outside the school every morning";
    tour.push_back({"16-comment", comment});

    KioskState empty_comment = comment;
    empty_comment.comment_draft.clear();
    empty_comment.capitals = true;
    tour.push_back({"17-comment-empty", empty_comment});

    KioskState thanks;
    thanks.screen = Screen::thanks;
    thanks.activity_id = place_id;
    thanks.answers = sample;
    thanks.thanked_uuid = "00000000-0000-4000-8000-000000000000";
    thanks.thanks_seconds_left = 17.4;
    tour.push_back({"18-thanks", thanks});

    KioskState failed = thanks;
    failed.screen = Screen::save_failed;
    failed.save_error =
        "Could not save this answer: the tablet's storage is full. Free some space, then try again. "
        "Answers already saved are safe.";
    tour.push_back({"19-save-failed", failed});

    KioskState cannot_start;
    cannot_start.screen = Screen::cannot_start;
    cannot_start.start_problem =
        "Could not open the answers file: the answers file /var/lib/streetvoice/answers.sqlite is damaged or is not "
        "a Streetvoice answers file. It has been left exactly as it is: do not delete it, keep the tablet and ask "
        "for support to recover it.";
    tour.push_back({"20-cannot-start", cannot_start});
    return tour;
}

}  // namespace sv
