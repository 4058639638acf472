// streetvoice: the organisers' and staff's command-line tool.
//   streetvoice pb outcome --rule greedy|mes-add1 FILE.pb   funded project ids, in funding order
//   streetvoice pb explain --rule greedy|mes-add1 FILE.pb   why each project was funded or not
//   streetvoice pb check FILE.pb                           every problem against the strict format
//   streetvoice pb export --data-dir DIR --campaign ID --out FILE.pb   a kiosk's budget votes as .pb
//   streetvoice sync --data-dir DIR [--hub URL] [--enrol CODE]         send a kiosk's answers to the hub
//   streetvoice staff-pin --data-dir DIR                               set a kiosk's staff PIN (from stdin)
//   streetvoice voter-codes --count N --salt S --codes-out FILE        one-time voter codes for a campaign
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "answers_backup_commands.hpp"
#include "budget_export.hpp"
#include "budget_vote.hpp"
#include "chain_log_command.hpp"
#include "kiosk_answers.hpp"
#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "pb_explanation.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
#include "stall_setup_commands.hpp"
#include "sync_command.hpp"

namespace {

constexpr int kExitProblem = 2;

int fail(const std::string& message) {
    std::fprintf(stderr, "streetvoice: %s\n", message.c_str());
    return kExitProblem;
}

// The file read and counted as its city counted it; each quirk counted that way is a warning.
sv::Result<std::pair<sv::PbElection, sv::PbInstance>> read_election(const std::string& path) {
    auto reading = sv::read_pabulib_file(path);
    if (!reading) return reading.error();
    auto instance = sv::make_pb_instance(reading.value().election);
    if (!instance) return sv::Error{path + ": " + instance.error().message};
    for (const auto& warning : instance.value().warnings)
        std::fprintf(stderr, "streetvoice: warning: %s: %s\n", path.c_str(), warning.c_str());
    return std::make_pair(std::move(reading.value().election), std::move(instance).value());
}

int pb_outcome(const std::string& rule, const std::string& path) {
    auto read = read_election(path);
    if (!read) return fail(read.error().message);
    const sv::PbInstance& instance = read.value().second;
    const auto funded = rule == "greedy" ? sv::greedy_outcome(instance) : sv::equal_shares_add1_outcome(instance);
    for (int p : funded) std::printf("%s\n", instance.projects[static_cast<std::size_t>(p)].id.c_str());
    return 0;
}

int pb_explain(const std::string& rule, const std::string& path) {
    auto read = read_election(path);
    if (!read) return fail(read.error().message);
    const auto& [election, instance] = read.value();
    const std::string currency = election.meta_value("currency").value_or("");
    const auto explained = rule == "greedy" ? sv::explain_greedy(instance, currency)
                                            : sv::explain_equal_shares(instance, currency).value();
    const int name_at = election.projects.column("name");
    std::printf("%s\n%s\n%s\n\n", explained.rule.c_str(), sv::deciding_rule_sentence(election).c_str(),
                explained.how.c_str());
    for (const auto& p : explained.projects) {
        const auto index = static_cast<std::size_t>(p.project);
        std::string label = instance.projects[index].id;
        if (name_at >= 0 && !election.projects.rows[index][static_cast<std::size_t>(name_at)].empty())
            label += " " + election.projects.rows[index][static_cast<std::size_t>(name_at)];
        std::printf("%s\n    %s\n", label.c_str(), p.why.c_str());
    }
    const std::string units = currency.empty() ? std::string("units") : currency;
    std::printf("\nFunded: %zu of %zu projects, %s of %s; %s unspent.\n", explained.funded.size(),
                instance.projects.size(), sv::format_money(explained.spent, units).c_str(),
                sv::format_money(instance.budget, units).c_str(), sv::format_money(explained.unspent, units).c_str());
    return 0;
}

int pb_check(const std::string& path) {
    auto reading = sv::read_pabulib_file(path);
    if (!reading) return fail(reading.error().message);
    const auto problems = sv::check_pabulib(reading.value());
    for (const auto& problem : problems) std::printf("%s: %s\n", path.c_str(), problem.c_str());
    if (!problems.empty()) {
        std::fprintf(stderr, "streetvoice: %s: %zu problem%s\n", path.c_str(), problems.size(),
                     problems.size() == 1 ? "" : "s");
        return kExitProblem;
    }
    std::printf("%s: no problems\n", path.c_str());
    return 0;
}

// Writes beside the target and renames, so a reader never sees half a file.
sv::Status write_file_whole(const std::string& path, const std::string& content) {
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::filesystem::remove(partial);
            return sv::Error{"could not write " + path + " (is the folder there, writable, and not full?)"};
        }
    }
    std::error_code renamed;
    std::filesystem::rename(partial, path, renamed);
    if (renamed) return sv::Error{"could not write " + path + ": " + renamed.message()};
    return sv::ok_status();
}

// "out/riverside.pb" for version 2 is "out/riverside-v2.pb".
std::string path_for_version(const std::string& path, int version) {
    const std::filesystem::path p(path);
    const std::string extension = p.has_extension() ? p.extension().string() : ".pb";
    return (p.parent_path() / (p.stem().string() + "-v" + std::to_string(version) + extension)).string();
}

// Each ballot counts under the campaign version it was cast under: a vote whose projects, costs
// or rules changed between versions is written as one file per version, named so.
int pb_export(const std::string& data_dir, const std::string& campaign_id, std::string activity_id,
              const std::string& out_path) {
    auto store = sv::open_kiosk_answers(data_dir);
    if (!store) return fail(store.error().message);
    auto definition = store.value().campaign_definition(campaign_id);
    if (!definition) return fail(definition.error().message);
    if (!definition.value()) return fail("this kiosk has never run a campaign called \"" + campaign_id + "\"");
    auto campaign = sv::parse_campaign(*definition.value(), campaign_id + " (as stored on the kiosk)");
    if (!campaign) return fail(campaign.error().message);
    auto activity = sv::budget_vote_to_export(campaign.value(), activity_id);
    if (!activity) return fail(activity.error().message);
    activity_id = activity.value();
    auto responses = store.value().responses();
    if (!responses) return fail(responses.error().message);
    const sv::Store& answers = store.value();
    auto elections =
        sv::budget_vote_elections(campaign.value(), activity_id, sv::responses_only(responses.value()),
                                  [&](int version) { return answers.campaign_definition(campaign_id, version); });
    if (!elections) return fail(elections.error().message);
    for (const auto& counted : elections.value()) {
        const std::string path = counted.version == 0 ? out_path : path_for_version(out_path, counted.version);
        if (auto written = write_file_whole(path, sv::write_pabulib(counted.election)); !written)
            return fail(written.error().message);
        std::printf("wrote %zu ballot%s%s to %s\n", counted.ballots, counted.ballots == 1 ? "" : "s",
                    counted.version == 0 ? "" : (" cast under version " + std::to_string(counted.version)).c_str(),
                    path.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Streetvoice tools for organisers and staff"};
    cli.set_version_flag("--version", "streetvoice " STREETVOICE_VERSION);
    cli.require_subcommand(1);
    CLI::App* pb = cli.add_subcommand("pb", "Participatory budgeting: outcomes and pabulib files");
    pb->require_subcommand(1);

    std::string rule = "greedy", outcome_file, check_file;
    CLI::App* outcome = pb->add_subcommand("outcome", "Print the funded project ids, one per line, in funding order");
    outcome->add_option("--rule", rule, "greedy or mes-add1 (Method of Equal Shares with add1 completion)")
        ->check(CLI::IsMember({"greedy", "mes-add1"}))
        ->capture_default_str();
    outcome->add_option("file", outcome_file, "pabulib .pb file")->required();
    std::string explain_rule = "greedy", explain_file;
    CLI::App* explain = pb->add_subcommand("explain", "Say why each project was funded or not, and what was unspent");
    explain->add_option("--rule", explain_rule, "greedy or mes-add1 (Method of Equal Shares with add1 completion)")
        ->check(CLI::IsMember({"greedy", "mes-add1"}))
        ->capture_default_str();
    explain->add_option("file", explain_file, "pabulib .pb file")->required();
    CLI::App* check = pb->add_subcommand("check", "Check a .pb file against the strict format; list every problem");
    check->add_option("file", check_file, "pabulib .pb file")->required();

    std::string data_dir, campaign_id, activity_id, out_path;
    CLI::App* exporting = pb->add_subcommand("export", "Write the budget votes stored on a kiosk as a .pb file");
    exporting->add_option("--data-dir", data_dir, "The kiosk's data folder")->required();
    exporting->add_option("--campaign", campaign_id, "Campaign id")->required();
    exporting->add_option("--activity", activity_id, "Which budget vote, when the campaign has several");
    exporting->add_option("--out", out_path, "The .pb file to write")->required();

    sv::SyncCommandOptions sync_options;
    CLI::App* sync = sv::add_sync_command(cli, sync_options);
    sv::StaffPinOptions pin_options;
    CLI::App* staff_pin = sv::add_staff_pin_command(cli, pin_options);
    sv::VoterCodesOptions code_options;
    CLI::App* voter_codes = sv::add_voter_codes_command(cli, code_options);
    sv::AnswersBackupOptions backup_options;
    CLI::App* backup = sv::add_backup_command(cli, backup_options);
    CLI::App* restore = sv::add_restore_command(cli, backup_options);
    sv::ChainLogOptions log_options;
    CLI::App* chain_log = sv::add_chain_log_command(cli, log_options);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : kExitProblem;
    }
    if (outcome->parsed()) return pb_outcome(rule, outcome_file);
    if (explain->parsed()) return pb_explain(explain_rule, explain_file);
    if (check->parsed()) return pb_check(check_file);
    if (exporting->parsed()) return pb_export(data_dir, campaign_id, activity_id, out_path);
    if (sync->parsed()) return sv::run_sync_command(sync_options);
    if (staff_pin->parsed()) return sv::run_staff_pin_command(pin_options);
    if (voter_codes->parsed()) return sv::run_voter_codes_command(code_options);
    if (backup->parsed()) return sv::run_backup_command(backup_options);
    if (restore->parsed()) return sv::run_restore_command(backup_options);
    if (chain_log->parsed()) return sv::run_chain_log_command(log_options);
    return kExitProblem;
}
