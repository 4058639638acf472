#include <catch2/catch.hpp>
#include <random>

#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "temp_folder.hpp"

namespace {

const char* const kFixtures[] = {"Netherlands_Assen_2024.pb", "Poland_Warszawa_2023_Wesola.pb",
                                 "Switzerland_Zurich_D10.pb", "Switzerland_Zurich_S5R.pb"};

std::string fixture_path(const std::string& name) {
    return std::string(STREETVOICE_PB_FIXTURES) + "/" + name;
}

sv::PbReading read_ok(const std::string& text) {
    auto reading = sv::read_pabulib(text, "test.pb");
    if (!reading) FAIL(reading.error().message);
    return reading.value();
}

std::string error_of(const std::string& text) {
    auto reading = sv::read_pabulib(text, "test.pb");
    REQUIRE_FALSE(reading.ok());
    return reading.error().message;
}

const char* const kSmall =
    "META\nkey;value\ndescription;Test\ncountry;UK\nunit;Riverside\ninstance;2026\nnum_projects;2\nnum_votes;2\n"
    "budget;1000\nvote_type;approval\nrule;greedy\ndate_begin;01.05.2026\ndate_end;2026\n"
    "PROJECTS\nproject_id;cost;name\n1;600;Benches\n2;500;Lights\n"
    "VOTES\nvoter_id;vote\na;1,2\nb;2\n";

}  // namespace

TEST_CASE("every real fixture reads, checks clean and survives a round trip") {
    for (const char* name : kFixtures) {
        INFO(name);
        auto first = sv::read_pabulib_file(fixture_path(name));
        if (!first) FAIL(first.error().message);
        CHECK(sv::check_pabulib(first.value()).empty());
        const std::string written = sv::write_pabulib(first.value().election);
        auto second = read_ok(written);
        CHECK(second.election == first.value().election);
        CHECK(second.tolerated.empty());
        CHECK(sv::check_pabulib(second).empty());
        CHECK(sv::write_pabulib(second.election) == written);
    }
}

TEST_CASE("a fixture keeps every column it carries") {
    auto reading = sv::read_pabulib_file(fixture_path("Poland_Warszawa_2023_Wesola.pb"));
    REQUIRE(reading.ok());
    const auto& e = reading.value().election;
    CHECK(e.meta_value("district") == std::optional<std::string>("Wesoła"));
    CHECK(e.projects.column("beneficiaries") >= 0);
    CHECK(e.votes.column("voting_method") >= 0);
    CHECK(e.projects.rows.size() == 29);
    CHECK(e.votes.rows.size() == 1181);
}

TEST_CASE("the reader tolerates what real files contain, and notes it") {
    std::string messy = kSmall;
    messy.insert(0, "\xEF\xBB\xBF");
    messy.replace(messy.find("budget;1000"), 11, "budget;1000,0");
    messy.replace(messy.find("1;600;Benches"), 13, " 1 ; 600 ;Benches");
    messy.replace(messy.find("2;500;Lights"), 12, "2;500;None");
    messy.replace(messy.find("VOTES"), 5, "\nVOTES");
    const auto reading = read_ok(messy);
    CHECK(reading.election.meta_value("budget") == std::optional<std::string>("1000.0"));
    CHECK(reading.election.projects.rows[0] == std::vector<std::string>{"1", "600", "Benches"});
    CHECK(reading.election.projects.rows[1][2].empty());
    const auto problems = sv::check_pabulib(reading);
    auto mentions = [&](const std::string& what) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const auto& p) { return p.find(what) != std::string::npos; });
    };
    CHECK(mentions("byte-order mark"));
    CHECK(mentions("comma decimal in budget"));
    CHECK(mentions("spaces around a cell"));
    CHECK(mentions("None for an absent value"));
    CHECK(mentions("empty line"));
}

TEST_CASE("windows line endings read the same") {
    std::string crlf;
    for (char c : std::string(kSmall)) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    CHECK(read_ok(crlf).election == read_ok(kSmall).election);
}

TEST_CASE("quoted cells with separators, quotes and line breaks round-trip") {
    std::string text = kSmall;
    text.replace(text.find("1;600;Benches"), 13, "1;600;\"Benches; \"\"new\"\"\nand old\"");
    const auto reading = read_ok(text);
    CHECK(reading.election.projects.rows[0][2] == "Benches; \"new\"\nand old");
    CHECK(read_ok(sv::write_pabulib(reading.election)).election == reading.election);
    // The vote line after the multi-line cell still gets its own line number.
    std::string bad = text;
    bad.replace(bad.find("b;2"), 3, "b;9");
    CHECK_THAT(error_of(bad), Catch::Contains("line 22") && Catch::Contains("project \"9\""));
}

TEST_CASE("malformed files are refused with the line named") {
    auto replace = [](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    CHECK_THAT(error_of(""), Catch::Contains("empty"));
    CHECK_THAT(error_of(replace(kSmall, "META", "DATA")), Catch::Contains("line 1: the file must start with META"));
    CHECK_THAT(error_of(replace(kSmall, "key;value", "k;v")),
               Catch::Contains("line 2") && Catch::Contains("key;value"));
    CHECK_THAT(error_of(replace(kSmall, "2;500;Lights", "2;500")),
               Catch::Contains("line 17: expected 3 cells, found 2"));
    CHECK_THAT(error_of(replace(kSmall, "2;500;Lights", "1;500;Lights")),
               Catch::Contains("line 17: project 1 appears twice"));
    CHECK_THAT(error_of(replace(kSmall, "1;600;", "1;six hundred;")),
               Catch::Contains("line 16: cost of project 1 \"six hundred\" is not a number"));
    CHECK_THAT(error_of(replace(kSmall, "b;2", "b;7")), Catch::Contains("line 21") && Catch::Contains("\"7\""));
    CHECK_THAT(error_of(replace(kSmall, "b;2", "a;2")), Catch::Contains("line 21: voter a appears twice"));
    CHECK_THAT(error_of(replace(kSmall, "project_id;cost;name", "id;cost;name")), Catch::Contains("project_id"));
    CHECK_THAT(error_of(replace(kSmall, "Benches", "\"Benches")), Catch::Contains("never closed"));
    CHECK_THAT(error_of(replace(kSmall, "budget;1000", "budget;lots")),
               Catch::Contains("budget \"lots\" is not a number"));
    CHECK_THAT(error_of(kSmall + std::string("VOTES\n")), Catch::Contains("VOTES must follow PROJECTS"));
    CHECK_THAT(error_of(std::string(kSmall).substr(0, std::string(kSmall).find("VOTES"))), Catch::Contains("no VOTES"));
}

TEST_CASE("the strict check reports what a file gets wrong") {
    std::string text = kSmall;
    text.replace(text.find("num_votes;2"), 11, "num_votes;3");
    text.replace(text.find("date_begin;01.05.2026"), 21, "date_begin;1 May 2026");
    text.replace(text.find("country;UK\n"), 11, "");
    text.replace(text.find("a;1,2"), 5, "a;1,2,1");
    text.insert(text.find("rule;greedy"), "max_length;1\n");
    auto reading = sv::read_pabulib(text, "test.pb");
    REQUIRE(reading.ok());
    const auto problems = sv::check_pabulib(reading.value());
    auto mentions = [&](const std::string& what) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const auto& p) { return p.find(what) != std::string::npos; });
    };
    CHECK(mentions("num_votes is 3 but VOTES has 2"));
    CHECK(mentions("date_begin \"1 May 2026\""));
    CHECK(mentions("META has no country"));
    CHECK(mentions("voter a: a project is chosen twice"));
    CHECK(mentions("voter a: chose more than max_length projects"));
    // Writing makes the counts true.
    CHECK_THAT(sv::write_pabulib(reading.value().election), Catch::Contains("num_votes;2\n"));
}

TEST_CASE("random damage to real files never crashes or hangs the reader") {
    std::mt19937 random(7);
    const std::string base = sv::test::read_file(fixture_path("Netherlands_Assen_2024.pb"));
    const std::string alphabet = ";,\"\n\r 0123456789abcMETAPROJECTSVOTES\xEF\xBB\xBF";
    int refused = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string damaged = base;
        const int edits = 1 + static_cast<int>(random() % 6);
        for (int e = 0; e < edits && !damaged.empty(); ++e) {
            const std::size_t at = random() % damaged.size();
            switch (random() % 4) {
                case 0: damaged[at] = alphabet[random() % alphabet.size()]; break;
                case 1: damaged.erase(at, 1 + random() % 40); break;
                case 2: damaged.insert(at, 1, alphabet[random() % alphabet.size()]); break;
                default: damaged.insert(at, damaged.substr(random() % damaged.size(), random() % 80)); break;
            }
        }
        auto reading = sv::read_pabulib(damaged, "fuzz.pb");
        if (!reading) {
            ++refused;
            CHECK_THAT(reading.error().message, Catch::StartsWith("fuzz.pb: "));
            continue;
        }
        sv::check_pabulib(reading.value());
        // Writing makes the counts true; from then on writing and reading change nothing.
        const auto normalised = read_ok(sv::write_pabulib(reading.value().election)).election;
        CHECK(read_ok(sv::write_pabulib(normalised)).election == normalised);
    }
    CHECK(refused > 0);
}
