#pragma once
// What a citizen asked for with a touch. Screens emit intents; the flow applies them.
#include <string>
#include <utility>

namespace sv {

enum class IntentKind {
    start,             // value: index of the activity chosen on the welcome screen
    change_text_size,  // the next size up, round to standard after the largest
    toggle_high_contrast,
    read_aloud,       // the question and its choices, through the kiosk's speaker
    open_languages,   // the list of languages, over the screen
    close_languages,  // closed without choosing
    choose_language,  // text: the language code; answers given so far stay
    rate,             // value: 1..7, or 1..3 on the children's Place Standard
    skip,
    next,
    back,
    open_comment,
    type_text,  // text: what a key types
    delete_char,
    toggle_capitals,
    toggle_keyboard_page,    // letters, or digits and punctuation
    toggle_keyboard_script,  // Urdu's or Gurmukhi's letters, or Latin ones
    keyboard_done,           // the on-screen keyboard's own Done key, on every screen that types
    comment_cancel,
    retry_save,
    toggle_project,     // value: project index; choose it or take it off the ballot
    add_point,          // value: project index (cumulative ballots)
    remove_point,       // value: project index
    show_project,       // value: project index; its details page
    show_page,          // value: page of project cards
    show_details_page,  // value: page of the description on a project's details page
    dismiss_notice,     // "OK" on the message saying why a touch on the ballot did nothing
    review_ballot,
    send_ballot,
    finish,        // leave the thank-you screen for the next person
    still_here,    // answer to "Are you still there?"
    poll_answer,   // value: the quick poll answer's index
    scale_today,   // value: 1..7
    scale_wanted,  // value: 1..7
    send_answer,   // quick poll or scale pair done
    about_you_yes,
    about_you_no,
    about_you_answer,  // value: option index, or -1 for "Prefer not to say"
    // Staff panel:
    pin_digit,  // value: 0..9
    pin_delete,
    pin_enter,
    staff_close,
    new_event,
    edit_event_field,   // value: an EventField
    choose_event_ward,  // value: index in the campaign's wards
    more_event_wards,   // the next page of the campaign's wards
    save_event,
    toggle_offered,  // value: activity index
    sync_now,
    choose_starting_text_size,  // value: a TextSize
    issue_ballot,               // let the next person cast a staff-issued vote
    close_kiosk,
    show_event_results,    // the staff-only results of the current event
    show_campaign_choice,  // the hub's campaigns, to choose which run
    toggle_campaign,       // value: index of the campaign in the list; choose it or leave it out
    use_chosen_campaigns,  // run the chosen campaigns from the next person on
    back_to_panel,
};

struct Intent {
    Intent(IntentKind what, int number = 0, std::string typed = {})
        : kind(what), value(number), text(std::move(typed)) {}

    IntentKind kind;
    int value = 0;
    std::string text;
};

}  // namespace sv
