#include <signal.h>

#include <thread>

#include "stop_signals.hpp"

namespace sv {

void watch_stop_signals(std::function<void()> on_stop) {
    sigset_t stops;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stops, nullptr);
    // sigwait in an ordinary thread: the callback may then do anything, unlike a handler.
    std::thread([stops, on_stop = std::move(on_stop)] {
        for (;;) {
            int signal_number = 0;
            if (sigwait(&stops, &signal_number) == 0) on_stop();
        }
    }).detach();
}

}  // namespace sv
