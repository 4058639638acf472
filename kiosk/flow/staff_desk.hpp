#pragma once
// What the staff panel needs from the rest of the kiosk (the answers file, sync, the
// battery), as one small interface so the screens never touch SQL or the network.
#include <optional>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "event_results.hpp"
#include "result.hpp"
#include "store.hpp"
#include "text_size.hpp"

namespace sv {

// A snapshot for the staff panel, read when it opens and once a second while it is open.
struct StaffFigures {
    StallEvent event;
    StallCounts counts;
    std::string sync;          // "Sending to hub.example.org. Last in touch 2 minutes ago."
    std::string sync_problem;  // the last sync problem in plain words, if any
    bool can_sync = false;     // a hub is set up, so "Send now" means something
    std::string battery;       // "Battery 76%, charging"
    // The answers' chain head as staff copy it onto the event sheet at close ("K9QD-WHMQ-KHEV"),
    // empty before the first answer.
    std::string chain_head;
    // Where the campaign comes from, for a kiosk run from its hub: "Version 3 from the hub."
    std::string campaign;
    bool campaign_needs_attention = false;  // not from the hub yet (never reached it, none published)
    bool can_choose_campaign = false;       // the hub published more than one campaign to this kiosk
    std::string problem;                    // the figures themselves could not be read
};

// A campaign the hub published to this kiosk, as staff choose among them.
struct CampaignOption {
    std::string id;
    std::string title;       // "Riverside budget 2026"
    int version = 0;         // the newest this kiosk holds
    std::string activities;  // "Budget vote, Place Standard"
    int running_as = -1;     // 0: the campaign running now; 1: offered beside it; -1: not running
};

class StaffDesk {
public:
    virtual ~StaffDesk() = default;
    virtual std::optional<std::string> pin_hash() = 0;
    virtual Status save_pin_hash(const std::string& hash) = 0;
    virtual int wrong_pins() = 0;
    virtual void save_wrong_pins(int count) = 0;
    // The PIN pad's wait outlives a restart: a wait under way when the tablet was switched off
    // starts again in full when it is back on (0 when none).
    virtual double pin_wait_left_seconds() = 0;
    virtual void save_pin_wait(double seconds) = 0;
    virtual StaffFigures figures() = 0;
    virtual Result<StallEvent> start_event(const StallEvent& details) = 0;
    virtual std::vector<std::string> hidden_activities() = 0;
    virtual Status save_hidden_activities(const std::vector<std::string>& ids) = 0;
    // The text size each new person starts with; nothing if staff never chose one.
    virtual std::optional<TextSize> starting_text_size() = 0;
    virtual Status save_starting_text_size(TextSize size) = 0;
    virtual void sync_now() = 0;
    // The campaigns the hub published to this kiosk; staff's choice among them (at most two,
    // the first giving the welcome screen) runs from the next person on, and after restarts.
    virtual Result<std::vector<CampaignOption>> campaign_options() = 0;
    virtual Status choose_campaigns(const std::vector<std::string>& ids) = 0;
    // How many of the running campaign's pictures could not be shown (their cards show none).
    virtual void note_missing_pictures(std::size_t count) { (void)count; }
    // The current event's results so far (see event_results.hpp).
    virtual Result<EventResults> event_results(const Campaign& campaign, const std::string& language) = 0;
};

}  // namespace sv
