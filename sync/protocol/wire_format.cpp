#include "wire_format.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "ballot_chain.hpp"
#include "bounded_json.hpp"
#include "json_reader.hpp"
#include "sha256.hpp"

namespace sv {
namespace {

using nlohmann::json;

constexpr std::size_t kLongestId = 100;
constexpr std::size_t kLargestPayloadBytes = 64 * 1024;
// Every body either end reads: the hub's list of campaigns is the largest (16 MB at most).
constexpr JsonLimits kWireLimits{16 * 1024 * 1024, 32};

bool is_uuid(const std::string& text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool dash_place = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_place ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

// Reads one JSON body; anything that is not a JSON object is refused in plain words.
Result<json> object_body(const std::string& body, const char* what) {
    auto parsed = parse_bounded_json(body, kWireLimits, std::string("The ") + what);
    if (!parsed) return parsed.error();
    json doc = std::move(parsed).value();
    if (!doc.is_object()) return Error{std::string("The ") + what + " is not a JSON object."};
    const auto protocol = doc.find("protocol");
    if (protocol == doc.end() || !protocol->is_number_integer())
        return Error{std::string("The ") + what + " does not say which protocol version it uses."};
    if (protocol->get<long long>() != kProtocolVersion)
        return Error{std::string("The ") + what + " uses protocol version " + protocol->dump() +
                     "; this program speaks version " + std::to_string(kProtocolVersion) +
                     ". Update the older of the two."};
    return doc;
}

using Presence = JsonReader::Presence;

// Messages name a field by its key alone: "response 3: "uuid" is not a UUID."
JsonReader message_reader(std::string where) {
    return JsonReader(std::move(where), JsonReader::Naming::bare_key);
}

constexpr std::size_t kLongestPlace = 200;

Result<WireEvent> read_event(const json& item, std::size_t index) {
    const std::string where = "event " + std::to_string(index + 1);
    if (!item.is_object()) return Error{where + " is not a JSON object."};
    JsonReader reader = message_reader(where);
    WireEvent e;
    e.id = reader.short_text(item, "id", kLongestId);
    e.started_at = reader.short_text(item, "started_at", kLongestId);
    e.place = reader.short_text(item, "place", kLongestPlace, Presence::optional);
    e.ward = reader.short_text(item, "ward", kLongestPlace, Presence::optional);
    if (reader.failed()) return reader.error();
    return e;
}

json response_object(const Response& r) {
    json payload = json::parse(r.payload, nullptr, false);
    return json{{"uuid", r.uuid},
                {"campaign_id", r.campaign_id},
                {"campaign_version", r.campaign_version},
                {"activity_id", r.activity_id},
                {"event_id", r.event_id},
                {"device_id", r.device_id},
                {"device_time", r.device_time},
                {"payload", payload.is_discarded() ? json(nullptr) : payload}};
}

Result<Response> read_response(const json& item, std::size_t index) {
    const std::string where = "response " + std::to_string(index + 1);
    if (!item.is_object()) return Error{where + " is not a JSON object."};
    JsonReader reader = message_reader(where);
    Response r;
    r.uuid = reader.short_text(item, "uuid", kLongestId);
    if (!reader.failed() && !is_uuid(r.uuid)) reader.fail("uuid", "is not a UUID.");
    r.campaign_id = reader.short_text(item, "campaign_id", kLongestId);
    r.activity_id = reader.short_text(item, "activity_id", kLongestId);
    r.event_id = reader.short_text(item, "event_id", kLongestId);
    r.device_id = reader.short_text(item, "device_id", kLongestId);
    r.device_time = reader.short_text(item, "device_time", kLongestId);
    const auto version = item.find("campaign_version");
    if (version == item.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
        version->get<long long>() > 1000000)
        reader.fail("campaign_version", "must be a whole number from 1.");
    else
        r.campaign_version = version->get<int>();
    // A payload that is not an object (a tablet's damaged answer goes as null) leaves the
    // payload empty, for the hub to refuse that response alone: the rest of the batch, and
    // every answer queued behind it, still arrive.
    const auto payload = item.find("payload");
    if (payload != item.end() && payload->is_object() && (r.payload = payload->dump()).size() > kLargestPayloadBytes)
        reader.fail("payload", "is larger than 64 KB.");
    // Its place in the device's chain; absent from kiosks older than the chain. Anything but two
    // proper links (null when the tablet lost them, or a damaged file's text) reads as none, for
    // the hub to refuse that response alone.
    if (const auto chain = item.find("chain"); chain != item.end()) {
        r.chain = ChainPlace{};
        const auto link_at = [&chain](const char* key) {
            const auto found = chain->find(key);
            return found != chain->end() && found->is_string() && is_chain_link(found->get<std::string>())
                       ? found->get<std::string>()
                       : std::string();
        };
        if (chain->is_object() && !link_at("before").empty() && !link_at("link").empty())
            r.chain = ChainPlace{link_at("before"), link_at("link")};
    }
    if (reader.failed()) return reader.error();
    return r;
}

}  // namespace

std::string batch_json(const ResponseBatch& batch) {
    // Written out directly: each payload is already JSON text, so it is checked (json::accept
    // builds nothing) and copied in, not parsed into a tree and printed again, which was most
    // of a sync's own time. One that does not read goes as null, for the hub to refuse alone.
    std::string out = "{\"protocol\":" + std::to_string(kProtocolVersion) + ",\"responses\":[";
    const auto field = [&out](const char* key, const std::string& text) {
        out += '"';
        out += key;
        out += "\":";
        out += json(text).dump();
        out += ',';
    };
    for (std::size_t i = 0; i < batch.responses.size(); ++i) {
        const Response& r = batch.responses[i];
        out += i == 0 ? "{" : ",{";
        field("uuid", r.uuid);
        field("campaign_id", r.campaign_id);
        out += "\"campaign_version\":" + std::to_string(r.campaign_version) + ",";
        field("activity_id", r.activity_id);
        field("event_id", r.event_id);
        field("device_id", r.device_id);
        field("device_time", r.device_time);
        if (r.chain) {
            out += "\"chain\":";
            const bool whole = is_chain_link(r.chain->before) && is_chain_link(r.chain->link);
            out += whole ? "{\"before\":\"" + r.chain->before + "\",\"link\":\"" + r.chain->link + "\"}"
                         : std::string("null");
            out += ',';
        }
        out += "\"payload\":";
        out += json::accept(r.payload) ? r.payload : std::string("null");
        out += '}';
    }
    out += ']';
    if (!batch.events.empty()) {
        json events = json::array();
        for (const auto& e : batch.events)
            events.push_back({{"id", e.id}, {"place", e.place}, {"ward", e.ward}, {"started_at", e.started_at}});
        out += ",\"events\":" + events.dump();
    }
    return out + "}";
}

Result<ResponseBatch> parse_batch(const std::string& body) {
    auto doc = object_body(body, "batch of responses");
    if (!doc) return doc.error();
    const auto list = doc.value().find("responses");
    if (list == doc.value().end() || !list->is_array()) return Error{"The batch has no list of responses."};
    if (list->empty()) return Error{"The batch has no responses in it."};
    if (list->size() > kMostResponsesPerBatch)
        return Error{"The batch has " + std::to_string(list->size()) + " responses; send at most " +
                     std::to_string(kMostResponsesPerBatch) + " at a time."};
    ResponseBatch batch;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto r = read_response((*list)[i], i);
        if (!r) return r.error();
        if (!seen.insert(r.value().uuid).second) return Error{"The batch holds response " + r.value().uuid + " twice."};
        batch.responses.push_back(std::move(r).value());
    }
    const auto events = doc.value().find("events");
    if (events == doc.value().end()) return batch;
    if (!events->is_array() || events->size() > kMostResponsesPerBatch)
        return Error{"The batch's \"events\" must be a list of at most " + std::to_string(kMostResponsesPerBatch) +
                     " events."};
    for (std::size_t i = 0; i < events->size(); ++i) {
        auto e = read_event((*events)[i], i);
        if (!e) return e.error();
        batch.events.push_back(std::move(e).value());
    }
    return batch;
}

std::string reply_json(const BatchReply& reply) {
    json results = json::array();
    for (const auto& v : reply.results) {
        json item{{"uuid", v.uuid}, {"status", verdict_name(v.verdict)}};
        if (v.verdict == Verdict::rejected) item["reason"] = v.reason;
        results.push_back(item);
    }
    return json{{"protocol", kProtocolVersion}, {"results", results}}.dump();
}

Result<BatchReply> parse_reply(const std::string& body, const ResponseBatch& sent) {
    auto doc = object_body(body, "hub's reply");
    if (!doc) return doc.error();
    const auto list = doc.value().find("results");
    if (list == doc.value().end() || !list->is_array()) return Error{"The hub's reply has no list of results."};
    std::set<std::string> expected;
    for (const auto& r : sent.responses) expected.insert(r.uuid);
    BatchReply reply;
    for (const auto& item : *list) {
        if (!item.is_object()) return Error{"The hub's reply has a result that is not a JSON object."};
        JsonReader reader = message_reader("The hub's reply");
        ResponseVerdict v;
        v.uuid = reader.short_text(item, "uuid", kLongestId);
        if (!reader.failed() && expected.erase(v.uuid) != 1)
            reader.fail_sentence("The hub's reply names response " + v.uuid +
                                 ", which was not sent or is named twice.");
        const std::string status = reader.short_text(item, "status", kLongestId);
        const auto verdict = value_named(kVerdictNames, status);
        if (!verdict) reader.fail_sentence("The hub's reply has an unknown status \"" + status + "\".");
        if (reader.failed()) return reader.error();
        v.verdict = *verdict;
        if (v.verdict == Verdict::rejected) {
            JsonReader reason_reader = message_reader("The hub's reply");
            v.reason = reason_reader.short_text(item, "reason", 1000);
            if (reason_reader.failed()) v.reason = "The hub refused it without saying why.";
        }
        reply.results.push_back(std::move(v));
    }
    if (!expected.empty())
        return Error{"The hub's reply leaves out " + std::to_string(expected.size()) + " of the responses sent."};
    return reply;
}

std::string enrol_request_json(const EnrolRequest& request) {
    return json{{"protocol", kProtocolVersion}, {"code", request.code}, {"device_id", request.device_id}}.dump();
}

Result<EnrolRequest> parse_enrol_request(const std::string& body) {
    auto doc = object_body(body, "enrolment request");
    if (!doc) return doc.error();
    JsonReader reader = message_reader("The enrolment request");
    EnrolRequest request;
    request.code = reader.short_text(doc.value(), "code", kLongestId);
    request.device_id = reader.short_text(doc.value(), "device_id", kLongestId);
    if (!reader.failed() && !is_uuid(request.device_id)) reader.fail("device_id", "is not a UUID.");
    if (reader.failed()) return reader.error();
    return request;
}

std::string enrol_reply_json(const EnrolReply& reply) {
    return json{{"protocol", kProtocolVersion}, {"device_id", reply.device_id}, {"token", reply.token}}.dump();
}

Result<EnrolReply> parse_enrol_reply(const std::string& body) {
    auto doc = object_body(body, "hub's reply");
    if (!doc) return doc.error();
    JsonReader reader = message_reader("The hub's reply");
    EnrolReply reply;
    reply.device_id = reader.short_text(doc.value(), "device_id", kLongestId);
    reply.token = reader.short_text(doc.value(), "token", 200);
    if (reader.failed()) return reader.error();
    return reply;
}

std::string campaigns_json(const PublishedCampaigns& published) {
    json list = json::array();
    for (const auto& c : published.campaigns) {
        json entry{{"id", c.id}, {"version", c.version}, {"definition", json::parse(c.definition, nullptr, false)}};
        if (!c.used_voter_codes.empty()) entry["used_voter_codes"] = c.used_voter_codes;
        json notes = json::array();
        for (const auto& n : c.outcome_notes) notes.push_back({{"ward", n.ward}, {"said", n.said}, {"did", n.did}});
        entry["outcome_notes"] = std::move(notes);
        if (!c.pictures.empty()) {
            json pictures = json::array();
            for (const auto& p : c.pictures)
                pictures.push_back({{"path", p.path}, {"sha256", p.sha256}, {"size", p.size}});
            entry["pictures"] = std::move(pictures);
        }
        list.push_back(std::move(entry));
    }
    return json{{"protocol", kProtocolVersion}, {"campaigns", list}}.dump();
}

Result<PublishedCampaigns> parse_campaigns(const std::string& body) {
    auto doc = object_body(body, "hub's list of campaigns");
    if (!doc) return doc.error();
    const auto list = doc.value().find("campaigns");
    if (list == doc.value().end() || !list->is_array()) return Error{"The hub's list of campaigns is missing."};
    PublishedCampaigns published;
    for (const auto& item : *list) {
        if (!item.is_object()) return Error{"The hub's list of campaigns has an entry that is not a JSON object."};
        PublishedCampaign c;
        JsonReader id_reader = message_reader("A published campaign");
        c.id = id_reader.short_text(item, "id", kLongestId);
        if (id_reader.failed()) return id_reader.error();
        const auto version = item.find("version");
        // Campaign files number their versions from 1 to 1,000,000,000 (a version must fit an int).
        if (version == item.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
            version->get<long long>() > 1000000000)
            return Error{"The published campaign " + c.id + " has no version number."};
        c.version = version->get<int>();
        const auto definition = item.find("definition");
        if (definition == item.end() || !definition->is_object())
            return Error{"The published campaign " + c.id + " has no definition."};
        c.definition = definition->dump();
        if (const auto used = item.find("used_voter_codes"); used != item.end()) {
            if (!used->is_array()) return Error{"The published campaign " + c.id + " has a broken list of used codes."};
            for (const auto& code : *used) {
                if (!code.is_string()) return Error{"The published campaign " + c.id + " has a broken used code."};
                c.used_voter_codes.push_back(code.get<std::string>());
            }
        }
        if (const auto notes = item.find("outcome_notes"); notes != item.end()) {
            const std::string where = "The published campaign " + c.id + "'s \"you said, we did\"";
            if (!notes->is_array() || notes->size() > kMostOutcomeNotesPerCampaign)
                return Error{where + " is not a list of at most " + std::to_string(kMostOutcomeNotesPerCampaign) +
                             " notes."};
            for (const auto& note : *notes) {
                if (!note.is_object()) return Error{where + " has a note that is not a JSON object."};
                JsonReader reader = message_reader(where);
                WardOutcomeNote n;
                n.ward = reader.short_text(note, "ward", kLongestOutcomeText, Presence::optional);
                n.said = reader.short_text(note, "said", kLongestOutcomeText);
                n.did = reader.short_text(note, "did", kLongestOutcomeText);
                if (reader.failed()) return reader.error();
                c.outcome_notes.push_back(std::move(n));
            }
        }
        if (const auto pictures = item.find("pictures"); pictures != item.end()) {
            const std::string where = "The published campaign " + c.id + "'s pictures";
            if (!pictures->is_array() || pictures->size() > kMostPicturesPerCampaign)
                return Error{where + " are not a list of at most " + std::to_string(kMostPicturesPerCampaign) + "."};
            for (const auto& picture : *pictures) {
                if (!picture.is_object()) return Error{where + " have an entry that is not a JSON object."};
                JsonReader reader = message_reader(where);
                CampaignPicture p;
                p.path = reader.short_text(picture, "path", kLongestPicturePath);
                p.sha256 = reader.short_text(picture, "sha256", 64);
                if (reader.failed()) return reader.error();
                const auto size = picture.find("size");
                if (!looks_like_sha256(p.sha256) || size == picture.end() || !size->is_number_integer() ||
                    size->get<long long>() < 1 || size->get<long long>() > kLargestPictureBytes)
                    return Error{where + " name " + p.path + " without a proper SHA-256 and a size up to " +
                                 std::to_string(kLargestPictureBytes / (1024 * 1024)) + " MB."};
                p.size = size->get<std::int64_t>();
                c.pictures.push_back(std::move(p));
            }
        }
        published.campaigns.push_back(std::move(c));
    }
    return published;
}

namespace {

// A count a kiosk or hub gives: a whole number from 0 to a billion.
std::optional<std::int64_t> count_in(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    const auto n = found->get<long long>();
    if (n < 0 || n > 1000000000) return std::nullopt;
    return n;
}

// A list of at most `most` UUIDs under `key`, none twice.
Result<std::vector<std::string>> uuid_list(const json& doc, const char* key, std::size_t most,
                                           const std::string& what) {
    const auto list = doc.find(key);
    if (list == doc.end() || !list->is_array() || list->size() > most)
        return Error{what + " has no list \"" + key + "\" of at most " + std::to_string(most) + " UUIDs."};
    std::vector<std::string> uuids;
    std::set<std::string> seen;
    for (const auto& item : *list) {
        if (!item.is_string() || !is_uuid(item.get<std::string>()))
            return Error{what + " has an entry in \"" + key + "\" that is not a UUID."};
        if (!seen.insert(item.get<std::string>()).second)
            return Error{what + " names " + item.get<std::string>() + " twice."};
        uuids.push_back(item.get<std::string>());
    }
    return uuids;
}

}  // namespace

std::string holdings_digest(std::vector<std::string> uuids) {
    std::sort(uuids.begin(), uuids.end());
    std::string lines;
    lines.reserve(uuids.size() * 37);
    for (const auto& uuid : uuids) lines += uuid + "\n";
    return sha256_hex(lines);
}

std::string holdings_request_json(const HoldingsRequest& request) {
    json counts = json::array();
    for (const auto& c : request.on_tablet)
        counts.push_back(
            {{"campaign_id", c.campaign_id}, {"answers", c.answers}, {"waiting", c.waiting}, {"refused", c.refused}});
    return json{{"protocol", kProtocolVersion}, {"on_tablet", counts}}.dump();
}

Result<HoldingsRequest> parse_holdings_request(const std::string& body) {
    auto doc = object_body(body, "request for the hub's holdings");
    if (!doc) return doc.error();
    const auto list = doc.value().find("on_tablet");
    if (list == doc.value().end() || !list->is_array() || list->size() > kMostTabletCounts)
        return Error{"The request has no list \"on_tablet\" of at most " + std::to_string(kMostTabletCounts) +
                     " campaigns."};
    HoldingsRequest request;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string where = "on_tablet " + std::to_string(i + 1);
        if (!item.is_object()) return Error{where + " is not a JSON object."};
        JsonReader reader = message_reader(where);
        TabletCount c;
        c.campaign_id = reader.short_text(item, "campaign_id", kLongestId);
        if (reader.failed()) return reader.error();
        const auto answers = count_in(item, "answers");
        const auto waiting = count_in(item, "waiting");
        const auto refused = count_in(item, "refused");
        if (!answers || !waiting || !refused || *waiting + *refused > *answers)
            return Error{where +
                         " must give \"answers\", \"waiting\" and \"refused\" as whole numbers from 0, "
                         "with no more waiting and refused than answers."};
        if (!seen.insert(c.campaign_id).second) return Error{where + " names campaign " + c.campaign_id + " again."};
        c.answers = *answers;
        c.waiting = *waiting;
        c.refused = *refused;
        request.on_tablet.push_back(std::move(c));
    }
    return request;
}

std::string holdings_json(const Holdings& holdings) {
    return json{{"protocol", kProtocolVersion}, {"responses", holdings.responses}, {"digest", holdings.digest}}.dump();
}

Result<Holdings> parse_holdings(const std::string& body) {
    auto doc = object_body(body, "hub's holdings");
    if (!doc) return doc.error();
    Holdings holdings;
    const auto responses = count_in(doc.value(), "responses");
    const auto digest = doc.value().find("digest");
    if (!responses || digest == doc.value().end() || !digest->is_string() ||
        !looks_like_sha256(digest->get<std::string>()))
        return Error{"The hub's holdings do not give a count and a SHA-256."};
    holdings.responses = *responses;
    holdings.digest = digest->get<std::string>();
    return holdings;
}

std::string holdings_check_json(const HoldingsCheck& check) {
    return json{{"protocol", kProtocolVersion}, {"uuids", check.uuids}}.dump();
}

Result<HoldingsCheck> parse_holdings_check(const std::string& body) {
    auto doc = object_body(body, "check of the hub's holdings");
    if (!doc) return doc.error();
    auto uuids = uuid_list(doc.value(), "uuids", kMostUuidsPerCheck, "The check");
    if (!uuids) return uuids.error();
    return HoldingsCheck{std::move(uuids).value()};
}

std::string holdings_check_reply_json(const HoldingsCheckReply& reply) {
    return json{{"protocol", kProtocolVersion}, {"missing", reply.missing}}.dump();
}

Result<HoldingsCheckReply> parse_holdings_check_reply(const std::string& body, const HoldingsCheck& asked) {
    auto doc = object_body(body, "hub's reply");
    if (!doc) return doc.error();
    auto missing = uuid_list(doc.value(), "missing", kMostUuidsPerCheck, "The hub's reply");
    if (!missing) return missing.error();
    const std::set<std::string> asked_about(asked.uuids.begin(), asked.uuids.end());
    for (const auto& uuid : missing.value())
        if (!asked_about.count(uuid)) return Error{"The hub's reply names " + uuid + ", which was not asked about."};
    return HoldingsCheckReply{std::move(missing).value()};
}

std::string error_json(const std::string& message) {
    return json{{"error", message}}.dump();
}

std::string error_message_of(const std::string& body) {
    auto parsed = parse_bounded_json(body, kWireLimits, "The hub's error");
    if (!parsed || !parsed.value().is_object()) return {};
    const json& doc = parsed.value();
    const auto it = doc.find("error");
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string response_fingerprint(const Response& response) {
    // nlohmann::json keeps object keys sorted, so dump() is canonical.
    return response_object(response).dump();
}

}  // namespace sv
