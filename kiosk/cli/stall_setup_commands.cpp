#include "stall_setup_commands.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

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

int run_voter_codes_command(const VoterCodesOptions& options) {
    std::set<std::string> codes;
    while (codes.size() < static_cast<std::size_t>(options.count)) {
        std::string code = make_voter_code();
        if (code.empty()) return fail("could not get random numbers from the system; no codes were made");
        codes.insert(std::move(code));
    }
    std::ofstream out(options.codes_out, std::ios::trunc);
    nlohmann::json hashes = nlohmann::json::array();
    for (const auto& code : codes) {
        out << code.substr(0, 4) << ' ' << code.substr(4, 4) << ' ' << code.substr(8) << '\n';
        hashes.push_back(voter_code_hash(options.salt, code));
    }
    out.close();
    if (!out) return fail("could not write the codes to " + options.codes_out + "; nothing was made");
    const nlohmann::json eligibility{{"rule", "voter-code"}, {"salt", options.salt}, {"code_hashes", hashes}};
    std::printf("%s\n", nlohmann::json{{"eligibility", eligibility}}.dump(2).c_str());
    return 0;
}

}  // namespace sv
