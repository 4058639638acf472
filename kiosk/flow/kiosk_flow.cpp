#include "kiosk_flow.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "uuid.hpp"

namespace sv {
namespace {

const BudgetVote* budget_vote_of(const KioskState& state, const Campaign& campaign) {
    const Activity* activity = campaign.activity(state.activity_id);
    return activity && activity->type == ActivityType::budget_vote ? &activity->budget : nullptr;
}

// The ballot carries the hash of the voter code it used, so the hub can see a code used twice.
std::string payload_with_voter_code(const std::string& payload, const std::string& code_hash) {
    if (code_hash.empty()) return payload;
    auto doc = nlohmann::json::parse(payload);
    doc["voter_code"] = code_hash;
    return doc.dump();
}

std::string response_payload(const KioskState& state, const Campaign& campaign) {
    const Activity* activity = campaign.activity(state.activity_id);
    switch (activity ? activity->type : ActivityType::place_standard) {
        case ActivityType::budget_vote:
            return payload_with_voter_code(ballot_payload(activity->budget, state.ballot), state.voter_code_hash);
        case ActivityType::quick_poll: return quick_poll_payload(state.poll_choice);
        case ActivityType::scale_pair: return scale_pair_payload(state.scale_today, state.scale_wanted);
        case ActivityType::place_standard: break;
    }
    return place_standard_payload(state.answers);
}

void show_thanks(KioskState& state) {
    state.thanks_seconds_left = kThanksSeconds;
    state.screen = Screen::thanks;
}

// Stored as a response of its own, so nothing ties it to the answers just given.
void save_about_you(KioskState& state, const Campaign& campaign, const SaveResponse& save) {
    state.saving_about_you = true;
    auto saved = save({state.about_uuid,
                       campaign.id,
                       campaign.version,
                       kAboutYouActivity,
                       about_you_payload(state.about_answers),
                       {}});
    if (!saved) {
        state.save_error = saved.error().message;
        state.screen = Screen::save_failed;
        return;
    }
    state.save_error.clear();
    state.saving_about_you = false;
    show_thanks(state);
}

void try_to_save(KioskState& state, const Campaign& campaign, const SaveResponse& save) {
    if (state.saving_about_you) return save_about_you(state, campaign, save);
    const Activity* activity = campaign.activity(state.activity_id);
    ResponseDraft draft{state.response_uuid,
                        activity ? campaign.answers_campaign(*activity) : campaign.id,
                        activity ? campaign.answers_version(*activity) : campaign.version,
                        state.activity_id,
                        response_payload(state, campaign),
                        state.voter_code_hash};
    auto saved = save(draft);
    if (!saved) {
        state.save_error = saved.error().message;
        state.screen = Screen::save_failed;
        return;
    }
    state.save_error.clear();
    state.thanked_uuid = saved.value().uuid;
    // The response is stored: "about you" comes after, only with consent, and apart from it.
    if (campaign.about_you.offered()) {
        state.screen = Screen::about_you_consent;
        return;
    }
    show_thanks(state);
}

void move_to_next_theme(KioskState& state, const Campaign& campaign, const SaveResponse& save) {
    if (state.theme_index + 1 < kThemeCount) {
        ++state.theme_index;
    } else {
        try_to_save(state, campaign, save);
    }
}

void apply_on_question(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save) {
    auto& rating = state.answers.ratings[static_cast<std::size_t>(state.theme_index)];
    switch (intent.kind) {
        case IntentKind::rate:
            if (intent.value >= kLowestRating && intent.value <= highest_rating(state.answers.version))
                rating = intent.value;
            break;
        case IntentKind::skip:
            rating.reset();
            move_to_next_theme(state, campaign, save);
            break;
        case IntentKind::next:
            if (rating) move_to_next_theme(state, campaign, save);
            break;
        case IntentKind::back:
            if (state.theme_index > 0)
                --state.theme_index;
            else
                reset_for_next_person(state);
            break;
        case IntentKind::open_comment:
            state.comment_draft = state.answers.comments[static_cast<std::size_t>(state.theme_index)];
            state.capitals = state.comment_draft.empty();
            state.keyboard_symbols = false;
            state.keyboard_latin = false;
            state.screen = Screen::comment;
            break;
        default: break;
    }
}

// Removes the last UTF-8 character, not just its last byte.
void delete_last_character(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break;
    }
}

void apply_on_comment(KioskState& state, const Intent& intent) {
    switch (intent.kind) {
        case IntentKind::type_text:
            if (state.comment_draft.size() + intent.text.size() <= kMaxCommentBytes) {
                state.comment_draft += intent.text;
                // Like a phone keyboard: one capital, then lower case.
                if (state.capitals && !intent.text.empty() && intent.text != " ") state.capitals = false;
            }
            break;
        case IntentKind::delete_char: delete_last_character(state.comment_draft); break;
        case IntentKind::toggle_capitals: state.capitals = !state.capitals; break;
        case IntentKind::keyboard_done:
            state.answers.comments[static_cast<std::size_t>(state.theme_index)] = state.comment_draft;
            state.comment_draft.clear();
            state.screen = Screen::question;
            break;
        case IntentKind::comment_cancel:
            state.comment_draft.clear();
            state.screen = Screen::question;
            break;
        default: break;
    }
}

void apply_on_quick_poll(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save) {
    const Activity* activity = campaign.activity(state.activity_id);
    if (!activity) return;
    switch (intent.kind) {
        case IntentKind::poll_answer:
            if (intent.value >= 0 && intent.value < static_cast<int>(activity->poll.answers.size()))
                state.poll_choice = intent.value;
            break;
        case IntentKind::scale_today:
            if (intent.value >= kLowestRating && intent.value <= kHighestRating) state.scale_today = intent.value;
            break;
        case IntentKind::scale_wanted:
            if (intent.value >= kLowestRating && intent.value <= kHighestRating) state.scale_wanted = intent.value;
            break;
        case IntentKind::send_answer: {
            const bool answered = state.screen == Screen::quick_poll ? state.poll_choice >= 0
                                                                     : state.scale_today > 0 && state.scale_wanted > 0;
            if (answered) try_to_save(state, campaign, save);
            break;
        }
        case IntentKind::back: reset_for_next_person(state); break;
        default: break;
    }
}

void next_about_you_question(KioskState& state, const Campaign& campaign, const SaveResponse& save) {
    ++state.about_index;
    if (state.about_index >= static_cast<int>(campaign.about_you.questions.size()))
        return save_about_you(state, campaign, save);
    const bool district = campaign.about_you.questions[static_cast<std::size_t>(state.about_index)].postcode_district;
    state.screen = district ? Screen::about_you_district : Screen::about_you_question;
    state.typed_code.clear();
    state.notice.clear();
    state.capitals = true;
    state.keyboard_symbols = false;
    state.keyboard_latin = false;
}

// Back from an "about you" question: the one before, showing what was typed there, or from
// the first, the question whether to answer at all. Answers given stay until changed.
void previous_about_you_question(KioskState& state, const Campaign& campaign) {
    const auto& questions = campaign.about_you.questions;
    if (state.about_index <= 0) {
        state.about_index = -1;
        state.screen = Screen::about_you_consent;
        return;
    }
    --state.about_index;
    const AboutYouQuestion& q = questions[static_cast<std::size_t>(state.about_index)];
    state.screen = q.postcode_district ? Screen::about_you_district : Screen::about_you_question;
    const auto given = state.about_answers.find(q.id);
    state.typed_code = q.postcode_district && given != state.about_answers.end() && given->second != kPreferNotToSay
                           ? given->second
                           : std::string();
    state.notice.clear();
    state.capitals = true;
    state.keyboard_symbols = false;
    state.keyboard_latin = false;
}

void apply_on_about_you(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save) {
    const auto& questions = campaign.about_you.questions;
    const auto index = static_cast<std::size_t>(state.about_index);
    switch (intent.kind) {
        case IntentKind::back:
            if (state.screen != Screen::about_you_consent) previous_about_you_question(state, campaign);
            break;
        case IntentKind::about_you_no: show_thanks(state); break;
        case IntentKind::about_you_yes:
            state.about_uuid = new_uuid();
            state.about_answers.clear();
            state.about_index = -1;
            next_about_you_question(state, campaign, save);
            break;
        case IntentKind::about_you_answer:
            if (index >= questions.size()) break;
            if (intent.value < 0) {
                state.about_answers[questions[index].id] = kPreferNotToSay;
            } else if (state.screen == Screen::about_you_question &&
                       intent.value < static_cast<int>(questions[index].options.size())) {
                state.about_answers[questions[index].id] = std::to_string(intent.value);
            } else {
                break;
            }
            next_about_you_question(state, campaign, save);
            break;
        case IntentKind::keyboard_done: {  // the keyboard's own key, on the district screen
            if (index >= questions.size() || state.screen != Screen::about_you_district) break;
            const auto district = postcode_district(state.typed_code);
            if (!district) {
                state.notice = "Type the first part of your postcode, like RV1, or choose \"Prefer not to say\".";
                break;
            }
            state.about_answers[questions[index].id] = *district;
            next_about_you_question(state, campaign, save);
            break;
        }
        default:
            if (state.screen == Screen::about_you_district) type_into(state.typed_code, intent, state.capitals, 8);
            break;
    }
}

void check_voter_code(KioskState& state, const Activity& activity, const Campaign& campaign,
                      const VoterCodeUsed& voter_code_used) {
    const Eligibility& rule = activity.eligibility;
    const std::string hash = voter_code_hash(rule, state.typed_code);
    if (hash.empty()) {
        state.notice = "The kiosk could not check your code just now. Please ask a member of staff.";
        return;
    }
    if (rule.voter_code_hashes.count(hash) == 0) {
        state.notice = "We do not recognise that code. Check it against your letter and try again.";
        return;
    }
    const Result<bool> used =
        voter_code_used ? voter_code_used(campaign.answers_campaign(activity), hash) : Result<bool>(false);
    if (!used) {
        state.notice = "The kiosk could not check your code just now. Please ask a member of staff.";
        return;
    }
    if (used.value()) {
        state.notice =
            "This code has already been used to vote, and each code can vote once. If you have not voted yet, "
            "please ask a member of staff.";
        return;
    }
    state.voter_code_hash = hash;
    state.typed_code.clear();
    state.notice.clear();
    state.screen = Screen::ballot;
}

void check_postcode(KioskState& state, const Activity& activity, const Campaign& campaign) {
    const auto postcode = normalise_postcode(state.typed_code);
    if (!postcode) {
        state.notice = "That does not look like a postcode. Type it like this: RV1 2AB.";
        return;
    }
    if (!postcode_in_area(activity.eligibility, *postcode)) {
        if (campaign.area.empty())
            state.notice = Sentence{
                "Sorry, this vote is only for people who live in this area, and that postcode is outside it. If you "
                "think that is wrong, please ask a member of staff."};
        else
            state.notice = Sentence{
                "Sorry, this vote is only for people who live in {1}, and that postcode is outside it. If you think "
                "that is wrong, please ask a member of staff.",
                {campaign.area.in(state.language.empty() ? campaign.default_language() : state.language)}};
        return;
    }
    // Only whether it is in the area matters: the postcode itself is not kept.
    state.typed_code.clear();
    state.notice.clear();
    state.screen = Screen::ballot;
}

// Before a ballot that only some may cast: a voter code or a postcode, typed on the keyboard.
void apply_on_entry(KioskState& state, const Intent& intent, const Campaign& campaign,
                    const VoterCodeUsed& voter_code_used) {
    const Activity* activity = campaign.activity(state.activity_id);
    if (!activity) return;
    switch (intent.kind) {
        case IntentKind::keyboard_done:  // the keyboard's own key
            if (state.screen == Screen::voter_code)
                check_voter_code(state, *activity, campaign, voter_code_used);
            else
                check_postcode(state, *activity, campaign);
            break;
        case IntentKind::back: reset_for_next_person(state); break;
        default:
            type_into(state.typed_code, intent, state.capitals, 16);
            if (intent.kind == IntentKind::type_text) state.notice.clear();
            break;
    }
}

Screen first_screen_of(const Activity& activity) {
    if (activity.type == ActivityType::quick_poll) return Screen::quick_poll;
    if (activity.type == ActivityType::scale_pair) return Screen::scale_pair;
    if (activity.type != ActivityType::budget_vote) return Screen::question;
    switch (activity.eligibility.rule) {
        case EligibilityRule::voter_code: return Screen::voter_code;
        case EligibilityRule::postcode: return Screen::postcode;
        default: return Screen::ballot;
    }
}

// Touches on the project cards, the details page and the review page of a budget vote.
void apply_on_ballot(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save) {
    const BudgetVote* vote = budget_vote_of(state, campaign);
    if (!vote) return;
    const int project = intent.value;
    state.notice.clear();
    switch (intent.kind) {
        case IntentKind::toggle_project:
            if (state.ballot.has(project) && vote->rules.type != BallotType::cumulative)
                unchoose(state.ballot, project);
            else if (auto refusal = why_not_choose(*vote, state.ballot, project))
                state.notice = *refusal;
            else
                choose(*vote, state.ballot, project);
            break;
        case IntentKind::add_point:
            if (auto refusal = why_not_add_point(*vote, state.ballot, project))
                state.notice = *refusal;
            else
                add_point(*vote, state.ballot, project);
            break;
        case IntentKind::remove_point: remove_point(state.ballot, project); break;
        case IntentKind::show_project:
            if (project >= 0 && project < static_cast<int>(vote->projects.size())) {
                state.project_shown = project;
                state.details_page = 0;
                state.screen = Screen::project_details;
            }
            break;
        case IntentKind::show_page:
            if (project >= 0) state.ballot_page = project;
            break;
        case IntentKind::show_details_page:
            if (project >= 0) state.details_page = project;
            break;
        case IntentKind::dismiss_notice: break;  // cleared above
        case IntentKind::review_ballot:
            if (auto valid = check_ballot(*vote, state.ballot); !valid)
                state.notice = valid.error().message;
            else
                state.screen = Screen::ballot_review;
            break;
        case IntentKind::send_ballot:
            if (state.screen == Screen::ballot_review && check_ballot(*vote, state.ballot).ok())
                try_to_save(state, campaign, save);
            break;
        case IntentKind::back:
            if (state.screen == Screen::ballot)
                reset_for_next_person(state);
            else
                state.screen = Screen::ballot;
            break;
        default: break;
    }
}

}  // namespace

bool turn_keyboard_page(KioskState& state, const Intent& intent) {
    if (intent.kind == IntentKind::toggle_keyboard_page) state.keyboard_symbols = !state.keyboard_symbols;
    if (intent.kind == IntentKind::toggle_keyboard_script) state.keyboard_latin = !state.keyboard_latin;
    return intent.kind == IntentKind::toggle_keyboard_page || intent.kind == IntentKind::toggle_keyboard_script;
}

void type_into(std::string& text, const Intent& intent, bool& capitals, std::size_t longest) {
    switch (intent.kind) {
        case IntentKind::type_text:
            if (text.size() + intent.text.size() <= longest) text += intent.text;
            break;
        case IntentKind::delete_char: delete_last_character(text); break;
        case IntentKind::toggle_capitals: capitals = !capitals; break;
        default: break;
    }
}

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::welcome: return "welcome";
        case Screen::question: return "question";
        case Screen::comment: return "comment";
        case Screen::quick_poll: return "quick-poll";
        case Screen::scale_pair: return "scale-pair";
        case Screen::about_you_consent: return "about-you-consent";
        case Screen::about_you_question: return "about-you-question";
        case Screen::about_you_district: return "about-you-district";
        case Screen::voter_code: return "voter-code";
        case Screen::postcode: return "postcode";
        case Screen::ballot: return "ballot";
        case Screen::project_details: return "project-details";
        case Screen::ballot_review: return "ballot-review";
        case Screen::save_failed: return "save-failed";
        case Screen::thanks: return "thanks";
        case Screen::cannot_start: return "cannot-start";
    }
    return "unknown";
}

void reset_for_next_person(KioskState& state) {
    StallState stall = std::move(state.stall);
    state = KioskState{};
    state.stall = std::move(stall);
    state.text_size = state.stall.starting_text_size;
}

bool activity_offered(const KioskState& state, const std::string& activity_id) {
    const auto& hidden = state.stall.hidden_activities;
    return std::find(hidden.begin(), hidden.end(), activity_id) == hidden.end();
}

bool needs_staff_to_start(const KioskState& state, const Activity& activity) {
    return activity.eligibility.rule == EligibilityRule::staff_issued && state.stall.ballots_issued <= 0;
}

void issue_ballot(KioskState& state) {
    state.stall.ballots_issued = 1;
}

void apply_intent(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save,
                  const VoterCodeUsed& voter_code_used) {
    if (state.still_there_seconds_left > 0) {
        // Only the answer to "Are you still there?" counts while it is showing.
        if (intent.kind == IntentKind::still_here) {
            state.still_there_seconds_left = 0;
            state.idle_seconds = 0;
        }
        return;
    }
    if (intent.kind == IntentKind::change_text_size) {
        state.text_size = next_text_size(state.text_size);
        return;
    }
    if (intent.kind == IntentKind::toggle_high_contrast) {
        state.high_contrast = !state.high_contrast;
        return;
    }
    if (turn_keyboard_page(state, intent)) return;
    if (intent.kind == IntentKind::open_languages || intent.kind == IntentKind::close_languages) {
        state.choosing_language = intent.kind == IntentKind::open_languages;
        return;
    }
    if (intent.kind == IntentKind::choose_language) {
        const auto& offered = campaign.languages;
        if (std::find(offered.begin(), offered.end(), intent.text) != offered.end()) state.language = intent.text;
        state.choosing_language = false;
        return;
    }
    if (state.choosing_language) return;  // the list covers the screen
    switch (state.screen) {
        case Screen::welcome:
            if (intent.kind == IntentKind::start && intent.value >= 0 &&
                intent.value < static_cast<int>(campaign.activities.size()) &&
                activity_offered(state, campaign.activities[static_cast<std::size_t>(intent.value)].id)) {
                const Activity& chosen = campaign.activities[static_cast<std::size_t>(intent.value)];
                if (needs_staff_to_start(state, chosen)) break;
                // A staff-issued vote is used up as its citizen starts: one touch, one ballot.
                if (chosen.eligibility.rule == EligibilityRule::staff_issued) state.stall.ballots_issued = 0;
                // Chosen on this screen, for this person.
                const TextSize chosen_size = state.text_size;
                const bool chosen_contrast = state.high_contrast;
                const std::string chosen_language = state.language;
                reset_for_next_person(state);
                state.text_size = chosen_size;
                state.high_contrast = chosen_contrast;
                state.language = chosen_language;
                state.activity_id = chosen.id;
                state.response_uuid = new_uuid();
                state.answers.version = chosen.place_standard_version;
                state.screen = first_screen_of(chosen);
                state.capitals = true;
                state.keyboard_symbols = false;
                state.keyboard_latin = false;
            }
            break;
        case Screen::voter_code:
        case Screen::postcode: apply_on_entry(state, intent, campaign, voter_code_used); break;
        case Screen::quick_poll:
        case Screen::scale_pair: apply_on_quick_poll(state, intent, campaign, save); break;
        case Screen::about_you_consent:
        case Screen::about_you_question:
        case Screen::about_you_district: apply_on_about_you(state, intent, campaign, save); break;
        case Screen::ballot:
        case Screen::project_details:
        case Screen::ballot_review: apply_on_ballot(state, intent, campaign, save); break;
        case Screen::question: apply_on_question(state, intent, campaign, save); break;
        case Screen::comment: apply_on_comment(state, intent); break;
        case Screen::save_failed:
            if (intent.kind == IntentKind::retry_save) try_to_save(state, campaign, save);
            break;
        case Screen::thanks:
            if (intent.kind == IntentKind::finish) reset_for_next_person(state);
            break;
        case Screen::cannot_start: break;
    }
}

bool response_under_way(Screen screen) {
    switch (screen) {
        case Screen::question:
        case Screen::comment:
        case Screen::voter_code:
        case Screen::postcode:
        case Screen::quick_poll:
        case Screen::scale_pair:
        case Screen::about_you_consent:
        case Screen::about_you_question:
        case Screen::about_you_district:
        case Screen::ballot:
        case Screen::project_details:
        case Screen::ballot_review: return true;
        // save_failed keeps its answers for staff to retry; the rest hold nothing unsaved.
        default: return false;
    }
}

void note_touch(KioskState& state) {
    if (state.still_there_seconds_left <= 0) state.idle_seconds = 0;
}

void advance_clock(KioskState& state, double seconds) {
    if (state.screen == Screen::thanks) {
        state.thanks_seconds_left -= seconds;
        if (state.thanks_seconds_left <= 0) reset_for_next_person(state);
        return;
    }
    if (!response_under_way(state.screen)) return;
    if (state.still_there_seconds_left > 0) {
        state.still_there_seconds_left -= seconds;
        if (state.still_there_seconds_left <= 0) reset_for_next_person(state);
        return;
    }
    state.idle_seconds += seconds;
    if (state.idle_seconds < kIdleSeconds) return;
    // A late frame still counts its time against the countdown.
    state.still_there_seconds_left = kStillThereSeconds - (state.idle_seconds - kIdleSeconds);
    if (state.still_there_seconds_left <= 0) reset_for_next_person(state);
}

}  // namespace sv
