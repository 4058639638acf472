// `streetvoice pb ...` is a public interface for organisers and independent checks.
#include <catch2/catch.hpp>
#include <filesystem>

#include "child_process.hpp"
#include "temp_folder.hpp"

using sv::test::run_program;

namespace {

std::string fixture_path(const std::string& name) {
    return std::string(STREETVOICE_PB_FIXTURES) + "/" + name;
}

}  // namespace

TEST_CASE("pb outcome prints the funded ids in funding order") {
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "mes-add1",
                         fixture_path("Netherlands_Assen_2024.pb")},
                        output) == 0);
    CHECK(output == "3\n9\n2\n11\n13\n14\n5\n6\n12\n");
    output.clear();
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "greedy",
                         fixture_path("Poland_Warszawa_2023_Wesola.pb")},
                        output) == 0);
    CHECK_THAT(output, Catch::StartsWith("818\n466\n"));
}

TEST_CASE("pb outcome on a malformed file names the line and exits 2") {
    sv::test::TempFolder folder;
    std::string text = sv::test::read_file(fixture_path("Netherlands_Assen_2024.pb"));
    text.replace(text.find("13;1000;21;"), 11, "13;lots;21;");
    sv::test::write_file(folder.file("broken.pb"), text);
    std::string output;
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "greedy", folder.file("broken.pb")},
                      output) == 2);
    CHECK_THAT(output, Catch::Contains("broken.pb: line 26: cost of project 13 \"lots\" is not a number"));
}

TEST_CASE("pb outcome counts a project listed twice in one ballot once, with a warning") {
    sv::test::TempFolder folder;
    std::string text = sv::test::read_file(fixture_path("Netherlands_Assen_2024.pb"));
    // The first voter lists project 9 twice: counted once, the outcome is the city's.
    text.replace(text.find(";1,2,6,9,13"), 11, ";1,2,6,9,13,9");
    sv::test::write_file(folder.file("repeated.pb"), text);
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "mes-add1", folder.file("repeated.pb")},
                        output) == 0);
    CHECK_THAT(output, Catch::Contains("warning: " + folder.file("repeated.pb") +
                                       ": voter vote01006bcf-62b6-435d-a0de-2966c3e75249 chooses project 9 twice; "
                                       "it is counted once"));
    CHECK_THAT(output, Catch::EndsWith("3\n9\n2\n11\n13\n14\n5\n6\n12\n"));
    output.clear();
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "check", folder.file("repeated.pb")}, output) == 2);
    CHECK_THAT(output, Catch::Contains("voter vote01006bcf-62b6-435d-a0de-2966c3e75249: a project is chosen twice"));
}

TEST_CASE("pb explain says why each project was funded or not, and what was left") {
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "explain", "--rule", "greedy",
                         fixture_path("Netherlands_Assen_2024.pb")},
                        output) == 0);
    CHECK_THAT(output, Catch::Contains("The file says the Method of Equal Shares with the add1 completion decides."));
    CHECK_THAT(output, Catch::Contains("3 PopUp Podium\n    Funded: 43 votes, 1st by votes; \xE2\x82\xAC"
                                       "100,000 was left "
                                       "and it costs \xE2\x82\xAC"
                                       "7,200."));
    CHECK_THAT(output, Catch::Contains("4 Gedichtenroute\n    Not funded: 8 votes"));
    CHECK_THAT(output, Catch::Contains("unspent."));
    output.clear();
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "explain", "--rule", "mes-add1",
                         fixture_path("Netherlands_Assen_2024.pb")},
                        output) == 0);
    CHECK_THAT(output, Catch::Contains("3 PopUp Podium\n    Funded in round 1: its 43 supporters paid"));
    CHECK_THAT(output, Catch::Contains("4 Gedichtenroute\n    Not funded: its 8 supporters had"));
    CHECK_THAT(output, Catch::Contains("between them when it needed \xE2\x82\xAC"
                                       "30,000."));
}

TEST_CASE("pb outcome refuses an unknown rule") {
    std::string output;
    CHECK(run_program(
              {STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "random", fixture_path("Netherlands_Assen_2024.pb")},
              output) == 2);
    CHECK_THAT(output, Catch::Contains("random"));
}

TEST_CASE("pb check is clean on a real file and lists every problem on a bad one") {
    std::string output;
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "check", fixture_path("Switzerland_Zurich_D10.pb")}, output) == 0);
    CHECK_THAT(output, Catch::Contains("no problems"));

    sv::test::TempFolder folder;
    std::string text = sv::test::read_file(fixture_path("Netherlands_Assen_2024.pb"));
    text.replace(text.find("num_votes;84"), 12, "num_votes;85");
    text.replace(text.find("vote_type;approval"), 18, "vote_type;approval \nrule ;equalshares");
    text.replace(text.find("rule;equalshares/add1\r\n"), 23, "");  // this file has Windows line endings
    sv::test::write_file(folder.file("bad.pb"), text);
    output.clear();
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "check", folder.file("bad.pb")}, output) == 2);
    CHECK_THAT(output, Catch::Contains("num_votes is 85 but VOTES has 84"));
    CHECK_THAT(output, Catch::Contains("spaces around a cell"));
    CHECK_THAT(output, Catch::Contains("3 problems"));
}

TEST_CASE("pb export explains what it cannot find, and writes nothing") {
    sv::test::TempFolder folder;
    std::string output;
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", folder.file("nowhere"), "--campaign",
                       "demo-riverside-budget-2026", "--out", folder.file("out.pb")},
                      output) == 2);
    CHECK_THAT(output, Catch::Contains("there is no answers file in"));
    output.clear();
    // A kiosk that ran only the Place Standard demo.
    REQUIRE(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign", STREETVOICE_DEMO_CAMPAIGN,
                         "--autopilot", "1", "--seed", "3"},
                        output) == 0);
    output.clear();
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", folder.path(), "--campaign",
                       "demo-riverside-budget-2026", "--out", folder.file("out.pb")},
                      output) == 2);
    CHECK_THAT(output, Catch::Contains("this kiosk has never run a campaign called \"demo-riverside-budget-2026\""));
    output.clear();
    CHECK(run_program({STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", folder.path(), "--campaign",
                       "demo-riverside-2026", "--out", folder.file("out.pb")},
                      output) == 2);
    CHECK_THAT(output, Catch::Contains("has no budget vote"));
    CHECK_FALSE(std::filesystem::exists(folder.file("out.pb")));
}
