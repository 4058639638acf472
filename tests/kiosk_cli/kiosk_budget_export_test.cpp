// Ballots cast by touch on the real kiosk, exported with `streetvoice pb export`, must count
// the same in the file as the kiosk counts them itself, and give the same funded projects.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "budget_export.hpp"
#include "campaign.hpp"
#include "child_process.hpp"
#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
#include "store.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::test::ChildProcess;
using sv::test::run_program;

namespace {

// The demo budget campaign with only its budget vote (so every autopilot citizen votes),
// with the ballot rules given, and without pictures (they would have to be copied along).
std::string budget_only_campaign(const nlohmann::json& ballot_rules) {
    auto campaign = nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    nlohmann::json activities = nlohmann::json::array();
    for (auto& activity : campaign["activities"]) {
        if (activity["type"] != "budget-vote") continue;
        activity["ballot"] = ballot_rules;
        for (auto& project : activity["projects"]) project.erase("image");  // the pictures stay behind
        activities.push_back(activity);
    }
    campaign["activities"] = activities;
    return campaign.dump(2);
}

// Runs kiosks side by side on one data folder, `each` citizens apiece; returns every UUID
// they thanked.
std::set<std::string> run_kiosks(const std::string& data_dir, const std::string& campaign_file, int kiosks, int each) {
    std::vector<std::unique_ptr<ChildProcess>> running;
    for (int k = 0; k < kiosks; ++k)
        // The small screen draws fastest; the layout is the same, only shrunk.
        running.push_back(std::make_unique<ChildProcess>(
            std::vector<std::string>{STREETVOICE_KIOSK_BINARY, "--data-dir", data_dir, "--campaign", campaign_file,
                                     "--autopilot", std::to_string(each), "--seed", std::to_string(k + 7), "--size",
                                     "640x400"},
            ChildProcess::Stderr::with_stdout));
    std::set<std::string> thanked;
    for (auto& kiosk : running) {
        std::vector<std::string> lines;
        while (kiosk->read_lines_for(60000, lines)) {
        }
        kiosk->read_remaining_lines(lines);
        const std::string last_line = lines.empty() ? "(nothing printed)" : lines.back();
        INFO(last_line);
        REQUIRE(kiosk->wait() == 0);
        for (const auto& line : lines)
            if (line.rfind("thanked ", 0) == 0) thanked.insert(line.substr(8));
    }
    return thanked;
}

std::vector<std::string> ids_of(const sv::PbInstance& instance, const std::vector<int>& funded) {
    std::vector<std::string> ids;
    for (int i : funded) ids.push_back(instance.projects[static_cast<std::size_t>(i)].id);
    return ids;
}

std::string lines_of(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += id + "\n";
    return text;
}

}  // namespace

TEST_CASE("budget ballots cast by touch export to a .pb that counts as the kiosk counts") {
    struct Case {
        const char* name;
        nlohmann::json rules;
        int kiosks, each;
    };
    const Case cases[] = {
        {"knapsack, 1,000 ballots", {{"type", "knapsack"}, {"min_choices", 1}}, 2, 500},
        {"approval", {{"type", "approval"}, {"min_choices", 1}, {"max_choices", 4}}, 2, 60},
        {"ranked", {{"type", "ranked"}, {"max_choices", 3}}, 2, 60},
        {"cumulative", {{"type", "cumulative"}, {"points", 10}, {"max_points_per_project", 5}}, 2, 60},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            sv::test::TempFolder folder;
            const std::string campaign_file = folder.file("campaign.json");
            sv::test::write_file(campaign_file, budget_only_campaign(c.rules));
            const auto campaign = sv::load_campaign_file(campaign_file);
            REQUIRE(campaign.ok());

            const auto thanked = run_kiosks(folder.file("data"), campaign_file, c.kiosks, c.each);
            REQUIRE(thanked.size() == static_cast<std::size_t>(c.kiosks * c.each));

            std::string output;
            REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", folder.file("data"),
                                 "--campaign", campaign.value().id, "--out", folder.file("votes.pb")},
                                output) == 0);
            REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "check", folder.file("votes.pb")}, output) == 0);
            auto file = sv::read_pabulib_file(folder.file("votes.pb"));
            REQUIRE(file.ok());
            CHECK(sv::check_pabulib(file.value()).empty());

            // Every voter in the file is a citizen who was thanked, and every one of them is there.
            std::set<std::string> voters;
            for (const auto& row : file.value().election.votes.rows) voters.insert(row.at(0));
            CHECK(voters == thanked);

            // The kiosk's own count, straight from its store.
            auto store = sv::Store::open(folder.file("data") + "/answers.sqlite");
            REQUIRE(store.ok());
            auto ballots =
                sv::stored_ballots(campaign.value(), "budget", sv::responses_only(store.value().responses().value()));
            REQUIRE(ballots.ok());
            const auto& vote = campaign.value().activity("budget")->budget;
            const auto own_tally = sv::tally_budget_vote(vote, ballots.value());
            auto own_election = sv::budget_vote_election(campaign.value(), "budget", ballots.value());
            REQUIRE(own_election.ok());
            auto own = sv::make_pb_instance(own_election.value());
            REQUIRE(own.ok());

            auto from_file = sv::make_pb_instance(file.value().election);
            REQUIRE(from_file.ok());
            CHECK(sv::pb_scores(from_file.value()) == own_tally);

            // The funded projects, worked out by the command-line tool from the file, match
            // those worked out from the kiosk's own ballots.
            const std::map<std::string, std::vector<std::string>> own_outcomes = {
                {"greedy", ids_of(own.value(), sv::greedy_outcome(own.value()))},
                {"mes-add1", ids_of(own.value(), sv::equal_shares_add1_outcome(own.value()))}};
            for (const auto& [rule, funded] : own_outcomes) {
                INFO(rule);
                CHECK_FALSE(funded.empty());
                REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", rule, folder.file("votes.pb")},
                                    output) == 0);
                CHECK(output == lines_of(funded));
            }
        }
    }
}

TEST_CASE("pb export writes one file per campaign version when a project's cost changed between them") {
    sv::test::TempFolder folder;
    auto v1 = nlohmann::json::parse(budget_only_campaign({{"type", "approval"}}));
    auto v2 = v1;
    v2["version"] = v1["version"].get<int>() + 1;
    v2["activities"][0]["projects"][0]["cost"] = 7500;
    {
        auto store = sv::Store::open(sv::answers_file_in(folder.path()));
        REQUIRE(store.ok());
        for (const auto* definition : {&v1, &v2}) {
            const auto campaign = sv::parse_campaign(definition->dump(), "test").value();
            REQUIRE(store.value().remember_campaign(campaign.id, campaign.version, definition->dump()).ok());
            // 4 ballots under the first version, 5 under the second, whatever they are numbered.
            for (int citizen = 0; citizen < (definition == &v1 ? 4 : 5); ++citizen) {
                sv::BudgetBallot ballot;
                ballot.chosen = {0, citizen + 1};
                sv::ResponseDraft draft;
                draft.uuid = sv::new_uuid();
                draft.campaign_id = campaign.id;
                draft.campaign_version = campaign.version;
                draft.activity_id = "budget";
                draft.payload = sv::ballot_payload(campaign.activity("budget")->budget, ballot);
                REQUIRE(store.value().record_response(draft).ok());
            }
        }
    }
    const std::string id = v1["id"], out = folder.file("riverside.pb");
    const int first = v1["version"], second = v2["version"];
    std::string output;
    REQUIRE(run_program(
                {STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", folder.path(), "--campaign", id, "--out", out},
                output) == 0);
    INFO(output);
    const std::string first_file = folder.file("riverside-v" + std::to_string(first) + ".pb");
    const std::string second_file = folder.file("riverside-v" + std::to_string(second) + ".pb");
    CHECK_THAT(output,
               Catch::Contains("wrote 4 ballots cast under version " + std::to_string(first) + " to " + first_file));
    CHECK_THAT(output,
               Catch::Contains("wrote 5 ballots cast under version " + std::to_string(second) + " to " + second_file));
    CHECK_FALSE(std::filesystem::exists(out));
    for (const auto& [file, ballots, benches_cost] :
         {std::tuple{first_file, 4, std::string("6000")}, std::tuple{second_file, 5, std::string("7500")}}) {
        const auto reading = sv::read_pabulib_file(file).value();
        CHECK(sv::check_pabulib(reading).empty());
        const sv::PbElection& election = reading.election;
        CHECK(election.votes.rows.size() == static_cast<std::size_t>(ballots));
        CHECK(election.projects.rows.at(0).at(1) == benches_cost);
    }
}
