#include "answers_file_services.hpp"

#include "hub_campaign.hpp"
#include "kiosk_staff_desk.hpp"

namespace sv {

KioskServices answers_file_services(Store& store, BackgroundSync* sync) {
    KioskServices services;
    services.save = save_and_nudge(store, sync);
    services.desk = std::make_unique<KioskStaffDesk>(store, sync);
    services.voter_code_used = [&store](const std::string& campaign_id, const std::string& hash) {
        return store.voter_code_used(campaign_id, hash);
    };
    services.welcome_notes = [&store](const Campaign& running) {
        auto from_hub = store.outcome_notes(running.id);
        auto event = store.current_event();
        if (!from_hub || !event) return running.you_said_we_did;
        return welcome_notes(running, from_hub.value(), event.value().ward);
    };
    return services;
}

KioskServices hub_campaign_services(Store& store, BackgroundSync* sync, const std::string& pictures_folder) {
    KioskServices services = answers_file_services(store, sync);
    static_cast<KioskStaffDesk&>(*services.desk).show_hub_campaign();
    services.next_campaign = [&store, pictures_folder](const Campaign& running) -> std::optional<Campaign> {
        auto choice = hub_campaign_choice(store);
        // Unreadable now: the campaign running stays, and staff see the problem on the panel.
        if (!choice || choice.value().id.empty()) return std::nullopt;
        if (runs_choice(running, choice.value())) return std::nullopt;
        auto campaign = hub_campaign(store, choice.value(), pictures_folder);
        if (!campaign) return std::nullopt;
        return std::move(campaign).value();
    };
    return services;
}

}  // namespace sv
