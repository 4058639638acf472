#pragma once
// What a kiosk does with the hub: enrol once, fetch the published campaigns, and send the
// outbox in batches until the hub holds every response, retrying through any network fault.
// The outbox is the only state: a sync cut off at any point resumes where it was, and the
// hub's de-duplication by UUID makes a resent batch harmless.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "hub_connection.hpp"
#include "result.hpp"
#include "retry_backoff.hpp"
#include "store.hpp"
#include "wake_signal.hpp"
#include "wire_format.hpp"

namespace sv {

// Keys in the kiosk's settings.
namespace hub_setting {
// {"url": ..., "token": ...}: the token belongs to the hub, whatever its address; the url is
// where the hub was last reached.
constexpr const char* enrolment = "hub_enrolment";
constexpr const char* campaigns_etag = "hub_campaigns_etag";
// The hub's holdings and the kiosk's sent answers (their digests) when the kiosk last found
// nothing missing between them: not asked about again until one of them changes.
constexpr const char* holdings_checked = "hub_holdings_checked";
// The certificate authority file the kiosk was last given for its hub (kiosk.conf's ca-file or
// sync's --ca-file), so `streetvoice sync` finds the hub the way the kiosk does.
constexpr const char* ca_file = "hub_ca_file";
}  // namespace hub_setting

// The hub this kiosk enrolled with; empty when none.
std::string enrolled_hub_url(const Store& store);

struct SyncSettings {
    std::size_t batch_size = 250;
    RetryBackoff backoff;
    // How long to keep trying through failures before giving up for now; zero: until stopped.
    std::chrono::milliseconds patience{0};
    std::uint64_t seed = std::random_device{}();
};

struct SyncTally {
    std::int64_t sent = 0;  // in batches the hub acknowledged
    std::int64_t accepted = 0;
    std::int64_t duplicate = 0;
    std::int64_t rejected = 0;
    std::int64_t left = 0;  // still pending in the outbox
    // Sent before, but missing from the hub (restored from an older backup): sent again.
    std::int64_t resent = 0;
    std::int64_t retries = 0;
};

struct SyncProgress {
    SyncTally tally;
    std::string problem;  // the last failure, in plain words; empty when the last try worked
    std::chrono::milliseconds next_try_in{0};
};

class HubSync {
public:
    HubSync(Store& store, HubConnection& hub, SyncSettings settings, WakeSignal& signal);

    // True when the kiosk holds a token. Given a new address for its hub (moved to https or to
    // a new name), the kiosk shows the hub there the token it has.
    Result<bool> enrolled() const;
    // The address the tablet had for its hub when the hub first accepted its token at a new
    // one: kept from then on. Empty when the hub has not moved.
    const std::string& moved_from() const { return moved_from_; }
    // Swaps a one-time code for a device token and keeps it. Enrolling again with a new code
    // replaces the token.
    Status enrol(const std::string& code);
    // Keeps every published campaign version the kiosk has not seen. Returns how many were new.
    Result<int> pull_campaigns();
    // Sends pending responses until none is left, then asks the hub what it holds of this
    // tablet's and sends again any it acknowledged once but no longer holds. Success: the
    // outbox is empty of pending responses and the hub holds every one it acknowledged. Error:
    // given up (out of patience, stopped, or refused for good); what was acknowledged before
    // is recorded either way.
    Status send_outbox();

    void on_progress(std::function<void(const SyncProgress&)> report) { report_ = std::move(report); }
    const SyncTally& tally() const { return progress_.tally; }

private:
    enum class Next { done, try_again, give_up };
    struct Attempt {
        Next next = Next::done;
        std::string problem;
        std::chrono::seconds retry_after{0};

        static Attempt done() { return {Next::done, {}, {}}; }
        static Attempt again(std::string problem, std::chrono::seconds after = {}) {
            return {Next::try_again, std::move(problem), after};
        }
        static Attempt stop(std::string problem) { return {Next::give_up, std::move(problem), {}}; }
        // A reply other than the one hoped for: try again if the hub is only busy or broken for now.
        static Attempt refused(const HttpReply& reply, const std::string& doing);
    };
    // Runs `attempt` until it is done or gives up, waiting between failures worth retrying.
    Status keep_trying(const std::function<Attempt()>& attempt);
    Attempt send_one_batch(const std::string& token);
    Status send_pending(const std::string& token);
    // Tells the hub what the tablet keeps and puts back in the queue whatever the hub lacks of
    // what it acknowledged; `requeued` says how many.
    Attempt reconcile(const std::string& token, std::int64_t& requeued);
    // Fetches one picture unless it is kept already, checking its size and SHA-256 before
    // keeping it in hub_pictures_folder (hub_campaign.hpp) under that name.
    struct PictureFetch {
        bool try_again = false;  // the connection or the hub failed: worth another go
        std::string problem;     // empty: the picture is kept
    };
    PictureFetch fetch_picture(const std::string& token, const CampaignPicture& picture);
    Result<std::string> token() const;
    // Keeps the hub's address once it has accepted the token there.
    Status follow_moved_hub();
    void report();

    Store& store_;
    HubConnection& hub_;
    SyncSettings settings_;
    WakeSignal& signal_;
    std::mt19937_64 random_;
    std::size_t batch_size_;
    SyncProgress progress_;
    std::function<void(const SyncProgress&)> report_;
    std::string moved_from_;
    bool token_accepted_ = false;  // the hub at hub_'s address answered a call the token made
};

}  // namespace sv
