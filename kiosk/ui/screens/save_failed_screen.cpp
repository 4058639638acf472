#include <algorithm>

#include "problem_page.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {

// Shown when a save fails. The answers stay in memory until a retry succeeds.
void draw_save_failed_screen(const ScreenCall& call) {
    const ProblemPageLayout page = draw_problem_page(
        call, tr("Your answers are not saved yet"),
        tr("Please ask a member of staff for help. Your answers are still here and nothing has been lost."),
        call.state.save_error);
    tap(call,
        button("retry", tr("Try again"), ImVec2(page.left, page.bottom + 40),
               ImVec2(std::min(page.width, std::max(420.0f, text_width(call.view.fonts.heading, tr("Try again")) + 48)),
                      110))
            .primary()
            .in(call.view.fonts.heading),
        {IntentKind::retry_save});
}

}  // namespace sv
