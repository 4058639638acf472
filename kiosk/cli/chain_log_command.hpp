#pragma once
// `streetvoice log --data-dir D`: the tablet's chain of answers (ballot_chain.hpp), checked
// answer by answer, and its head as the short code staff write on the event sheet at close.
// Exit 0 when the chain holds, 1 when it is broken or cannot be read, 2 for a wrong option.
#include <CLI/CLI.hpp>
#include <string>

namespace sv {

struct ChainLogOptions {
    std::string data_dir;
};
CLI::App* add_chain_log_command(CLI::App& cli, ChainLogOptions& options);
int run_chain_log_command(const ChainLogOptions& options);

}  // namespace sv
