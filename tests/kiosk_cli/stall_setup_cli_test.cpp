// `streetvoice staff-pin` and `streetvoice voter-codes`: setting up stalls before they go out.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "child_process.hpp"
#include "eligibility.hpp"
#include "staff_pin.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::test::run_program;
using sv::test::TempFolder;

TEST_CASE("staff-pin sets a kiosk's PIN from standard input, keeping only its hash, and refuses a poor one") {
    TempFolder folder;
    const std::string data = folder.file("kiosk");
    std::string output;
    const std::string command =
        std::string("echo 4826 | '") + STREETVOICE_CLI_BINARY + "' staff-pin --data-dir '" + data + "'";
    REQUIRE(run_program({"/bin/sh", "-c", command}, output) == 0);
    {
        auto store = sv::Store::open(sv::answers_file_in(data));
        REQUIRE(store.ok());
        const auto hash = store.value().setting(sv::staff_setting::pin_hash).value();
        REQUIRE(hash.has_value());
        CHECK(sv::staff_pin_matches(*hash, "4826"));
        CHECK_FALSE(sv::staff_pin_matches(*hash, "4827"));
        CHECK(hash->find("4826") == std::string::npos);
    }
    const std::string poor =
        std::string("echo 12 | '") + STREETVOICE_CLI_BINARY + "' staff-pin --data-dir '" + data + "'";
    CHECK(run_program({"/bin/sh", "-c", poor}, output) == 2);
    CHECK_THAT(output, Catch::Contains("A staff PIN is 4 to 8 digits."));
    auto store = sv::Store::open(sv::answers_file_in(data));
    CHECK(sv::staff_pin_matches(*store.value().setting(sv::staff_setting::pin_hash).value(), "4826"));  // unchanged
}

TEST_CASE("voter-codes writes distinct codes and prints an eligibility entry holding only their slow hashes") {
    TempFolder folder;
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "voter-codes", "--count", "40", "--salt", "riverside-2026",
                         "--codes-out", folder.file("codes.txt")},
                        output) == 0);
    const auto entry = nlohmann::json::parse(output)["eligibility"];
    CHECK(entry["rule"] == "voter-code");
    CHECK(entry["salt"] == "riverside-2026");
    CHECK(entry["code_hashing"] == "argon2id");
    const std::set<std::string> hashes(entry["code_hashes"].begin(), entry["code_hashes"].end());
    CHECK(hashes.size() == 40);

    std::ifstream codes(folder.file("codes.txt"));
    std::set<std::string> seen;
    for (std::string line; std::getline(codes, line);) {
        CHECK(line.size() == 14);  // "KX7P M2QR 9TAB"
        CHECK(hashes.count(sv::voter_code_hash(sv::VoterCodeHashing::argon2id, "riverside-2026", line)) == 1);
        CHECK(hashes.count(sv::voter_code_hash(sv::VoterCodeHashing::blake2b, "riverside-2026", line)) == 0);
        CHECK(output.find(sv::normalise_voter_code(line)) == std::string::npos);
        seen.insert(line);
    }
    CHECK(seen.size() == 40);
}
