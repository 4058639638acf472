#include "problem_page.hpp"

namespace sv {

// Shown instead of the welcome screen when the kiosk cannot run safely. No buttons: a
// citizen can do nothing here, and nothing may be written until staff have acted. Staff
// close the app the way they open the staff panel; left alone, the app closes after a minute
// so the system starts it again (a disk that was not ready yet may be by then).
void draw_cannot_start_screen(const ScreenCall& call) {
    draw_problem_page(call, "This kiosk is not ready", "Please ask a member of staff.",
                      call.state.start_problem +
                          "\n\nNothing has been deleted. To close the kiosk app, press and hold the top-left "
                          "corner of the screen for 3 seconds (or press Alt+F4). Put the problem right: the kiosk "
                          "tries again by itself every minute.");
}

}  // namespace sv
