#include "wire_format.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "bounded_json.hpp"

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

enum class Presence { required, optional };

// A text field not too long; unless optional, there and not empty (optional: absent or null is empty).
Result<std::string> text_field(const json& object, const char* key, const std::string& where,
                               std::size_t longest = kLongestId, Presence presence = Presence::required) {
    const auto it = object.find(key);
    if (presence == Presence::optional && (it == object.end() || it->is_null())) return std::string();
    if (it == object.end() || !it->is_string()) return Error{where + ": \"" + key + "\" is missing or not text."};
    std::string value = it->get<std::string>();
    if (presence == Presence::optional && value.size() > longest)
        return Error{where + ": \"" + key + "\" is longer than " + std::to_string(longest) + " characters."};
    if (presence == Presence::required && (value.empty() || value.size() > longest))
        return Error{where + ": \"" + key + "\" must be 1 to " + std::to_string(longest) + " characters."};
    return value;
}

constexpr std::size_t kLongestPlace = 200;

Result<WireEvent> read_event(const json& item, std::size_t index) {
    const std::string where = "event " + std::to_string(index + 1);
    if (!item.is_object()) return Error{where + " is not a JSON object."};
    WireEvent e;
    auto id = text_field(item, "id", where);
    if (!id) return id.error();
    e.id = id.value();
    auto started = text_field(item, "started_at", where);
    if (!started) return started.error();
    e.started_at = started.value();
    for (auto [key, field] : {std::pair{"place", &e.place}, std::pair{"ward", &e.ward}}) {
        auto value = text_field(item, key, where, kLongestPlace, Presence::optional);
        if (!value) return value.error();
        *field = value.value();
    }
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
    Response r;
    auto uuid = text_field(item, "uuid", where);
    if (!uuid) return uuid.error();
    r.uuid = uuid.value();
    if (!is_uuid(r.uuid)) return Error{where + ": \"uuid\" is not a UUID."};
    for (auto [key, field] : {std::pair{"campaign_id", &r.campaign_id}, std::pair{"activity_id", &r.activity_id},
                              std::pair{"event_id", &r.event_id}, std::pair{"device_id", &r.device_id},
                              std::pair{"device_time", &r.device_time}}) {
        auto value = text_field(item, key, where);
        if (!value) return value.error();
        *field = value.value();
    }
    const auto version = item.find("campaign_version");
    if (version == item.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
        version->get<long long>() > 1000000)
        return Error{where + ": \"campaign_version\" must be a whole number from 1."};
    r.campaign_version = version->get<int>();
    const auto payload = item.find("payload");
    if (payload == item.end() || !payload->is_object()) return Error{where + ": \"payload\" must be a JSON object."};
    r.payload = payload->dump();
    if (r.payload.size() > kLargestPayloadBytes) return Error{where + ": \"payload\" is larger than 64 KB."};
    return r;
}

}  // namespace

std::string batch_json(const ResponseBatch& batch) {
    json responses = json::array();
    for (const auto& r : batch.responses) responses.push_back(response_object(r));
    json doc{{"protocol", kProtocolVersion}, {"responses", responses}};
    if (!batch.events.empty()) {
        json events = json::array();
        for (const auto& e : batch.events)
            events.push_back({{"id", e.id}, {"place", e.place}, {"ward", e.ward}, {"started_at", e.started_at}});
        doc["events"] = events;
    }
    return doc.dump();
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
        ResponseVerdict v;
        auto uuid = text_field(item, "uuid", "The hub's reply");
        if (!uuid) return uuid.error();
        v.uuid = uuid.value();
        if (expected.erase(v.uuid) != 1)
            return Error{"The hub's reply names response " + v.uuid + ", which was not sent or is named twice."};
        auto status = text_field(item, "status", "The hub's reply");
        if (!status) return status.error();
        const auto verdict = value_named(kVerdictNames, status.value());
        if (!verdict) return Error{"The hub's reply has an unknown status \"" + status.value() + "\"."};
        v.verdict = *verdict;
        if (v.verdict == Verdict::rejected) {
            auto reason = text_field(item, "reason", "The hub's reply", 1000);
            v.reason = reason ? reason.value() : "The hub refused it without saying why.";
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
    EnrolRequest request;
    auto code = text_field(doc.value(), "code", "The enrolment request");
    if (!code) return code.error();
    auto device = text_field(doc.value(), "device_id", "The enrolment request");
    if (!device) return device.error();
    if (!is_uuid(device.value())) return Error{"The enrolment request: \"device_id\" is not a UUID."};
    request.code = code.value();
    request.device_id = device.value();
    return request;
}

std::string enrol_reply_json(const EnrolReply& reply) {
    return json{{"protocol", kProtocolVersion}, {"device_id", reply.device_id}, {"token", reply.token}}.dump();
}

Result<EnrolReply> parse_enrol_reply(const std::string& body) {
    auto doc = object_body(body, "hub's reply");
    if (!doc) return doc.error();
    EnrolReply reply;
    auto device = text_field(doc.value(), "device_id", "The hub's reply");
    if (!device) return device.error();
    auto token = text_field(doc.value(), "token", "The hub's reply", 200);
    if (!token) return token.error();
    reply.device_id = device.value();
    reply.token = token.value();
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
        auto id = text_field(item, "id", "A published campaign");
        if (!id) return id.error();
        c.id = id.value();
        const auto version = item.find("version");
        if (version == item.end() || !version->is_number_integer() || version->get<long long>() < 1)
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
                WardOutcomeNote n;
                for (auto [key, field, presence] :
                     {std::tuple{"ward", &n.ward, Presence::optional}, std::tuple{"said", &n.said, Presence::required},
                      std::tuple{"did", &n.did, Presence::required}}) {
                    auto value = text_field(note, key, where, kLongestOutcomeText, presence);
                    if (!value) return value.error();
                    *field = value.value();
                }
                c.outcome_notes.push_back(std::move(n));
            }
        }
        published.campaigns.push_back(std::move(c));
    }
    return published;
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
