#pragma once
// Voter codes as the hub sees them: every stored ballot that carries one, by code, in the
// order the hub took them. Kiosks offline at the same time can each accept one code once; the
// hub is where such a pair shows. The first ballot the hub took for a code counts; any later
// one is kept and held back for the organiser, with the device that sent it. A later ballot
// never voids the first: a device (or anyone who took its token) that re-sends spent codes
// cannot cancel honest votes.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hub_store.hpp"

namespace sv {

struct VoterCodeLedger {
    std::map<std::string, std::vector<std::string>> ballots_by_code;  // code hash -> UUIDs, as they arrived
    std::map<std::string, std::string> code_of;                       // UUID -> code hash, for ballots with one

    std::vector<std::string> used_codes() const;
    // The later ballots of each code used more than once: not counted, for the organiser.
    std::vector<std::vector<std::string>> held_back() const;
    // The ballot is a later one for its code (the first, and ballots without a code, count).
    bool held_back(const std::string& uuid) const;
    // For the CSV: empty for a ballot without a code or whose code was used once; otherwise
    // whether it counted or was held back, and the other ballot(s) using its code.
    std::string flag(const std::string& uuid) const;

private:
    // The ballots sharing this ballot's code, first first; null for a ballot without one.
    const std::vector<std::string>* group_of(const std::string& uuid) const;
};

// The voter code a ballot carries, if it carries one.
std::optional<std::string> voter_code_of(const Response& response);

// `responses` in any order: the one the hub stored first (lowest row) counts.
VoterCodeLedger voter_code_ledger(const std::vector<HubResponse>& responses);

}  // namespace sv
