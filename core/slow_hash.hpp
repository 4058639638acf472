#pragma once
// Slow, salted hashes (Argon2id, libsodium) for secrets people choose: a staff PIN, an
// organiser's password. Stolen copies of the hashes cost an attacker dearly per guess.
#include <optional>
#include <string>

namespace sv {

// Nothing when the security library cannot start or memory runs out.
std::optional<std::string> argon2id_hash(const std::string& secret);
bool argon2id_matches(const std::string& hash, const std::string& secret);

}  // namespace sv
