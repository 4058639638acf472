#include "chain_log_command.hpp"

#include <cstdio>

#include "ballot_chain.hpp"
#include "kiosk_answers.hpp"
#include "store.hpp"

namespace sv {
namespace {

constexpr int kExitBroken = 1;

}  // namespace

CLI::App* add_chain_log_command(CLI::App& cli, ChainLogOptions& o) {
    CLI::App* log = cli.add_subcommand(
        "log", "Check a kiosk's chain of answers and print its head, the code staff write on the event sheet");
    log->add_option("--data-dir", o.data_dir, "The kiosk's data folder")->required();
    return log;
}

int run_chain_log_command(const ChainLogOptions& o) {
    auto opened = open_kiosk_answers(o.data_dir);
    if (!opened) {
        std::fprintf(stderr, "streetvoice log: %s\n", opened.error().message.c_str());
        return kExitBroken;
    }
    const Store& store = opened.value();
    auto breaks = store.check_chain();
    auto head = store.chain_head();
    if (!breaks || !head) {
        std::fprintf(stderr, "streetvoice log: %s\n", (!breaks ? breaks.error() : head.error()).message.c_str());
        return kExitBroken;
    }
    std::printf("Tablet %s: %lld answers in its chain.\n", store.device_id().c_str(),
                static_cast<long long>(head.value().answers));
    std::printf("Chain head: %s   (the whole link: %s)\n", chain_head_code(head.value().link).c_str(),
                head.value().link.c_str());
    if (breaks.value().empty()) {
        std::printf("The chain holds: no answer was changed, removed or put in after it was stored.\n");
        return 0;
    }
    std::printf(
        "The chain is broken in %zu place(s): this answers file was changed after the answers were "
        "stored. Keep it as it is and tell the organiser.\n",
        breaks.value().size());
    for (const auto& b : breaks.value()) {
        if (b.seq > 0)
            std::printf("  answer %lld (%s) %s\n", static_cast<long long>(b.seq), b.uuid.c_str(), b.what.c_str());
        else
            std::printf("  %s\n", b.what.c_str());
    }
    return kExitBroken;
}

}  // namespace sv
