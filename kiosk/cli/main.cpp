// streetvoice: the organisers' and staff's command-line tool.
//   streetvoice pb outcome --rule greedy|mes-add1 FILE.pb   funded project ids, in funding order
//   streetvoice pb check FILE.pb                           every problem against the strict format
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "pabulib_reader.hpp"
#include "pabulib_writer.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"

namespace {

constexpr int kExitProblem = 2;

int fail(const std::string& message) {
    std::fprintf(stderr, "streetvoice: %s\n", message.c_str());
    return kExitProblem;
}

int pb_outcome(const std::string& rule, const std::string& path) {
    auto reading = sv::read_pabulib_file(path);
    if (!reading) return fail(reading.error().message);
    auto instance = sv::make_pb_instance(reading.value().election);
    if (!instance) return fail(path + ": " + instance.error().message);
    const auto funded =
        rule == "greedy" ? sv::greedy_outcome(instance.value()) : sv::equal_shares_add1_outcome(instance.value());
    for (int p : funded) std::printf("%s\n", instance.value().projects[static_cast<std::size_t>(p)].id.c_str());
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

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Streetvoice tools for organisers and staff"};
    cli.require_subcommand(1);
    CLI::App* pb = cli.add_subcommand("pb", "Participatory budgeting: outcomes and pabulib files");
    pb->require_subcommand(1);

    std::string rule = "greedy", outcome_file, check_file;
    CLI::App* outcome = pb->add_subcommand("outcome", "Print the funded project ids, one per line, in funding order");
    outcome->add_option("--rule", rule, "greedy or mes-add1 (Method of Equal Shares with add1 completion)")
        ->check(CLI::IsMember({"greedy", "mes-add1"}))
        ->capture_default_str();
    outcome->add_option("file", outcome_file, "pabulib .pb file")->required();
    CLI::App* check = pb->add_subcommand("check", "Check a .pb file against the strict format; list every problem");
    check->add_option("file", check_file, "pabulib .pb file")->required();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : kExitProblem;
    }
    if (outcome->parsed()) return pb_outcome(rule, outcome_file);
    if (check->parsed()) return pb_check(check_file);
    return kExitProblem;
}
