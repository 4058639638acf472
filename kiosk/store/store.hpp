#pragma once
// The kiosk's local store: one SQLite file holding every response, durably, before the
// citizen is thanked. Responses are immutable; an outbox records what sync has done.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answers_folder_lock.hpp"
#include "name_table.hpp"
#include "outcome_notes.hpp"
#include "prepared_statements.hpp"
#include "response.hpp"
#include "result.hpp"

struct sqlite3;

namespace sv {

// What the kiosk knows about a response when it asks for it to be stored.
struct ResponseDraft {
    std::string uuid;  // made when the citizen starts, so a retried save is the same response
    std::string campaign_id;
    int campaign_version = 0;
    std::string activity_id;
    // JSON in canonical form, as core's *_payload functions write it (nlohmann's dump: keys
    // sorted, no spacing): the answer's chain link is made over this text, and the hub, which
    // reads the payload as JSON, checks the link over the same canonical text.
    std::string payload;
    // The hash of the voter code this ballot used, if any: spent in the same transaction.
    std::string voter_code_hash;
};

enum class OutboxState { pending, synced, rejected };
// As the answers file's outbox keeps them.
inline constexpr Spelling<OutboxState> kOutboxStateNames[] = {
    {OutboxState::pending, "pending"}, {OutboxState::synced, "synced"}, {OutboxState::rejected, "rejected"}};

// A response as the kiosk keeps it: with what sync has done with it.
struct StoredResponse : Response {
    OutboxState outbox = OutboxState::pending;
    std::string rejection_reason;
};

// What the hub said about one sent response.
struct OutboxUpdate {
    std::string uuid;
    OutboxState state = OutboxState::pending;
    std::string reason;  // for rejected: the hub's sentence, shown to staff
};

struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t synced = 0;
    std::int64_t rejected = 0;
};

// What the kiosk keeps of one campaign, counted as the hub's dashboard counts answers
// (leaving out answers about the person, which follow another answer).
struct CampaignAnswerCounts {
    std::string campaign_id;
    std::int64_t answers = 0;
    std::int64_t waiting = 0;  // pending
    std::int64_t refused = 0;  // rejected
};

// A stall: where and by whom answers were collected. Every response carries its event.
struct StallEvent {
    std::string id;
    std::string place;  // "Tesco, Bridge Street"
    std::string ward;
    std::string staff;  // initials
    std::string started_at;
};

// What staff see at a glance.
struct StallCounts {
    std::int64_t this_event = 0;
    std::int64_t today = 0;
    std::int64_t waiting = 0;  // not yet accepted by the hub
    std::int64_t refused = 0;  // the hub refused them; kept here with its reason
};

constexpr int kStoreSchemaVersion = 7;

// The answers file inside a kiosk's data folder.
inline std::string answers_file_in(const std::string& data_dir) {
    return data_dir + "/answers.sqlite";
}

// This device's chain of answers (ballot_chain.hpp): how many are linked, and the newest link
// (kChainStart before the first answer).
struct ChainHead {
    std::int64_t answers = 0;
    std::string link;
};
// Where the answers file no longer matches its chain.
struct ChainBreak {
    std::int64_t seq = 0;  // the answer's row (0: not one answer)
    std::string uuid;
    std::string what;  // in plain words
};

class Store {
public:
    // Opens (creating if need be) the answers file at `path` and brings its schema up to date.
    // A damaged file or one from a newer kiosk is refused and left untouched.
    static Result<Store> open(const std::string& path);

    Store(Store&& other) noexcept;
    Store& operator=(Store&& other) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    ~Store();

    // Commits one response in one transaction. When this returns success the response is on
    // disk (WAL, synchronous=FULL). Saving the same draft twice is harmless; the same UUID
    // with different content is refused.
    Result<StoredResponse> record_response(const ResponseDraft& draft);

    // Keeps the campaign definition answers are collected under. The same id and version
    // with a different definition is refused: answers must stay readable against their own.
    Status remember_campaign(const std::string& id, int version, const std::string& definition);
    // The definition of a campaign version; version 0 means the newest the kiosk has.
    Result<std::optional<std::string>> campaign_definition(const std::string& id, int version = 0) const;
    // Each campaign id the kiosk keeps, with its newest version, the one it learnt of last first.
    struct KeptCampaign {
        std::string id;
        int newest_version = 0;
    };
    Result<std::vector<KeptCampaign>> campaigns_newest_first() const;
    // The picture files (by SHA-256) of a campaign version from the hub, by the path its
    // projects name them by. Kept once per version: a version never changes.
    Status remember_picture_files(const std::string& id, int version,
                                  const std::map<std::string, std::string>& sha256_by_path);
    Result<std::map<std::string, std::string>> picture_files(const std::string& id, int version) const;

    Result<std::vector<StoredResponse>> responses() const;
    Result<std::vector<StoredResponse>> responses_of_event(const std::string& event_id) const;
    Result<std::optional<StoredResponse>> find_response(const std::string& uuid) const;
    Result<OutboxCounts> outbox_counts() const;
    // The oldest responses still waiting to be sent, at most `limit` of them.
    Result<std::vector<StoredResponse>> pending_responses(std::size_t limit) const;
    // Records the hub's verdicts on sent responses, all in one transaction. Only responses
    // still pending change, so a verdict arriving twice, or late, changes nothing.
    Status record_sync_outcome(const std::vector<OutboxUpdate>& updates);
    // Puts every rejected response back in the queue (say, once the organiser has published
    // the campaign they were refused for). Returns how many.
    Result<std::int64_t> requeue_rejected();
    // The UUIDs of the responses the hub acknowledged, in no particular order.
    Result<std::vector<std::string>> sent_uuids() const;
    Result<ChainHead> chain_head() const;
    // Reads every answer again and checks it against its link: empty when the chain holds.
    Result<std::vector<ChainBreak>> check_chain() const;
    // Puts responses the hub acknowledged back in the queue: those of `uuids` (which a hub
    // restored from a backup no longer holds), or every one (staff's "send everything again";
    // the hub answers "duplicate" for those it holds). Returns how many.
    Result<std::int64_t> send_again(const std::vector<std::string>& uuids);
    Result<std::int64_t> send_all_again();
    // By campaign, in id order.
    Result<std::vector<CampaignAnswerCounts>> answer_counts() const;

    // Starts a new event; responses saved from now on carry it.
    Result<StallEvent> start_event(const std::string& place, const std::string& ward, const std::string& staff);
    Result<StallEvent> current_event() const;
    Result<std::optional<StallEvent>> event(const std::string& id) const;
    // Counts for the staff panel; `day_start` is an ISO time in UTC (local_day_start_utc_iso8601).
    Result<StallCounts> stall_counts(const std::string& day_start) const;

    // Whether a voter code (by hash) has voted, here or on another kiosk the hub told of.
    Result<bool> voter_code_used(const std::string& campaign_id, const std::string& code_hash) const;
    // Codes the hub says were used on other kiosks: refused here from now on.
    Status note_voter_codes_used_elsewhere(const std::string& campaign_id, const std::vector<std::string>& hashes);

    // "You said, we did" notes written on the hub: each campaign update from the hub replaces
    // a campaign's notes whole (an organiser may have removed one).
    Status replace_outcome_notes(const std::string& campaign_id, const std::vector<WardOutcomeNote>& notes);
    Result<std::vector<WardOutcomeNote>> outcome_notes(const std::string& campaign_id) const;

    // Device settings kept beside the answers: the hub's address, this device's token.
    Result<std::optional<std::string>> setting(const std::string& key) const;
    Status save_setting(const std::string& key, const std::string& value);

    // PRAGMA integrity_check: success when it answers "ok".
    Status check_integrity() const;
    // A copy of the whole file, consistent as of one moment, written to `path` (which must not
    // exist yet): safe while the kiosk is answering.
    Status copy_to(const std::string& path) const;

    const std::string& path() const { return path_; }
    const std::string& device_id() const { return device_id_; }
    const std::string& current_event_id() const { return event_id_; }

    // For fault tests: caps the file size in pages, as a full disk would.
    void limit_pages_for_test(std::int64_t max_pages);

private:
    Store() = default;
    Status migrate();
    Status load_identity();
    Error error(int code, const std::string& doing) const;
    // Commits when `rc` is SQLITE_OK, else (or when the commit fails) rolls back and says why.

    AnswersFolderLock folder_lock_;  // shared, for as long as the file is open
    sqlite3* db_ = nullptr;
    std::unique_ptr<PreparedStatements> prepared_;  // saving an answer's statements, kept
    std::string path_;
    std::string device_id_;
    std::string event_id_;
};

inline const char* outbox_state_name(OutboxState state) {
    return name_of(kOutboxStateNames, state);
}

// The responses themselves, without what sync made of them: what the domain counts.
std::vector<Response> responses_only(const std::vector<StoredResponse>& stored);

}  // namespace sv
