#pragma once
// The kiosk wired to its answers file and, once a hub is known, to sync.
#include "background_sync.hpp"
#include "campaign.hpp"
#include "kiosk_services.hpp"
#include "store.hpp"

namespace sv {

// Saves are committed to `store` and nudge `sync` (null: no hub yet); the staff panel works
// on the store and sync; a voter code counts as used once this kiosk took it; the welcome
// screen shows the hub's notes kept in the store for the current event's ward before the
// campaign's own, or the campaign's alone if the store cannot be read (staff hear of that on
// the staff panel). No voice: the caller gives one.
KioskServices answers_file_services(Store& store, BackgroundSync* sync);
// The same for a kiosk that runs its hub's campaign: the newest version sync kept is taken up
// between people, its pictures looked for in `pictures_folder`, and the staff panel says
// where the campaign came from.
KioskServices hub_campaign_services(Store& store, BackgroundSync* sync, const std::string& pictures_folder);

}  // namespace sv
