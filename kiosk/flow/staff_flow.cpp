#include "staff_flow.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk_flow.hpp"
#include "staff_pin.hpp"

namespace sv {
namespace {

std::string wait_words(double seconds) {
    const int whole = static_cast<int>(std::ceil(seconds));
    if (whole < 60) return std::to_string(whole) + (whole == 1 ? " second" : " seconds");
    const int minutes = (whole + 59) / 60;
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

void open_panel(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    stall.staff = StaffMode::panel;
    stall.pin_typed.clear();
    stall.pin_first.clear();
    stall.staff_message.clear();
    stall.figures = desk.figures();
    stall.figures_age_seconds = 0;
}

void check_pin(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    if (stall.pin_wait_seconds > 0) return;
    const auto hash = desk.pin_hash();
    const std::string typed = std::move(stall.pin_typed);
    stall.pin_typed.clear();
    if (hash && staff_pin_matches(*hash, typed)) {
        stall.wrong_pins = 0;
        desk.save_wrong_pins(0);
        open_panel(state, desk);
        return;
    }
    ++stall.wrong_pins;
    desk.save_wrong_pins(stall.wrong_pins);
    stall.pin_wait_seconds = staff_pin_wait_seconds(stall.wrong_pins);
    desk.save_pin_wait(stall.pin_wait_seconds);
    const int tries_left = kWrongPinsBeforeWait - stall.wrong_pins;
    if (stall.pin_wait_seconds > 0)
        stall.staff_message = "Wrong PIN. Too many wrong PINs: wait " + wait_words(stall.pin_wait_seconds) + ".";
    else
        stall.staff_message = "Wrong PIN. " + std::to_string(tries_left) +
                              (tries_left == 1 ? " more try" : " more tries") + " before a wait.";
}

void choose_pin(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    const std::string typed = std::move(stall.pin_typed);
    stall.pin_typed.clear();
    if (stall.pin_first.empty()) {
        if (auto problem = why_not_staff_pin(typed)) {
            stall.staff_message = *problem;
            return;
        }
        stall.pin_first = typed;
        stall.staff_message = "Now enter the same PIN again.";
        return;
    }
    if (typed != stall.pin_first) {
        stall.pin_first.clear();
        stall.staff_message = "The two PINs were not the same. Start again.";
        return;
    }
    auto hash = hash_staff_pin(typed);
    Status saved = hash ? desk.save_pin_hash(hash.value()) : Status(hash.error());
    if (!saved) {
        stall.pin_first.clear();
        stall.staff_message = saved.error().message;
        return;
    }
    open_panel(state, desk);
}

void apply_on_pin_pad(KioskState& state, const Intent& intent, StaffDesk& desk) {
    StallState& stall = state.stall;
    switch (intent.kind) {
        case IntentKind::pin_digit:
            if (stall.pin_wait_seconds <= 0 && stall.pin_typed.size() < kLongestStaffPin && intent.value >= 0 &&
                intent.value <= 9)
                stall.pin_typed += static_cast<char>('0' + intent.value);
            break;
        case IntentKind::pin_delete:
            if (!stall.pin_typed.empty()) stall.pin_typed.pop_back();
            break;
        case IntentKind::pin_enter:
            if (stall.staff == StaffMode::enter_pin)
                check_pin(state, desk);
            else
                choose_pin(state, desk);
            break;
        default: break;
    }
}

std::string& field_text(StallEvent& event, EventField field) {
    switch (field) {
        case EventField::ward: return event.ward;
        case EventField::staff: return event.staff;
        case EventField::place: break;
    }
    return event.place;
}

void save_event(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    if (stall.event_draft.place.empty()) {
        stall.staff_message = "Type where the stall is, for example \"Library, Bridge Street\".";
        stall.editing = EventField::place;
        return;
    }
    auto started = desk.start_event(stall.event_draft);
    if (!started) {
        stall.staff_message = started.error().message;
        return;
    }
    open_panel(state, desk);
    stall.staff_message = "New event started: answers from now on belong to " + started.value().place + ".";
}

void apply_on_event_form(KioskState& state, const Intent& intent, const Campaign& campaign, StaffDesk& desk) {
    StallState& stall = state.stall;
    std::string& text = field_text(stall.event_draft, stall.editing);
    // A campaign that names its wards has them chosen from its list, never typed.
    const bool ward_from_list = !campaign.wards.empty() && stall.editing == EventField::ward;
    switch (intent.kind) {
        case IntentKind::type_text:
        case IntentKind::delete_char:
        case IntentKind::toggle_capitals:
            if (!ward_from_list) type_into(text, intent, state.capitals, kLongestEventText);
            break;
        case IntentKind::choose_event_ward:
            if (intent.value >= 0 && intent.value < static_cast<int>(campaign.wards.size())) {
                stall.event_draft.ward = campaign.wards[static_cast<std::size_t>(intent.value)];
                stall.editing = EventField::staff;
            }
            break;
        case IntentKind::more_event_wards: ++stall.ward_page; break;
        case IntentKind::edit_event_field:
            if (intent.value >= 0 && intent.value <= static_cast<int>(EventField::staff))
                stall.editing = static_cast<EventField>(intent.value);
            break;
        case IntentKind::keyboard_done:  // the keyboard's own key: on to the next box, then save
            if (stall.editing == EventField::staff)
                save_event(state, desk);
            else
                stall.editing = static_cast<EventField>(static_cast<int>(stall.editing) + 1);
            break;
        case IntentKind::save_event: save_event(state, desk); break;
        case IntentKind::staff_close: open_panel(state, desk); break;
        default: break;
    }
}

void toggle_offered(KioskState& state, const Campaign& campaign, int index, StaffDesk& desk) {
    if (index < 0 || index >= static_cast<int>(campaign.activities.size())) return;
    auto& hidden = state.stall.hidden_activities;
    const std::string& id = campaign.activities[static_cast<std::size_t>(index)].id;
    const auto found = std::find(hidden.begin(), hidden.end(), id);
    if (found != hidden.end())
        hidden.erase(found);
    else
        hidden.push_back(id);
    if (auto saved = desk.save_hidden_activities(hidden); !saved) state.stall.staff_message = saved.error().message;
}

void choose_starting_text_size(KioskState& state, int value, StaffDesk& desk) {
    if (value < 0 || value >= kTextSizeCount) return;
    const auto size = static_cast<TextSize>(value);
    state.stall.starting_text_size = size;
    state.text_size = size;  // staff see straight away what the next person will see
    if (auto saved = desk.save_starting_text_size(size); !saved) state.stall.staff_message = saved.error().message;
}

void show_campaign_choice(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    auto options = desk.campaign_options();
    if (!options) {
        stall.staff_message = options.error().message;
        return;
    }
    stall.campaign_options = std::move(options).value();
    std::vector<const CampaignOption*> running;
    for (const auto& option : stall.campaign_options)
        if (option.running_as >= 0) running.push_back(&option);
    std::sort(running.begin(), running.end(),
              [](const CampaignOption* a, const CampaignOption* b) { return a->running_as < b->running_as; });
    stall.campaigns_chosen.clear();
    for (const auto* option : running) stall.campaigns_chosen.push_back(option->id);
    stall.staff = StaffMode::choose_campaign;
    stall.staff_message = "Touch the campaign to run. Choose a second one to offer its activities too.";
}

void toggle_campaign(KioskState& state, int index) {
    StallState& stall = state.stall;
    if (index < 0 || index >= static_cast<int>(stall.campaign_options.size())) return;
    const std::string& id = stall.campaign_options[static_cast<std::size_t>(index)].id;
    auto& chosen = stall.campaigns_chosen;
    if (const auto found = std::find(chosen.begin(), chosen.end(), id); found != chosen.end()) {
        chosen.erase(found);
        stall.staff_message.clear();
    } else if (chosen.size() >= kMostCampaignsChosen) {
        stall.staff_message = "Two campaigns at most: touch one to leave it out first.";
    } else {
        chosen.push_back(id);
        stall.staff_message.clear();
    }
}

std::string campaign_title(const StallState& stall, const std::string& id) {
    for (const auto& option : stall.campaign_options)
        if (option.id == id) return option.title;
    return id;
}

void use_chosen_campaigns(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    if (stall.campaigns_chosen.empty()) {
        stall.staff_message = "Choose a campaign first.";
        return;
    }
    if (auto chosen = desk.choose_campaigns(stall.campaigns_chosen); !chosen) {
        stall.staff_message = chosen.error().message;
        return;
    }
    std::string chosen = campaign_title(stall, stall.campaigns_chosen.front());
    for (std::size_t i = 1; i < stall.campaigns_chosen.size(); ++i)
        chosen += " and " + campaign_title(stall, stall.campaigns_chosen[i]);
    const char* starts = stall.campaigns_chosen.size() > 1 ? "They start with the next person and stay"
                                                           : "It starts with the next person and stays";
    open_panel(state, desk);
    stall.staff_message = "Chosen: " + chosen + ". " + starts + " chosen after a restart.";
}

void apply_on_campaign_choice(KioskState& state, const Intent& intent, StaffDesk& desk) {
    switch (intent.kind) {
        case IntentKind::toggle_campaign: toggle_campaign(state, intent.value); break;
        case IntentKind::use_chosen_campaigns: use_chosen_campaigns(state, desk); break;
        case IntentKind::back_to_panel: open_panel(state, desk); break;
        default: break;
    }
}

void apply_on_panel(KioskState& state, const Intent& intent, const Campaign& campaign, StaffDesk& desk) {
    StallState& stall = state.stall;
    switch (intent.kind) {
        case IntentKind::new_event:
            stall.staff = StaffMode::event_form;
            stall.event_draft = StallEvent{};
            // The last event's ward, for the next stall in the same ward; not one the campaign
            // does not name (it may have been typed before the campaign named its wards).
            if (campaign.wards.empty() || std::find(campaign.wards.begin(), campaign.wards.end(),
                                                    stall.figures.event.ward) != campaign.wards.end())
                stall.event_draft.ward = stall.figures.event.ward;
            stall.editing = EventField::place;
            stall.ward_page = 0;
            stall.staff_message.clear();
            state.capitals = true;
            state.keyboard_symbols = false;
            state.keyboard_latin = false;
            break;
        case IntentKind::toggle_offered: toggle_offered(state, campaign, intent.value, desk); break;
        case IntentKind::choose_starting_text_size: choose_starting_text_size(state, intent.value, desk); break;
        case IntentKind::sync_now:
            desk.sync_now();
            stall.staff_message = "Sending now. The figures below update as it goes.";
            break;
        case IntentKind::issue_ballot:
            issue_ballot(state);
            close_staff_side(state);  // straight back to the welcome screen for the voter
            break;
        case IntentKind::close_kiosk: stall.quit_requested = true; break;
        case IntentKind::show_campaign_choice: show_campaign_choice(state, desk); break;
        case IntentKind::show_event_results: {
            auto results = desk.event_results(campaign, campaign.default_language());
            if (!results) {
                stall.staff_message = results.error().message;
                break;
            }
            stall.event_results = std::move(results).value();
            stall.staff = StaffMode::event_results;
            stall.staff_message.clear();
            break;
        }
        default: break;
    }
}

}  // namespace

void open_staff_door(KioskState& state, StaffDesk& desk) {
    StallState& stall = state.stall;
    if (stall.staff != StaffMode::closed) return;
    stall.staff = desk.pin_hash() ? StaffMode::enter_pin : StaffMode::choose_pin;
    stall.wrong_pins = std::max(stall.wrong_pins, desk.wrong_pins());
    // Switching the tablet off and on does not cut a wait short.
    stall.pin_wait_seconds = std::max(stall.pin_wait_seconds, desk.pin_wait_left_seconds());
    stall.pin_typed.clear();
    stall.pin_first.clear();
    stall.staff_idle_seconds = 0;
    stall.staff_message = stall.staff == StaffMode::choose_pin
                              ? "This kiosk has no staff PIN yet. Choose one: 4 to 8 digits."
                              : std::string();
}

void close_staff_side(KioskState& state) {
    StallState& stall = state.stall;
    stall.staff = StaffMode::closed;
    stall.pin_typed.clear();
    stall.pin_first.clear();
    stall.staff_message.clear();
    stall.event_draft = StallEvent{};
    // The citizen's wait starts again: they may have been waiting on staff.
    state.idle_seconds = 0;
}

void apply_staff_intent(KioskState& state, const Intent& intent, const Campaign& campaign, StaffDesk& desk) {
    StallState& stall = state.stall;
    stall.staff_idle_seconds = 0;
    if (intent.kind == IntentKind::staff_close && stall.staff != StaffMode::event_form) return close_staff_side(state);
    if (turn_keyboard_page(state, intent)) return;
    switch (stall.staff) {
        case StaffMode::enter_pin:
        case StaffMode::choose_pin: apply_on_pin_pad(state, intent, desk); break;
        case StaffMode::panel: apply_on_panel(state, intent, campaign, desk); break;
        case StaffMode::event_form: apply_on_event_form(state, intent, campaign, desk); break;
        case StaffMode::event_results:
            if (intent.kind == IntentKind::back_to_panel) stall.staff = StaffMode::panel;
            break;
        case StaffMode::choose_campaign: apply_on_campaign_choice(state, intent, desk); break;
        case StaffMode::closed: break;
    }
}

void advance_staff_clock(KioskState& state, StaffDesk& desk, double seconds) {
    StallState& stall = state.stall;
    if (stall.pin_wait_seconds > 0) {
        stall.pin_wait_seconds = std::max(0.0, stall.pin_wait_seconds - seconds);
        if (stall.pin_wait_seconds == 0) desk.save_pin_wait(0);
        if (stall.pin_wait_seconds == 0 && stall.staff == StaffMode::enter_pin) stall.staff_message.clear();
    }
    if (stall.staff == StaffMode::closed) return;
    stall.staff_idle_seconds += seconds;
    if (stall.staff_idle_seconds >= kStaffIdleSeconds) return close_staff_side(state);
    if (stall.staff == StaffMode::panel) {
        stall.figures_age_seconds += seconds;
        if (stall.figures_age_seconds >= kStaffFiguresSeconds) {
            stall.figures = desk.figures();
            stall.figures_age_seconds = 0;
        }
    }
}

}  // namespace sv
