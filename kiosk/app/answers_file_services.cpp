#include "answers_file_services.hpp"

#include "kiosk_staff_desk.hpp"

namespace sv {

KioskServices answers_file_services(Store& store, BackgroundSync* sync, const Campaign& campaign) {
    KioskServices services;
    services.save = save_and_nudge(store, sync);
    services.desk = std::make_unique<KioskStaffDesk>(store, sync);
    services.voter_code_used = [&store](const std::string& campaign_id, const std::string& hash) {
        return store.voter_code_used(campaign_id, hash);
    };
    services.welcome_notes = [&store, file = campaign] {
        auto from_hub = store.outcome_notes(file.id);
        auto event = store.current_event();
        if (!from_hub || !event) return file.you_said_we_did;
        return welcome_notes(file, from_hub.value(), event.value().ward);
    };
    return services;
}

}  // namespace sv
