// Durable commit latency of one response (Store::record_response: WAL, synchronous=FULL,
// response, its chain link and outbox row in one transaction) against a raw SQLite insert+commit of the same
// bytes on the same disk. Run on demand:  build/tests/bench/store_commit_bench [DIR] [N]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "place_standard.hpp"
#include "store.hpp"
#include "uuid.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct Figures {
    double p50_ms, p99_ms, max_ms;
};

Figures summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))]; };
    return {at(0.5), at(0.99), samples.back()};
}

std::string sample_payload(int i) {
    sv::PlaceStandardAnswers answers;
    for (int t = 0; t < sv::kThemeCount; ++t) answers.ratings[static_cast<std::size_t>(t)] = 1 + (i + t) % 7;
    answers.comments[2] = "The pavements on Mill Road are too narrow for buggies";
    return sv::place_standard_payload(answers);
}

Figures bench_store(const std::string& path, int n) {
    auto store = sv::Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        std::exit(1);
    }
    std::vector<double> samples;
    for (int i = 0; i < n; ++i) {
        const sv::ResponseDraft draft{sv::new_uuid(), "bench", 1, "place", sample_payload(i), {}};
        const auto start = clock_type::now();
        if (!store.value().record_response(draft)) std::exit(1);
        samples.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    }
    return summarise(samples);
}

Figures bench_raw(const std::string& path, int n, const char* pragmas) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, pragmas, nullptr, nullptr, nullptr);
    sqlite3_exec(db, "CREATE TABLE t (uuid TEXT PRIMARY KEY, payload TEXT)", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, ?2)", -1, &insert, nullptr);
    std::vector<double> samples;
    for (int i = 0; i < n; ++i) {
        const std::string uuid = sv::new_uuid(), payload = sample_payload(i);
        const auto start = clock_type::now();
        sqlite3_bind_text(insert, 1, uuid.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, payload.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE) std::exit(1);
        sqlite3_reset(insert);
        samples.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return summarise(samples);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
    const std::string base = dir + "/streetvoice-bench-" + sv::new_uuid();
    const Figures store = bench_store(base + "-store.sqlite", n);
    const Figures raw_wal = bench_raw(base + "-raw-wal.sqlite", n, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    const Figures raw_default = bench_raw(base + "-raw-default.sqlite", n, "");
    std::printf("commits: %d on %s\n", n, dir.c_str());
    std::printf("%-44s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", "Store::record_response (+ link, outbox)",
                store.p50_ms, store.p99_ms, store.max_ms);
    std::printf("%-44s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", "raw insert+commit (WAL, FULL)", raw_wal.p50_ms,
                raw_wal.p99_ms, raw_wal.max_ms);
    std::printf("%-44s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", "raw insert+commit (SQLite defaults)",
                raw_default.p50_ms, raw_default.p99_ms, raw_default.max_ms);
    for (const char* suffix : {"-store.sqlite", "-raw-wal.sqlite", "-raw-default.sqlite"})
        for (const char* extra : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(base + suffix + extra);
    return 0;
}
