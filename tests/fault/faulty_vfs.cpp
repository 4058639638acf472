#include "faulty_vfs.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstring>
#include <set>
#include <stdexcept>
#include <vector>

namespace sv::test {
namespace {

// What was on disk before a write not yet synced: put back when the power goes.
struct Undo {
    sqlite3_int64 offset = 0;
    std::string old_bytes;
};

struct FaultyFile {
    sqlite3_file base;
    sqlite3_file* real;
    std::string* name;
    std::vector<Undo>* unsynced;
    sqlite3_int64 size_at_last_sync;
};

struct Armed {
    FaultKind kind = FaultKind::none;
    int at = 0;
    int operations = 0;
    bool dealt = false;
    std::string dealt_to;
};

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_faulty{};
sqlite3_io_methods g_methods{};
Armed g_armed;
std::set<FaultyFile*> g_open;

sqlite3_file* real_of(sqlite3_file* file) {
    return reinterpret_cast<FaultyFile*>(file)->real;
}

std::string short_name(const FaultyFile* f) {
    const auto slash = f->name->rfind('/');
    return slash == std::string::npos ? *f->name : f->name->substr(slash + 1);
}

sqlite3_int64 size_of(sqlite3_file* real) {
    sqlite3_int64 size = 0;
    real->pMethods->xFileSize(real, &size);
    return size;
}

[[noreturn]] void cut_the_power() {
    for (FaultyFile* f : g_open) {
        for (auto undo = f->unsynced->rbegin(); undo != f->unsynced->rend(); ++undo)
            f->real->pMethods->xWrite(f->real, undo->old_bytes.data(), static_cast<int>(undo->old_bytes.size()),
                                      undo->offset);
        f->real->pMethods->xTruncate(f->real, f->size_at_last_sync);
    }
    // No destructor, no SQLite close, no buffered output: as when the battery is pulled.
    _exit(kPowerLostExitStatus);
}

// Counts one write or sync; true when it is the one that fails.
bool meets_fault(FaultyFile* f, const char* operation) {
    if (g_armed.kind == FaultKind::none || g_armed.dealt) return false;
    if (++g_armed.operations != g_armed.at) return false;
    g_armed.dealt = true;
    g_armed.dealt_to = std::string(operation) + " to " + short_name(f);
    if (g_armed.kind == FaultKind::power_loss) cut_the_power();
    return true;
}

void remember_before_writing(FaultyFile* f, sqlite3_int64 offset, int amount) {
    const sqlite3_int64 size = size_of(f->real);
    Undo undo{offset, {}};
    if (offset < size) {
        undo.old_bytes.resize(static_cast<std::size_t>(std::min<sqlite3_int64>(amount, size - offset)));
        f->real->pMethods->xRead(f->real, undo.old_bytes.data(), static_cast<int>(undo.old_bytes.size()), offset);
    }
    f->unsynced->push_back(std::move(undo));
}

int faulty_close(sqlite3_file* file) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    const int rc = f->real->pMethods->xClose(f->real);
    g_open.erase(f);
    delete f->name;
    delete f->unsynced;
    return rc;
}

int faulty_read(sqlite3_file* file, void* into, int amount, sqlite3_int64 offset) {
    return real_of(file)->pMethods->xRead(real_of(file), into, amount, offset);
}

int faulty_write(sqlite3_file* file, const void* from, int amount, sqlite3_int64 offset) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    if (meets_fault(f, "write")) return SQLITE_IOERR_WRITE;
    remember_before_writing(f, offset, amount);
    return f->real->pMethods->xWrite(f->real, from, amount, offset);
}

int faulty_truncate(sqlite3_file* file, sqlite3_int64 size) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    const sqlite3_int64 before = size_of(f->real);
    if (size < before) remember_before_writing(f, size, static_cast<int>(before - size));
    return f->real->pMethods->xTruncate(f->real, size);
}

int faulty_sync(sqlite3_file* file, int flags) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    if (meets_fault(f, "sync")) return SQLITE_IOERR_FSYNC;
    const int rc = f->real->pMethods->xSync(f->real, flags);
    if (rc == SQLITE_OK) {
        f->unsynced->clear();
        f->size_at_last_sync = size_of(f->real);
    }
    return rc;
}

int faulty_file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int faulty_lock(sqlite3_file* file, int level) {
    return real_of(file)->pMethods->xLock(real_of(file), level);
}
int faulty_unlock(sqlite3_file* file, int level) {
    return real_of(file)->pMethods->xUnlock(real_of(file), level);
}
int faulty_check_reserved_lock(sqlite3_file* file, int* out) {
    return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int faulty_file_control(sqlite3_file* file, int op, void* arg) {
    return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int faulty_sector_size(sqlite3_file* file) {
    return real_of(file)->pMethods->xSectorSize(real_of(file));
}
int faulty_device_characteristics(sqlite3_file* file) {
    return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
// The WAL index lives in shared memory: lost with the power anyway, rebuilt from the WAL.
int faulty_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
    return real_of(file)->pMethods->xShmMap(real_of(file), page, page_size, extend, out);
}
int faulty_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void faulty_shm_barrier(sqlite3_file* file) {
    real_of(file)->pMethods->xShmBarrier(real_of(file));
}
int faulty_shm_unmap(sqlite3_file* file, int delete_flag) {
    return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}
int faulty_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    return real_of(file)->pMethods->xFetch(real_of(file), offset, amount, out);
}
int faulty_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    return real_of(file)->pMethods->xUnfetch(real_of(file), offset, page);
}

int faulty_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    const int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
    if (f->real->pMethods == nullptr) return rc;
    f->name = new std::string(name ? name : "(temporary)");
    f->unsynced = new std::vector<Undo>;
    f->size_at_last_sync = size_of(f->real);
    f->base.pMethods = &g_methods;
    g_open.insert(f);
    return rc;
}

}  // namespace

FaultyVfs::FaultyVfs() {
    if (g_real) throw std::logic_error("one FaultyVfs at a time");
    previous_default_ = sqlite3_vfs_find(nullptr);
    g_real = previous_default_;
    g_methods = sqlite3_io_methods{};
    g_methods.iVersion = 3;
    g_methods.xClose = faulty_close;
    g_methods.xRead = faulty_read;
    g_methods.xWrite = faulty_write;
    g_methods.xTruncate = faulty_truncate;
    g_methods.xSync = faulty_sync;
    g_methods.xFileSize = faulty_file_size;
    g_methods.xLock = faulty_lock;
    g_methods.xUnlock = faulty_unlock;
    g_methods.xCheckReservedLock = faulty_check_reserved_lock;
    g_methods.xFileControl = faulty_file_control;
    g_methods.xSectorSize = faulty_sector_size;
    g_methods.xDeviceCharacteristics = faulty_device_characteristics;
    g_methods.xShmMap = faulty_shm_map;
    g_methods.xShmLock = faulty_shm_lock;
    g_methods.xShmBarrier = faulty_shm_barrier;
    g_methods.xShmUnmap = faulty_shm_unmap;
    g_methods.xFetch = faulty_fetch;
    g_methods.xUnfetch = faulty_unfetch;
    // Everything but opening a file is the system VFS's own (its methods read only its
    // pAppData and limits, copied here with it).
    g_faulty = *g_real;
    g_faulty.pNext = nullptr;
    g_faulty.zName = "streetvoice-faulty";
    g_faulty.szOsFile = static_cast<int>(sizeof(FaultyFile)) + g_real->szOsFile;
    g_faulty.xOpen = faulty_open;
    static_assert(sizeof(FaultyFile) % 8 == 0, "the real file that follows must stay aligned");
    sqlite3_vfs_register(&g_faulty, 1);
    g_armed = Armed{};
}

FaultyVfs::~FaultyVfs() {
    sqlite3_vfs_unregister(&g_faulty);
    sqlite3_vfs_register(previous_default_, 1);
    g_real = nullptr;
}

void FaultyVfs::arm(FaultKind kind, int k) {
    g_armed = Armed{kind, k, 0, false, {}};
}

void FaultyVfs::disarm() {
    g_armed.kind = FaultKind::none;
}

void FaultyVfs::cut_power_now() {
    cut_the_power();
}

int FaultyVfs::operations() const {
    return g_armed.operations;
}

bool FaultyVfs::dealt() const {
    return g_armed.dealt;
}

const std::string& FaultyVfs::dealt_to() const {
    return g_armed.dealt_to;
}

}  // namespace sv::test
