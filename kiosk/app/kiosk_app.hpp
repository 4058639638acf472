#pragma once
// The running kiosk: one ImGui context drawing onto an SDL renderer, the kiosk state,
// the campaign, and the function that saves a response. The caller owns the renderer,
// the store and the loop.
#include <SDL.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "campaign.hpp"
#include "canvas.hpp"
#include "contrast_check.hpp"
#include "font_textures.hpp"
#include "intent.hpp"
#include "kiosk_flow.hpp"
#include "kiosk_services.hpp"
#include "kiosk_state.hpp"
#include "kiosk_style.hpp"
#include "placed_text.hpp"
#include "pointer_input.hpp"
#include "project_pictures.hpp"
#include "sdl_text_shaper.hpp"
#include "speech.hpp"
#include "staff_desk.hpp"
#include "staff_gesture.hpp"
#include "touch_targets.hpp"
#include "translation.hpp"

struct ImGuiContext;

namespace sv {

class KioskApp {
public:
    // `pixels_per_inch`: the screen's density (0 when unknown), so text keeps its size on the glass.
    static Result<std::unique_ptr<KioskApp>> create(SDL_Renderer* renderer, Campaign campaign, KioskServices services,
                                                    float pixels_per_inch = 0);
    // A kiosk that only shows staff why it cannot start (broken campaign, unusable answers file).
    static Result<std::unique_ptr<KioskApp>> create_cannot_start(SDL_Renderer* renderer, const std::string& problem,
                                                                 float pixels_per_inch = 0);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    // Feeds one SDL event in (touch, mouse, text typed on a physical keyboard). Ways out of
    // the app (window close, Alt+F4, Escape, Ctrl+Q) are ignored while citizens use it.
    void handle_event(const SDL_Event& event);
    // Staff asked to close the kiosk.
    bool quit_requested() const { return state_.stall.quit_requested; }
    // Draws and presents one frame, `seconds` after the last. With `screenshot_path` the
    // frame is also written to that PNG file.
    Status render_frame(double seconds, const std::string& screenshot_path = {});

    // A frame is worth drawing: input arrived or the screen changed recently.
    bool wants_frame() const { return frames_wanted_ > 0; }
    // How long the loop may sleep before a timer (the thank-you countdown) needs a frame.
    double seconds_until_timer() const;
    // The UUID of a thank-you screen drawn for the first time in the last frame.
    std::optional<std::string> take_new_thanks();

    KioskState& state() { return state_; }
    const TouchTargets& targets() const { return targets_; }
    // Where the last frame put its text, for the layout checks.
    const PlacedTexts& placed_text() const { return placed_text_; }
    // From now on frames are laid out (touch targets, placed text, what was tapped) but not
    // painted: for the autopilot, whose screen is memory nobody looks at, and which spends
    // most of its time painting in software otherwise.
    void stop_painting() { painting_ = false; }
    // Keeps each drawn frame's pixels from now on, for the contrast checks.
    void keep_frame_pixels() { keep_pixels_ = true; }
    const FramePixels& frame_pixels() const { return pixels_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // The layout area and its scale on this screen; touch targets are in its units.
    Canvas canvas() const;
    const Campaign& campaign() const { return campaign_; }
    // The languages a citizen can choose: the campaign's languages that have a translation.
    std::vector<const Translation*> languages() const;
    // A text size's letters are ready to draw: the standard size's from the start, bigger ones'
    // once someone first chose them.
    bool text_size_baked(TextSize size) const { return fonts_.is_baked(size); }
    // Translation files that could not be read (their languages are not offered).
    const std::vector<std::string>& translation_problems() const { return translations_.problems; }

private:
    KioskApp(SDL_Renderer* renderer, Campaign campaign, KioskServices services);
    void apply(const Intent& intent);
    void read_aloud();
    // Runs `next` from now on (called between people only). An error only when the screen can
    // no longer be drawn; a campaign whose letters could not be prepared is not taken up.
    Status take_up_campaign(Campaign next);
    // Draws with `fonts` from now on (their standard size's texture made now, bigger ones' when first used).
    Status use_fonts(KioskFontSizes fonts);
    // Staff see how many pictures are missing; the journal, which and why.
    void tell_of_missing_pictures();
    // Paints the laid-out frame onto the renderer, saving or keeping its pixels if asked.
    Status paint(const KioskState& drawn, const std::string& screenshot_path);
    const Translation* translation_for(const std::string& language) const;

    SDL_Renderer* renderer_;
    float pixels_per_inch_ = 0;
    Campaign campaign_;
    KioskServices services_;
    // What the welcome screen shows under "you said, we did": the campaign file's, until the
    // hub's for this stall's ward are known. The campaign itself stays as the file says.
    std::vector<OutcomeNote> welcome_notes_;
    Screen last_drawn_screen_ = Screen::welcome;
    StaffMode last_drawn_staff_ = StaffMode::closed;
    StaffGesture gesture_;
    ImGuiContext* imgui_ = nullptr;
    TranslationFolder translations_;
    std::unique_ptr<SdlTextShaper> shaper_;  // Urdu and Punjabi; null if it could not start
    KioskFontSizes fonts_;
    FontTextures font_textures_{renderer_};
    ProjectPictures pictures_;
    std::vector<std::string> picture_problems_;
    // On the welcome screen with nobody touching it: a newer campaign is looked for this often.
    static constexpr double kCampaignLookSeconds = 30;
    double untouched_on_welcome_seconds_ = 0;  // pictures of the hub's campaign not shown, and why
    KioskState state_;
    TouchTargets targets_;
    PlacedTexts placed_text_;
    bool painting_ = true;
    bool keep_pixels_ = false;
    FramePixels pixels_;
    PointerInput pointer_;
    int frames_wanted_ = 3;
    long frames_drawn_ = 0;
    std::string last_thanked_;
    std::optional<std::string> new_thanks_;
};

}  // namespace sv
