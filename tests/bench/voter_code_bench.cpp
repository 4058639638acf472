// What a voter code's hash costs: the kiosk once per voter, a guesser once per guess.
//   voter_code_bench [ROUNDS]
// Prints the time per hash with Argon2id (as `streetvoice voter-codes` makes them) and with
// the older BLAKE2b, and what that means for someone holding a campaign file's hashes.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "eligibility.hpp"

namespace {

double seconds_per_hash(sv::VoterCodeHashing how, int rounds) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t sink = 0;
    for (int i = 0; i < rounds; ++i)
        sink += sv::voter_code_hash(how, "riverside-2026", "KX7PM2QR9TAB" + std::to_string(i)).size();
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (sink == 0) std::printf("no hash was made\n");
    return took / rounds;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const double argon = seconds_per_hash(sv::VoterCodeHashing::argon2id, rounds);
    const double blake = seconds_per_hash(sv::VoterCodeHashing::blake2b, rounds * 10000);
    // 10,000 letters: a guess at a random code hits one of them with chance 10,000 / 31^length.
    const double new_space = std::pow(31.0, static_cast<double>(sv::kVoterCodeLength)) / 10000;
    const double old_space = std::pow(31.0, 10.0) / 10000;
    const double year = 365.25 * 24 * 3600;
    std::printf("Argon2id (%llu passes, %zu MiB): %.1f ms per hash, %.0f guesses/s per core\n",
                sv::kVoterCodeHashPasses, sv::kVoterCodeHashMemory >> 20, argon * 1000, 1 / argon);
    std::printf("BLAKE2b (files before Argon2id): %.2f us per hash, %.0f guesses/s per core\n", blake * 1e6, 1 / blake);
    std::printf(
        "One valid code of 10,000, by guessing on one core: %.3g core-years (Argon2id, %zu characters), "
        "%.3g core-hours (BLAKE2b, 10 characters)\n",
        new_space / 2 * argon / year, sv::kVoterCodeLength, old_space / 2 * blake / 3600);
    return 0;
}
