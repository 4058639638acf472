#include "kiosk_staff_desk.hpp"

#include <SDL.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "ballot_chain.hpp"
#include "device_clock.hpp"
#include "hub_campaign.hpp"
#include "staff_flow.hpp"

namespace sv {

std::string battery_words() {
    int seconds = -1, percent = -1;
    const SDL_PowerState state = SDL_GetPowerInfo(&seconds, &percent);
    const std::string level = percent >= 0 ? std::to_string(percent) + "%" : std::string("level not known");
    switch (state) {
        case SDL_POWERSTATE_ON_BATTERY: {
            std::string words = "Battery " + level;
            if (seconds > 0)
                words += ", about " + std::to_string(seconds / 3600) + " h " + std::to_string(seconds / 60 % 60) +
                         " min left";
            if (percent >= 0 && percent < 20) words += ". Plug the tablet in soon.";
            return words;
        }
        case SDL_POWERSTATE_CHARGING: return "Battery " + level + ", charging";
        case SDL_POWERSTATE_CHARGED: return "Battery full, on mains power";
        case SDL_POWERSTATE_NO_BATTERY: return "On mains power (no battery)";
        case SDL_POWERSTATE_UNKNOWN: break;
    }
    return "Battery: not known on this device";
}

std::string sync_words(const SyncStatus& status) {
    std::string host = status.hub_url;
    if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    if (const auto path = host.find('/'); path != std::string::npos) host.resize(path);
    std::string words = "Sending to " + host + ". ";
    if (status.last_success) {
        const auto ago =
            std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now() - *status.last_success)
                .count();
        words += ago < 1 ? "Last in touch less than a minute ago."
                         : "Last in touch " + std::to_string(ago) + (ago == 1 ? " minute ago." : " minutes ago.");
    } else if (status.rounds > 0 && !status.enrolled) {
        words += "Not enrolled with the hub yet.";
    } else {
        words += "Not in touch with the hub yet.";
    }
    return words;
}

std::optional<std::string> KioskStaffDesk::pin_hash() {
    auto hash = store_.setting(staff_setting::pin_hash);
    // An unreadable setting counts as a PIN that matches nothing, never as "no PIN".
    if (!hash) return std::string();
    return hash.value();
}

Status KioskStaffDesk::save_pin_hash(const std::string& hash) {
    return store_.save_setting(staff_setting::pin_hash, hash);
}

int KioskStaffDesk::wrong_pins() {
    auto count = store_.setting(staff_setting::wrong_pins);
    if (!count || !count.value()) return 0;
    try {
        return std::stoi(*count.value());
    } catch (const std::exception&) {
        return 0;
    }
}

void KioskStaffDesk::save_wrong_pins(int count) {
    // Best effort: the count in memory still makes staff wait if the file cannot take it.
    (void)store_.save_setting(staff_setting::wrong_pins, std::to_string(count));
}

double KioskStaffDesk::pin_wait_left_seconds() {
    auto wait = store_.setting(staff_setting::pin_wait);
    if (!wait || !wait.value()) return 0;
    try {
        // Never longer than the longest wait, whatever the file says.
        return std::clamp(std::stod(*wait.value()), 0.0, staff_pin_wait_seconds(1000));
    } catch (const std::exception&) {
        return 0;
    }
}

void KioskStaffDesk::save_pin_wait(double seconds) {
    // Best effort, as the count.
    (void)store_.save_setting(staff_setting::pin_wait, std::to_string(static_cast<long long>(std::ceil(seconds))));
}

StaffFigures KioskStaffDesk::figures() {
    StaffFigures f;
    if (auto event = store_.current_event()) f.event = event.value();
    auto counts = store_.stall_counts(local_day_start_utc_iso8601());
    if (counts)
        f.counts = counts.value();
    else
        f.problem = counts.error().message;
    f.battery = battery_words();
    if (auto head = store_.chain_head(); head && head.value().answers > 0)
        f.chain_head = chain_head_code(head.value().link);
    if (shows_hub_campaign_) {
        auto choice = hub_campaign_choice(store_);
        f.campaign = choice ? hub_campaign_words(choice.value()) : choice.error().message;
        f.campaign_needs_attention = !choice || !choice.value().heard_from_hub || choice.value().id.empty();
        f.can_choose_campaign = choice && choice.value().published > 1;
    }
    if (missing_pictures_ > 0) {
        f.campaign += (f.campaign.empty() ? "" : " ") + std::to_string(missing_pictures_) +
                      (missing_pictures_ == 1 ? " picture" : " pictures") + " missing.";
        f.campaign_needs_attention = true;
    }
    if (!campaign_note_.empty()) {
        f.campaign = campaign_note_;
        f.campaign_needs_attention = true;
    }
    if (!sync_) {
        f.sync = "Sending is off: no hub is set up on this kiosk. Answers stay safe here.";
        return f;
    }
    const SyncStatus status = sync_->status();
    f.can_sync = true;
    f.sync = sync_words(status);
    f.sync_problem = status.problem;
    return f;
}

Result<StallEvent> KioskStaffDesk::start_event(const StallEvent& details) {
    return store_.start_event(details.place, details.ward, details.staff);
}

std::vector<std::string> KioskStaffDesk::hidden_activities() {
    auto saved = store_.setting(staff_setting::hidden_activities);
    if (!saved || !saved.value()) return {};
    const auto parsed = nlohmann::json::parse(*saved.value(), nullptr, false);
    std::vector<std::string> ids;
    if (!parsed.is_array()) return ids;
    for (const auto& id : parsed)
        if (id.is_string()) ids.push_back(id.get<std::string>());
    return ids;
}

Status KioskStaffDesk::save_hidden_activities(const std::vector<std::string>& ids) {
    return store_.save_setting(staff_setting::hidden_activities, nlohmann::json(ids).dump());
}

std::optional<TextSize> KioskStaffDesk::starting_text_size() {
    auto saved = store_.setting(staff_setting::starting_text_size);
    if (!saved || !saved.value()) return std::nullopt;
    return text_size_from_key(*saved.value());
}

Status KioskStaffDesk::save_starting_text_size(TextSize size) {
    return store_.save_setting(staff_setting::starting_text_size, text_size_key(size));
}

void KioskStaffDesk::sync_now() {
    if (sync_) sync_->nudge();
}

static_assert(kMostCampaignsAtOnce == kMostCampaignsChosen, "the staff panel chooses as many as can run");

Result<std::vector<CampaignOption>> KioskStaffDesk::campaign_options() {
    auto published = published_campaigns(store_);
    if (!published) return published.error();
    auto choice = hub_campaign_choice(store_);
    if (!choice) return choice.error();
    std::vector<CampaignOption> options;
    for (const auto& campaign : published.value()) {
        CampaignOption option{campaign.id, campaign.title, campaign.version, {}, -1};
        for (const auto& activity : campaign.activities)
            option.activities += (option.activities.empty() ? "" : ", ") + activity;
        if (campaign.id == choice.value().id) option.running_as = 0;
        for (const auto& beside : choice.value().beside)
            if (campaign.id == beside.id) option.running_as = 1;
        options.push_back(std::move(option));
    }
    return options;
}

Status KioskStaffDesk::choose_campaigns(const std::vector<std::string>& ids) {
    return choose_hub_campaigns(store_, ids);
}

Result<EventResults> KioskStaffDesk::event_results(const Campaign& campaign, const std::string& language) {
    auto of_event = store_.responses_of_event(store_.current_event_id());
    if (!of_event) return of_event.error();
    return sv::event_results(campaign, responses_only(of_event.value()), language);
}

}  // namespace sv
