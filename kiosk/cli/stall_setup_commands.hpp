#pragma once
// Setting up stalls from the command line: a kiosk's staff PIN (for IT, before the tablet
// goes out) and a campaign's one-time voter codes (for organisers, before letters go out).
#include <CLI/CLI.hpp>
#include <string>

namespace sv {

struct StaffPinOptions {
    std::string data_dir;
};
CLI::App* add_staff_pin_command(CLI::App& cli, StaffPinOptions& options);
// Reads the PIN from standard input (twice when it is a terminal), stores only its hash.
int run_staff_pin_command(const StaffPinOptions& options);

struct VoterCodesOptions {
    int count = 0;
    std::string salt;
    std::string codes_out;
};
CLI::App* add_voter_codes_command(CLI::App& cli, VoterCodesOptions& options);
// Writes the codes (for the letters) to a file and prints the campaign's "eligibility" entry,
// which holds only their hashes.
int run_voter_codes_command(const VoterCodesOptions& options);

}  // namespace sv
