#include "kiosk_flow.hpp"

#include "uuid.hpp"

namespace sv {
namespace {

const BudgetVote* budget_vote_of(const KioskState& state, const Campaign& campaign) {
    const Activity* activity = campaign.activity(state.activity_id);
    return activity && activity->type == ActivityType::budget_vote ? &activity->budget : nullptr;
}

void try_to_save(KioskState& state, const Campaign& campaign, const SaveResponse& save) {
    const BudgetVote* vote = budget_vote_of(state, campaign);
    ResponseDraft draft{state.response_uuid, campaign.id, campaign.version, state.activity_id,
                        vote ? ballot_payload(*vote, state.ballot) : place_standard_payload(state.answers)};
    auto saved = save(draft);
    if (!saved) {
        state.save_error = saved.error().message;
        state.screen = Screen::save_failed;
        return;
    }
    state.save_error.clear();
    state.thanked_uuid = saved.value().uuid;
    state.thanks_seconds_left = kThanksSeconds;
    state.screen = Screen::thanks;
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
            if (intent.value >= kLowestRating && intent.value <= kHighestRating) rating = intent.value;
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
        case IntentKind::comment_done:
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
                state.screen = Screen::project_details;
            }
            break;
        case IntentKind::show_page:
            if (project >= 0) state.ballot_page = project;
            break;
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

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::welcome: return "welcome";
        case Screen::question: return "question";
        case Screen::comment: return "comment";
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
    state = KioskState{};
}

void apply_intent(KioskState& state, const Intent& intent, const Campaign& campaign, const SaveResponse& save) {
    switch (state.screen) {
        case Screen::welcome:
            if (intent.kind == IntentKind::start && intent.value >= 0 &&
                intent.value < static_cast<int>(campaign.activities.size())) {
                reset_for_next_person(state);
                const Activity& chosen = campaign.activities[static_cast<std::size_t>(intent.value)];
                state.activity_id = chosen.id;
                state.response_uuid = new_uuid();
                state.screen = chosen.type == ActivityType::budget_vote ? Screen::ballot : Screen::question;
            }
            break;
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

void advance_clock(KioskState& state, double seconds) {
    if (state.screen != Screen::thanks) return;
    state.thanks_seconds_left -= seconds;
    if (state.thanks_seconds_left <= 0) reset_for_next_person(state);
}

}  // namespace sv
