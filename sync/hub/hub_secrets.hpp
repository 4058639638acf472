#pragma once
// Enrolment codes (typed by staff, so short and unambiguous) and device tokens (long and
// random). The hub keeps only their hashes, so a copy of its database enrols nobody.
#include <string>

namespace sv {

// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXXX-XXXXX.
std::string new_enrolment_code();
// Case and dashes do not matter when staff type it.
std::string normalise_enrolment_code(const std::string& typed);
std::string new_device_token();
// BLAKE2b-256 in hex. Codes and tokens are random, so a fast hash is enough.
std::string secret_hash(const std::string& secret);
// BLAKE2b-256 of `text` under a secret key (16 to 64 bytes), in hex: a mark only the key's
// holder can make.
std::string keyed_hash(const std::string& key, const std::string& text);
// Compares in time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace sv
