#pragma once
// The touchable things drawn in the last frame, by name. The autopilot and the UI tests
// find what to touch here, and the checks on target sizes read it.
#include <string>
#include <vector>

namespace sv {

struct TouchTarget {
    std::string id;
    float x = 0, y = 0, width = 0, height = 0;
    bool enabled = true;

    float centre_x() const { return x + width / 2; }
    float centre_y() const { return y + height / 2; }
};

struct TouchTargets {
    std::vector<TouchTarget> items;

    void clear() { items.clear(); }
    void add(TouchTarget target) { items.push_back(std::move(target)); }
    const TouchTarget* find(const std::string& id) const {
        for (const auto& t : items)
            if (t.id == id) return &t;
        return nullptr;
    }
};

}  // namespace sv
