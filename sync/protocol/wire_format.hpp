#pragma once
// Sync protocol v1: what a kiosk and the hub say to each other, as JSON.
//
//   POST /api/v1/devices:enrol       EnrolRequest  -> EnrolReply
//   POST /api/v1/responses:batch     ResponseBatch -> BatchReply   (Authorization: Bearer TOKEN)
//   GET  /api/v1/campaigns           -> PublishedCampaigns, with an ETag
//   POST /api/v1/holdings            HoldingsRequest -> Holdings   (what the hub holds of this device's)
//   POST /api/v1/holdings:check      HoldingsCheck -> HoldingsCheckReply
//
// Every refusal is a JSON body {"error": "a plain sentence"} with a fitting HTTP status.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "name_table.hpp"
#include "outcome_notes.hpp"
#include "response.hpp"
#include "result.hpp"

namespace sv {

constexpr int kProtocolVersion = 1;
constexpr std::size_t kMostResponsesPerBatch = 500;
// Uncompressed; a batch of 500 Place Standard responses with long comments is about 1 MB.
constexpr std::size_t kLargestBodyBytes = 8 * 1024 * 1024;

namespace api_path {
constexpr const char* enrol = "/api/v1/devices:enrol";
constexpr const char* batch = "/api/v1/responses:batch";
constexpr const char* campaigns = "/api/v1/campaigns";
constexpr const char* pictures = "/api/v1/pictures/";  // followed by the picture's SHA-256
constexpr const char* holdings = "/api/v1/holdings";
constexpr const char* holdings_check = "/api/v1/holdings:check";
}  // namespace api_path

// A project picture: a tablet shows at most 2048 pixels a side, which no honest JPEG or PNG
// needs more than this for.
constexpr std::int64_t kLargestPictureBytes = 8 * 1024 * 1024;
constexpr std::size_t kMostPicturesPerCampaign = 500;
constexpr std::size_t kLongestPicturePath = 400;

// A picture a campaign names (its project's "image", as written in the file), by content.
struct CampaignPicture {
    std::string path;
    std::string sha256;
    std::int64_t size = 0;
};

// The stall the responses were collected at, as staff entered it on the kiosk. A batch names
// each event its responses carry, so the hub can show results by place and ward.
struct WireEvent {
    std::string id;
    std::string place;  // may be empty: the kiosk's first event has no place until staff set one
    std::string ward;   // may be empty
    std::string started_at;
};

struct ResponseBatch {
    std::vector<Response> responses;
    std::vector<WireEvent> events{};  // optional on the wire
};

enum class Verdict { accepted, duplicate, rejected };
// As the hub's reply spells them.
inline constexpr Spelling<Verdict> kVerdictNames[] = {
    {Verdict::accepted, "accepted"}, {Verdict::duplicate, "duplicate"}, {Verdict::rejected, "rejected"}};
inline const char* verdict_name(Verdict verdict) {
    return name_of(kVerdictNames, verdict);
}

struct ResponseVerdict {
    std::string uuid;
    Verdict verdict = Verdict::rejected;
    std::string reason;  // for rejected: a sentence staff can read
};

struct BatchReply {
    std::vector<ResponseVerdict> results;
};

struct EnrolRequest {
    std::string code;
    std::string device_id;
};

struct EnrolReply {
    std::string device_id;
    std::string token;
};

constexpr std::size_t kLongestOutcomeText = 800;  // bytes: 200 characters of any script
constexpr std::size_t kMostOutcomeNotesPerCampaign = 50;

struct PublishedCampaign {
    std::string id;
    int version = 0;
    std::string definition;  // the campaign file's JSON text
    // Hashes of the campaign's voter codes that have voted, on any kiosk: refused from then on.
    std::vector<std::string> used_voter_codes;
    std::vector<WardOutcomeNote> outcome_notes;  // "you said, we did" written on the hub
    std::vector<CampaignPicture> pictures;       // fetched one by one from api_path::pictures
};

struct PublishedCampaigns {
    std::vector<PublishedCampaign> campaigns;
};

// Reconciling after a hub was restored from a backup: a kiosk tells what it keeps of each
// campaign and asks what the hub holds of its responses; when the two differ it asks which of
// the responses it sent the hub lacks, and sends those again.

// What a tablet keeps of one campaign, counted as the dashboard counts answers (leaving out
// answers about the person, which follow another answer). The dashboard shows it beside the
// hub's own count.
struct TabletCount {
    std::string campaign_id;
    std::int64_t answers = 0;  // every one it keeps
    std::int64_t waiting = 0;  // not sent yet
    std::int64_t refused = 0;  // refused by the hub, kept with the reason
};
constexpr std::size_t kMostTabletCounts = 200;

struct HoldingsRequest {
    std::vector<TabletCount> on_tablet;
};

// What the hub holds of the asking device's responses.
struct Holdings {
    std::int64_t responses = 0;
    std::string digest;  // holdings_digest of their UUIDs
};

// The SHA-256 of the UUIDs in byte order, each followed by a newline: equal on both sides
// exactly when they hold the same responses.
std::string holdings_digest(std::vector<std::string> uuids);

constexpr std::size_t kMostUuidsPerCheck = 1000;
// Responses the kiosk sent and believes the hub holds.
struct HoldingsCheck {
    std::vector<std::string> uuids;
};
// Those of them the hub does not hold from this device.
struct HoldingsCheckReply {
    std::vector<std::string> missing;
};

std::string holdings_request_json(const HoldingsRequest& request);
Result<HoldingsRequest> parse_holdings_request(const std::string& body);
std::string holdings_json(const Holdings& holdings);
Result<Holdings> parse_holdings(const std::string& body);
std::string holdings_check_json(const HoldingsCheck& check);
Result<HoldingsCheck> parse_holdings_check(const std::string& body);
std::string holdings_check_reply_json(const HoldingsCheckReply& reply);
// Only UUIDs that were asked about, each once, count: anything else is not a proper reply.
Result<HoldingsCheckReply> parse_holdings_check_reply(const std::string& body, const HoldingsCheck& asked);

std::string batch_json(const ResponseBatch& batch);
// A response whose payload is not a JSON object is read with an empty payload (the receiver
// refuses that one alone); anything else malformed refuses the whole batch.
Result<ResponseBatch> parse_batch(const std::string& body);

std::string reply_json(const BatchReply& reply);
// A reply counts only if it is well formed and names exactly the responses that were sent,
// each once: a captive portal's login page or a truncated body acknowledges nothing.
Result<BatchReply> parse_reply(const std::string& body, const ResponseBatch& sent);

std::string enrol_request_json(const EnrolRequest& request);
Result<EnrolRequest> parse_enrol_request(const std::string& body);
std::string enrol_reply_json(const EnrolReply& reply);
Result<EnrolReply> parse_enrol_reply(const std::string& body);

std::string campaigns_json(const PublishedCampaigns& published);
Result<PublishedCampaigns> parse_campaigns(const std::string& body);

std::string error_json(const std::string& message);
// The plain sentence in an error body, or nothing if the body is not one of ours.
std::string error_message_of(const std::string& body);

// The response's content in a canonical form: two copies of one response compare equal
// however their JSON was spaced or ordered.
std::string response_fingerprint(const Response& response);

}  // namespace sv
