#pragma once
// Choosing a language: every language the campaign offers, each named in its own words
// ("Cymraeg", "Polski"), so a person who reads no English can still find theirs. The
// welcome screen shows them as a row; other screens have a "Language" button that opens
// the same list over the screen, and the answers given so far stay.
#include "screen_layout.hpp"

namespace sv {

// Height of the welcome screen's row of languages at `width`; 0 when there is only one.
float language_row_height(const ScreenCall& call, float width);
void draw_language_row(const ScreenCall& call, float top, float width);

// The "Language" button, as tall as the text size button; nothing when there is one language.
// On the welcome screen, where the row of languages gave way to it, it carries a globe (the
// usual sign for languages) for a person who cannot read the word; beside a question's other
// buttons, where room is short, the word alone.
enum class LanguageButton { with_globe, word_only };
float language_button_width(const ScreenCall& call, LanguageButton look);
void draw_language_button(const ScreenCall& call, ImVec2 at, LanguageButton look);

// The list of languages over the screen, opened by the button.
void draw_language_list(const ScreenCall& call);

}  // namespace sv
