#include "stall_setup_commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "eligibility.hpp"
#include "staff_pin.hpp"
#include "store.hpp"

namespace sv {
namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "streetvoice: %s\n", message.c_str());
    return 2;
}

std::string read_line(const char* prompt) {
    if (isatty(STDIN_FILENO)) std::fprintf(stderr, "%s", prompt);
    std::string line;
    std::getline(std::cin, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

}  // namespace

CLI::App* add_staff_pin_command(CLI::App& cli, StaffPinOptions& options) {
    CLI::App* command = cli.add_subcommand("staff-pin", "Set the staff PIN of a kiosk (read from standard input)");
    command->add_option("--data-dir", options.data_dir, "The kiosk's data folder")->required();
    return command;
}

int run_staff_pin_command(const StaffPinOptions& options) {
    const std::string pin = read_line("New staff PIN (4 to 8 digits): ");
    if (auto problem = why_not_staff_pin(pin)) return fail(*problem);
    if (isatty(STDIN_FILENO) && read_line("The same PIN again: ") != pin)
        return fail("The two PINs were not the same; nothing was changed.");
    auto hash = hash_staff_pin(pin);
    if (!hash) return fail(hash.error().message);
    // IT may set the PIN before the kiosk's first start: make its answers file if need be.
    std::error_code made;
    std::filesystem::create_directories(options.data_dir, made);
    if (made) return fail("could not make the folder " + options.data_dir + ": " + made.message());
    auto store = Store::open(answers_file_in(options.data_dir));
    if (!store) return fail(store.error().message);
    if (auto saved = store.value().save_setting(staff_setting::pin_hash, hash.value()); !saved)
        return fail(saved.error().message);
    (void)store.value().save_setting(staff_setting::wrong_pins, "0");
    std::fprintf(stderr, "streetvoice: the staff PIN of the kiosk in %s is set.\n", options.data_dir.c_str());
    return 0;
}

CLI::App* add_voter_codes_command(CLI::App& cli, VoterCodesOptions& options) {
    CLI::App* command =
        cli.add_subcommand("voter-codes", "Make one-time voter codes; print the campaign's eligibility entry");
    command->add_option("--count", options.count, "How many codes")->required()->check(CLI::Range(1, 1000000));
    command->add_option("--salt", options.salt, "A word unique to this campaign, e.g. riverside-2026")->required();
    command->add_option("--codes-out", options.codes_out, "File for the codes themselves, one a line")->required();
    return command;
}

namespace {

// Each code's slow hash, on every core: 10,000 codes take a few minutes, not most of an hour.
// Empty when any could not be made.
std::vector<std::string> slow_hashes(const std::vector<std::string>& codes, const std::string& salt) {
    std::vector<std::string> hashes(codes.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (std::size_t i; (i = next++) < codes.size() && !failed;) {
            hashes[i] = voter_code_hash(VoterCodeHashing::argon2id, salt, codes[i]);
            if (hashes[i].empty()) failed = true;
            if (++done % 1000 == 0) std::fprintf(stderr, "%zu of %zu codes hashed\n", done.load(), codes.size());
        }
    };
    std::vector<std::thread> workers;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned c = 1; c < cores; ++c) workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();
    return failed ? std::vector<std::string>() : hashes;
}

}  // namespace

int run_voter_codes_command(const VoterCodesOptions& options) {
    std::set<std::string> distinct;
    while (distinct.size() < static_cast<std::size_t>(options.count)) {
        std::string code = make_voter_code();
        if (code.empty()) return fail("could not get random numbers from the system; no codes were made");
        distinct.insert(std::move(code));
    }
    const std::vector<std::string> codes(distinct.begin(), distinct.end());
    const auto hashes = slow_hashes(codes, options.salt);
    if (hashes.empty()) return fail("could not hash the codes (out of memory?); no codes were made");
    std::ofstream out(options.codes_out, std::ios::trunc);
    // Printed in groups of four, as people copy them from a letter.
    for (const auto& code : codes)
        out << code.substr(0, 4) << ' ' << code.substr(4, 4) << ' ' << code.substr(8) << '\n';
    out.close();
    if (!out) return fail("could not write the codes to " + options.codes_out + "; nothing was made");
    const nlohmann::json eligibility{{"rule", eligibility_rule_name(EligibilityRule::voter_code)},
                                     {"salt", options.salt},
                                     {"code_hashing", name_of(kVoterCodeHashingNames, VoterCodeHashing::argon2id)},
                                     {"code_hashes", hashes}};
    std::printf("%s\n", nlohmann::json{{"eligibility", eligibility}}.dump(2).c_str());
    return 0;
}

}  // namespace sv
