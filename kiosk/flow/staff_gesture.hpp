#pragma once
// The hidden way into the staff panel: press and hold the top-left corner. Nothing a
// citizen does by chance, quick for staff who know.
namespace sv {

constexpr float kStaffCornerSize = 100;
constexpr double kStaffHoldSeconds = 3.0;

struct StaffGesture {
    double held_seconds = 0;
    bool was_down = false;
    bool fired = false;  // one opening per hold

    // Call once a frame with the pointer; true on the frame the hold completes.
    bool update(bool down, float x, float y, double seconds) {
        const bool in_corner = down && x >= 0 && y >= 0 && x < kStaffCornerSize && y < kStaffCornerSize;
        // Time counts from the first frame the finger is seen down, not from the frame before.
        held_seconds = in_corner && was_down ? held_seconds + seconds : 0;
        was_down = in_corner;
        if (!in_corner) fired = false;
        if (held_seconds < kStaffHoldSeconds || fired) return false;
        fired = true;
        return true;
    }
    bool holding() const { return was_down && !fired; }
};

}  // namespace sv
