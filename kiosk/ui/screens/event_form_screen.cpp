#include <algorithm>
#include <string>
#include <vector>

#include "kiosk_style.hpp"
#include "on_screen_keyboard.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

struct FieldView {
    EventField field;
    const char* label;
    const std::string* text;
};

// The campaign's wards as buttons where the keyboard would be: staff choose one, and no ward
// is ever mistyped. More than fit go on pages, the last button turning the page.
void draw_ward_picker(const ScreenCall& call, ImVec2 top_left, float width, float height) {
    const auto& fonts = call.view.fonts;
    const std::vector<std::string>& wards = call.view.campaign.wards;
    const StallState& stall = call.state.stall;
    const int count = static_cast<int>(wards.size());
    const int columns = call.area.portrait ? 2 : 3;
    const float gap = 14, row_height = 76;
    const int rows = std::max(1, static_cast<int>((height + gap) / (row_height + gap)));
    const bool paged = count > columns * rows;
    const int per_page = paged ? columns * rows - 1 : columns * rows;
    const int pages = paged ? (count + per_page - 1) / per_page : 1;
    const int page = stall.ward_page % pages;
    const float cell_width = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const auto cell = [&](int slot) {
        return ImVec2(top_left.x + static_cast<float>(slot % columns) * (cell_width + gap),
                      top_left.y + static_cast<float>(slot / columns) * (row_height + gap));
    };
    for (int slot = 0; slot < per_page && page * per_page + slot < count; ++slot) {
        const int index = page * per_page + slot;
        const std::string& ward = wards[static_cast<std::size_t>(index)];
        tap(call,
            button("event-ward-" + std::to_string(index), shorten_to_fit(fonts.body, ward, cell_width - 32, 1),
                   cell(slot), ImVec2(cell_width, row_height))
                .selected_if(ward == stall.event_draft.ward)
                .in(fonts.body),
            {IntentKind::choose_event_ward, index});
    }
    if (paged)
        tap(call,
            button("event-ward-more", "More wards (" + std::to_string(page + 1) + " of " + std::to_string(pages) + ")",
                   cell(columns * rows - 1), ImVec2(cell_width, row_height))
                .in(fonts.small),
            {IntentKind::more_event_wards});
}

}  // namespace

// Staff set up where the stall is; every response from then on carries this event.
void draw_event_form_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const StallState& stall = call.state.stall;
    const float width = a.inner_width();

    const float keyboard_width = std::min(width, 1100.0f);
    const float keyboard_height = on_screen_keyboard_height(call, KeyboardUse::words);
    const float keyboard_top = a.height - a.margin / 2 - keyboard_height - 8;

    float y = a.margin / 2;
    const float button_width = 220;
    tap(call,
        button("event-cancel", "Cancel", ImVec2(a.width - a.margin - 2 * button_width - 16, y),
               ImVec2(button_width, 80))
            .in(fonts.body),
        {IntentKind::staff_close});
    tap(call,
        button("event-save", "Start it", ImVec2(a.width - a.margin - button_width, y), ImVec2(button_width, 80))
            .primary()
            .enabled_if(!stall.event_draft.place.empty())
            .in(fonts.body),
        {IntentKind::save_event});
    draw_wrapped_text(a.draw, fonts.heading, "New event", ImVec2(a.margin, y + 12), width - 2 * button_width - 40,
                      palette().text);
    y += 80 + 16;
    const bool ward_list = !call.view.campaign.wards.empty();
    const bool choosing_ward = ward_list && stall.editing == EventField::ward;
    const std::string hint = !stall.staff_message.empty() ? stall.staff_message
                             : choosing_ward              ? "Choose the ward the stall is in. Only the place is needed."
                                                          : "Touch a box, then type. Only the place is needed.";
    y += draw_wrapped_text(a.draw, fonts.small, hint, ImVec2(a.margin, y), width, palette().text) + 16;

    const FieldView fields[] = {{EventField::place, "Place", &stall.event_draft.place},
                                {EventField::ward, "Ward", &stall.event_draft.ward},
                                {EventField::staff, "Staff initials", &stall.event_draft.staff}};
    const float gap = 20;
    const float box_height = 72;
    const float label_height = fonts.small->FontSize + 8;
    // Side by side in landscape (the place box widest), one under another upright.
    const float widths[] = {0.45f, 0.33f, 0.22f};
    float x = a.margin;
    for (const FieldView& f : fields) {
        const auto index = static_cast<std::size_t>(f.field);
        const float w = a.portrait ? width : (width - 2 * gap) * widths[index];
        draw_text_line(a.draw, fonts.small, ImVec2(x, y), palette().muted_text, f.label);
        const ImVec2 box(x, y + label_height);
        const bool editing = stall.editing == f.field;
        tap(call,
            button("event-" + std::string(f.field == EventField::place  ? "place"
                                          : f.field == EventField::ward ? "ward"
                                                                        : "staff"),
                   "", box, ImVec2(w, box_height))
                .in(fonts.body),
            {IntentKind::edit_event_field, static_cast<int>(f.field)});
        if (editing) a.draw->AddRect(box, ImVec2(box.x + w, box.y + box_height), palette().primary, 14, 0, 5);
        const bool from_list = ward_list && f.field == EventField::ward;
        const bool placeholder = from_list && f.text->empty();
        const std::string shown =
            placeholder ? (editing ? "Choose below" : "Touch to choose")
                        : shorten_to_fit(fonts.body, *f.text + (editing && !from_list ? "|" : ""), w - 32, 1);
        if (!shown.empty())  // an empty box, not being typed in, has nothing to draw
            draw_text_line(a.draw, fonts.body, ImVec2(box.x + 16, box.y + (box_height - fonts.body->FontSize) / 2),
                           placeholder ? palette().muted_text : palette().text, shown);
        if (a.portrait)
            y += label_height + box_height + gap;
        else
            x += w + gap;
    }
    if (choosing_ward) {
        // Where the keyboard would be, from under the boxes to the foot of the screen.
        const float top = std::min(keyboard_top, y + (a.portrait ? 0 : label_height + box_height + gap));
        draw_ward_picker(call, ImVec2(a.margin, top), width, a.height - a.margin / 2 - top);
        return;
    }
    draw_on_screen_keyboard(call, ImVec2(a.margin + (width - keyboard_width) / 2, keyboard_top), keyboard_width,
                            KeyboardUse::words, stall.editing == EventField::staff ? "Start it" : "Next");
}

}  // namespace sv
