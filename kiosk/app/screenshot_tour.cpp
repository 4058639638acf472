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

}  // namespace

std::vector<TourStop> screenshot_tour() {
    std::vector<TourStop> tour;
    const PlaceStandardAnswers sample = sample_answers();
    KioskState welcome;
    tour.push_back({"01-welcome", welcome});

    for (int i = 0; i < kThemeCount; ++i) {
        KioskState s;
        s.screen = Screen::question;
        s.activity_id = "place";
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
