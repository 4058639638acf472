#include "ballot_chain.hpp"

#include <cstdint>

#include "sha256.hpp"

namespace sv {

const char* const kChainStart = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {

void add_field(std::string& to, const std::string& field) {
    to += std::to_string(field.size());
    to += ':';
    to += field;
    to += '\n';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

}  // namespace

std::string chain_link(const std::string& before, const Response& response) {
    std::string content = "streetvoice chain 1\n";
    add_field(content, before);
    add_field(content, response.uuid);
    add_field(content, response.campaign_id);
    add_field(content, std::to_string(response.campaign_version));
    add_field(content, response.activity_id);
    add_field(content, response.event_id);
    add_field(content, response.device_id);
    add_field(content, response.device_time);
    // As stored. The kiosk writes every payload as canonical JSON (nlohmann's dump: keys
    // sorted, no spacing), which is also what a hub that parsed it holds, so both reach the same
    // link; making it canonical here cost a parse per answer, a third of a commit's time.
    add_field(content, response.payload);
    return sha256_hex(content);
}

bool is_chain_link(const std::string& text) {
    if (text.size() != 64) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string chain_head_code(const std::string& link) {
    static const char kDigits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 15 && i < link.size(); ++i)
        bits = (bits << 4) | static_cast<std::uint64_t>(hex_value(link[i]));
    std::string code;
    for (int group = 0; group < 3; ++group) {
        if (group > 0) code += '-';
        for (int i = 0; i < 4; ++i) {
            const int shift = 60 - 5 * (group * 4 + i + 1);
            code += kDigits[(bits >> shift) & 31];
        }
    }
    return code;
}

}  // namespace sv
