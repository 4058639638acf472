#pragma once
// The staff panel's window on the kiosk: the answers file, background sync, the battery.
#include <functional>

#include "background_sync.hpp"
#include "campaign.hpp"
#include "staff_desk.hpp"
#include "staff_pin.hpp"
#include "store.hpp"

namespace sv {

class KioskStaffDesk : public StaffDesk {
public:
    // `sync` may be null (no hub set up) and may be attached later.
    KioskStaffDesk(Store& store, BackgroundSync* sync) : store_(store), sync_(sync) {}
    void attach_sync(BackgroundSync* sync) { sync_ = sync; }
    // The panel says which of the hub's campaigns runs, or why the installed one still does.
    void show_hub_campaign() { shows_hub_campaign_ = true; }
    // The panel warns staff of this, about the campaign running (e.g. the file was set aside).
    void show_campaign_note(std::string note) { campaign_note_ = std::move(note); }
    void note_missing_pictures(std::size_t count) override { missing_pictures_ = count; }

    std::optional<std::string> pin_hash() override;
    Status save_pin_hash(const std::string& hash) override;
    int wrong_pins() override;
    void save_wrong_pins(int count) override;
    double pin_wait_left_seconds() override;
    void save_pin_wait(double seconds) override;
    StaffFigures figures() override;
    Result<StallEvent> start_event(const StallEvent& details) override;
    std::vector<std::string> hidden_activities() override;
    std::optional<TextSize> starting_text_size() override;
    Status save_starting_text_size(TextSize size) override;
    Status save_hidden_activities(const std::vector<std::string>& ids) override;
    void sync_now() override;
    Result<std::vector<CampaignOption>> campaign_options() override;
    Status choose_campaigns(const std::vector<std::string>& ids) override;
    Result<EventResults> event_results(const Campaign& campaign, const std::string& language) override;

private:
    Store& store_;
    BackgroundSync* sync_;
    bool shows_hub_campaign_ = false;
    std::string campaign_note_;
    std::size_t missing_pictures_ = 0;
};

// "Battery 76%, charging", from what SDL knows of the power supply.
std::string battery_words();
// "Sending to hub.example.org. Last in touch 2 minutes ago."
std::string sync_words(const SyncStatus& status);

}  // namespace sv
