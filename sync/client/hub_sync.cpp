#include "hub_sync.hpp"

#include "hub_campaign.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "canonical_json.hpp"
#include "gzip_body.hpp"
#include "sha256.hpp"
#include "wire_format.hpp"

namespace sv {
namespace {

using std::chrono::milliseconds;

std::string http_problem(const HttpReply& reply, const std::string& doing) {
    std::string said = error_message_of(reply.body);
    return "The hub " + doing + " (HTTP " + std::to_string(reply.status) + ")" + (said.empty() ? "." : ": " + said);
}

}  // namespace

HubSync::Attempt HubSync::Attempt::refused(const HttpReply& reply, const std::string& doing) {
    if (worth_retrying(reply.status)) return again(http_problem(reply, "is busy or has a problem"), reply.retry_after);
    return stop(http_problem(reply, doing));
}

namespace {}  // namespace

std::string enrolled_hub_url(const Store& store) {
    auto saved = store.setting(hub_setting::enrolment);
    if (!saved || !saved.value()) return {};
    auto enrolment = nlohmann::json::parse(*saved.value(), nullptr, false);
    return enrolment.is_object() ? enrolment.value("url", "") : "";
}

HubSync::HubSync(Store& store, HubConnection& hub, SyncSettings settings, WakeSignal& signal)
    : store_(store),
      hub_(hub),
      settings_(settings),
      signal_(signal),
      random_(settings.seed),
      batch_size_(std::clamp<std::size_t>(settings.batch_size, 1, kMostResponsesPerBatch)) {
    hub_.set_cancel_check([&signal] { return signal.stopped(); });
}

void HubSync::report() {
    if (report_) report_(progress_);
}

Result<std::string> HubSync::token() const {
    auto saved = store_.setting(hub_setting::enrolment);
    if (!saved) return saved.error();
    if (saved.value()) {
        auto enrolment = nlohmann::json::parse(*saved.value(), nullptr, false);
        if (enrolment.is_object()) return enrolment.value("token", "");
    }
    return std::string();
}

Status HubSync::follow_moved_hub() {
    auto saved = store_.setting(hub_setting::enrolment);
    if (!saved) return saved.error();
    if (!saved.value()) return ok_status();
    auto enrolment = nlohmann::json::parse(*saved.value(), nullptr, false);
    if (!token_accepted_ || !enrolment.is_object() || enrolment.value("url", "") == hub_.url()) return ok_status();
    const std::string was = enrolment.value("url", "");
    enrolment["url"] = hub_.url();
    if (auto kept = store_.save_setting(hub_setting::enrolment, enrolment.dump()); !kept) return kept;
    moved_from_ = was;
    return ok_status();
}

Result<bool> HubSync::enrolled() const {
    auto t = token();
    if (!t) return t.error();
    return !t.value().empty();
}

Status HubSync::keep_trying(const std::function<Attempt()>& attempt) {
    using clock = std::chrono::steady_clock;
    int failures = 0;
    clock::time_point first_failure;
    for (;;) {
        if (signal_.stopped()) return Error{"Sending was stopped; whatever was not sent waits on this tablet."};
        const Attempt tried = attempt();
        if (tried.next == Next::done) {
            progress_.problem.clear();
            progress_.next_try_in = milliseconds(0);
            return ok_status();
        }
        progress_.problem = tried.problem;
        progress_.next_try_in = milliseconds(0);
        if (tried.next == Next::give_up) {
            report();
            return Error{tried.problem};
        }
        if (failures++ == 0) first_failure = clock::now();
        milliseconds wait = settings_.backoff.delay(failures, random_);
        // A hub that says when to come back is listened to, within the same cap.
        wait = std::max(wait, std::min<milliseconds>(tried.retry_after, settings_.backoff.cap));
        if (settings_.patience.count() > 0 && clock::now() + wait - first_failure > settings_.patience) {
            report();
            return Error{tried.problem + " Gave up for now after " + std::to_string(failures) +
                         (failures == 1 ? " try" : " tries") + "; the answers wait safely on this tablet."};
        }
        ++progress_.tally.retries;
        progress_.next_try_in = wait;
        report();
        signal_.wait_for(wait);
    }
}

Status HubSync::enrol(const std::string& code) {
    // Enrolled already: the hub re-enrols this device only when it shows its current token.
    auto current = token();
    if (!current) return current.error();
    std::string token;
    Status enrolled = keep_trying([&]() -> Attempt {
        auto reply =
            hub_.post_json(api_path::enrol, enrol_request_json({code, store_.device_id()}), current.value(), false);
        if (!reply) return Attempt::again(reply.error().message);
        const HttpReply& r = reply.value();
        if (r.status == 200) {
            auto parsed = parse_enrol_reply(r.body);
            if (!parsed || parsed.value().device_id != store_.device_id())
                return Attempt::again("The hub's answer to enrolment was not a proper one (a Wi-Fi login page?).");
            token = parsed.value().token;
            return Attempt::done();
        }
        return Attempt::refused(r, "refused to enrol this tablet");
    });
    if (!enrolled) return enrolled;
    const nlohmann::json enrolment{{"url", hub_.url()}, {"token", token}};
    return store_.save_setting(hub_setting::enrolment, enrolment.dump());
}

Result<int> HubSync::pull_campaigns() {
    auto t = token();
    if (!t) return t.error();
    if (t.value().empty()) return Error{"This tablet is not enrolled with the hub yet."};
    auto etag = store_.setting(hub_setting::campaigns_etag);
    if (!etag) return etag.error();
    // A kiosk that kept versions before it kept the hub's list asks for the whole list once.
    auto known_list = store_.setting(hub_setting::published_campaigns);
    if (!known_list) return known_list.error();
    if (!known_list.value()) etag.value().reset();
    int fresh = 0;
    std::vector<std::string> differing;         // versions the hub now defines otherwise than the copy held
    std::vector<std::string> pictures_missing;  // why, for each picture that did not arrive whole
    Status pulled = keep_trying([&]() -> Attempt {
        differing.clear();
        pictures_missing.clear();
        auto reply = hub_.get(api_path::campaigns, t.value(), etag.value().value_or(""));
        if (!reply) return Attempt::again(reply.error().message);
        const HttpReply& r = reply.value();
        if (r.status == 304) {
            token_accepted_ = true;
            return Attempt::done();
        }
        if (r.status != 200) return Attempt::refused(r, "refused to list its campaigns");
        auto published = parse_campaigns(r.body);
        if (!published)
            return Attempt::again("The hub's list of campaigns was not a proper one (a Wi-Fi login page?): " +
                                  published.error().message);
        token_accepted_ = true;
        for (const auto& campaign : published.value().campaigns) {
            if (!campaign.used_voter_codes.empty()) {
                if (auto noted = store_.note_voter_codes_used_elsewhere(campaign.id, campaign.used_voter_codes); !noted)
                    return Attempt::stop(noted.error().message);
            }
            if (auto kept = store_.replace_outcome_notes(campaign.id, campaign.outcome_notes); !kept)
                return Attempt::stop(kept.error().message);
            // Its pictures before the version, so a kiosk that takes the version up finds them; one
            // that did not arrive last time is asked for again.
            std::map<std::string, std::string> files;
            for (const auto& p : campaign.pictures) {
                files.emplace(p.path, p.sha256);
                // A cut connection or a busy hub is tried again, as long as sending is; a picture
                // the hub got wrong is reported and the rest go on.
                PictureFetch fetched;
                const Status tried = keep_trying([&]() -> Attempt {
                    fetched = fetch_picture(t.value(), p);
                    return fetched.try_again ? Attempt::again(fetched.problem) : Attempt::done();
                });
                if (!tried) return Attempt::stop(tried.error().message);
                if (!fetched.problem.empty()) pictures_missing.push_back(fetched.problem);
            }
            if (auto named = store_.remember_picture_files(campaign.id, campaign.version, files); !named)
                return Attempt::stop(named.error().message);
            auto known = store_.campaign_definition(campaign.id, campaign.version);
            if (!known) return Attempt::stop(known.error().message);
            if (known.value()) {
                // Answers were given under the copy held: it stays, and the organiser must hear of it.
                if (canonical_json(*known.value()) != canonical_json(campaign.definition))
                    differing.push_back("\"" + campaign.id + "\" version " + std::to_string(campaign.version));
                continue;
            }
            auto kept = store_.remember_campaign(campaign.id, campaign.version, campaign.definition);
            if (!kept) return Attempt::stop(kept.error().message);
            ++fresh;
        }
        // Kept after the versions themselves: a kiosk that reads the list finds each one.
        std::string listed;
        for (const auto& campaign : published.value().campaigns)
            if (("\n" + listed).find("\n" + campaign.id + "\n") == std::string::npos) listed += campaign.id + "\n";
        if (auto saved = store_.save_setting(hub_setting::published_campaigns, listed); !saved)
            return Attempt::stop(saved.error().message);
        // Kept only when all is well, so a problem is found again next time.
        if (!r.etag.empty() && differing.empty() && pictures_missing.empty()) {
            if (auto saved = store_.save_setting(hub_setting::campaigns_etag, r.etag); !saved)
                return Attempt::stop(saved.error().message);
        }
        return Attempt::done();
    });
    if (!pulled) return pulled.error();
    if (auto followed = follow_moved_hub(); !followed) return followed.error();
    if (!differing.empty()) {
        std::string named;
        for (const auto& d : differing) named += (named.empty() ? "" : ", ") + d;
        return Error{"The hub now defines campaign " + named +
                     " otherwise than the copy this kiosk holds and gave answers under, so the kiosk keeps its "
                     "own. Tell the organiser: a changed campaign needs a new version number."};
    }
    if (!pictures_missing.empty())
        return Error{std::to_string(pictures_missing.size()) + " of the campaign's pictures did not arrive (" +
                     pictures_missing.front() + "); their projects show no picture until a later sync brings them."};
    return fresh;
}

HubSync::PictureFetch HubSync::fetch_picture(const std::string& token, const CampaignPicture& picture) {
    auto lasting = [&](const std::string& problem) { return PictureFetch{false, picture.path + ": " + problem}; };
    if (!looks_like_sha256(picture.sha256)) return lasting("its name is not a SHA-256");
    const std::filesystem::path kept = std::filesystem::path(hub_pictures_folder(store_.path())) / picture.sha256;
    std::error_code error;
    // Named by content, so one of the right size is the one wanted (a cut-off copy is shorter).
    if (std::filesystem::file_size(kept, error) == static_cast<std::uintmax_t>(picture.size) && !error) return {};
    auto reply = hub_.get(api_path::pictures + picture.sha256, token, "");
    if (!reply) return {true, picture.path + ": " + reply.error().message};
    const HttpReply& r = reply.value();
    if (r.status == 429 || r.status >= 500)
        return {true, picture.path + ": the hub is busy or has a problem (HTTP " + std::to_string(r.status) + ")"};
    if (r.status != 200) return lasting("the hub answered HTTP " + std::to_string(r.status));
    if (static_cast<std::int64_t>(r.body.size()) != picture.size || sha256_hex(r.body) != picture.sha256)
        return lasting("it arrived damaged (not the picture the hub listed)");
    std::filesystem::create_directories(kept.parent_path(), error);
    if (error) return lasting(error.message());
    const std::filesystem::path part = kept.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
        if (!out.flush()) return lasting("it could not be written to " + part.string());
    }
    std::filesystem::rename(part, kept, error);
    if (error) return lasting(error.message());
    return {};
}

HubSync::Attempt HubSync::send_one_batch(const std::string& token) {
    auto pending = store_.pending_responses(batch_size_);
    if (!pending) return Attempt::stop(pending.error().message);
    ResponseBatch batch;
    std::set<std::string> event_ids;
    for (const auto& stored : pending.value()) {
        batch.responses.push_back(stored);  // the response, without what sync made of it
        event_ids.insert(stored.event_id);
    }
    if (batch.responses.empty()) return Attempt::done();
    // Staff initials stay on the kiosk: the hub needs the place and ward, not who ran the stall.
    for (const auto& id : event_ids) {
        auto event = store_.event(id);
        if (!event) return Attempt::stop(event.error().message);
        if (event.value())
            batch.events.push_back({id, event.value()->place, event.value()->ward, event.value()->started_at});
    }

    auto reply = hub_.post_json(api_path::batch, gzip_compress(batch_json(batch)), token, true);
    if (!reply) return Attempt::again(reply.error().message);
    const HttpReply& r = reply.value();
    if (r.status == 413 && batch_size_ > 1) {
        // Smaller batches get through; not a failure, so no wait.
        batch_size_ = std::max<std::size_t>(1, batch_size_ / 2);
        return send_one_batch(token);
    }
    if (r.status != 200) return Attempt::refused(r, "refused the answers");
    auto verdicts = parse_reply(r.body, batch);
    if (!verdicts)
        return Attempt::again("The hub's answer did not confirm the answers sent (" + verdicts.error().message +
                              "). A Wi-Fi login page may be in the way.");
    token_accepted_ = true;

    std::vector<OutboxUpdate> updates;
    SyncTally& tally = progress_.tally;
    for (const auto& v : verdicts.value().results) {
        switch (v.verdict) {
            case Verdict::accepted: ++tally.accepted; break;
            case Verdict::duplicate: ++tally.duplicate; break;
            case Verdict::rejected: ++tally.rejected; break;
        }
        updates.push_back(
            {v.uuid, v.verdict == Verdict::rejected ? OutboxState::rejected : OutboxState::synced, v.reason});
    }
    if (auto recorded = store_.record_sync_outcome(updates); !recorded) return Attempt::stop(recorded.error().message);
    tally.sent += static_cast<std::int64_t>(batch.responses.size());
    return Attempt::done();
}

Status HubSync::send_pending(const std::string& token) {
    for (;;) {
        auto counts = store_.outbox_counts();
        if (!counts) return counts.error();
        progress_.tally.left = counts.value().pending;
        report();
        if (counts.value().pending == 0) return ok_status();
        if (auto sent = keep_trying([&] { return send_one_batch(token); }); !sent) return sent;
    }
}

HubSync::Attempt HubSync::reconcile(const std::string& token, std::int64_t& requeued) {
    requeued = 0;
    auto counts = store_.answer_counts();
    if (!counts) return Attempt::stop(counts.error().message);
    HoldingsRequest request;
    for (const auto& c : counts.value()) request.on_tablet.push_back({c.campaign_id, c.answers, c.waiting, c.refused});
    auto reply = hub_.post_json(api_path::holdings, holdings_request_json(request), token, false);
    if (!reply) return Attempt::again(reply.error().message);
    // A hub from before reconciling cannot say; it has nothing to say either.
    if (reply.value().status == 404) return Attempt::done();
    if (reply.value().status != 200) return Attempt::refused(reply.value(), "refused to say which answers it holds");
    auto held = parse_holdings(reply.value().body);
    if (!held)
        return Attempt::again("The hub's list of answers it holds was not a proper one (a Wi-Fi login page?): " +
                              held.error().message);
    token_accepted_ = true;
    auto sent = store_.sent_uuids();
    if (!sent) return Attempt::stop(sent.error().message);
    // Hashing every UUID the tablet ever sent: once.
    const std::string ours = holdings_digest(sent.value());
    if (held.value().digest == ours) return Attempt::done();
    // The hub holds what this tablet does not (its answers file restored from an older copy)
    // and lacks nothing of it: asked once, not at every sync.
    const std::string both = held.value().digest + " " + ours;
    auto checked = store_.setting(hub_setting::holdings_checked);
    if (!checked) return Attempt::stop(checked.error().message);
    if (checked.value() == both) return Attempt::done();

    std::vector<std::string> missing;
    for (std::size_t from = 0; from < sent.value().size(); from += kMostUuidsPerCheck) {
        const auto first = sent.value().begin() + static_cast<std::ptrdiff_t>(from);
        HoldingsCheck check{
            {first, first + static_cast<std::ptrdiff_t>(std::min(kMostUuidsPerCheck, sent.value().size() - from))}};
        auto answer = hub_.post_json(api_path::holdings_check, holdings_check_json(check), token, false);
        if (!answer) return Attempt::again(answer.error().message);
        if (answer.value().status != 200)
            return Attempt::refused(answer.value(), "refused to say which answers it lacks");
        auto lacking = parse_holdings_check_reply(answer.value().body, check);
        if (!lacking)
            return Attempt::again("The hub's list of answers it lacks was not a proper one (a Wi-Fi login page?): " +
                                  lacking.error().message);
        missing.insert(missing.end(), lacking.value().missing.begin(), lacking.value().missing.end());
    }
    if (missing.empty()) {
        if (auto saved = store_.save_setting(hub_setting::holdings_checked, both); !saved)
            return Attempt::stop(saved.error().message);
        return Attempt::done();
    }
    auto put_back = store_.send_again(missing);
    if (!put_back) return Attempt::stop(put_back.error().message);
    requeued = put_back.value();
    return Attempt::done();
}

Status HubSync::send_outbox() {
    auto t = token();
    if (!t) return t.error();
    if (t.value().empty()) return Error{"This tablet is not enrolled with the hub yet."};
    // What the hub lost goes back in the queue before anything new is sent, so every answer
    // reaches it in the order it was stored: the hub checks each against the one before it on
    // this tablet (ballot_chain.hpp).
    std::int64_t requeued = 0;
    if (auto checked = keep_trying([&] { return reconcile(t.value(), requeued); }); !checked) return checked;
    progress_.tally.resent += requeued;
    // A hub that keeps losing what it acknowledged is not sent the same answers for ever.
    constexpr int kMostRounds = 3;
    for (int round = 1;; ++round) {
        const std::int64_t sent_before = progress_.tally.sent;
        if (auto sent = send_pending(t.value()); !sent) return sent;
        // Once more after sending: the hub hears what the tablet keeps now, and is asked
        // whether it holds what it just acknowledged.
        requeued = 0;
        if (progress_.tally.sent != sent_before)
            if (auto checked = keep_trying([&] { return reconcile(t.value(), requeued); }); !checked) return checked;
        if (auto followed = follow_moved_hub(); !followed) return followed;
        if (requeued == 0) return ok_status();
        progress_.tally.resent += requeued;
        if (round == kMostRounds)
            return Error{"The hub still lacks " + std::to_string(requeued) +
                         " answers it said it had received; they wait on this tablet. Ask for support."};
    }
}

}  // namespace sv
