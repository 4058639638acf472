#include "voter_code_campaign.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eligibility.hpp"

namespace sv::test {

std::string write_voter_code_campaign(const TempFolder& folder, const std::vector<std::string>& codes) {
    std::ifstream in(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    std::stringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str());
    doc["version"] = doc["version"].get<int>() + 1;
    nlohmann::json hashes = nlohmann::json::array();
    for (const auto& code : codes) hashes.push_back(voter_code_hash(VoterCodeHashing::argon2id, kVoterCodeSalt, code));
    for (auto& activity : doc["activities"]) {
        if (activity["id"] != "budget") continue;
        activity["eligibility"] = {
            {"rule", "voter-code"}, {"salt", kVoterCodeSalt}, {"code_hashing", "argon2id"}, {"code_hashes", hashes}};
        for (auto& project : activity["projects"]) project.erase("image");
    }
    const std::string path = folder.file("voter-codes.json");
    std::ofstream(path) << doc.dump(2);
    return path;
}

}  // namespace sv::test
