#include "language_picker.hpp"

#include <algorithm>
#include <cmath>

#include "dialog_card.hpp"
#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

constexpr float kGap = 16;
constexpr float kHalfTurn = 3.14159265f;

bool one_language(const ScreenCall& call) {
    return call.view.languages.size() < 2;
}

ImVec2 name_button_size(const ScreenCall& call, ImFont* font) {
    float widest = 0;
    for (const Translation* t : call.view.languages) widest = std::max(widest, text_width(font, t->own_name));
    return ImVec2(std::max(150.0f, widest + 48), std::max(64.0f, font->FontSize * 1.2f + 30));
}

// How many name buttons go on a row of `width`.
int per_row(const ScreenCall& call, ImVec2 button, float width) {
    const int fit = std::max(1, static_cast<int>((width + kGap) / (button.x + kGap)));
    return std::min(fit, static_cast<int>(call.view.languages.size()));
}

void draw_name_buttons(const ScreenCall& call, ImFont* font, float top, float left, float width) {
    const ImVec2 name_size = name_button_size(call, font);
    const int columns = per_row(call, name_size, width);
    const auto& languages = call.view.languages;
    for (std::size_t i = 0; i < languages.size(); ++i) {
        const int row = static_cast<int>(i) / columns, column = static_cast<int>(i) % columns;
        const int on_this_row = std::min(columns, static_cast<int>(languages.size()) - row * columns);
        const float row_width = static_cast<float>(on_this_row) * (name_size.x + kGap) - kGap;
        const ImVec2 at(left + (width - row_width) / 2 + static_cast<float>(column) * (name_size.x + kGap),
                        top + static_cast<float>(row) * (name_size.y + kGap));
        const bool current = languages[i]->language == call.view.language;
        tap(call,
            button("language-" + languages[i]->language, languages[i]->own_name, at, name_size)
                .selected_if(current)
                .in(font),
            {IntentKind::choose_language, 0, languages[i]->language});
    }
}

float name_buttons_height(const ScreenCall& call, ImFont* font, float width) {
    const ImVec2 button = name_button_size(call, font);
    const int columns = per_row(call, button, width);
    const int rows = (static_cast<int>(call.view.languages.size()) + columns - 1) / columns;
    return static_cast<float>(rows) * (button.y + kGap) - kGap;
}

}  // namespace

float language_row_height(const ScreenCall& call, float width) {
    return one_language(call) ? 0 : name_buttons_height(call, call.view.fonts.small, width);
}

void draw_language_row(const ScreenCall& call, float top, float width) {
    if (one_language(call)) return;
    draw_name_buttons(call, call.view.fonts.small, top, call.area.margin + (call.area.inner_width() - width) / 2,
                      width);
}

namespace {

// The globe that says "languages" to a person who cannot read the word beside it.
float globe_radius(const ScreenCall& call) {
    return std::min(18.0f, text_size_button_size(call.view.fonts).y * 0.25f);
}

void draw_globe(ImDrawList* draw, ImVec2 centre, float radius, ImU32 colour) {
    draw->AddCircle(centre, radius, colour, 32, 2);
    draw->AddLine(ImVec2(centre.x - radius, centre.y), ImVec2(centre.x + radius, centre.y), colour, 2);
    // A meridian: half an ellipse each side of the centre.
    const int points = 16;
    for (const float side : {-1.0f, 1.0f}) {
        draw->PathClear();
        for (int i = 0; i <= points; ++i) {
            const float angle = -kHalfTurn / 2 + kHalfTurn * static_cast<float>(i) / points;
            draw->PathLineTo(
                ImVec2(centre.x + side * radius * 0.45f * std::cos(angle), centre.y + radius * std::sin(angle)));
        }
        draw->PathStroke(colour, 0, 2);
    }
}

}  // namespace

float language_button_width(const ScreenCall& call, LanguageButton look) {
    if (one_language(call)) return 0;
    const float word = text_width(call.view.fonts.small, tr("Language"));
    return look == LanguageButton::with_globe ? word + 2 * globe_radius(call) + 52 : word + 40;
}

void draw_language_button(const ScreenCall& call, ImVec2 at, LanguageButton look) {
    if (one_language(call)) return;
    const ImVec2 size(language_button_width(call, look), text_size_button_size(call.view.fonts).y);
    if (look == LanguageButton::word_only) {
        tap(call, button("languages", tr("Language"), at, size).in(call.view.fonts.small),
            {IntentKind::open_languages});
        return;
    }
    tap(call, button("languages", "", at, size), {IntentKind::open_languages});
    const float radius = globe_radius(call);
    draw_globe(call.area.draw, ImVec2(at.x + 16 + radius, at.y + size.y / 2), radius, palette().text);
    draw_centred_text(call.area.draw, call.view.fonts.small, tr("Language"), ImVec2(at.x + 2 * radius + 20, at.y),
                      ImVec2(at.x + size.x, at.y + size.y), palette().text);
}

void draw_language_list(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 900.0f);
    const float pad = 40;
    const float inner = width - 2 * pad;
    const std::string heading = tr("Choose your language");
    const float close_height = 90;
    const float height = pad + wrapped_text_height(fonts.heading, heading, inner) + 28 +
                         name_buttons_height(call, fonts.body, inner) + 36 + close_height + pad;
    const float left = (a.width - width) / 2;
    float y = std::max(a.margin / 2, (a.height - height) / 2);
    draw_dialog_card(a, ImVec2(left, y), ImVec2(width, height));
    y += pad;
    y += draw_wrapped_text(a.draw, fonts.heading, heading, ImVec2(left + pad, y), inner, palette().text, Align::centre);
    y += 28;
    draw_name_buttons(call, fonts.body, y, left + pad, inner);
    y += name_buttons_height(call, fonts.body, inner) + 36;
    tap(call, button("languages-close", tr("Close"), ImVec2(left + pad, y), ImVec2(inner, close_height)).in(fonts.body),
        {IntentKind::close_languages});
}

}  // namespace sv
