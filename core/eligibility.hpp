#pragma once
// Who may take part in an activity, checked offline at the stall: anyone; one person per
// ballot a member of staff issues; holders of a one-time voter code; or people whose
// postcode is in the area.
#include <optional>
#include <set>
#include <string>

#include "name_table.hpp"

namespace sv {

enum class EligibilityRule { open, staff_issued, voter_code, postcode };
// As campaign files spell them.
inline constexpr Spelling<EligibilityRule> kEligibilityRuleNames[] = {{EligibilityRule::open, "open"},
                                                                      {EligibilityRule::staff_issued, "staff-issued"},
                                                                      {EligibilityRule::voter_code, "voter-code"},
                                                                      {EligibilityRule::postcode, "postcode"}};
inline const char* eligibility_rule_name(EligibilityRule rule) {
    return name_of(kEligibilityRuleNames, rule);
}

// How a campaign's voter codes are hashed. Every device gets the hashes, so they must cost a
// guesser dearly: Argon2id. Files made before it came used one fast BLAKE2b, still read so
// that letters already posted keep working; `streetvoice voter-codes` makes only Argon2id.
enum class VoterCodeHashing { blake2b, argon2id };
inline constexpr Spelling<VoterCodeHashing> kVoterCodeHashingNames[] = {{VoterCodeHashing::blake2b, "blake2b"},
                                                                        {VoterCodeHashing::argon2id, "argon2id"}};
// Argon2id's cost per code: about 50 ms and 16 MiB on a laptop core, a few tenths of a
// second on a slow tablet, once per voter; years of work for anyone testing guesses.
constexpr unsigned long long kVoterCodeHashPasses = 3;
constexpr std::size_t kVoterCodeHashMemory = 16 * 1024 * 1024;
// New codes: 12 characters of 31, about 59 bits.
constexpr std::size_t kVoterCodeLength = 12;

struct Eligibility {
    EligibilityRule rule = EligibilityRule::open;
    // voter_code: the campaign carries only salted hashes of the codes, never the codes.
    std::string voter_code_salt;
    VoterCodeHashing voter_code_hashing = VoterCodeHashing::argon2id;
    std::set<std::string> voter_code_hashes;
    // postcode: whole postcodes and outward codes ("RV2"), upper case without spaces.
    std::set<std::string> postcodes;
    std::set<std::string> outward_codes;
};

// Upper case, without spaces or dashes: "kx7p-m2qr 9t" and "KX7PM2QR9T" are one code.
std::string normalise_voter_code(const std::string& typed);
// The normalised code's hash under the campaign's salt, in hex (64 digits): Argon2id with the
// costs above and a salt derived from the campaign's, or BLAKE2b-256 of salt, a colon and the
// code. Empty when the hash could not be made (out of memory).
std::string voter_code_hash(VoterCodeHashing how, const std::string& salt, const std::string& code);
std::string voter_code_hash(const Eligibility& rule, const std::string& code);
// A new random code of `length` characters from letters and digits that are hard to confuse
// (no 0/O, 1/I/L), for organisers to print.
std::string make_voter_code(std::size_t length = kVoterCodeLength);

// Upper case without spaces; nothing when it cannot be a UK postcode.
std::optional<std::string> normalise_postcode(const std::string& typed);
// The outward code (the part before the space) of a normalised postcode.
std::string outward_code(const std::string& normalised);
// The first part of a postcode, upper case, from a whole postcode ("rv1 2ab") or just its
// first part ("rv1"); nothing when it cannot be one.
std::optional<std::string> postcode_district(const std::string& typed);
bool postcode_in_area(const Eligibility& eligibility, const std::string& typed);

}  // namespace sv
