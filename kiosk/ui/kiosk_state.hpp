#pragma once
// Everything the kiosk screens show, in one plain struct. Screens read it; only the
// flow (kiosk_flow.cpp) changes it, in answer to intents.
#include <string>

#include "budget_ballot.hpp"
#include "place_standard.hpp"

namespace sv {

// question, comment: the Place Standard. ballot, project_details, ballot_review: a budget vote.
// cannot_start: the campaign or the answers file could not be opened; staff must act.
enum class Screen {
    welcome,
    question,
    comment,
    ballot,
    project_details,
    ballot_review,
    save_failed,
    thanks,
    cannot_start
};

struct KioskState {
    Screen screen = Screen::welcome;
    std::string activity_id;
    std::string response_uuid;  // made when a citizen starts; the same on a retried save
    int theme_index = 0;
    PlaceStandardAnswers answers;
    std::string comment_draft;
    BudgetBallot ballot;
    int ballot_page = 0;     // which page of project cards is showing
    int project_shown = -1;  // on project_details
    std::string notice;      // why the last touch could not be done, in plain words
    bool capitals = false;
    std::string save_error;     // plain words for staff, when the last save failed
    std::string start_problem;  // plain words for staff, on the cannot_start screen
    std::string thanked_uuid;   // the response the thank-you screen is for
    double thanks_seconds_left = 0;
};

const char* screen_name(Screen screen);

}  // namespace sv
