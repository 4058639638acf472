#include "sync_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "hub_sync.hpp"
#include "kiosk_answers.hpp"

namespace sv {
namespace {

int cannot_start(const std::string& message) {
    std::fprintf(stderr, "streetvoice sync: %s\n", message.c_str());
    return 2;
}

std::string counted(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Between batches and retries: the summary at the end is printed once, by the caller.
void print_progress(const SyncProgress& p) {
    const SyncTally& t = p.tally;
    if (!p.problem.empty() && p.next_try_in.count() > 0) {
        std::fprintf(stderr, "%s Trying again in %.1f s.\n", p.problem.c_str(),
                     static_cast<double>(p.next_try_in.count()) / 1000.0);
    } else if (p.problem.empty() && t.sent > 0 && t.left > 0) {
        std::fprintf(stderr, "%lld sent, %lld to go\n", static_cast<long long>(t.sent), static_cast<long long>(t.left));
    }
    std::fflush(stderr);
}

void list_refused(const Store& store) {
    auto all = store.responses();
    if (!all) return;
    for (const auto& r : all.value())
        if (r.outbox == OutboxState::rejected)
            std::printf("refused by the hub, kept here: %s: %s\n", r.uuid.c_str(), r.rejection_reason.c_str());
}

}  // namespace

CLI::App* add_sync_command(CLI::App& cli, SyncCommandOptions& o) {
    CLI::App* sync = cli.add_subcommand("sync", "Send a kiosk's answers to the hub now, and fetch its campaigns");
    sync->add_option("--data-dir", o.data_dir, "The kiosk's data folder")->required();
    sync->add_option("--hub", o.hub_url,
                     "The hub's address, e.g. https://hub.example.org (default: the one enrolled with)");
    sync->add_option("--enrol", o.enrol_code, "A one-time enrolment code from the organiser (first sync only)");
    sync->add_option("--ca-file", o.ca_file,
                     "Certificate authority for a hub with the council's own certificate (kept for later syncs)");
    sync->add_flag("--retry-rejected", o.retry_rejected,
                   "Send answers the hub refused once more (after a fix on the hub)");
    sync->add_flag("--resend-all", o.resend_all,
                   "Send every answer again, sent or not (the hub keeps one copy of each; a sync also finds and "
                   "sends again by itself any a restored hub lacks)");
    sync->add_option("--patience", o.patience_seconds, "Seconds to keep trying through network failures")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    sync->add_option("--batch-size", o.batch_size, "Answers per request")
        ->check(CLI::Range(1, 500))
        ->capture_default_str();
    sync->add_option("--timeout", o.timeout_seconds, "Seconds without progress before a request is given up")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    sync->add_option("--retry-base-ms", o.retry_base_ms, "First wait after a failure (it doubles, with jitter)")
        ->check(CLI::Range(1, 600000))
        ->capture_default_str();
    sync->add_option("--retry-cap-ms", o.retry_cap_ms, "Longest wait between tries")
        ->check(CLI::Range(1, 3600000))
        ->capture_default_str();
    return sync;
}

int run_sync_command(const SyncCommandOptions& o) {
    // With an enrolment code this may be a new tablet's first sync, before the kiosk ever ran.
    auto opened = o.enrol_code.empty() ? open_kiosk_answers(o.data_dir) : open_new_kiosk_answers(o.data_dir);
    if (!opened) return cannot_start(opened.error().message);
    Store& store = opened.value();

    const std::string hub_url = o.hub_url.empty() ? enrolled_hub_url(store) : o.hub_url;
    if (hub_url.empty()) return cannot_start("this kiosk has not been enrolled with a hub: give --hub and --enrol.");
    HubConnectionOptions connection_options;
    connection_options.stall_timeout = std::chrono::seconds(o.timeout_seconds);
    connection_options.whole_timeout = std::chrono::seconds(4 * o.timeout_seconds);
    connection_options.connect_timeout = std::chrono::seconds(std::min(10, o.timeout_seconds));
    // Given once (here or in kiosk.conf), the certificate authority is kept for every later sync.
    connection_options.ca_file = o.ca_file;
    if (o.ca_file.empty()) {
        auto kept = store.setting(hub_setting::ca_file);
        if (kept && kept.value()) connection_options.ca_file = *kept.value();
    } else if (auto saved = store.save_setting(hub_setting::ca_file, o.ca_file); !saved) {
        return cannot_start(saved.error().message);
    }
    auto hub = HubConnection::open(hub_url, connection_options);
    if (!hub) return cannot_start(hub.error().message);

    SyncSettings settings;
    settings.batch_size = static_cast<std::size_t>(o.batch_size);
    settings.patience = std::chrono::seconds(o.patience_seconds);
    settings.backoff.base = std::chrono::milliseconds(o.retry_base_ms);
    settings.backoff.cap = std::chrono::milliseconds(std::max(o.retry_base_ms, o.retry_cap_ms));
    WakeSignal signal;
    HubSync sync(store, hub.value(), settings, signal);
    sync.on_progress(print_progress);

    if (!o.enrol_code.empty()) {
        if (auto enrolled = sync.enrol(o.enrol_code); !enrolled) return cannot_start(enrolled.error().message);
        std::printf("enrolled with %s\n", hub.value().url().c_str());
    } else if (auto enrolled = sync.enrolled(); !enrolled || !enrolled.value()) {
        return cannot_start(enrolled ? "this kiosk is not enrolled with " + hub_url +
                                           ": give --enrol CODE with a code from the organiser."
                                     : enrolled.error().message);
    }
    if (o.retry_rejected) {
        auto requeued = store.requeue_rejected();
        if (!requeued) return cannot_start(requeued.error().message);
        std::printf("%s back in the queue\n", counted(requeued.value(), "refused answer", "refused answers").c_str());
    }

    if (o.resend_all) {
        auto requeued = store.send_all_again();
        if (!requeued) return cannot_start(requeued.error().message);
        std::printf("%s back in the queue\n", counted(requeued.value(), "sent answer", "sent answers").c_str());
    }

    // Fetching campaigns is worth doing even when sending fails, and the other way round.
    auto pulled = sync.pull_campaigns();
    if (pulled)
        std::printf("%s from the hub\n",
                    counted(pulled.value(), "new campaign version", "new campaign versions").c_str());
    else
        std::fprintf(stderr, "streetvoice sync: could not fetch campaigns: %s\n", pulled.error().message.c_str());
    const Status sent = sync.send_outbox();

    const SyncTally& t = sync.tally();
    std::printf("sent %lld, accepted %lld, duplicate %lld, rejected %lld, left %lld\n", static_cast<long long>(t.sent),
                static_cast<long long>(t.accepted), static_cast<long long>(t.duplicate),
                static_cast<long long>(t.rejected), static_cast<long long>(t.left));
    if (t.resent > 0)
        std::printf("%s the hub had lost (restored from a backup?) sent again\n",
                    counted(t.resent, "answer", "answers").c_str());
    if (!sync.moved_from().empty())
        std::printf("the hub is now at %s (was %s); this tablet keeps its enrolment\n", hub.value().url().c_str(),
                    sync.moved_from().c_str());
    list_refused(store);
    if (!sent) {
        std::fprintf(stderr, "streetvoice sync: %s\n", sent.error().message.c_str());
        return 1;
    }
    // A kiosk left on an old campaign is not done syncing, even with every answer sent.
    return pulled ? 0 : 1;
}

}  // namespace sv
