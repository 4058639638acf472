#include "eligibility.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace sv {

std::string normalise_voter_code(const std::string& typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return code;
}

std::string voter_code_hash(VoterCodeHashing how, const std::string& salt, const std::string& code) {
    if (sodium_init() < 0) return {};
    const std::string normalised = normalise_voter_code(code);
    unsigned char digest[32];
    if (how == VoterCodeHashing::blake2b) {
        const std::string input = salt + ":" + normalised;
        crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                           nullptr, 0);
    } else {
        // Argon2id takes a 16-byte salt: the campaign's word, hashed down to that size.
        const std::string salt_input = "streetvoice voter code salt:" + salt;
        unsigned char argon_salt[crypto_pwhash_SALTBYTES];
        crypto_generichash(argon_salt, sizeof argon_salt, reinterpret_cast<const unsigned char*>(salt_input.data()),
                           salt_input.size(), nullptr, 0);
        if (crypto_pwhash(digest, sizeof digest, normalised.data(), normalised.size(), argon_salt, kVoterCodeHashPasses,
                          kVoterCodeHashMemory, crypto_pwhash_ALG_ARGON2ID13) != 0)
            return {};
    }
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string voter_code_hash(const Eligibility& rule, const std::string& code) {
    return voter_code_hash(rule.voter_code_hashing, rule.voter_code_salt, code);
}

std::string make_voter_code(std::size_t length) {
    static const char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    constexpr auto kLetters = static_cast<std::uint32_t>(sizeof kAlphabet - 1);
    if (sodium_init() < 0) return {};
    std::string code;
    for (std::size_t i = 0; i < length; ++i) code += kAlphabet[randombytes_uniform(kLetters)];
    return code;
}

std::optional<std::string> normalise_postcode(const std::string& typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ') continue;
        if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    // UK postcodes: an outward code of 2-4 characters starting with a letter, then an
    // inward code of a digit and two letters.
    if (code.size() < 5 || code.size() > 7 || !std::isalpha(static_cast<unsigned char>(code.front())))
        return std::nullopt;
    const std::size_t inward = code.size() - 3;
    if (!std::isdigit(static_cast<unsigned char>(code[inward])) ||
        !std::isalpha(static_cast<unsigned char>(code[inward + 1])) ||
        !std::isalpha(static_cast<unsigned char>(code[inward + 2])))
        return std::nullopt;
    return code;
}

std::string outward_code(const std::string& normalised) {
    return normalised.size() > 3 ? normalised.substr(0, normalised.size() - 3) : normalised;
}

std::optional<std::string> postcode_district(const std::string& typed) {
    if (auto whole = normalise_postcode(typed)) return outward_code(*whole);
    std::string district;
    for (char c : typed)
        if (c != ' ') district += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const bool plausible = district.size() >= 2 && district.size() <= 4 &&
                           std::isalpha(static_cast<unsigned char>(district[0])) &&
                           std::all_of(district.begin(), district.end(),
                                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (!plausible) return std::nullopt;
    return district;
}

bool postcode_in_area(const Eligibility& eligibility, const std::string& typed) {
    const auto code = normalise_postcode(typed);
    if (!code) return false;
    return eligibility.postcodes.count(*code) > 0 || eligibility.outward_codes.count(outward_code(*code)) > 0;
}

}  // namespace sv
