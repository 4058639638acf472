#pragma once
// The dashboard's view of each tablet's chain of answers (ballot_chain.hpp): alarms where a
// chain broke (the answer was refused), and each tablet's chain head per event, which staff
// compare with the code they copied from the kiosk onto the event sheet at close.
#include <string>
#include <vector>

#include "html.hpp"
#include "hub_store.hpp"
#include "organiser_sessions.hpp"

namespace sv {

struct ChainsView {
    std::vector<ChainEntry> problems;  // newest first
    std::vector<EventChainHead> heads;
    std::vector<HubEvent> events;
    std::vector<EnrolledDevice> devices;
};

std::string chains_page(const SignedIn& who, const ChainsView& view);

// The alarm line other dashboard pages show while any chain has broken; empty when none has.
Html chain_alarm_line(std::size_t refused);

}  // namespace sv
