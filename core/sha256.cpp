#include "sha256.hpp"

#include <sodium.h>

#include <algorithm>

namespace sv {

std::string sha256_hex(std::string_view bytes) {
    static const bool ready = sodium_init() >= 0;  // once, whichever thread comes first
    (void)ready;
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

bool looks_like_sha256(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(),
                                            [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace sv
