#include "speech.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace sv {
namespace {

// espeak-ng's voice for a campaign language: British English for "en", else the code itself.
std::string voice_for(const std::string& language) {
    return language.empty() || language == "en" ? "en-gb" : language;
}

// Starts espeak-ng with `args`. The kiosk blocks its stop signals in every thread (a sigwait
// thread takes them), and a child inherits that mask: unblock them so stop() can end it.
Result<pid_t> start_espeak(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, "espeak-ng", nullptr, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    if (failed)
        return Error{std::string("Could not start espeak-ng to read aloud (is the espeak-ng package installed?): ") +
                     std::strerror(failed)};
    return pid;
}

class EspeakSpeaker final : public Speaker {
public:
    ~EspeakSpeaker() override { stop(); }

    Status say(const std::string& text, const std::string& language) override {
        stop();
        auto started = start_espeak({"espeak-ng", "-v", voice_for(language), "--", text});
        if (!started) return started.error();
        child_ = started.value();
        return ok_status();
    }

    void stop() override {
        if (child_ <= 0) return;
        kill(child_, SIGTERM);
        while (waitpid(child_, nullptr, 0) < 0 && errno == EINTR) {
        }
        child_ = 0;
    }

    bool speaking() override {
        if (child_ <= 0) return false;
        if (waitpid(child_, nullptr, WNOHANG) == child_) child_ = 0;
        return child_ > 0;
    }

private:
    pid_t child_ = 0;
};

}  // namespace

std::unique_ptr<Speaker> make_system_speaker() {
    return std::make_unique<EspeakSpeaker>();
}

Status speak_to_wav(const std::string& text, const std::string& language, const std::string& path) {
    auto started = start_espeak({"espeak-ng", "-v", voice_for(language), "-w", path, "--", text});
    if (!started) return started.error();
    int status = 0;
    while (waitpid(started.value(), &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{"espeak-ng could not make the speech for \"" + text + "\""};
    return ok_status();
}

}  // namespace sv
