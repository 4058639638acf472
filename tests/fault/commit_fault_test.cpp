// Storage failing inside a response's commit, at every write and sync it makes in turn:
// what the kiosk thanked for is on disk whole, what it did not thank for is not there (or,
// when the power went after the commit was safe but before the thanks, there whole), the
// file passes integrity_check, and a refused save succeeds when tried again.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "faulty_vfs.hpp"
#include "place_standard.hpp"
#include "store.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::Store;
using sv::test::FaultKind;
using sv::test::FaultyVfs;

namespace {

// A ballot-like answer that also spends a voter code, so the commit writes three tables.
sv::ResponseDraft draft_with(int seed) {
    sv::PlaceStandardAnswers answers;
    for (int i = 0; i < sv::kThemeCount; ++i) answers.ratings[static_cast<std::size_t>(i)] = 1 + (seed + i) % 7;
    answers.comments[2] = "comment " + std::to_string(seed);
    return {
        sv::new_uuid(), "demo", 1, "place", sv::place_standard_payload(answers), "code-hash-" + std::to_string(seed)};
}

Store open_store(const std::string& path) {
    auto store = Store::open(path);
    if (!store) FAIL(store.error().message);
    return std::move(store).value();
}

// How many rows carry `uuid`, read by a connection of its own.
int copies_of(const std::string& path, const std::string& uuid) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM responses WHERE uuid = ?", -1, &q, nullptr);
    sqlite3_bind_text(q, 1, uuid.c_str(), -1, SQLITE_TRANSIENT);
    const int copies = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return copies;
}

// Whether the answers file holds `draft` exactly as it was given, its voter code spent.
bool holds_whole(Store& store, const sv::ResponseDraft& draft) {
    auto found = store.find_response(draft.uuid);
    if (!found.ok() || !found.value()) return false;
    return found.value()->payload == draft.payload && store.voter_code_used("demo", draft.voter_code_hash).value();
}

// An answers file that already holds three responses, as at a stall under way.
std::vector<sv::ResponseDraft> three_answers_saved_in(const std::string& path) {
    std::vector<sv::ResponseDraft> saved;
    Store store = open_store(path);
    for (int i = 0; i < 3; ++i) {
        saved.push_back(draft_with(i));
        REQUIRE(store.record_response(saved.back()).ok());
    }
    return saved;
}

// Where the faults fell, for the report: "write to answers.sqlite-wal" and how often.
std::string tally_of(const std::map<std::string, int>& dealt) {
    std::string text;
    for (const auto& [operation, times] : dealt) text += "\n  " + std::to_string(times) + " x " + operation;
    return text;
}

// Past any commit's writes and syncs: a loop that has not ended by here is broken.
constexpr int kMostOperations = 500;

}  // namespace

TEST_CASE(
    "a write or sync failing anywhere in a response's commit leaves it whole or absent, and the retry keeps it once") {
    sv::test::TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    std::vector<sv::ResponseDraft> earlier = three_answers_saved_in(path);
    FaultyVfs vfs;
    int thanked = 0, refused = 0;
    std::map<std::string, int> dealt;
    // k = 1, 2, ... until the commit makes fewer than k writes and syncs.
    for (int k = 1;; ++k) {
        REQUIRE(k < kMostOperations);
        const auto draft = draft_with(10 + k);
        bool was_thanked = false;
        {
            Store store = open_store(path);
            vfs.arm(FaultKind::fail, k);
            auto saved = store.record_response(draft);
            vfs.disarm();
            if (!vfs.dealt()) {
                REQUIRE(saved.ok());
                break;
            }
            INFO("k = " << k << ": " << vfs.dealt_to());
            ++dealt[vfs.dealt_to()];
            was_thanked = saved.ok();
            if (was_thanked) {
                ++thanked;
                CHECK(copies_of(path, draft.uuid) == 1);
            } else {
                ++refused;
                CHECK_FALSE(saved.error().message.empty());
                CHECK(copies_of(path, draft.uuid) == 0);
                CHECK_FALSE(store.voter_code_used("demo", draft.voter_code_hash).value());
                // The kiosk keeps the answers and tries again under the same id.
                CHECK(store.record_response(draft).ok());
            }
        }
        Store reopened = open_store(path);
        INFO("k = " << k << ": " << vfs.dealt_to() << (was_thanked ? ", thanked" : ", refused then retried"));
        CHECK(reopened.check_integrity().ok());
        CHECK(holds_whole(reopened, draft));
        CHECK(copies_of(path, draft.uuid) == 1);
        for (const auto& before : earlier) CHECK(holds_whole(reopened, before));
        earlier.push_back(draft);
    }
    WARN("failing each of a commit's writes and syncs in turn: "
         << refused << " refused (nothing kept, then saved on retry), " << thanked << " thanked; the faults fell on"
         << tally_of(dealt));
    CHECK(refused > 0);
    CHECK(dealt.size() >= 2);  // writes and syncs both
}

TEST_CASE("the power going at any write or sync of a commit, or just after the thanks, loses nothing thanked") {
    sv::test::TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    std::vector<sv::ResponseDraft> earlier = three_answers_saved_in(path);
    int lost_before_thanks = 0, kept_before_thanks = 0, thanked = 0;
    // k = 1, 2, ... until the commit makes fewer than k writes and syncs and is thanked; the
    // power goes then too.
    for (int k = 1; thanked == 0; ++k) {
        REQUIRE(k < kMostOperations);
        const auto draft = draft_with(10 + k);
        int thanks[2];
        REQUIRE(pipe(thanks) == 0);
        const pid_t kiosk = fork();
        REQUIRE(kiosk >= 0);
        if (kiosk == 0) {
            // The kiosk: saves one response; the power goes at its k-th write or sync, or
            // right after the thanks.
            close(thanks[0]);
            FaultyVfs vfs;
            auto store = Store::open(path);
            if (!store) _exit(2);
            vfs.arm(FaultKind::power_loss, k);
            if (store.value().record_response(draft).ok()) {
                const char word = 't';
                if (write(thanks[1], &word, 1) != 1) _exit(3);
                // Thanked, and the power goes the moment after: what the thanks promised
                // must already be on the disk, not in the page cache.
                vfs.cut_power_now();
            }
            _exit(0);
        }
        close(thanks[1]);
        char word = 0;
        const bool was_thanked = read(thanks[0], &word, 1) == 1;
        close(thanks[0]);
        int status = 0;
        REQUIRE(waitpid(kiosk, &status, 0) == kiosk);
        REQUIRE(WIFEXITED(status));
        INFO("k = " << k << (was_thanked ? ": thanked, then the power went" : ": the power went"));
        REQUIRE(WEXITSTATUS(status) == sv::test::kPowerLostExitStatus);

        Store reopened = open_store(path);
        CHECK(reopened.check_integrity().ok());
        for (const auto& before : earlier) CHECK(holds_whole(reopened, before));
        const int copies = copies_of(path, draft.uuid);
        CHECK(copies <= 1);
        if (was_thanked) ++thanked;
        if (was_thanked || copies == 1) {
            CHECK(holds_whole(reopened, draft));
            earlier.push_back(draft);
        } else {
            CHECK_FALSE(reopened.voter_code_used("demo", draft.voter_code_hash).value());
        }
        if (!was_thanked) (copies == 1 ? kept_before_thanks : lost_before_thanks)++;
    }
    WARN("power cut at each of " << lost_before_thanks + kept_before_thanks << " writes and syncs of a commit: "
                                 << lost_before_thanks << " times the response was gone (never thanked), "
                                 << kept_before_thanks << " times it was already safe (not yet thanked)");
    CHECK(lost_before_thanks > 0);
}
