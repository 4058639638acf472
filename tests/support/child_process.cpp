#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace sv::test {
namespace {

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, Stderr stderr_goes) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    auto args = c_argv(argv);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        if (stderr_goes == Stderr::with_stdout) {
            dup2(pipe_fds[1], STDERR_FILENO);
        } else {
            const int null = open("/dev/null", O_WRONLY);
            dup2(null, STDERR_FILENO);
        }
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    out_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
    if (!waited_ && pid_ > 0) {
        kill(pid_, SIGKILL);
        wait();
    }
    if (out_fd_ >= 0) close(out_fd_);
}

void ChildProcess::take_complete_lines(std::vector<std::string>& lines) {
    std::size_t newline;
    while ((newline = pending_.find('\n')) != std::string::npos) {
        lines.push_back(pending_.substr(0, newline));
        pending_.erase(0, newline + 1);
    }
}

bool ChildProcess::read_lines_for(int deadline_ms, std::vector<std::string>& lines) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(deadline_ms);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) return true;
        pollfd p{out_fd_, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left));
        if (ready <= 0) continue;
        char buffer[4096];
        const ssize_t n = read(out_fd_, buffer, sizeof buffer);
        if (n <= 0) return false;
        pending_.append(buffer, static_cast<std::size_t>(n));
        take_complete_lines(lines);
    }
}

void ChildProcess::read_remaining_lines(std::vector<std::string>& lines) {
    char buffer[4096];
    ssize_t n;
    while ((n = read(out_fd_, buffer, sizeof buffer)) > 0) pending_.append(buffer, static_cast<std::size_t>(n));
    take_complete_lines(lines);  // a line cut off by the kill has no newline and is not counted
}

void ChildProcess::kill_now() {
    kill(pid_, SIGKILL);
}

void ChildProcess::send_signal(int signal) {
    kill(pid_, signal);
}

int ChildProcess::wait() {
    if (!waited_) {
        waitpid(pid_, &status_, 0);
        waited_ = true;
    }
    if (WIFEXITED(status_)) return WEXITSTATUS(status_);
    if (WIFSIGNALED(status_)) return 128 + WTERMSIG(status_);
    return -1;
}

int run_program(const std::vector<std::string>& argv, std::string& output) {
    output.clear();
    ChildProcess program(argv, ChildProcess::Stderr::with_stdout);
    std::vector<std::string> lines;
    while (program.read_lines_for(60000, lines)) {
    }
    program.read_remaining_lines(lines);
    for (const auto& line : lines) output += line + "\n";
    return program.wait();
}

}  // namespace sv::test
