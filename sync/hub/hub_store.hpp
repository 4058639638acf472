#pragma once
// Where the hub keeps devices, published campaigns and responses: one store written in SQL
// that SQLite (the default) and PostgreSQL (for councils that outgrow a file) both read, over
// a SqlConnection; only the schema is kept in each dialect (hub_schema). The ingest rules live
// outside, in ingest.hpp.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connection_pool.hpp"
#include "hub_schema.hpp"
#include "name_table.hpp"
#include "result.hpp"
#include "sql_connection.hpp"
#include "wire_format.hpp"

namespace sv {

struct HubResponse {
    Response response;
    std::string fingerprint;  // response_fingerprint(response)
    std::string received_at;  // hub's UTC time
    std::int64_t row = 0;     // the store's row number, growing as responses arrive; 0 before stored
};

// A kiosk the hub knows, by the hash of its token, and the campaigns it was enrolled for:
// the only ones it is sent and may answer (none listed: every campaign).
struct EnrolledDevice {
    std::string device_id;
    std::string token_hash;
    std::vector<std::string> campaigns;
    std::string name;  // as staff know it ("Library tablet 2"); empty when none was given
    std::string enrolled_at;
    std::string revoked_at;  // when the administrator took it off the hub; empty while it may sync

    bool may_answer(const std::string& campaign_id) const;
};
// Campaign ids as a store keeps them in one column: "a,b" ("" for every campaign). Ids are
// letters, digits, '.', '_' and '-', never a comma.
std::string joined_campaign_ids(const std::vector<std::string>& ids);
std::vector<std::string> split_campaign_ids(const std::string& joined);

// Where and when a kiosk collected answers, as staff entered it at the stall ("Tesco, Bridge
// Street", ward "Riverside"). Kiosks send an event with the first responses that carry it.
struct HubEvent {
    std::string event_id;
    std::string device_id;
    std::string place;
    std::string ward;
    std::string started_at;
};

// Someone who may open the dashboard. Only an Argon2id hash of the password is kept.
struct Organiser {
    std::string name;
    std::string password_hash;
    // A ward councillor reads that ward's reports and nothing else; empty for an organiser.
    std::string councillor_ward;
};

// "You said, we did", as an organiser wrote it on the dashboard: for one campaign, and one
// ward or (ward empty) every ward. Kiosks get a campaign's notes with its updates.
struct HubOutcomeNote {
    std::int64_t id = 0;  // given by the store
    std::string campaign_id;
    std::string ward;
    std::string said;
    std::string did;
    std::string written_by;
    std::string written_at;  // hub's UTC time
};

// One line of the hub's audit log: who did what, when, and from where. Organisers read it on
// the dashboard; it is never changed, only added to.
struct AuditEntry {
    std::int64_t id = 0;  // given by the store
    std::string at;       // hub's UTC time
    std::string who;      // an organiser, a device id, or the administrator at the command line
    std::string action;   // in plain words: "logged in", "published campaign x version 3"
    std::string address;  // the client's, or "" at the command line
};

// What a tablet said, at its last sync, it keeps of one campaign.
struct TabletReport {
    std::string device_id;
    TabletCount count;
    std::string reported_at;  // hub's UTC time
};

// An organiser's session as every hub process serving the database sees it. Times here and in
// ThrottleRecord: milliseconds since 1970, UTC.
struct StoredSession {
    std::string organiser;
    std::string form_token;
    std::string councillor_ward;
    std::string password_hash;  // as it was at login: a new one ends the session
    std::int64_t ends_at = 0;
    std::int64_t last_used_at = 0;
};
// What the login throttle remembers of one address, name or known browser (see LoginThrottle).
struct ThrottleRecord {
    std::int64_t wrong_in_a_row = 0;
    std::int64_t wait_until = 0;
    std::int64_t checking_until = 0;  // a check is under way until then (a hub that died mid-check lets go)
};
enum class InsertOutcome { inserted, same_already_stored, different_already_stored };

// What broke a device's chain of answers at one response (ballot_chain.hpp); the response was
// refused for it. `changed`: its content no longer gives its link; `gap`: the link before it
// never reached the hub (an answer before it was removed); `branch`: the hub already holds
// another answer after the same link (one was put in); `unlinked`: it came without a link.
enum class ChainProblem { none, changed, gap, branch, unlinked };
inline constexpr Spelling<ChainProblem> kChainProblemNames[] = {{ChainProblem::none, ""},
                                                                {ChainProblem::changed, "changed"},
                                                                {ChainProblem::gap, "gap"},
                                                                {ChainProblem::branch, "branch"},
                                                                {ChainProblem::unlinked, "unlinked"}};

// One response's place in its device's chain, as the hub received it.
struct ChainEntry {
    std::string device_id;  // the device that sent it
    std::string uuid;
    std::string before;  // empty with the link for `unlinked`
    std::string link;
    std::string event_id;
    std::string campaign_id;
    bool counted = false;  // stored among the responses (set by insert_responses)
    ChainProblem problem = ChainProblem::none;
    std::string received_at;
};

// Where a device's chain ended in one event: its last link there, which staff copy from the
// kiosk onto the event sheet at close. More than one for a device and event means its chain
// broke there.
struct EventChainHead {
    std::string event_id;
    std::string device_id;
    std::string link;
    std::int64_t answers = 0;  // the device's links in the event
};

enum class EnrolOutcome { enrolled, code_not_usable, device_enrolled_already };
// What a store knows, inside its enrolment transaction, about a code and a device id.
struct EnrolmentFacts {
    bool code_known = false;
    std::string code_for_device;  // empty: any device
    bool code_unused = false;
    bool code_used_lately_by_this_device = false;  // in the last 15 minutes
    std::optional<std::string> device_token_hash;  // when the device id is enrolled already
    bool device_revoked = false;
};
// The one rule both stores follow. A code is used once, except by the same device again for
// 15 minutes (its first reply may have been lost). A device id already enrolled is enrolled
// again only with its current token, or with a code issued for it: device ids appear in
// exports, so knowing one must not be enough to take a tablet's place. A revoked device id is
// enrolled again only with a code issued for it (its token may be in a thief's hands).
EnrolOutcome judge_enrolment(const EnrolmentFacts& facts, const std::string& device_id,
                             const std::string& current_token_hash);

class HubStore {
public:
    // Connections to one database: writers write and make the small lookups of an upload;
    // readers walk and list for the dashboard and exports, so a count over every response
    // never holds up a kiosk's upload. At least one of each. `schema` is the database's
    // dialect of the hub's tables.
    static Result<std::unique_ptr<HubStore>> open(std::vector<std::unique_ptr<SqlConnection>> writers,
                                                  std::vector<std::unique_ptr<SqlConnection>> readers,
                                                  const HubSchema& schema, const std::string& database);
    // Enrolment codes and device tokens are only ever stored hashed. `for_device`: the code
    // enrols only that device id, and may re-enrol it when it is enrolled already (a tablet
    // that lost its token); empty for a code that enrols any new device.
    // `campaigns`: the device enrolled with it may fetch and answer only these (empty: every one).
    // `device_name`: the name the device enrolled with it takes (empty: it keeps any it has).
    Status add_enrolment_code(const std::string& code_hash, const std::string& for_device,
                              const std::vector<std::string>& campaigns, const std::string& device_name = {});
    // Uses up the code and records the device's token, in one transaction, when
    // judge_enrolment allows it. `current_token_hash`: of the token the device sent with the
    // request, if any.
    Result<EnrolOutcome> enrol_device(const std::string& code_hash, const std::string& device_id,
                                      const std::string& token_hash, const std::string& current_token_hash);
    Result<std::optional<EnrolledDevice>> device_for_token(const std::string& token_hash);
    // For moving a hub to another database: every device, and adding one enrolled elsewhere
    // (a device already here keeps its own token).
    Result<std::vector<EnrolledDevice>> devices();
    Status restore_device(const EnrolledDevice& device);
    // False when no device has that id.
    Result<bool> name_device(const std::string& device_id, const std::string& name);
    // Takes a device off the hub: its token is refused from now on, and only a code made for
    // its id enrols it again. False when no device has that id.
    Result<bool> revoke_device(const std::string& device_id);

    // True when newly published, false when this exact definition was published already; the
    // same id and version with a different definition is an error.
    // The pictures it lists are kept with it, from `picture_bytes` (by SHA-256) unless the
    // hub has them already; each must be one or the other.
    Result<bool> publish_campaign(const PublishedCampaign& campaign,
                                  const std::map<std::string, std::string>& picture_bytes = {});
    // With the pictures each version names.
    Result<std::vector<PublishedCampaign>> published_campaigns();
    // A picture's bytes by SHA-256; nothing when the hub has none by that hash.
    Result<std::optional<std::string>> picture(const std::string& sha256);

    // All or nothing: a response whose UUID is stored already is left as it was. `chain`: the
    // batch's places in its device's chain, kept in the same transaction (an entry for a
    // response that was stored, or was already, is marked counted, as is one copied counted);
    // an entry the hub holds already keeps its links and takes the new judgement.
    Result<std::vector<InsertOutcome>> insert_responses(const std::vector<HubResponse>& responses,
                                                        const std::vector<ChainEntry>& chain = {});
    // Each response of a campaign stored since a reader last asked, oldest row first. `since`
    // is 0 the first time, then what the last call returned: come back with it for only what
    // is new, none missed even where other hubs' uploads commit out of row order. `visit` must
    // not use the store.
    using ResponseVisitor = std::function<void(const HubResponse&)>;
    Result<std::int64_t> visit_responses_of_campaign(const std::string& campaign_id, std::int64_t since,
                                                     const ResponseVisitor& visit);
    Result<std::vector<HubResponse>> responses_of_campaign(const std::string& campaign_id);
    Result<std::int64_t> response_count();
    // The UUIDs of every response a device sent, in no particular order.
    Result<std::vector<std::string>> response_uuids_of_device(const std::string& device_id);

    // A device's chain entries whose link, or link before, is one of `links`: what a batch's
    // links before join onto, and what already follows them.
    Result<std::vector<ChainEntry>> chain_entries_near(const std::string& device_id,
                                                       const std::vector<std::string>& links);
    // Whether the hub holds any chain entry from the device.
    Result<bool> device_keeps_chain(const std::string& device_id);
    // Entries where a chain broke, newest first.
    Result<std::vector<ChainEntry>> chain_problems();
    // Each device's last link in each event, by event then device.
    Result<std::vector<EventChainHead>> chain_heads();
    // Every entry, by device then order received; `visit` must not use the store.
    Status visit_chain_entries(const std::function<void(const ChainEntry&)>& visit);

    // Replaces what a tablet last said it keeps (campaigns it no longer names are forgotten).
    Status record_tablet_counts(const std::string& device_id, const std::vector<TabletCount>& counts);
    // Of one campaign, by device id.
    Result<std::vector<TabletReport>> tablet_counts(const std::string& campaign_id);

    // An event keeps the details it first arrived with: a kiosk cannot rename another's stall.
    Status record_events(const std::vector<HubEvent>& events);
    Result<std::vector<HubEvent>> events();

    // Adds an organiser, or gives one a new password.
    Status save_organiser(const Organiser& organiser);
    Result<std::optional<Organiser>> organiser(const std::string& name);
    Result<std::vector<Organiser>> organisers();
    // False when there was no such organiser.
    Result<bool> remove_organiser(const std::string& name);

    // Organisers' sessions, by the hash of their token.
    Status add_session(const std::string& token_hash, const StoredSession& session);
    Result<std::optional<StoredSession>> session(const std::string& token_hash);
    Status session_used(const std::string& token_hash, std::int64_t at);
    Status end_session(const std::string& token_hash);
    // Forgets sessions that ended by `now` or were last used before `idle_since`.
    Status forget_sessions_over(std::int64_t now, std::int64_t idle_since);

    // The login throttle's records, by key. Marks `key` as being checked until `until`, unless
    // a check is under way or a wait holds it at `now`: true when it was marked.
    Result<bool> claim_login_check(const std::string& key, std::int64_t now, std::int64_t until);
    Result<std::optional<ThrottleRecord>> login_record(const std::string& key);
    // Ends the check of `key`; `wrong` adds one to its wrong passwords in a row. Returns how many.
    Result<std::int64_t> end_login_check(const std::string& key, bool wrong, std::int64_t now);
    Status set_login_wait(const std::string& key, std::int64_t until);
    Status forget_login_record(const std::string& key);
    Result<std::int64_t> login_record_count();
    // Forgets the `count` records seen longest ago that no check or wait holds at `now`.
    Status forget_oldest_login_records(std::int64_t now, std::int64_t count);
    // A secret every hub process serving the database shares: `made_if_none` is kept when the
    // database has none by that name yet, and the one kept is returned.
    Result<std::string> shared_key(const std::string& name, const std::string& made_if_none);

    // Returns the new note's id.
    Result<std::int64_t> add_outcome_note(const HubOutcomeNote& note);
    // False when the campaign has no such note (removed already, say, in another tab).
    Result<bool> remove_outcome_note(const std::string& campaign_id, std::int64_t id);
    // Of one campaign, or of all when `campaign_id` is empty; in the order written.
    Result<std::vector<HubOutcomeNote>> outcome_notes(const std::string& campaign_id);

    // Whether anyone may read a campaign's results at /results/ID (off until switched on).
    Status set_results_public(const std::string& campaign_id, bool on, const std::string& by);
    Result<bool> results_public(const std::string& campaign_id);
    // The campaigns switched on, with who did it and when (for moving a hub).
    struct PublicResults {
        std::string campaign_id;
        std::string switched_on_by;
        std::string switched_on_at;
    };
    Result<std::vector<PublicResults>> public_results();
    Status restore_public_results(const PublicResults& switched_on);

    // Asks both connections for nothing: success when the database answers.
    Status reachable();

    Status add_audit_entry(const AuditEntry& entry);
    // The newest `count` entries, newest first (0: every entry).
    Result<std::vector<AuditEntry>> audit_entries(std::size_t count);

private:
    HubStore(std::vector<std::unique_ptr<SqlConnection>> writers, std::vector<std::unique_ptr<SqlConnection>> readers,
             const HubSchema& schema)
        : writers_(std::move(writers)), readers_(std::move(readers)), schema_(schema) {}
    using Held = ConnectionPool::Lease;
    Held writing() { return writers_.take(); }
    Held reading() { return readers_.take(); }

    ConnectionPool writers_;
    ConnectionPool readers_;
    const HubSchema& schema_;
};

}  // namespace sv
