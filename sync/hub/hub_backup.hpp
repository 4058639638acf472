#pragma once
// A whole hub as one SQLite file, whichever database it runs on, written to a stream and read
// back from one: IT's shell writes the file where IT likes (a USB stick, a backup server), so
// the hub's service user need not be able to write there, and no database tool or database
// superuser is needed to back up or restore.
//   sudo -u streetvoice-hub streetvoice-hub --config /etc/streetvoice/hub.conf backup > hub.sqlite
//   sudo -u streetvoice-hub streetvoice-hub --config /etc/streetvoice/hub.conf restore < hub.sqlite
// A restore adds what the backup holds to the hub (nothing is doubled or overwritten); answers
// that arrived after the backup come back from the tablets at their next sync.
#include <cstdio>

#include "hub_copy.hpp"
#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

Result<HubCopyCounts> back_up_hub(HubStore& from, std::FILE* out);
Result<HubCopyCounts> restore_hub(std::FILE* in, HubStore& into);

}  // namespace sv
