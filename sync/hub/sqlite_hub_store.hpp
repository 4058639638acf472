#pragma once
// The hub's store in one SQLite file: WAL, synchronous=FULL, one transaction per batch.
#include <mutex>

#include "hub_store.hpp"

struct sqlite3;

namespace sv {

class SqliteHubStore final : public HubStore {
public:
    static Result<std::unique_ptr<HubStore>> open(const std::string& path);
    ~SqliteHubStore() override;

    Status add_enrolment_code(const std::string& code_hash, const std::string& for_device,
                              const std::vector<std::string>& campaigns) override;
    Result<EnrolOutcome> enrol_device(const std::string& code_hash, const std::string& device_id,
                                      const std::string& token_hash, const std::string& current_token_hash) override;
    Result<std::optional<EnrolledDevice>> device_for_token(const std::string& token_hash) override;
    Result<std::vector<EnrolledDevice>> devices() override;
    Status restore_device(const EnrolledDevice& device) override;
    Result<bool> publish_campaign(const PublishedCampaign& campaign) override;
    Result<std::vector<PublishedCampaign>> published_campaigns() override;
    Result<std::vector<InsertOutcome>> insert_responses(const std::vector<HubResponse>& responses) override;
    Status visit_responses_of_campaign(const std::string& campaign_id, std::int64_t after,
                                       const ResponseVisitor& visit) override;
    Result<std::int64_t> response_count() override;
    Status record_events(const std::vector<HubEvent>& events) override;
    Result<std::vector<HubEvent>> events() override;
    Status save_organiser(const Organiser& organiser) override;
    Result<std::optional<std::string>> organiser_password_hash(const std::string& name) override;
    Result<std::vector<Organiser>> organisers() override;
    Result<bool> remove_organiser(const std::string& name) override;
    Result<std::int64_t> add_outcome_note(const HubOutcomeNote& note) override;
    Result<bool> remove_outcome_note(const std::string& campaign_id, std::int64_t id) override;
    Result<std::vector<HubOutcomeNote>> outcome_notes(const std::string& campaign_id) override;
    Status add_audit_entry(const AuditEntry& entry) override;
    Result<std::vector<AuditEntry>> audit_entries(std::size_t count) override;

private:
    explicit SqliteHubStore(std::string path) : path_(std::move(path)) {}
    Error error(int code, const std::string& doing) const;
    Status exec(const char* sql, const std::string& doing);

    std::string path_;
    sqlite3* db_ = nullptr;
    std::mutex mutex_;  // the server's threads share one connection
};

}  // namespace sv
