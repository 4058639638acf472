// The layers of design.md, checked on the source itself: who may include whom, which
// libraries each layer may see, and no file pair that includes the other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = STREETVOICE_SOURCE_DIR;

// Each layer and the layers it may use (itself always).
const std::map<std::string, std::set<std::string>> kMayUse = {
    {"core", {}},
    {"platform", {"core"}},
    {"kiosk/store", {"core"}},
    {"kiosk/flow", {"kiosk/store", "core"}},
    {"kiosk/ui", {"kiosk/flow", "kiosk/store", "core"}},
    {"kiosk/app", {"kiosk/ui", "kiosk/flow", "kiosk/store", "core", "sync/client", "sync/protocol", "platform"}},
    {"kiosk/cli", {"kiosk/store", "core", "sync/client", "sync/protocol", "platform"}},
    {"sync/protocol", {"core"}},
    // The client drains the kiosk's outbox, which lives in its answers file.
    {"sync/client", {"sync/protocol", "kiosk/store", "core", "platform"}},
    {"sync/hub", {"sync/protocol", "core"}},
};

// Libraries a layer must not see: the domain and the flow are tested as plain code.
const std::vector<std::string> kWindowAndNetwork = {"imgui", "SDL", "curl/", "httplib.h"};
const std::map<std::string, std::vector<std::string>> kMustNotSee = {
    {"core", kWindowAndNetwork},          {"kiosk/store", kWindowAndNetwork},      {"kiosk/flow", kWindowAndNetwork},
    {"sync/protocol", kWindowAndNetwork}, {"sync/hub", {"imgui", "SDL", "curl/"}},
};

struct SourceFile {
    fs::path path;  // relative to the source tree
    std::string layer;
    std::vector<std::string> own_includes;     // "name.hpp"
    std::vector<std::string> system_includes;  // <name.h>
};

std::string layer_of(const fs::path& relative) {
    const std::string text = relative.generic_string();
    for (const auto& [layer, _] : kMayUse)
        if (text.rfind(layer + "/", 0) == 0) return layer;
    return {};
}

std::vector<SourceFile> read_sources() {
    static const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::vector<SourceFile> files;
    for (const char* top : {"core", "kiosk", "sync", "platform"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSource / top)) {
            const auto extension = entry.path().extension();
            if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp")) continue;
            SourceFile file{fs::relative(entry.path(), kSource), {}, {}, {}};
            file.layer = layer_of(file.path);
            std::ifstream in(entry.path());
            std::string line;
            std::smatch match;
            while (std::getline(in, line)) {
                if (!std::regex_search(line, match, include_line)) continue;
                (match[1] == "\"" ? file.own_includes : file.system_includes).push_back(match[2]);
            }
            files.push_back(std::move(file));
        }
    }
    return files;
}

// Our headers by the name they are included by; the build's include paths make names unique.
std::map<std::string, const SourceFile*> headers_by_name(const std::vector<SourceFile>& files) {
    std::map<std::string, const SourceFile*> by_name;
    for (const auto& file : files)
        if (file.path.extension() == ".hpp") by_name[file.path.filename().string()] = &file;
    return by_name;
}

// A unit is a header and its source file together: `kiosk/ui/widgets/compass`.
std::string unit_of(const fs::path& path) {
    return (path.parent_path() / path.stem()).generic_string();
}

}  // namespace

TEST_CASE("every source file belongs to a layer of the design") {
    const auto files = read_sources();
    REQUIRE(files.size() > 100);
    for (const auto& file : files) {
        INFO(file.path.generic_string());
        CHECK_FALSE(file.layer.empty());
    }
}

TEST_CASE("no two of our headers share a name") {
    std::map<std::string, std::vector<std::string>> paths;
    for (const auto& file : read_sources())
        if (file.path.extension() == ".hpp") paths[file.path.filename().string()].push_back(file.path.generic_string());
    for (const auto& [name, where] : paths) {
        INFO(name);
        CHECK(where.size() == 1);
    }
}

TEST_CASE("each layer includes only the layers below it") {
    const auto files = read_sources();
    const auto headers = headers_by_name(files);
    int checked = 0;
    for (const auto& file : files) {
        for (const auto& name : file.own_includes) {
            const auto found = headers.find(name);
            if (found == headers.end()) continue;  // a library's header included with quotes (imgui.h)
            const auto& used = found->second->layer;
            INFO(file.path.generic_string() << " includes " << found->second->path.generic_string());
            CHECK((used == file.layer || kMayUse.at(file.layer).count(used) == 1));
            ++checked;
        }
    }
    CHECK(checked > 500);
}

TEST_CASE("the domain, the store, the flow and the wire format see no window, touch or network library") {
    for (const auto& file : read_sources()) {
        const auto rules = kMustNotSee.find(file.layer);
        if (rules == kMustNotSee.end()) continue;
        std::vector<std::string> includes = file.system_includes;
        includes.insert(includes.end(), file.own_includes.begin(), file.own_includes.end());
        for (const auto& name : includes)
            for (const auto& forbidden : rules->second) {
                INFO(file.path.generic_string() << " includes " << name);
                CHECK(name.rfind(forbidden, 0) != 0);
            }
    }
}

TEST_CASE("no files include each other, however far round") {
    const auto files = read_sources();
    const auto headers = headers_by_name(files);
    std::map<std::string, std::set<std::string>> uses;  // unit -> units
    for (const auto& file : files) {
        auto& edges = uses[unit_of(file.path)];
        for (const auto& name : file.own_includes) {
            const auto found = headers.find(name);
            if (found == headers.end()) continue;
            const auto used = unit_of(found->second->path);
            if (used != unit_of(file.path)) edges.insert(used);
        }
    }
    // Depth-first search; meeting a unit still on the path is a cycle.
    std::map<std::string, int> state;  // 0 not seen, 1 on the path, 2 done
    std::vector<std::string> path;
    std::vector<std::string> cycles;
    std::function<void(const std::string&)> visit = [&](const std::string& unit) {
        state[unit] = 1;
        path.push_back(unit);
        for (const auto& next : uses[unit]) {
            if (state[next] == 1) {
                std::string cycle;
                for (auto at = std::find(path.begin(), path.end(), next); at != path.end(); ++at) cycle += *at + " -> ";
                cycles.push_back(cycle + next);
            } else if (state[next] == 0) {
                visit(next);
            }
        }
        path.pop_back();
        state[unit] = 2;
    };
    for (const auto& [unit, _] : uses)
        if (state[unit] == 0) visit(unit);
    for (const auto& cycle : cycles) FAIL_CHECK(cycle);
    CHECK(uses.size() > 100);
}
