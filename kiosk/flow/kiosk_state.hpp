#pragma once
// Everything the kiosk screens show, in one plain struct. Screens read it; only the
// flow (kiosk_flow.cpp) changes it, in answer to intents.
#include <string>
#include <vector>

#include "about_you.hpp"
#include "budget_ballot.hpp"
#include "place_standard.hpp"
#include "sentence.hpp"
#include "staff_desk.hpp"
#include "text_size.hpp"

namespace sv {

// question, comment: the Place Standard. ballot, project_details, ballot_review: a budget vote.
// cannot_start: the campaign or the answers file could not be opened; staff must act.
enum class Screen {
    welcome,
    question,
    comment,
    quick_poll,  // one question, a few answers
    scale_pair,  // where we are today / where we want to be, 1 to 7 each
    about_you_consent,
    about_you_question,
    about_you_district,
    voter_code,  // typing a one-time voter code before a ballot
    postcode,    // typing a postcode, checked against the campaign's area
    ballot,
    project_details,
    ballot_review,
    save_failed,
    thanks,
    cannot_start
};

// The staff side of the kiosk, opened by holding a corner and entering the staff PIN.
enum class StaffMode { closed, enter_pin, choose_pin, panel, event_form, event_results, choose_campaign };
enum class EventField { place, ward, staff };

// What belongs to the stall rather than to one citizen: it outlives each reset.
struct StallState {
    std::vector<std::string> hidden_activities;  // staff took these off the welcome screen
    StaffMode staff = StaffMode::closed;
    std::string pin_typed;
    std::string pin_first;  // choosing a PIN: the first entry, to compare with the second
    std::string staff_message;
    int wrong_pins = 0;
    double pin_wait_seconds = 0;  // the PIN pad is shut this long after too many wrong PINs
    double staff_idle_seconds = 0;
    double figures_age_seconds = 0;
    StaffFigures figures;
    EventResults event_results;                    // read when staff open the results
    std::vector<CampaignOption> campaign_options;  // read when staff open the campaign choice
    std::vector<std::string> campaigns_chosen;     // their ids, in the order chosen
    StallEvent event_draft;
    EventField editing = EventField::place;
    int ward_page = 0;  // of the campaign's wards, when it names more than fit at once
    bool quit_requested = false;
    int ballots_issued = 0;                            // staff-issued votes ready for the next person (0 or 1)
    TextSize starting_text_size = TextSize::standard;  // what each new person starts with
};

struct KioskState {
    Screen screen = Screen::welcome;
    TextSize text_size = TextSize::standard;
    std::string language;            // chosen by this citizen; empty: the campaign's first language
    bool choosing_language = false;  // the list of languages is open over the screen
    bool high_contrast = false;      // white and yellow on black, chosen by this citizen
    // Time since the last touch while a response is under way; after kIdleSeconds the
    // "Are you still there?" countdown runs, and at its end the answers are dropped.
    double idle_seconds = 0;
    double still_there_seconds_left = 0;  // > 0 while the question is showing
    std::string activity_id;
    std::string response_uuid;  // made when a citizen starts; the same on a retried save
    int theme_index = 0;
    PlaceStandardAnswers answers;
    std::string comment_draft;
    std::string typed_code;  // on the voter_code, postcode and about_you_district screens
    int poll_choice = -1;    // quick_poll: the answer's index
    int scale_today = 0, scale_wanted = 0;
    // About you: asked after the response is stored, stored apart from it.
    std::string about_uuid;
    AboutYouAnswers about_answers;
    int about_index = 0;
    bool saving_about_you = false;  // what a retry after a failed save should save
    std::string voter_code_hash;    // the accepted code, consumed when the ballot is stored
    BudgetBallot ballot;
    int ballot_page = 0;     // which page of project cards is showing
    int project_shown = -1;  // on project_details
    int details_page = 0;    // which page of its description
    Sentence notice;         // why the last touch could not be done, in plain words
    bool capitals = false;
    bool keyboard_symbols = false;  // the keyboard shows digits and punctuation
    bool keyboard_latin = false;    // a language with its own script: the keyboard shows Latin letters
    std::string save_error;         // plain words for staff, when the last save failed
    std::string start_problem;      // plain words for staff, on the cannot_start screen
    std::string thanked_uuid;       // the response the thank-you screen is for
    double thanks_seconds_left = 0;
    StallState stall;
};

bool activity_offered(const KioskState& state, const std::string& activity_id);

const char* screen_name(Screen screen);

}  // namespace sv
