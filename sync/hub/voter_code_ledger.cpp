#include "voter_code_ledger.hpp"

#include <nlohmann/json.hpp>

namespace sv {

VoterCodeLedger voter_code_ledger(const std::vector<HubResponse>& responses) {
    VoterCodeLedger ledger;
    for (const auto& h : responses) {
        // Most responses carry no code; reading each one's JSON would cost more than all the rest.
        if (h.response.payload.find("\"voter_code\"") == std::string::npos) continue;
        const auto payload = nlohmann::json::parse(h.response.payload, nullptr, false);
        if (!payload.is_object()) continue;
        const auto code = payload.find("voter_code");
        if (code == payload.end() || !code->is_string()) continue;
        ledger.ballots_by_code[code->get<std::string>()].push_back(h.response.uuid);
    }
    return ledger;
}

std::vector<std::string> VoterCodeLedger::used_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, uuids] : ballots_by_code) codes.push_back(code);
    return codes;
}

std::vector<std::vector<std::string>> VoterCodeLedger::held_back() const {
    std::vector<std::vector<std::string>> groups;
    for (const auto& [code, uuids] : ballots_by_code)
        if (uuids.size() > 1) groups.emplace_back(uuids.begin() + 1, uuids.end());
    return groups;
}

bool VoterCodeLedger::held_back(const std::string& uuid) const {
    for (const auto& [code, uuids] : ballots_by_code)
        for (std::size_t i = 1; i < uuids.size(); ++i)
            if (uuids[i] == uuid) return true;
    return false;
}

std::string VoterCodeLedger::flag(const std::string& uuid) const {
    for (const auto& [code, uuids] : ballots_by_code) {
        if (uuids.size() < 2) continue;
        for (std::size_t i = 0; i < uuids.size(); ++i) {
            if (uuids[i] != uuid) continue;
            if (i == 0) {
                const std::size_t later = uuids.size() - 1;
                return "counted; its voter code was used again on " + std::to_string(later) + " later " +
                       (later == 1 ? "ballot" : "ballots") + ", held back";
            }
            return "held back: its voter code was first used by ballot " + uuids[0];
        }
    }
    return {};
}

}  // namespace sv
