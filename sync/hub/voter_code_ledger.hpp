#pragma once
// Voter codes as the hub sees them: every stored ballot that carries one, by code. Kiosks
// offline at the same time can each accept one code once; the hub is where such a pair
// shows. Both ballots are kept and flagged for the organiser, and neither is counted until
// the organiser has looked: a vote is never silently counted twice.
#include <map>
#include <string>
#include <vector>

#include "hub_store.hpp"

namespace sv {

struct VoterCodeLedger {
    std::map<std::string, std::vector<std::string>> ballots_by_code;  // code hash -> UUIDs, as they arrived

    std::vector<std::string> used_codes() const;
    // Each group: the UUIDs of ballots that share one code.
    std::vector<std::vector<std::string>> flagged_groups() const;
    // How many other ballots share this ballot's code (0 when none, or it has no code).
    std::size_t others_sharing_code(const std::string& uuid) const;
};

VoterCodeLedger voter_code_ledger(const std::vector<HubResponse>& responses);

}  // namespace sv
