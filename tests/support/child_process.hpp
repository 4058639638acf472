#pragma once
// Runs a program with its stdout on a pipe, so tests can read what it prints as it
// prints it, and kill it at any moment.
#include <sys/types.h>

#include <string>
#include <vector>

namespace sv::test {

class ChildProcess {
public:
    enum class Stderr { discard, with_stdout };
    explicit ChildProcess(const std::vector<std::string>& argv, Stderr stderr_goes = Stderr::discard);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Reads whole lines printed until `deadline_ms` from now passes or the output ends.
    // Returns false when the output has ended.
    bool read_lines_for(int deadline_ms, std::vector<std::string>& lines);
    // Reads every remaining complete line (after the process has ended or been killed).
    void read_remaining_lines(std::vector<std::string>& lines);
    void kill_now();  // SIGKILL
    void send_signal(int signal);
    // Waits for the process to end; its exit code, or 128 + signal.
    int wait();
    pid_t pid() const { return pid_; }

private:
    void take_complete_lines(std::vector<std::string>& lines);

    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string pending_;
    bool waited_ = false;
    int status_ = 0;
};

// Runs a program to the end; returns its exit code and sets `output` to what it printed
// (stdout and stderr).
int run_program(const std::vector<std::string>& argv, std::string& output);

}  // namespace sv::test
