#include <algorithm>

#include "compass.hpp"
#include "kiosk_flow.hpp"
#include "kiosk_style.hpp"
#include "language_picker.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

constexpr float kButtonHeight = 120;
constexpr float kPanelPad = 24;

std::vector<std::size_t> offered_activities(const ScreenCall& call) {
    std::vector<std::size_t> offered;
    const auto& activities = call.view.campaign.activities;
    for (std::size_t i = 0; i < activities.size(); ++i)
        if (activity_offered(call.state, activities[i].id)) offered.push_back(i);
    return offered;
}

std::string summary_line(const KioskState& state, const Activity& activity, const std::string& lang) {
    if (needs_staff_to_start(state, activity)) return tr("Ask a member of staff to start your vote.");
    return activity.summary.empty() ? std::string() : activity.summary.in(lang);
}

// The activities' buttons: side by side in landscape, stacked upright.
struct ActivityRow {
    bool side_by_side = false;
    float button_width = 0;
    float button_height = kButtonHeight;  // grows to hold a long title at a big text size
    float row_width = 0;
    float height = 0;
    bool summaries = true;  // the line under each button; left out when big text needs the room
};

// `title_font`: the size each button's title is planned at (the button draws the largest size up
// to its heading size that fits the height planned).
ActivityRow plan_activity_row(const ScreenCall& call, const std::vector<std::size_t>& offered, bool summaries,
                              ImFont* title_font) {
    const ScreenArea& a = call.area;
    const float width = a.inner_width();
    const float gap = 32;
    const auto count = static_cast<float>(offered.size());
    ActivityRow row;
    row.summaries = summaries;
    row.side_by_side = !a.portrait && offered.size() > 1;
    row.button_width =
        row.side_by_side ? std::min(520.0f, (width - gap * (count - 1)) / count) : std::min(width, 720.0f);
    row.row_width = row.side_by_side ? row.button_width * count + gap * (count - 1) : row.button_width;
    for (std::size_t i : offered) {
        const std::string title = call.view.campaign.activities[i].title.in(call.view.language);
        row.button_height =
            std::max(row.button_height, wrapped_text_height(title_font, title, row.button_width - 16) + 24);
    }
    for (std::size_t i : offered) {
        const Activity& activity = call.view.campaign.activities[i];
        const std::string line = summaries ? summary_line(call.state, activity, call.view.language) : std::string();
        const float summary = line.empty() ? 0 : 10 + wrapped_text_height(call.view.fonts.body, line, row.button_width);
        row.height = row.side_by_side ? std::max(row.height, row.button_height + summary)
                                      : row.height + row.button_height + summary + (row.height > 0 ? 28 : 0);
    }
    return row;
}

float draw_activity_row(const ScreenCall& call, const std::vector<std::size_t>& offered, const ActivityRow& row,
                        float top) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const auto& lang = call.view.language;
    float y = top;
    for (std::size_t n = 0; n < offered.size(); ++n) {
        const Activity& activity = call.view.campaign.activities[offered[n]];
        const float x = a.margin + (a.inner_width() - row.row_width) / 2 +
                        (row.side_by_side ? static_cast<float>(n) * (row.button_width + 32) : 0);
        if (row.side_by_side) y = top;
        const bool waits_for_staff = needs_staff_to_start(call.state, activity);
        tap(call,
            button("start-" + activity.id, activity.title.in(lang), ImVec2(x, y),
                   ImVec2(row.button_width, row.button_height))
                .primary()
                .enabled_if(!waits_for_staff)
                .in(fonts.heading),
            {IntentKind::start, static_cast<int>(offered[n])});
        y += row.button_height;
        const std::string summary = row.summaries ? summary_line(call.state, activity, lang) : std::string();
        if (!summary.empty())
            y += 10 + draw_wrapped_text(a.draw, fonts.body, summary, ImVec2(x, y + 10), row.button_width,
                                        palette().muted_text, Align::centre);
        y += 28;
    }
    return top + row.height;
}

// tr("You said, we did"): notes in columns (landscape) or one under another (upright).
struct NotesPanel {
    std::size_t shown = 0;
    int columns = 1;
    float width = 0;
    float height = 0;
};

std::string said_line(const OutcomeNote& note, const std::string& lang) {
    return fill(tr("You said: {1}"), {note.said.in(lang)});
}
std::string did_line(const OutcomeNote& note, const std::string& lang) {
    return fill(tr("We did: {1}"), {note.did.in(lang)});
}

float note_height(const ScreenCall& call, const OutcomeNote& note, float width) {
    const auto& lang = call.view.language;
    return wrapped_text_height(call.view.fonts.small, said_line(note, lang), width) + 6 +
           wrapped_text_height(call.view.fonts.small, did_line(note, lang), width);
}

NotesPanel plan_notes_panel(const ScreenCall& call, std::size_t shown) {
    const ScreenArea& a = call.area;
    NotesPanel panel;
    panel.shown = shown;
    if (shown == 0) return panel;
    panel.columns = a.portrait ? 1 : static_cast<int>(std::min<std::size_t>(shown, 3));
    panel.width = std::min(a.inner_width(), 1100.0f);
    const float gap = 32;
    const float column_width =
        (panel.width - 2 * kPanelPad - gap * static_cast<float>(panel.columns - 1)) / static_cast<float>(panel.columns);
    float body = 0, row = 0;
    for (std::size_t i = 0; i < shown; ++i) {
        row = std::max(row, note_height(call, call.view.welcome_notes[i], column_width));
        if (static_cast<int>(i % static_cast<std::size_t>(panel.columns)) == panel.columns - 1 || i + 1 == shown) {
            body += row + (body > 0 ? 20 : 0);
            row = 0;
        }
    }
    panel.height = 2 * kPanelPad + one_line_height(call.view.fonts.body) + 14 + body;
    return panel;
}

void draw_notes_panel(const ScreenCall& call, const NotesPanel& panel, float top) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const auto& lang = call.view.language;
    const float left = (a.width - panel.width) / 2;
    a.draw->AddRectFilled(ImVec2(left, top), ImVec2(left + panel.width, top + panel.height), palette().surface, 14);
    a.draw->AddRect(ImVec2(left, top), ImVec2(left + panel.width, top + panel.height), palette().outline, 14, 0, 2);
    float y = top + kPanelPad;
    draw_text_line(a.draw, fonts.body, ImVec2(left + kPanelPad, y), palette().primary, tr("You said, we did"));
    y += one_line_height(fonts.body) + 14;
    const float gap = 32;
    const float column_width =
        (panel.width - 2 * kPanelPad - gap * static_cast<float>(panel.columns - 1)) / static_cast<float>(panel.columns);
    float row_height = 0;
    for (std::size_t i = 0; i < panel.shown; ++i) {
        const auto column = static_cast<int>(i % static_cast<std::size_t>(panel.columns));
        if (column == 0 && i > 0) {
            y += row_height + 20;
            row_height = 0;
        }
        const OutcomeNote& note = call.view.welcome_notes[i];
        const float x = left + kPanelPad + static_cast<float>(column) * (column_width + gap);
        float h = draw_wrapped_text(a.draw, fonts.small, said_line(note, lang), ImVec2(x, y), column_width,
                                    palette().muted_text);
        h += 6;
        h += draw_wrapped_text(a.draw, fonts.small, did_line(note, lang), ImVec2(x, y + h), column_width,
                               palette().text);
        row_height = std::max(row_height, h);
    }
}

}  // namespace

// The attract screen between citizens: what this is, what you can do, what came of last time.
void draw_welcome_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const auto& campaign = call.view.campaign;
    const auto& lang = call.view.language;
    const ScreenArea& a = call.area;
    const float width = a.inner_width();
    const float text_width = std::min(width, 960.0f);
    // Landscape: the centred title and area keep clear of the corner buttons on both sides.
    // Upright: the title starts below the buttons and has the whole width.
    const float corner = a.portrait ? 0 : text_size_button_size(fonts).x + 24;
    const float title_width = width - 2 * corner;
    const std::vector<std::size_t> offered = offered_activities(call);
    ActivityRow row = plan_activity_row(call, offered, true, fonts.heading);
    const std::string prompt = offered.empty()       ? tr("Nothing is open just now. Please ask a member of staff.")
                               : offered.size() == 1 ? tr("Touch the button to start")
                                                     : tr("Touch one to start");

    bool mentions_place_standard = false, mentions_younger_versions = false;
    for (const auto& activity : campaign.activities) {
        if (activity.type != ActivityType::place_standard) continue;
        mentions_place_standard = true;
        mentions_younger_versions =
            mentions_younger_versions || activity.place_standard_version != PlaceStandardVersion::adults;
    }
    std::string footer = tr("We do not ask for your name.");
    if (mentions_place_standard)
        footer += " " + tr("Based on the Place Standard tool: Scottish Government, Public Health Scotland, "
                           "Architecture & Design Scotland.");
    if (mentions_younger_versions)
        footer += " " + tr("Versions for children and young people: Play Scotland, A Place in Childhood.");

    // Heights first, so the gaps can share out what is left and nothing overlaps. When big text
    // leaves too little room, the "you said, we did" notes go first, then the steps below; the
    // ways to start always stay.
    const float top =
        a.portrait ? std::max(a.margin * 2, a.margin / 2 + text_size_button_size(fonts).y + 16) : a.margin * 0.6f;
    const ImVec2 corner_button = text_size_button_size(fonts);
    ImFont* footer_font = fonts.small;
    ImFont* area_font = fonts.heading;
    float footer_top = a.height - a.margin / 2 - wrapped_text_height(footer_font, footer, width);
    // The languages: a row above the footer, or, when that leaves too little room, one
    // "Language" button in the top left corner that opens the list.
    float languages_height = language_row_height(call, width);
    float prompt_height = wrapped_text_height(fonts.body, prompt, width) + 14;
    const float gaps = 4;
    ImFont* title_font = fonts.display;
    ImFont* welcome_font = fonts.body;
    NotesPanel notes;
    float spare = 0;
    float bottom = footer_top;
    bool show_prompt = true;
    const float corners_bottom =
        a.portrait ? a.margin / 2 + corner_button.y : a.margin / 2 + 2 * corner_button.y + 12 + 8;
    float welcome_width = text_width;
    float heading_height = 0;
    // What gives way, one more thing at each step: the title, the welcome words and the area's
    // name step down, the prompt goes (the start buttons say what they do), the footer steps
    // down to the standard small size; only then the row of languages, each named in its own
    // words, gives way to one "Language" button in the corner; last, the line under each start
    // button goes (its title says what it is), then the titles step down a size.
    for (int step = 0; step <= 8; ++step) {
        title_font = step >= 1 ? fonts.heading : fonts.display;
        welcome_font = step >= 2 ? fonts.small : fonts.body;
        if (step >= 3 && !offered.empty()) {
            show_prompt = false;
            prompt_height = 0;
        }
        if (step >= 4) area_font = fonts.body;
        if (step >= 5) footer_font = fonts.compass;
        if (step >= 6) languages_height = 0;
        if (step >= 7) row = plan_activity_row(call, offered, false, step >= 8 ? fonts.body : fonts.heading);
        footer_top = a.height - a.margin / 2 - wrapped_text_height(footer_font, footer, width);
        bottom = languages_height > 0 ? footer_top - 32 - languages_height : footer_top;
        heading_height =
            wrapped_text_height(title_font, campaign.title.in(lang), title_width) +
            (campaign.area.empty() ? 0 : 8 + wrapped_text_height(area_font, campaign.area.in(lang), title_width));
        // Tall corner buttons (Urdu, big text) can reach down beside the welcome words: they narrow.
        welcome_width = top + heading_height + 12 < corners_bottom ? std::min(text_width, title_width) : text_width;
        const float welcome_height =
            campaign.welcome.empty() ? 0 : wrapped_text_height(welcome_font, campaign.welcome.in(lang), welcome_width);
        for (std::size_t shown = call.view.welcome_notes.size();; --shown) {
            notes = plan_notes_panel(call, shown);
            spare = bottom - top - heading_height - welcome_height - prompt_height - row.height - notes.height;
            if (spare >= gaps * 12 || shown == 0) break;
        }
        if (spare >= gaps * 12) break;
    }
    // Gaps of 12 at least, or what is left when every step above has been taken.
    const float gap =
        std::clamp(spare / gaps, std::min(12.0f, std::max(2.0f, spare / gaps)), a.portrait ? 96.0f : 56.0f);

    // A band of colour behind the title and the area, to catch the eye from across a foyer; on
    // its side, the compass as an emblem in the corner beside the title.
    const float band_bottom = top + heading_height + gap / 2;
    a.draw->AddRectFilled(ImVec2(0, 0), ImVec2(a.width, band_bottom), palette().primary);
    if (!a.portrait) {
        const float radius = std::min(corner / 2 - 24, band_bottom / 2 - 24);
        if (radius >= 32)
            draw_compass_emblem(a.draw, ImVec2(a.margin + corner / 2 - 12, band_bottom / 2), radius,
                                palette().on_primary);
    }
    float y = top;
    draw_text_size_button_top_right(call, a.margin / 2);
    // High contrast: under it in landscape (beside the centred title), beside it upright.
    const ImVec2 contrast_at = a.portrait
                                   ? ImVec2(a.width - a.margin - 2 * corner_button.x - 16, a.margin / 2)
                                   : ImVec2(a.width - a.margin - corner_button.x, a.margin / 2 + corner_button.y + 12);
    draw_contrast_button(call, contrast_at);
    y += draw_wrapped_text(a.draw, title_font, campaign.title.in(lang), ImVec2(a.margin + corner, y), title_width,
                           palette().on_primary, Align::centre);
    if (!campaign.area.empty())
        y += 8 + draw_wrapped_text(a.draw, area_font, campaign.area.in(lang), ImVec2(a.margin + corner, y + 8),
                                   title_width, palette().on_primary, Align::centre);
    y += gap;
    if (!campaign.welcome.empty())
        y += draw_wrapped_text(a.draw, welcome_font, campaign.welcome.in(lang),
                               ImVec2(a.margin + (width - welcome_width) / 2, y), welcome_width, palette().text,
                               Align::centre);
    y += gap;
    if (show_prompt)
        y += draw_wrapped_text(a.draw, fonts.body, prompt, ImVec2(a.margin, y), width, palette().muted_text,
                               Align::centre) +
             14;
    y = draw_activity_row(call, offered, row, y);
    if (notes.shown > 0) draw_notes_panel(call, notes, y + gap);
    if (languages_height > 0)
        draw_language_row(call, footer_top - 16 - languages_height, width);
    else if (language_row_height(call, width) > 0) {
        // Upright it shares the top row with high contrast: the globe goes when they would touch.
        const bool globe_fits =
            !a.portrait || a.margin + language_button_width(call, LanguageButton::with_globe) + 16 <= contrast_at.x;
        draw_language_button(call, ImVec2(a.margin, a.margin / 2),
                             globe_fits ? LanguageButton::with_globe : LanguageButton::word_only);
    }
    draw_wrapped_text(a.draw, footer_font, footer, ImVec2(a.margin, footer_top), width, palette().muted_text,
                      Align::centre);
}

}  // namespace sv
