#include "campaign_audit.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "about_you.hpp"
#include "ballot_chain.hpp"
#include "budget_ballot.hpp"
#include "campaign_tally.hpp"
#include "hub_export.hpp"
#include "pabulib_reader.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "sha256.hpp"

namespace sv {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The chains of every tablet that sent the campaign an answer, walked over the answers as stored.
void check_chains(const std::map<std::string, std::vector<ChainEntry>>& chains,
                  const std::map<std::string, const HubResponse*>& stored, const std::string& campaign_id,
                  CampaignAudit& audit) {
    std::set<std::string> entered;  // stored answers with a place in a chain
    std::size_t checked = 0, refused_on_arrival = 0;
    std::set<std::string> tablets;
    for (const auto& [device, entries] : chains) {
        std::set<std::string> links;
        std::multimap<std::string, std::string> followers;
        for (const auto& e : entries) {
            if (!e.link.empty()) links.insert(e.link);
            if (e.problem == ChainProblem::none) followers.emplace(e.before, e.uuid);
        }
        for (const auto& e : entries) {
            if (e.campaign_id != campaign_id) continue;
            const auto found = stored.find(e.uuid);
            const HubResponse* response = found == stored.end() ? nullptr : found->second;
            if (response) entered.insert(e.uuid);
            const std::string which = "Answer " + e.uuid + " from tablet " + device;
            if (e.problem != ChainProblem::none) {
                ++refused_on_arrival;
                if (response)
                    audit.problems.push_back(which +
                                             " was refused when it arrived (its tablet's chain broke) but is in the "
                                             "hub's database now: it was put in there.");
                continue;
            }
            tablets.insert(device);
            ++checked;
            if (e.counted && !response)
                audit.problems.push_back(which +
                                         " was counted when it arrived but is no longer in the hub's database: it was "
                                         "removed there.");
            if (!e.counted && response)
                audit.problems.push_back(which +
                                         " was not counted when it arrived but is in the hub's database now: it was "
                                         "put in there.");
            if (response && chain_link(e.before, response->response) != e.link)
                audit.problems.push_back(which + " is not what the tablet sent: it was changed in the hub's database.");
            if (e.before != kChainStart && !links.count(e.before))
                audit.problems.push_back("The answer before " + e.uuid + " on tablet " + device +
                                         " is missing from the hub's record of its chain: it was removed there.");
            if (followers.count(e.before) > 1)
                audit.problems.push_back(which +
                                         " shares the answer before it with another answer of the same tablet: one "
                                         "was put into the hub's database.");
        }
    }
    std::size_t unchained = 0, about_the_person = 0;
    std::set<std::string> older_tablets;
    for (const auto& [uuid, h] : stored) {
        if (entered.count(uuid)) continue;
        if (h->response.activity_id == kAboutYouActivity) {
            ++about_the_person;
            continue;
        }
        const std::string& device = h->response.device_id;
        if (chains.count(device))
            audit.problems.push_back("Answer " + uuid + " names tablet " + device +
                                     ", which keeps a chain, but has no place in it: it was put into the hub's "
                                     "database.");
        else {
            ++unchained;
            older_tablets.insert(device);
        }
    }
    audit.held.push_back(count_of(checked, "answer", "answers") + " from " +
                         count_of(tablets.size(), "tablet", "tablets") +
                         " checked against their tablets' chains of answers.");
    if (about_the_person > 0)
        audit.notes.push_back(count_of(about_the_person, "answer", "answers") +
                              " about the person are kept out of the chains, so that nothing pairs them with a "
                              "ballot.");
    if (unchained > 0)
        audit.notes.push_back(count_of(unchained, "answer", "answers") + " from " +
                              count_of(older_tablets.size(), "tablet", "tablets") +
                              " older than chains of answers could not be checked that way.");
    if (refused_on_arrival > 0)
        audit.notes.push_back(count_of(refused_on_arrival, "answer was", "answers were") +
                              " refused on arrival because a tablet's chain broke (the dashboard's alarms); not "
                              "counted.");
}

const Activity* activity_in(const std::map<int, Campaign>& versions, const Response& r) {
    const auto v = versions.find(r.campaign_version);
    return v == versions.end() ? nullptr : v->second.activity(r.activity_id);
}

// Every ballot behind voter codes carries one of the campaign's codes, and each code is
// counted once: in its first ballot to arrive.
void check_voter_codes(const std::vector<HubResponse>& responses, const std::map<int, Campaign>& versions,
                       const std::set<std::string>& counted_ballots, CampaignAudit& audit) {
    std::map<std::string, std::vector<std::string>> ballots_of_code;  // in the order they arrived
    std::size_t ballots = 0;
    for (const auto& h : responses) {
        const Activity* activity = activity_in(versions, h.response);
        if (!activity || activity->type != ActivityType::budget_vote ||
            activity->eligibility.rule != EligibilityRule::voter_code)
            continue;
        ++ballots;
        const auto doc = nlohmann::json::parse(h.response.payload, nullptr, false);
        const auto code = doc.is_object() ? doc.find("voter_code") : doc.end();
        if (code == doc.end() || !code->is_string() ||
            !activity->eligibility.voter_code_hashes.count(code->get<std::string>())) {
            audit.problems.push_back("Ballot " + h.response.uuid +
                                     " carries no voter code of the campaign's, yet is stored: it was put into or "
                                     "changed in the hub's database.");
            continue;
        }
        ballots_of_code[h.response.activity_id + " " + code->get<std::string>()].push_back(h.response.uuid);
    }
    if (ballots == 0) return;
    for (const auto& [code, uuids] : ballots_of_code)
        for (std::size_t i = 0; i < uuids.size(); ++i)
            if ((i == 0) != (counted_ballots.count(uuids[i]) > 0))
                audit.problems.push_back("Ballot " + uuids[i] + (i == 0 ? " is" : " is not") +
                                         " the first to use its voter code, yet the outcome " +
                                         (i == 0 ? "leaves it out." : "counts it."));
    audit.held.push_back(count_of(ballots, "ballot", "ballots") +
                         " behind voter codes: each carries one of the "
                         "campaign's codes, and each code counts once.");
}

// One budget vote's outcome worked out again from its .pb, by the rules alone.
void check_budget(const BudgetResults& shown, const std::string& campaign_id, const std::string& published_pb,
                  std::set<std::string>& counted_ballots, CampaignAudit& audit) {
    const std::string name = "Budget vote \"" + shown.activity_id + "\"" +
                             (shown.version == 0 ? std::string() : " (version " + std::to_string(shown.version) + ")");
    if (sha256_hex(published_pb) != sha256_hex(shown.pb_file))
        audit.problems.push_back(name + ": the .pb the hub publishes is not the one the dashboard counted.");
    auto reading = read_pabulib(shown.pb_file, campaign_id + "-" + shown.activity_id + ".pb");
    if (!reading) return audit.problems.push_back(name + ": its .pb does not read: " + reading.error().message);
    auto instance = make_pb_instance(reading.value().election);
    if (!instance) return audit.problems.push_back(name + ": its .pb does not count: " + instance.error().message);
    const PbInstance& pb = instance.value();
    for (const auto& row : reading.value().election.votes.rows)
        if (!row.empty()) counted_ballots.insert(row[0]);
    const auto ids = [&pb](const std::vector<int>& chosen) {
        std::vector<std::string> out;
        for (int p : chosen) out.push_back(pb.projects[static_cast<std::size_t>(p)].id);
        return out;
    };
    bool agrees = true;
    const auto differ = [&](const std::string& what) {
        agrees = false;
        audit.problems.push_back(name + ": " + what);
    };
    if (static_cast<int>(pb.ballots.size()) != shown.ballots)
        differ("the dashboard shows " + std::to_string(shown.ballots) + " ballots, its .pb holds " +
               std::to_string(pb.ballots.size()) + ".");
    const auto scores = pb_scores(pb);
    for (std::size_t p = 0; p < pb.projects.size(); ++p)
        for (const auto& project : shown.projects)
            if (project.id == pb.projects[p].id && project.votes != scores[p])
                differ("project " + project.id + " has " + scores[p].get_str() + " votes counted again, " +
                       project.votes.get_str() + " on the dashboard.");
    if (ids(greedy_outcome(pb)) != shown.greedy) differ("most votes funds other projects than the dashboard shows.");
    if (shown.equal_shares_unfinished.empty() && ids(equal_shares_add1_outcome(pb)) != shown.equal_shares)
        differ("equal shares funds other projects than the dashboard shows.");
    if (agrees)
        audit.held.push_back(name + ": " + std::to_string(pb.ballots.size()) +
                             " ballots; every project's votes and both rules' outcomes worked out again from its "
                             ".pb (SHA-256 " +
                             sha256_hex(shown.pb_file) + ") agree with the dashboard.");
}

}  // namespace

Result<CampaignAudit> audit_campaign(HubStore& store, const std::string& campaign_id) {
    auto published = store.published_campaigns();
    if (!published) return published.error();
    std::map<int, Campaign> versions;
    for (const auto& p : published.value())
        if (p.id == campaign_id)
            if (auto c = parse_campaign(p.definition, p.id)) versions.emplace(p.version, std::move(c).value());
    if (versions.empty()) return Error{"No campaign \"" + campaign_id + "\" is published on this hub."};
    auto responses = store.responses_of_campaign(campaign_id);
    if (!responses) return responses.error();
    std::map<std::string, const HubResponse*> stored;
    for (const auto& h : responses.value()) stored[h.response.uuid] = &h;
    std::map<std::string, std::vector<ChainEntry>> chains;
    auto visited = store.visit_chain_entries([&](const ChainEntry& e) { chains[e.device_id].push_back(e); });
    if (!visited) return visited.error();
    // The dashboard's own figures, counted as it counts them.
    auto shown = campaign_results(store, campaign_id);
    if (!shown) return shown.error();

    CampaignAudit audit;
    check_chains(chains, stored, campaign_id, audit);

    // Every activity recounted from the stored responses.
    std::map<std::string, std::size_t> answers_of;
    std::map<std::string, std::vector<int>> poll_counts;
    std::map<std::string, std::array<int, kThemeCount>> rated;
    std::size_t answers = 0;
    for (const auto& h : responses.value()) {
        const Response& r = h.response;
        ++answers_of[r.activity_id];
        if (r.activity_id != kAboutYouActivity) ++answers;
        const Activity* activity = activity_in(versions, r);
        if (!activity) continue;
        if (activity->type == ActivityType::place_standard) {
            if (auto a = parse_place_standard_payload(r.payload)) {
                auto& themes = rated.try_emplace(r.activity_id, std::array<int, kThemeCount>{}).first->second;
                for (std::size_t t = 0; t < kThemeCount; ++t) themes[t] += a.value().ratings[t] ? 1 : 0;
            }
        } else if (activity->type == ActivityType::quick_poll) {
            if (auto choice = parse_quick_poll_payload(activity->poll, r.payload)) {
                auto& counts = poll_counts[r.activity_id];
                counts.resize(std::max(counts.size(), static_cast<std::size_t>(choice.value() + 1)));
                ++counts[static_cast<std::size_t>(choice.value())];
            }
        }
    }
    const CampaignResults& results = shown.value();
    if (static_cast<int>(answers) != results.participation.responses)
        audit.problems.push_back("The dashboard shows " + std::to_string(results.participation.responses) +
                                 " answers; the stored responses hold " + std::to_string(answers) + ".");
    else
        audit.held.push_back(count_of(answers, "answer", "answers") +
                             " (besides answers about the person) stored, as the dashboard shows.");
    for (const auto& ps : results.place_standard) {
        bool agrees = static_cast<int>(answers_of[ps.activity_id]) == ps.everyone.responses;
        for (std::size_t t = 0; t < kThemeCount; ++t)
            agrees = agrees && rated[ps.activity_id][t] == ps.everyone.themes[t].rated;
        if (agrees)
            audit.held.push_back("Place Standard \"" + ps.activity_id + "\": " + std::to_string(ps.everyone.responses) +
                                 " answers and each theme's ratings recounted, as the dashboard shows.");
        else
            audit.problems.push_back("Place Standard \"" + ps.activity_id +
                                     "\": the answers or ratings recounted differ from the dashboard's.");
    }
    for (const auto& poll : results.polls) {
        auto counts = poll_counts[poll.activity_id];
        counts.resize(poll.everyone.counts.size());
        if (counts == poll.everyone.counts)
            audit.held.push_back("Quick poll \"" + poll.activity_id +
                                 "\": each answer's count recounted, as the "
                                 "dashboard shows.");
        else
            audit.problems.push_back("Quick poll \"" + poll.activity_id +
                                     "\": the counts recounted differ from the dashboard's.");
    }
    std::set<std::string> counted_ballots;
    for (const auto& budget : results.budgets) {
        auto published_pb = export_pb(store, campaign_id, budget.activity_id, budget.version);
        if (!published_pb) return published_pb.error();
        check_budget(budget, campaign_id, published_pb.value().text, counted_ballots, audit);
    }
    // Every stored ballot is in its vote's .pb, but those a voter code already used held back.
    std::set<std::string> held;
    for (const auto& budget : results.budgets)
        for (const auto& group : budget.held_back) held.insert(group.begin(), group.end());
    const std::size_t held_back = held.size();
    std::size_t ballots = 0;
    for (const auto& h : responses.value())
        if (const Activity* a = activity_in(versions, h.response); a && a->type == ActivityType::budget_vote) ++ballots;
    if (!results.budgets.empty() && ballots != counted_ballots.size() + held_back)
        audit.problems.push_back("The hub stores " + std::to_string(ballots) + " ballots; the outcome counts " +
                                 std::to_string(counted_ballots.size()) + " and holds back " +
                                 std::to_string(held_back) + ".");
    check_voter_codes(responses.value(), versions, counted_ballots, audit);
    return audit;
}

}  // namespace sv
