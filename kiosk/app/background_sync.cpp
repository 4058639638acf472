#include "background_sync.hpp"

#include <cstdio>

#include "hub_sync.hpp"

namespace sv {

BackgroundSync::BackgroundSync(BackgroundSyncSettings settings) : settings_(std::move(settings)) {
    status_.hub_url = settings_.hub_url;
    thread_ = std::thread([this] { run(); });
}

BackgroundSync::~BackgroundSync() {
    signal_.stop();
    thread_.join();
}

SyncStatus BackgroundSync::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

bool BackgroundSync::wait_until(const std::function<bool(const SyncStatus&)>& wanted,
                                std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return wanted(status_); });
}

void BackgroundSync::update(const std::function<void(SyncStatus&)>& change) {
    std::string problem_now;
    bool problem_changed;
    {
        std::lock_guard lock(mutex_);
        const std::string before = status_.problem;
        change(status_);
        problem_changed = status_.problem != before;
        problem_now = status_.problem;
    }
    changed_.notify_all();
    // Staff and IT read the kiosk's log (the journal): each new problem once, and its end.
    if (problem_changed && !signal_.stopped()) {
        if (problem_now.empty())
            std::fprintf(stderr, "streetvoice-kiosk: sync: working again\n");
        else
            std::fprintf(stderr, "streetvoice-kiosk: sync: %s\n", problem_now.c_str());
    }
}

void BackgroundSync::run() {
    auto opened = Store::open(settings_.answers_path);
    if (!opened) return update([&](SyncStatus& s) { s.problem = opened.error().message; });
    Store& store = opened.value();
    auto connected = HubConnection::open(settings_.hub_url, settings_.connection);
    if (!connected) return update([&](SyncStatus& s) { s.problem = connected.error().message; });

    SyncSettings sync_settings;
    sync_settings.backoff = settings_.backoff;
    sync_settings.patience = std::chrono::milliseconds(0);  // keep trying until the kiosk closes
    HubSync sync(store, connected.value(), sync_settings, signal_);
    sync.on_progress([this](const SyncProgress& p) {
        update([&](SyncStatus& s) {
            s.waiting = p.tally.left;
            s.problem = p.problem;
        });
    });

    while (!signal_.stopped()) {
        Result<bool> enrolled = sync.enrolled();
        if (enrolled && !enrolled.value() && !settings_.enrol_code.empty()) {
            const Status done = sync.enrol(settings_.enrol_code);
            enrolled = done ? Result<bool>(true) : Result<bool>(done.error());
        }
        if (!enrolled || !enrolled.value()) {
            // Nothing to do until staff enrol the kiosk (a new code means a restart).
            update([&](SyncStatus& s) {
                if (!enrolled)
                    s.problem = enrolled.error().message;
                else if (s.problem.empty())
                    s.problem = "This kiosk is not enrolled with the hub yet; ask the organiser for a code.";
                s.enrolled = false;
                ++s.rounds;
            });
            signal_.wait_for(std::chrono::hours(24));
            continue;
        }
        update([](SyncStatus& s) { s.enrolled = true; });
        // Answers first: fetching campaigns is less urgent than getting votes off the tablet.
        const std::int64_t resent_before = sync.tally().resent;
        const bool moved_before = !sync.moved_from().empty();
        Status pulled = sync.send_outbox();
        if (pulled) {
            if (auto fresh = sync.pull_campaigns(); !fresh) pulled = fresh.error();
        }
        if (const std::int64_t resent = sync.tally().resent - resent_before; resent > 0)
            std::fprintf(stderr,
                         "streetvoice-kiosk: sync: the hub lacked %lld answers it had received once; sent again\n",
                         static_cast<long long>(resent));
        if (!moved_before && !sync.moved_from().empty())
            std::fprintf(stderr, "streetvoice-kiosk: sync: the hub is now at %s (was %s)\n", settings_.hub_url.c_str(),
                         sync.moved_from().c_str());
        auto counts = store.outbox_counts();
        update([&](SyncStatus& s) {
            if (counts) {
                s.waiting = counts.value().pending;
                s.refused = counts.value().rejected;
            }
            s.problem = !pulled ? pulled.error().message : counts ? "" : counts.error().message;
            if (pulled) s.last_success = std::chrono::steady_clock::now();
            ++s.rounds;
        });
        const bool troubled = !pulled || !counts;
        signal_.wait_for(troubled ? settings_.backoff.cap : settings_.idle_round);
    }
}

SaveResponse save_and_nudge(Store& store, BackgroundSync* sync) {
    return [&store, sync](const ResponseDraft& draft) {
        auto saved = store.record_response(draft);
        if (saved && sync) sync->nudge();
        return saved;
    };
}

}  // namespace sv
