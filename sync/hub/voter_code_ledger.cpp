#include "voter_code_ledger.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace sv {

std::optional<std::string> voter_code_of(const Response& response) {
    // Most responses carry no code; reading each one's JSON would cost more than all the rest.
    if (response.payload.find("\"voter_code\"") == std::string::npos) return std::nullopt;
    const auto payload = nlohmann::json::parse(response.payload, nullptr, false);
    if (!payload.is_object()) return std::nullopt;
    const auto code = payload.find("voter_code");
    if (code == payload.end() || !code->is_string()) return std::nullopt;
    return code->get<std::string>();
}

VoterCodeLedger voter_code_ledger(const std::vector<HubResponse>& responses) {
    // By row number: hubs catching up read other hubs' uploads as they commit, which need not
    // be the order they were stored in, and every hub must count the same ballot first.
    std::vector<const HubResponse*> by_row;
    for (const auto& h : responses) by_row.push_back(&h);
    std::stable_sort(by_row.begin(), by_row.end(),
                     [](const HubResponse* a, const HubResponse* b) { return a->row < b->row; });
    VoterCodeLedger ledger;
    for (const HubResponse* stored : by_row) {
        const HubResponse& h = *stored;
        auto code = voter_code_of(h.response);
        if (!code) continue;
        ledger.ballots_by_code[*code].push_back(h.response.uuid);
        ledger.code_of[h.response.uuid] = *code;
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

const std::vector<std::string>* VoterCodeLedger::group_of(const std::string& uuid) const {
    const auto code = code_of.find(uuid);
    return code == code_of.end() ? nullptr : &ballots_by_code.at(code->second);
}

bool VoterCodeLedger::held_back(const std::string& uuid) const {
    const auto* group = group_of(uuid);
    return group && group->front() != uuid;
}

std::string VoterCodeLedger::flag(const std::string& uuid) const {
    const auto* group = group_of(uuid);
    if (!group || group->size() < 2) return {};
    if (group->front() != uuid) return "held back: its voter code was first used by ballot " + group->front();
    const std::size_t later = group->size() - 1;
    return "counted; its voter code was used again on " + std::to_string(later) + " later " +
           (later == 1 ? "ballot" : "ballots") + ", held back";
}

}  // namespace sv
