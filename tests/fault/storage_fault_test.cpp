// Real storage faults under the real kiosk: its data folder on a tiny tmpfs that fills up,
// or that turns read-only (as the kernel does to a failing storage card). Needs root to
// mount; CI runs as root.
#include <sys/mount.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>

#include "child_process.hpp"
#include "place_standard.hpp"
#include "skipped.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;

namespace {

class TinyDisk {
public:
    TinyDisk(const std::string& where, const char* size) : path_(where) {
        std::filesystem::create_directories(path_);
        const std::string options = std::string("size=") + size + ",mode=0700";
        mounted_ = mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0;
        if (!mounted_) error_ = std::strerror(errno);
    }
    ~TinyDisk() {
        if (mounted_) umount2(path_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }
    const std::string& error() const { return error_; }
    bool grow(const char* size) {
        const std::string options = std::string("size=") + size;
        return mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) == 0;
    }
    bool make_read_only() { return mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0; }

private:
    std::string path_;
    bool mounted_ = false;
    std::string error_;
};

// Runs the kiosk's autopilot to its end; returns the exit code and collects thanked UUIDs.
int run_autopilot(const std::string& data_dir, int citizens, std::vector<std::string>& thanked, std::string& errors) {
    std::string output;
    const int code =
        sv::test::run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", data_dir, "--campaign",
                               STREETVOICE_DEMO_CAMPAIGN, "--autopilot", std::to_string(citizens), "--seed", "5"},
                              output);
    std::size_t at = 0;
    while ((at = output.find("thanked ", at)) != std::string::npos) {
        thanked.push_back(output.substr(at + 8, 36));
        at += 8;
    }
    errors = output;
    return code;
}

}  // namespace

bool can_mount() {
    if (geteuid() == 0) return true;
    sv::test::report_skipped("mounting a small disk for this test needs root (CI runs as root)");
    return false;
}

TEST_CASE("on a full disk the kiosk stops thanking, says why, and keeps every saved answer") {
    if (!can_mount()) return;
    sv::test::TempFolder folder;
    const std::string data = folder.file("tiny");
    TinyDisk disk(data, "256k");
    REQUIRE(disk.mounted());

    std::vector<std::string> thanked;
    std::string output;
    const int code = run_autopilot(data, 1000, thanked, output);
    INFO(output.substr(output.size() > 2000 ? output.size() - 2000 : 0));
    REQUIRE(code == 3);
    CHECK_THAT(output, Catch::Contains("storage is full"));
    REQUIRE_FALSE(thanked.empty());  // some were saved before the disk filled

    {
        auto store = sv::Store::open(data + "/answers.sqlite");
        if (!store) FAIL(store.error().message);
        CHECK(store.value().check_integrity().ok());
        for (const auto& uuid : thanked) {
            auto found = store.value().find_response(uuid);
            REQUIRE(found.ok());
            REQUIRE(found.value().has_value());
            CHECK(sv::parse_place_standard_payload(found.value()->payload).ok());
        }
        CHECK(store.value().responses().value().size() == thanked.size());
    }

    // Staff free some space; the kiosk carries on and nothing earlier is lost.
    REQUIRE(disk.grow("4m"));
    std::vector<std::string> more;
    REQUIRE(run_autopilot(data, 3, more, output) == 0);
    auto store = sv::Store::open(data + "/answers.sqlite");
    REQUIRE(store.ok());
    CHECK(store.value().responses().value().size() == thanked.size() + 3);
}

TEST_CASE("an answers file on read-only storage is refused in plain words and left as it was") {
    if (!can_mount()) return;
    sv::test::TempFolder folder;
    const std::string data = folder.file("card");
    TinyDisk disk(data, "4m");
    REQUIRE(disk.mounted());
    std::vector<std::string> thanked;
    std::string output;
    REQUIRE(run_autopilot(data, 2, thanked, output) == 0);
    const auto before = sv::test::read_file(data + "/answers.sqlite");
    REQUIRE(disk.make_read_only());

    auto store = sv::Store::open(data + "/answers.sqlite");
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("cannot be written") && Catch::Contains("read-only"));
    CHECK(sv::test::read_file(data + "/answers.sqlite") == before);
}
