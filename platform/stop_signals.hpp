#pragma once
// The operating system asking the kiosk to stop (systemd stopping the service, Ctrl+C in a
// terminal). Kept apart from the window's close button, which citizens can reach.
#include <functional>

namespace sv {

// Blocks SIGINT, SIGTERM and SIGHUP in this thread and every thread started after it, and
// calls `on_stop` on a thread of its own each time one arrives. Call before starting threads.
void watch_stop_signals(std::function<void()> on_stop);

}  // namespace sv
