// The hub's check of each tablet's chain of answers: the judgement on its own, and the chain
// entries kept on SQLite and on a real PostgreSQL server.
#include <catch2/catch.hpp>

#include <optional>

#include "about_you.hpp"
#include "ballot_chain.hpp"
#include "chain_judgement.hpp"
#include "hub_store.hpp"
#include "hub_store_on.hpp"
#include "open_hub_store.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::ChainProblem;

namespace {

// `count` answers from one tablet, each linked to the one before, as a kiosk stores them.
std::vector<sv::Response> chained(int count, const std::string& device = "kiosk-1",
                                  std::string before = sv::kChainStart) {
    std::vector<sv::Response> answers;
    for (int i = 0; i < count; ++i) {
        sv::Response r{sv::new_uuid(),
                       "riverside",
                       1,
                       "poll",
                       "event-1",
                       device,
                       "2026-11-29T10:00:00Z",
                       "{\"choice\":" + std::to_string(i % 3) + "}"};
        r.chain = sv::ChainPlace{before, sv::chain_link(before, r)};
        before = r.chain->link;
        answers.push_back(r);
    }
    return answers;
}

std::vector<sv::ChainEntry> entries_of(const std::vector<sv::Response>& answers) {
    std::vector<sv::ChainEntry> entries;
    for (const auto& r : answers)
        entries.push_back({r.device_id, r.uuid, r.chain->before, r.chain->link, r.event_id, r.campaign_id, true,
                           ChainProblem::none, "2026-11-29T10:00:01Z"});
    return entries;
}

using StoreOf = sv::test::HubStoreOn;

}  // namespace

TEST_CASE("a whole chain holds, and a changed answer, a gap, a branch or a missing link each break it once") {
    const auto answers = chained(6);
    const std::vector<ChainProblem> none(6, ChainProblem::none);
    CHECK(sv::judge_chain(answers, {}, false) == none);
    // The second half of the chain, joining onto the first half the hub holds.
    const std::vector<sv::Response> later(answers.begin() + 3, answers.end());
    const auto held = entries_of({answers.begin(), answers.begin() + 3});
    CHECK(sv::judge_chain(later, held, true) == std::vector<ChainProblem>(3, ChainProblem::none));
    // Sent again whole: each follows only itself.
    CHECK(sv::judge_chain(answers, entries_of(answers), true) == none);

    auto changed = answers;
    changed[2].payload = "{\"choice\":9}";
    CHECK(sv::judge_chain(changed, {}, false) == std::vector<ChainProblem>{ChainProblem::none, ChainProblem::none,
                                                                           ChainProblem::changed, ChainProblem::none,
                                                                           ChainProblem::none, ChainProblem::none});
    auto removed = answers;
    removed.erase(removed.begin() + 2);
    CHECK(sv::judge_chain(removed, {}, false) == std::vector<ChainProblem>{ChainProblem::none, ChainProblem::none,
                                                                           ChainProblem::gap, ChainProblem::none,
                                                                           ChainProblem::none});
    // The hub never saw the link the later half joins onto.
    CHECK(sv::judge_chain(later, {}, true)[0] == ChainProblem::gap);
    // One put in after the first answer, with a proper link: the second already follows that one.
    auto slipped = chained(1, "kiosk-1", answers[0].chain->link);
    CHECK(sv::judge_chain(slipped, held, true) == std::vector<ChainProblem>{ChainProblem::branch});
    // A second first answer.
    CHECK(sv::judge_chain(chained(1), held, true) == std::vector<ChainProblem>{ChainProblem::branch});
    // Without a link: from a tablet that keeps a chain, refused; from a kiosk older than chains, taken.
    auto unlinked = answers;
    unlinked[4].chain = sv::ChainPlace{};
    CHECK(sv::judge_chain(unlinked, {}, false)[4] == ChainProblem::unlinked);
    auto older = answers;
    for (auto& r : older) r.chain.reset();
    CHECK(sv::judge_chain(older, {}, false) == none);
    CHECK(sv::judge_chain(older, {}, true) == std::vector<ChainProblem>(6, ChainProblem::unlinked));
    // Answers about the person come without a link from every kiosk: kept out of the chain.
    older[0].activity_id = sv::kAboutYouActivity;
    CHECK(sv::judge_chain(older, {}, true)[0] == ChainProblem::none);
}

TEST_CASE("the store keeps each tablet's chain beside its answers, with its alarms and each event's head", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    auto answers = chained(4);
    answers[3].event_id = "event-2";
    auto entries = entries_of(answers);
    for (auto& e : entries) e.counted = false;  // the store says which were counted
    entries[2].problem = ChainProblem::changed;
    std::vector<sv::HubResponse> stored;
    for (std::size_t i : {0, 1, 3}) stored.push_back({answers[i], "f" + std::to_string(i), "2026-11-29T10:00:01Z"});
    REQUIRE(store->insert_responses(stored, entries).ok());
    // Another tablet's chain is its own (its answers refused for something else: not counted).
    const auto other = chained(2, "kiosk-2");
    auto other_entries = entries_of(other);
    for (auto& e : other_entries) e.counted = false;
    REQUIRE(store->insert_responses({}, other_entries).ok());

    const auto near = store->chain_entries_near("kiosk-1", {answers[1].chain->link}).value();
    REQUIRE(near.size() == 2);  // the answer with that link, and the one after it
    CHECK(store->chain_entries_near("kiosk-2", {answers[1].chain->link}).value().empty());
    CHECK(store->device_keeps_chain("kiosk-1").value());
    CHECK_FALSE(store->device_keeps_chain("kiosk-3").value());

    const auto problems = store->chain_problems().value();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].uuid == answers[2].uuid);
    CHECK(problems[0].problem == ChainProblem::changed);
    CHECK_FALSE(problems[0].counted);

    std::vector<sv::ChainEntry> all;
    REQUIRE(store->visit_chain_entries([&](const sv::ChainEntry& e) { all.push_back(e); }).ok());
    REQUIRE(all.size() == 6);
    std::size_t counted = 0;
    for (const auto& e : all) counted += e.counted ? 1 : 0;
    CHECK(counted == 3);

    // Each tablet's last link in each event: what staff copied onto the event sheet.
    const auto heads = store->chain_heads().value();
    REQUIRE(heads.size() == 3);
    CHECK(heads[0].event_id == "event-1");
    const auto head_of = [&](const std::string& device, const std::string& event) {
        for (const auto& h : heads)
            if (h.device_id == device && h.event_id == event) return h;
        return sv::EventChainHead{};
    };
    CHECK(head_of("kiosk-1", "event-1").link == answers[2].chain->link);
    CHECK(head_of("kiosk-1", "event-1").answers == 3);
    CHECK(head_of("kiosk-1", "event-2").link == answers[3].chain->link);
    CHECK(head_of("kiosk-2", "event-1").link == other[1].chain->link);

    // Sent again, the refused answer now holds and is counted: the alarm is cleared, the links kept.
    entries[2].problem = ChainProblem::none;
    REQUIRE(store->insert_responses({{answers[2], "f2", "2026-11-29T10:05:00Z"}}, {entries[2]}).ok());
    CHECK(store->chain_problems().value().empty());
    counted = 0;
    REQUIRE(store->visit_chain_entries([&](const sv::ChainEntry& e) { counted += e.counted ? 1 : 0; }).ok());
    CHECK(counted == 4);
}
