// `streetvoice backup` and `streetvoice restore`: a tablet's answers out to a file and back,
// as the operator's guide has IT run them, with the shell writing and reading the file.
#include <catch2/catch.hpp>
#include <filesystem>

#include "ballot_chain.hpp"
#include "child_process.hpp"
#include "place_standard.hpp"
#include "store.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::test::run_program;
using sv::test::TempFolder;

namespace {

void add_answers(const std::string& data, int count) {
    auto store = sv::Store::open(sv::answers_file_in(data));
    REQUIRE(store.ok());
    for (int i = 0; i < count; ++i) {
        sv::PlaceStandardAnswers answers;
        answers.ratings[0] = 1 + i % 7;
        REQUIRE(store.value()
                    .record_response({sv::new_uuid(), "demo", 1, "place", sv::place_standard_payload(answers), {}})
                    .ok());
    }
}

std::int64_t answers_in(const std::string& file) {
    auto store = sv::Store::open(file);
    REQUIRE(store.ok());
    return static_cast<std::int64_t>(store.value().responses().value().size());
}

int streetvoice(const std::string& rest, std::string& output) {
    return run_program({"/bin/sh", "-c", "'" + std::string(STREETVOICE_CLI_BINARY) + "' " + rest}, output);
}

}  // namespace

TEST_CASE("backup and restore put back a tablet's answers, keep what they replace, and wait for a stopped kiosk") {
    TempFolder folder;
    const std::string data = folder.file("kiosk");
    std::filesystem::create_directory(data);
    const std::string backup = folder.file("answers-backup.sqlite");
    std::string output;
    add_answers(data, 3);
    REQUIRE(streetvoice("backup --data-dir '" + data + "' > '" + backup + "'", output) == 0);
    CHECK_THAT(output, Catch::Contains("3 answers (3 waiting to be sent)"));
    add_answers(data, 2);

    {
        // While anything has the answers open (the kiosk, a sync), nothing is replaced.
        auto kiosk = sv::Store::open(sv::answers_file_in(data));
        REQUIRE(kiosk.ok());
        CHECK(streetvoice("restore --data-dir '" + data + "' < '" + backup + "'", output) == 1);
        CHECK_THAT(output, Catch::Contains("are in use") && Catch::Contains("systemctl stop streetvoice-kiosk") &&
                               Catch::Contains("Nothing was changed"));
        CHECK(kiosk.value().responses().value().size() == 5);
    }
    // Neither garbage nor a cut-short copy replaces anything.
    CHECK(streetvoice("restore --data-dir '" + data + "' < /dev/null", output) == 1);
    CHECK_THAT(output, Catch::Contains("not a kiosk's answers file") && Catch::Contains("nothing was changed"));
    CHECK(streetvoice(
              "head -c 5000 '" + backup + "' | '" + STREETVOICE_CLI_BINARY + "' restore --data-dir '" + data + "'",
              output) == 1);
    CHECK(answers_in(sv::answers_file_in(data)) == 5);

    REQUIRE(streetvoice("restore --data-dir '" + data + "' < '" + backup + "'", output) == 0);
    CHECK_THAT(output, Catch::Contains("restored 3 answers (3 waiting to be sent)") &&
                           Catch::Contains("the file it replaced is kept as"));
    CHECK(answers_in(sv::answers_file_in(data)) == 3);
    // What it replaced is kept whole, with its write-ahead log beside it: none of its 5 answers lost.
    std::string kept;
    for (const auto& entry : std::filesystem::directory_iterator(data)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".before-restore-") != std::string::npos && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos)
            kept = entry.path().string();
        CHECK(name.find(".restoring") == std::string::npos);
    }
    REQUIRE_FALSE(kept.empty());
    CHECK(answers_in(kept) == 5);

    CHECK(streetvoice("backup --data-dir '" + data + "' > /dev/full", output) == 1);
    CHECK_THAT(output, Catch::Contains("not written in full") && Catch::Contains("do not keep it"));
}

TEST_CASE("streetvoice log prints the chain's head staff copy at close, and says where a changed file breaks it") {
    TempFolder folder;
    const std::string data = folder.file("kiosk");
    std::filesystem::create_directory(data);
    std::string output;
    add_answers(data, 4);
    REQUIRE(streetvoice("log --data-dir '" + data + "'", output) == 0);
    CHECK_THAT(output, Catch::Contains("4 answers in its chain") && Catch::Contains("The chain holds"));
    std::string head;
    {
        auto store = sv::Store::open(sv::answers_file_in(data));
        REQUIRE(store.ok());
        head = sv::chain_head_code(store.value().chain_head().value().link);
    }
    CHECK_THAT(output, Catch::Contains("Chain head: " + head));
    // The second answer's rating changed with sqlite3, behind the kiosk's back.
    REQUIRE(run_program({"/usr/bin/sqlite3", sv::answers_file_in(data),
                         "DROP TRIGGER responses_are_immutable; UPDATE responses SET payload = "
                         "json_set(payload, '$.ratings[0]', 7) WHERE seq = 2"},
                        output) == 0);
    CHECK(streetvoice("log --data-dir '" + data + "'", output) == 1);
    CHECK_THAT(output, Catch::Contains("The chain is broken in 1 place(s)") && Catch::Contains("answer 2 (") &&
                           Catch::Contains("Chain head: " + head));
    CHECK(streetvoice("log --data-dir '" + folder.file("nowhere") + "'", output) == 1);
}
