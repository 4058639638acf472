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

std::vector<std::vector<std::string>> VoterCodeLedger::flagged_groups() const {
    std::vector<std::vector<std::string>> groups;
    for (const auto& [code, uuids] : ballots_by_code)
        if (uuids.size() > 1) groups.push_back(uuids);
    return groups;
}

std::size_t VoterCodeLedger::others_sharing_code(const std::string& uuid) const {
    for (const auto& [code, uuids] : ballots_by_code)
        for (const auto& u : uuids)
            if (u == uuid) return uuids.size() - 1;
    return 0;
}

}  // namespace sv
