#include "hub_store.hpp"

#include <algorithm>
#include <ctime>
#include <limits>
#include <map>

#include <sodium.h>

#include "device_clock.hpp"
#include "sql_transaction.hpp"

namespace sv {

Result<std::vector<HubResponse>> HubStore::responses_of_campaign(const std::string& campaign_id) {
    std::vector<HubResponse> all;
    auto read = visit_responses_of_campaign(campaign_id, 0, [&all](const HubResponse& h) { all.push_back(h); });
    if (!read) return read.error();
    return all;
}

bool EnrolledDevice::may_answer(const std::string& campaign_id) const {
    return campaigns.empty() || std::find(campaigns.begin(), campaigns.end(), campaign_id) != campaigns.end();
}

std::string joined_campaign_ids(const std::vector<std::string>& ids) {
    std::string joined;
    for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
    return joined;
}

std::vector<std::string> split_campaign_ids(const std::string& joined) {
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t comma = std::min(joined.find(',', start), joined.size());
        if (comma > start) ids.push_back(joined.substr(start, comma - start));
        start = comma + 1;
    }
    return ids;
}

EnrolOutcome judge_enrolment(const EnrolmentFacts& facts, const std::string& device_id,
                             const std::string& current_token_hash) {
    if (!facts.code_known) return EnrolOutcome::code_not_usable;
    if (!facts.code_for_device.empty() && facts.code_for_device != device_id) return EnrolOutcome::code_not_usable;
    if (!facts.code_unused && !facts.code_used_lately_by_this_device) return EnrolOutcome::code_not_usable;
    if (!facts.device_token_hash) return EnrolOutcome::enrolled;
    if (facts.device_revoked)
        return facts.code_for_device == device_id ? EnrolOutcome::enrolled : EnrolOutcome::device_enrolled_already;
    const bool shows_its_token = !current_token_hash.empty() && current_token_hash == *facts.device_token_hash;
    if (shows_its_token || facts.code_for_device == device_id || facts.code_used_lately_by_this_device)
        return EnrolOutcome::enrolled;
    return EnrolOutcome::device_enrolled_already;
}

}  // namespace sv

namespace sv {
namespace {

// Pictures are kept as base64 text: one column type that both databases hold alike.
std::string base64_of(const std::string& bytes) {
    std::string text(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::optional<std::string> bytes_of_base64(const std::string& text) {
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    bytes.resize(length);
    return bytes;
}

// Times the store writes itself, in the form the first schema's defaults used.
std::string now() {
    return utc_second_iso8601(std::time(nullptr));
}
std::string minutes_ago(int minutes) {
    return utc_second_iso8601(std::time(nullptr) - minutes * 60);
}

constexpr const char* kResponseColumns =
    "uuid, campaign_id, campaign_version, activity_id, event_id, device_id, device_time, payload, fingerprint, "
    "received_at";

}  // namespace

Result<std::unique_ptr<HubStore>> HubStore::open(std::vector<std::unique_ptr<SqlConnection>> writers,
                                                 std::vector<std::unique_ptr<SqlConnection>> readers,
                                                 const HubSchema& schema, const std::string& database) {
    if (writers.empty() || readers.empty())
        return Error{"The hub needs a connection to its database to write and read."};
    if (*schema.connection_settings)
        for (auto& writer : writers)
            if (auto set = writer->run_script("prepare its database", schema.connection_settings); !set)
                return set.error();
    if (auto migrated = bring_up_to_date(*writers.front(), schema, database); !migrated) return migrated.error();
    return std::unique_ptr<HubStore>(new HubStore(std::move(writers), std::move(readers), schema));
}

Status HubStore::add_enrolment_code(const std::string& code_hash, const std::string& for_device,
                                    const std::vector<std::string>& campaigns, const std::string& device_name) {
    auto db = writing();
    auto added = db->run("store the enrolment code",
                         "INSERT INTO enrolment_codes(code_hash, for_device, campaigns, device_name) VALUES ($1, "
                         "nullif($2, ''), $3, $4)",
                         {code_hash, for_device, joined_campaign_ids(campaigns), device_name});
    if (!added) return added.error();
    return ok_status();
}

Result<EnrolOutcome> HubStore::enrol_device(const std::string& code_hash, const std::string& device_id,
                                            const std::string& token_hash, const std::string& current_token_hash) {
    const std::string doing = "enrol the device";
    auto db = writing();
    Transaction enrolling(db.db, doing);
    if (!enrolling.began()) return enrolling.began().error();
    EnrolmentFacts facts;
    auto code = db->run(doing,
                        "SELECT coalesce(for_device, ''), CASE WHEN used_at IS NULL THEN 1 ELSE 0 END, CASE WHEN "
                        "used_by = $2 AND used_at > $3 THEN 1 ELSE 0 END FROM enrolment_codes WHERE code_hash = $1",
                        {code_hash, device_id, minutes_ago(15)}, [&](const SqlRow& row) {
                            facts.code_known = true;
                            facts.code_for_device = row.text(0);
                            facts.code_unused = row.integer(1) != 0;
                            facts.code_used_lately_by_this_device = row.integer(2) != 0;
                        });
    if (!code) return code.error();
    auto device = db->run(doing, "SELECT token_hash, revoked_at FROM devices WHERE device_id = $1", {device_id},
                          [&](const SqlRow& row) {
                              facts.device_token_hash = row.text(0);
                              facts.device_revoked = !row.text(1).empty();
                          });
    if (!device) return device.error();
    const EnrolOutcome outcome = judge_enrolment(facts, device_id, current_token_hash);
    if (outcome != EnrolOutcome::enrolled) return outcome;
    const std::string at = now();
    auto use =
        db->run(doing, "UPDATE enrolment_codes SET used_at = coalesce(used_at, $3), used_by = $2 WHERE code_hash = $1",
                {code_hash, device_id, at});
    if (!use) return use.error();
    // Enrolling again replaces the device's token (the old one stops working) and its campaigns.
    auto enrolled = db->run(doing,
                            "INSERT INTO devices(device_id, token_hash, campaigns, name) SELECT $1, $2, campaigns, "
                            "device_name FROM enrolment_codes WHERE code_hash = $3 ON CONFLICT(device_id) DO UPDATE "
                            "SET token_hash = excluded.token_hash, campaigns = excluded.campaigns, enrolled_at = $4, "
                            "name = CASE WHEN excluded.name = '' THEN devices.name ELSE excluded.name END, "
                            "revoked_at = ''",
                            {device_id, token_hash, code_hash, at});
    if (!enrolled) return enrolled.error();
    if (auto committed = enrolling.commit(); !committed) return committed.error();
    return EnrolOutcome::enrolled;
}

namespace {

// A device as both lookups select it: device_id, token_hash, campaigns, name, enrolled_at, revoked_at.
EnrolledDevice device_of(const SqlRow& row) {
    return {row.text(0), row.text(1), split_campaign_ids(row.text(2)), row.text(3), row.text(4), row.text(5)};
}

}  // namespace

Result<std::optional<EnrolledDevice>> HubStore::device_for_token(const std::string& token_hash) {
    std::optional<EnrolledDevice> found;
    auto read =
        writing()->run("check the device",
                       "SELECT device_id, token_hash, campaigns, name, enrolled_at, revoked_at FROM devices WHERE "
                       "token_hash = $1",
                       {token_hash}, [&](const SqlRow& row) { found = device_of(row); });
    if (!read) return read.error();
    return found;
}

Result<std::vector<EnrolledDevice>> HubStore::devices() {
    std::vector<EnrolledDevice> found;
    auto read =
        reading()->run("list the devices",
                       "SELECT device_id, token_hash, campaigns, name, enrolled_at, revoked_at FROM devices ORDER BY "
                       "device_id",
                       {}, [&](const SqlRow& row) { found.push_back(device_of(row)); });
    if (!read) return read.error();
    return found;
}

Status HubStore::restore_device(const EnrolledDevice& device) {
    auto added = writing()->run(
        "add the device",
        "INSERT INTO devices(device_id, token_hash, campaigns, name, enrolled_at, revoked_at) VALUES ($1, $2, $3, $4, "
        "$5, $6) ON CONFLICT DO NOTHING",
        {device.device_id, device.token_hash, joined_campaign_ids(device.campaigns), device.name,
         device.enrolled_at.empty() ? now() : device.enrolled_at, device.revoked_at});
    if (!added) return added.error();
    return ok_status();
}

Result<bool> HubStore::revoke_device(const std::string& device_id) {
    auto revoked = writing()->run("revoke the device",
                                  "UPDATE devices SET revoked_at = $2 WHERE device_id = $1 RETURNING device_id",
                                  {device_id, now()});
    if (!revoked) return revoked.error();
    return revoked.value() == 1;
}

Status HubStore::reachable() {
    // A connection the database dropped (a restart) fails once, then connects again: asked twice.
    const auto ask = [](Held db) -> Status {
        if (db->run("reach the database", "SELECT 1", {})) return ok_status();
        auto again = db->run("reach the database", "SELECT 1", {});
        if (!again) return again.error();
        return ok_status();
    };
    if (auto answered = ask(writing()); !answered) return answered;
    return ask(reading());
}

Result<std::vector<std::string>> HubStore::response_uuids_of_device(const std::string& device_id) {
    std::vector<std::string> uuids;
    auto read = reading()->run("read which answers the tablet sent", "SELECT uuid FROM responses WHERE device_id = $1",
                               {device_id}, [&](const SqlRow& row) { uuids.push_back(row.text(0)); });
    if (!read) return read.error();
    return uuids;
}

Status HubStore::record_tablet_counts(const std::string& device_id, const std::vector<TabletCount>& counts) {
    const std::string doing = "keep what the tablet holds";
    auto db = writing();
    Transaction recording(db.db, doing);
    if (!recording.began()) return recording.began().error();
    if (auto cleared = db->run(doing, "DELETE FROM tablet_counts WHERE device_id = $1", {device_id}); !cleared)
        return cleared.error();
    const std::string at = now();
    for (const auto& c : counts) {
        auto kept = db->run(doing,
                            "INSERT INTO tablet_counts(device_id, campaign_id, answers, waiting, refused, reported_at) "
                            "VALUES ($1, $2, $3, $4, $5, $6)",
                            {device_id, c.campaign_id, c.answers, c.waiting, c.refused, at});
        if (!kept) return kept.error();
    }
    return recording.commit();
}

Result<std::vector<TabletReport>> HubStore::tablet_counts(const std::string& campaign_id) {
    std::vector<TabletReport> found;
    auto read = reading()->run(
        "read what the tablets hold",
        "SELECT device_id, answers, waiting, refused, reported_at FROM tablet_counts WHERE campaign_id = $1 ORDER BY "
        "device_id",
        {campaign_id}, [&](const SqlRow& row) {
            found.push_back({row.text(0), {campaign_id, row.integer(1), row.integer(2), row.integer(3)}, row.text(4)});
        });
    if (!read) return read.error();
    return found;
}

Result<bool> HubStore::name_device(const std::string& device_id, const std::string& name) {
    auto named = writing()->run(
        "name the device", "UPDATE devices SET name = $2 WHERE device_id = $1 RETURNING device_id", {device_id, name});
    if (!named) return named.error();
    return named.value() == 1;
}

Result<bool> HubStore::publish_campaign(const PublishedCampaign& campaign,
                                        const std::map<std::string, std::string>& picture_bytes) {
    const std::string doing = "publish the campaign";
    auto db = writing();
    Transaction publishing(db.db, doing);
    if (!publishing.began()) return publishing.began().error();
    const std::int64_t version = campaign.version;
    auto inserted = db->run(doing,
                            "INSERT INTO campaigns(id, version, definition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING "
                            "RETURNING id",
                            {campaign.id, version, campaign.definition});
    if (!inserted) return inserted.error();
    if (inserted.value() == 1) {
        for (const auto& p : campaign.pictures) {
            if (const auto bytes = picture_bytes.find(p.sha256); bytes != picture_bytes.end()) {
                auto kept = db->run(
                    doing, "INSERT INTO pictures(sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    {p.sha256, p.size, base64_of(bytes->second)});
                if (!kept) return kept.error();
            }
            std::int64_t held = 0;
            auto counted = db->run(doing, "SELECT count(*) FROM pictures WHERE sha256 = $1", {p.sha256},
                                   [&](const SqlRow& row) { held = row.integer(0); });
            if (!counted) return counted.error();
            if (held == 0)
                return Error{"The picture " + p.path + " of campaign \"" + campaign.id + "\" was not given."};
            auto named =
                db->run(doing,
                        "INSERT INTO campaign_pictures(campaign_id, version, path, sha256) VALUES ($1, $2, $3, "
                        "$4) ON CONFLICT DO NOTHING",
                        {campaign.id, version, p.path, p.sha256});
            if (!named) return named.error();
        }
        if (auto committed = publishing.commit(); !committed) return committed.error();
        return true;
    }
    std::string known;
    auto read = db->run(doing, "SELECT definition FROM campaigns WHERE id = $1 AND version = $2",
                        {campaign.id, version}, [&](const SqlRow& row) { known = row.text(0); });
    if (!read) return read.error();
    if (known == campaign.definition) return false;
    return Error{"Campaign \"" + campaign.id + "\" version " + std::to_string(version) +
                 " is published already with different content. Give the changed file a new version number."};
}

Result<std::vector<PublishedCampaign>> HubStore::published_campaigns() {
    std::vector<PublishedCampaign> all;
    auto db = reading();
    auto read =
        db->run("read the published campaigns", "SELECT id, version, definition FROM campaigns ORDER BY id, version",
                {}, [&](const SqlRow& row) {
                    all.push_back({row.text(0), static_cast<int>(row.integer(1)), row.text(2), {}, {}, {}});
                });
    if (!read) return read.error();
    std::map<std::pair<std::string, int>, std::vector<CampaignPicture>> pictures;
    auto named = db->run("read the published campaigns' pictures",
                         "SELECT c.campaign_id, c.version, c.path, c.sha256, p.size FROM campaign_pictures c JOIN "
                         "pictures p ON p.sha256 = c.sha256 ORDER BY c.campaign_id, c.version, c.path",
                         {}, [&](const SqlRow& row) {
                             pictures[{row.text(0), static_cast<int>(row.integer(1))}].push_back(
                                 {row.text(2), row.text(3), row.integer(4)});
                         });
    if (!named) return named.error();
    for (auto& c : all)
        if (auto found = pictures.find({c.id, c.version}); found != pictures.end()) c.pictures = found->second;
    return all;
}

Result<std::optional<std::string>> HubStore::picture(const std::string& sha256) {
    std::optional<std::string> encoded;
    auto read = reading()->run("read the picture", "SELECT data FROM pictures WHERE sha256 = $1", {sha256},
                               [&](const SqlRow& row) { encoded = row.text(0); });
    if (!read) return read.error();
    if (!encoded) return std::optional<std::string>();
    auto bytes = bytes_of_base64(*encoded);
    if (!bytes) return Error{"The picture " + sha256 + " is stored damaged on the hub."};
    return std::optional<std::string>(std::move(*bytes));
}

Result<std::vector<InsertOutcome>> HubStore::insert_responses(const std::vector<HubResponse>& responses,
                                                              const std::vector<ChainEntry>& chain) {
    const std::string doing = "store the responses";
    auto db = writing();
    // Other hubs' uploads are stored at the same time: a response is a row of its own, a
    // UUID sent twice at once waits on the other's insert, and readers catch up by transaction.
    Transaction storing(db.db, doing, Transaction::AlongsideOthers{});
    if (!storing.began()) return storing.began().error();
    std::vector<InsertOutcome> outcomes;
    for (const auto& h : responses) {
        const Response& r = h.response;
        auto inserted = db->run(doing,
                                "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, "
                                "device_id, device_time, payload, fingerprint, received_at) VALUES ($1, $2, $3, $4, "
                                "$5, $6, $7, $8, $9, $10) ON CONFLICT(uuid) DO NOTHING RETURNING seq",
                                {r.uuid, r.campaign_id, std::int64_t{r.campaign_version}, r.activity_id, r.event_id,
                                 r.device_id, r.device_time, r.payload, h.fingerprint, h.received_at});
        if (!inserted) return inserted.error();
        if (inserted.value() == 1) {
            outcomes.push_back(InsertOutcome::inserted);
            continue;
        }
        std::string known;
        auto read = db->run(doing, "SELECT fingerprint FROM responses WHERE uuid = $1", {r.uuid},
                            [&](const SqlRow& row) { known = row.text(0); });
        if (!read) return read.error();
        outcomes.push_back(known == h.fingerprint ? InsertOutcome::same_already_stored
                                                  : InsertOutcome::different_already_stored);
    }
    std::map<std::string, InsertOutcome> outcome_of;
    for (std::size_t i = 0; i < responses.size(); ++i) outcome_of[responses[i].response.uuid] = outcomes[i];
    for (const auto& entry : chain) {
        const auto outcome = outcome_of.find(entry.uuid);
        const bool counted = entry.counted || (outcome != outcome_of.end() &&
                                               outcome->second != InsertOutcome::different_already_stored);
        auto kept = db->run(doing,
                            "INSERT INTO chain_links(device_id, uuid, link_before, link, event_id, campaign_id, "
                            "counted, problem, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                            "ON CONFLICT(device_id, uuid) DO UPDATE SET problem = excluded.problem, counted = CASE "
                            "WHEN chain_links.counted = 1 THEN 1 ELSE excluded.counted END",
                            {entry.device_id, entry.uuid, entry.before, entry.link, entry.event_id, entry.campaign_id,
                             std::int64_t{counted ? 1 : 0}, std::string(name_of(kChainProblemNames, entry.problem)),
                             entry.received_at});
        if (!kept) return kept.error();
    }
    if (auto committed = storing.commit(); !committed) return committed.error();
    return outcomes;
}

Result<std::int64_t> HubStore::visit_responses_of_campaign(const std::string& campaign_id, std::int64_t since,
                                                           const ResponseVisitor& visit) {
    const std::string doing = "read the responses";
    const std::string sql = std::string("SELECT ") + kResponseColumns +
                            ", seq FROM responses WHERE campaign_id = $1 AND " + schema_.responses_since +
                            " ORDER BY seq";
    auto db = reading();
    std::int64_t horizon = 0;
    if (*schema_.finished_before) {
        auto read =
            db->run(doing, schema_.finished_before, {}, [&](const SqlRow& row) { horizon = std::stoll(row.text(0)); });
        if (!read) return read.error();
    }
    std::int64_t last_row = since;
    HubResponse h;  // one, refilled: its strings keep their room from row to row
    const auto each = [&](const SqlRow& row) {
        h.response = {row.text(0), row.text(1), static_cast<int>(row.integer(2)), row.text(3), row.text(4), row.text(5),
                      row.text(6), row.text(7)};
        h.fingerprint = row.text(8);
        h.received_at = row.text(9);
        h.row = row.integer(10);
        last_row = h.row;
        visit(h);
    };
    auto read = *schema_.finished_before ? db->run(doing, sql.c_str(), {campaign_id, since, horizon}, each)
                                         : db->run(doing, sql.c_str(), {campaign_id, since}, each);
    if (!read) return read.error();
    return *schema_.finished_before ? horizon : last_row;
}

Result<std::int64_t> HubStore::response_count() {
    std::int64_t count = 0;
    auto read = reading()->run("count the responses", "SELECT count(*) FROM responses", {},
                               [&](const SqlRow& row) { count = row.integer(0); });
    if (!read) return read.error();
    return count;
}

Status HubStore::record_events(const std::vector<HubEvent>& events) {
    const std::string doing = "store the events";
    auto db = writing();
    Transaction storing(db.db, doing);
    if (!storing.began()) return storing.began();
    for (const auto& e : events) {
        auto inserted = db->run(doing,
                                "INSERT INTO events(event_id, device_id, place, ward, started_at) VALUES ($1, $2, $3, "
                                "$4, $5) ON CONFLICT(event_id) DO NOTHING",
                                {e.event_id, e.device_id, e.place, e.ward, e.started_at});
        if (!inserted) return inserted.error();
    }
    return storing.commit();
}

Result<std::vector<HubEvent>> HubStore::events() {
    std::vector<HubEvent> found;
    auto read = reading()->run("read the events",
                               "SELECT event_id, device_id, place, ward, started_at FROM events ORDER BY started_at",
                               {}, [&](const SqlRow& row) {
                                   found.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
                               });
    if (!read) return read.error();
    return found;
}

Status HubStore::save_organiser(const Organiser& organiser) {
    auto saved = writing()->run("save the organiser",
                                "INSERT INTO organisers(name, password_hash, councillor_ward) VALUES ($1, $2, $4) "
                                "ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash, "
                                "councillor_ward = excluded.councillor_ward, changed_at = $3",
                                {organiser.name, organiser.password_hash, now(), organiser.councillor_ward});
    if (!saved) return saved.error();
    return ok_status();
}

Result<std::optional<Organiser>> HubStore::organiser(const std::string& name) {
    std::optional<Organiser> found;
    auto read = writing()->run("check the organiser",
                               "SELECT name, password_hash, councillor_ward FROM organisers WHERE name = $1", {name},
                               [&](const SqlRow& row) {
                                   found = Organiser{row.text(0), row.text(1), row.text(2)};
                               });
    if (!read) return read.error();
    return found;
}

Result<std::vector<Organiser>> HubStore::organisers() {
    std::vector<Organiser> found;
    auto read = reading()->run("list the organisers",
                               "SELECT name, password_hash, councillor_ward FROM organisers ORDER BY name", {},
                               [&](const SqlRow& row) {
                                   found.push_back({row.text(0), row.text(1), row.text(2)});
                               });
    if (!read) return read.error();
    return found;
}

Result<bool> HubStore::remove_organiser(const std::string& name) {
    auto removed =
        writing()->run("remove the organiser", "DELETE FROM organisers WHERE name = $1 RETURNING name", {name});
    if (!removed) return removed.error();
    return removed.value() == 1;
}

Result<std::int64_t> HubStore::add_outcome_note(const HubOutcomeNote& note) {
    std::int64_t id = 0;
    auto added = writing()->run("save the note",
                                "INSERT INTO outcome_notes(campaign_id, ward, said, did, written_by, written_at) "
                                "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                {note.campaign_id, note.ward, note.said, note.did, note.written_by, note.written_at},
                                [&](const SqlRow& row) { id = row.integer(0); });
    if (!added) return added.error();
    return id;
}

Result<bool> HubStore::remove_outcome_note(const std::string& campaign_id, std::int64_t id) {
    auto removed =
        writing()->run("remove the note", "DELETE FROM outcome_notes WHERE campaign_id = $1 AND id = $2 RETURNING id",
                       {campaign_id, id});
    if (!removed) return removed.error();
    return removed.value() == 1;
}

Result<std::vector<HubOutcomeNote>> HubStore::outcome_notes(const std::string& campaign_id) {
    std::vector<HubOutcomeNote> found;
    auto read = reading()->run("read the notes",
                               "SELECT id, campaign_id, ward, said, did, written_by, written_at FROM outcome_notes "
                               "WHERE $1 = '' OR campaign_id = $1 ORDER BY id",
                               {campaign_id}, [&](const SqlRow& row) {
                                   found.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4),
                                                    row.text(5), row.text(6)});
                               });
    if (!read) return read.error();
    return found;
}

Status HubStore::set_results_public(const std::string& campaign_id, bool on, const std::string& by) {
    if (on) return restore_public_results({campaign_id, by, now()});
    auto changed = writing()->run("take the results off the public page",
                                  "DELETE FROM public_results WHERE campaign_id = $1", {campaign_id});
    if (!changed) return changed.error();
    return ok_status();
}

Result<bool> HubStore::results_public(const std::string& campaign_id) {
    bool found = false;
    auto read = reading()->run("check whether the results are public",
                               "SELECT campaign_id FROM public_results WHERE campaign_id = $1", {campaign_id},
                               [&](const SqlRow&) { found = true; });
    if (!read) return read.error();
    return found;
}

Result<std::vector<HubStore::PublicResults>> HubStore::public_results() {
    std::vector<PublicResults> found;
    auto read =
        reading()->run("list the public results",
                       "SELECT campaign_id, switched_on_by, switched_on_at FROM public_results ORDER BY campaign_id",
                       {}, [&](const SqlRow& row) {
                           found.push_back({row.text(0), row.text(1), row.text(2)});
                       });
    if (!read) return read.error();
    return found;
}

Status HubStore::restore_public_results(const PublicResults& switched_on) {
    auto added = writing()->run("make the results public",
                                "INSERT INTO public_results(campaign_id, switched_on_by, switched_on_at) "
                                "VALUES ($1, $2, $3) ON CONFLICT(campaign_id) DO NOTHING",
                                {switched_on.campaign_id, switched_on.switched_on_by, switched_on.switched_on_at});
    if (!added) return added.error();
    return ok_status();
}

Status HubStore::add_audit_entry(const AuditEntry& entry) {
    auto added = writing()->run("add to the audit log",
                                "INSERT INTO audit_log(at, who, action, address) VALUES ($1, $2, $3, $4)",
                                {entry.at, entry.who, entry.action, entry.address});
    if (!added) return added.error();
    return ok_status();
}

Result<std::vector<AuditEntry>> HubStore::audit_entries(std::size_t count) {
    const std::int64_t limit = count == 0 ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(count);
    std::vector<AuditEntry> found;
    auto read = reading()->run(
        "read the audit log", "SELECT id, at, who, action, address FROM audit_log ORDER BY id DESC LIMIT $1", {limit},
        [&](const SqlRow& row) {
            found.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4)});
        });
    if (!read) return read.error();
    return found;
}

}  // namespace sv
