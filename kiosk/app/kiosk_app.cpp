#include "kiosk_app.hpp"

#include <cmath>
#include <cstdio>
#include <tuple>

#include "campaign_translations.hpp"
#include "imgui.h"
#include "imgui_impl_sdlrenderer.h"
#include "installed_files.hpp"
#include "keyboard_layout.hpp"
#include "kiosk_view.hpp"
#include "place_standard.hpp"
#include "png_snapshot.hpp"
#include "spoken_text.hpp"
#include "staff_flow.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

// ImGui settles layout over a couple of frames; draw a few after anything changes.
constexpr int kFramesAfterChange = 3;

std::vector<std::string> texts_to_draw(const Campaign& campaign, const TranslationFolder& translations) {
    std::vector<std::string> texts{every_key_text()};
    for (const auto& t : translations.translations) {
        texts.push_back(t.own_name);
        for (const auto& [english, translated] : t.phrases) texts.push_back(translated);
    }
    for_each_campaign_text(campaign, [&](const LocalText& text, const std::string&) {
        for (const auto& [language, words] : text.by_language) texts.push_back(words);
    });
    for (const auto& activity : campaign.activities)
        for (const auto& project : activity.budget.projects) {
            texts.push_back(project.category);
            texts.push_back(project.ward);
        }
    return texts;
}

// ImGui lays the screen out from (0, 0); on a screen wider than the layout it is drawn in a
// centred column.
void move_into_column(ImDrawData* frame, const Canvas& canvas) {
    const float left = canvas.left / canvas.scale, top = canvas.top / canvas.scale;
    if (left == 0 && top == 0) return;
    // The renderer clips to the frame's size: the whole screen.
    frame->DisplaySize = ImVec2(canvas.pixel_width / canvas.scale, canvas.pixel_height / canvas.scale);
    for (int i = 0; i < frame->CmdListsCount; ++i) {
        ImDrawList* list = frame->CmdLists[i];
        for (ImDrawVert& vertex : list->VtxBuffer) {
            vertex.pos.x += left;
            vertex.pos.y += top;
        }
        for (ImDrawCmd& command : list->CmdBuffer) {
            command.ClipRect.x += left;
            command.ClipRect.z += left;
            command.ClipRect.y += top;
            command.ClipRect.w += top;
        }
    }
}

}  // namespace

KioskApp::KioskApp(SDL_Renderer* renderer, Campaign campaign, KioskServices services)
    : renderer_(renderer),
      campaign_(std::move(campaign)),
      services_(std::move(services)),
      welcome_notes_(services_.welcome_notes ? services_.welcome_notes(campaign_) : campaign_.you_said_we_did) {
    if (services_.desk) {
        state_.stall.hidden_activities = services_.desk->hidden_activities();
        state_.stall.starting_text_size = services_.desk->starting_text_size().value_or(TextSize::standard);
        state_.text_size = state_.stall.starting_text_size;
    }
}

Result<std::unique_ptr<KioskApp>> KioskApp::create_cannot_start(SDL_Renderer* renderer, const std::string& problem,
                                                                float pixels_per_inch) {
    Campaign placeholder;
    placeholder.languages = {"en"};
    placeholder.title.by_language["en"] = "Streetvoice";
    KioskServices nothing_to_save;
    nothing_to_save.save = [](const ResponseDraft&) -> Result<StoredResponse> {
        return Error{"This kiosk could not start, so nothing can be saved."};
    };
    auto app = create(renderer, std::move(placeholder), std::move(nothing_to_save), pixels_per_inch);
    if (app) {
        app.value()->state_.screen = Screen::cannot_start;
        app.value()->state_.start_problem = problem;
    }
    return app;
}

Result<std::unique_ptr<KioskApp>> KioskApp::create(SDL_Renderer* renderer, Campaign campaign, KioskServices services,
                                                   float pixels_per_inch) {
    std::unique_ptr<KioskApp> app(new KioskApp(renderer, std::move(campaign), std::move(services)));
    app->pixels_per_inch_ = pixels_per_inch;
    app->imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(app->imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    app->translations_ = load_translation_folder(shipped_assets_directory() + "/translations");
    for (const auto& problem : app->translations_.problems)
        std::fprintf(stderr, "streetvoice-kiosk: %s\n", problem.c_str());
    // Letters are drawn from pictures made at the screen's scale: sharp when scaled up.
    const float sharpness = std::max(1.0f, app->canvas().scale);
    if (auto shaper = SdlTextShaper::create(renderer, sharpness); shaper)
        app->shaper_ = std::move(shaper).value();
    else
        std::fprintf(stderr, "streetvoice-kiosk: %s\n", shaper.error().message.c_str());
    auto fonts = load_kiosk_fonts(texts_to_draw(app->campaign_, app->translations_), sharpness);
    if (!fonts) return fonts.error();
    apply_kiosk_style();
    // A shrunk canvas samples the font atlas between texels; smooth it rather than drop pixels.
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (!ImGui_ImplSDLRenderer_Init(renderer) || !ImGui_ImplSDLRenderer_CreateFontsTexture())
        return Error{"The screen could not be prepared for drawing."};
    ImGui::GetIO().Fonts->ClearTexData();  // ImGui's own small font, never drawn: its texture made
    if (auto used = app->use_fonts(std::move(fonts).value()); !used) return used.error();
    if (app->services_.next_campaign) {
        // A campaign from the hub: a picture that did not arrive whole leaves its card without one.
        app->pictures_ = ProjectPictures::load_what_can_be(renderer, app->campaign_, app->picture_problems_);
        app->tell_of_missing_pictures();
        return app;
    }
    auto pictures = ProjectPictures::load(renderer, app->campaign_);
    if (!pictures) return pictures.error();
    app->pictures_ = std::move(pictures).value();
    return app;
}

void KioskApp::tell_of_missing_pictures() {
    for (const auto& problem : picture_problems_) std::fprintf(stderr, "streetvoice-kiosk: %s\n", problem.c_str());
    if (services_.desk) services_.desk->note_missing_pictures(picture_problems_.size());
}

Status KioskApp::take_up_campaign(Campaign next) {
    ImGui::SetCurrentContext(imgui_);
    // The new campaign's words may need letters the old one's did not: the font atlas is made again.
    const float sharpness = std::max(1.0f, canvas().scale);
    auto fonts = load_kiosk_fonts(texts_to_draw(next, translations_), sharpness);
    Status taken = ok_status();
    if (!fonts) {
        taken = fonts.error();
        fonts = load_kiosk_fonts(texts_to_draw(campaign_, translations_), sharpness);
        if (!fonts) return fonts.error();
    }
    if (auto used = use_fonts(std::move(fonts).value()); !used) return used.error();
    if (!taken) return taken;
    picture_problems_.clear();
    pictures_ = ProjectPictures::load_what_can_be(renderer_, next, picture_problems_);
    campaign_ = std::move(next);
    tell_of_missing_pictures();
    return ok_status();
}

Status KioskApp::use_fonts(KioskFontSizes fonts) {
    fonts_ = std::move(fonts);
    font_textures_.forget();  // the old fonts' (after them: nothing draws from a freed texture)
    if (auto made = fonts_.set_make_texture([this](ImFontAtlas& baked) { return font_textures_.make(baked); }); !made)
        return Error{"The screen could not be prepared for drawing: " + made.error().message + "."};
    return ok_status();
}

KioskApp::~KioskApp() {
    if (!imgui_) return;
    ImGui::SetCurrentContext(imgui_);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(imgui_);
}

void KioskApp::apply(const Intent& intent) {
    if (intent.kind == IntentKind::read_aloud) {
        read_aloud();
        return;
    }
    // Speech belongs to the question it was asked for.
    const auto asked = std::tie(state_.screen, state_.theme_index, state_.about_index, state_.response_uuid);
    const auto before = std::make_tuple(state_.screen, state_.theme_index, state_.about_index, state_.response_uuid);
    if (state_.stall.staff != StaffMode::closed && services_.desk)
        apply_staff_intent(state_, intent, campaign_, *services_.desk);
    else
        apply_intent(state_, intent, campaign_, services_.save, services_.voter_code_used);
    if (services_.speaker && asked != before) services_.speaker->stop();
    frames_wanted_ = kFramesAfterChange;
}

const Translation* KioskApp::translation_for(const std::string& language) const {
    for (const auto& t : translations_.translations)
        if (t.language == language) return &t;
    return nullptr;
}

std::vector<const Translation*> KioskApp::languages() const {
    std::vector<const Translation*> offered;
    for (const auto& language : campaign_.languages)
        if (const Translation* t = translation_for(language)) offered.push_back(t);
    return offered;
}

void KioskApp::read_aloud() {
    if (!services_.speaker) return;
    const std::string language = shown_language(state_, campaign_);
    const Translation* words_in = translation_for(language);
    UseTranslation in_language(words_in ? *words_in : english_translation());
    const std::string words = spoken_text(state_, campaign_, language);
    if (words.empty()) return;
    if (auto said = services_.speaker->say(words, language); !said)
        std::fprintf(stderr, "streetvoice-kiosk: %s\n", said.error().message.c_str());
}

void KioskApp::handle_event(const SDL_Event& event) {
    if (pointer_.handle(event, canvas())) {
        if (event.type == SDL_FINGERDOWN || event.type == SDL_MOUSEBUTTONDOWN) {
            note_touch(state_);
            untouched_on_welcome_seconds_ = 0;
        }
        frames_wanted_ = kFramesAfterChange;
        return;
    }
    if (event.type == SDL_TEXTINPUT || event.type == SDL_KEYDOWN) {
        note_touch(state_);
        untouched_on_welcome_seconds_ = 0;
    }
    // Ways out of the app work only while the staff panel is open, or when the kiosk could not start.
    const bool staff_panel_open = state_.stall.staff == StaffMode::panel || state_.screen == Screen::cannot_start;
    const bool quit_keys =
        event.type == SDL_KEYDOWN && ((event.key.keysym.sym == SDLK_q && (event.key.keysym.mod & KMOD_CTRL)) ||
                                      (event.key.keysym.sym == SDLK_F4 && (event.key.keysym.mod & KMOD_ALT)));
    if ((event.type == SDL_QUIT || quit_keys) && staff_panel_open) state_.stall.quit_requested = true;
    const bool typing = state_.screen == Screen::comment || state_.screen == Screen::voter_code ||
                        state_.screen == Screen::postcode || state_.stall.staff == StaffMode::event_form;
    if (typing) {
        if (event.type == SDL_TEXTINPUT) apply({IntentKind::type_text, 0, event.text.text});
        if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_BACKSPACE)
            apply({IntentKind::delete_char, 0, {}});
    }
    if (event.type == SDL_WINDOWEVENT) frames_wanted_ = kFramesAfterChange;
}

Canvas KioskApp::canvas() const {
    int width = 0, height = 0;
    SDL_GetRendererOutputSize(renderer_, &width, &height);
    return canvas_for_screen(width, height, pixels_per_inch_);
}

namespace {

// Until a shown countdown changes its whole number of seconds.
double until_next_second(double seconds_left) {
    const double fraction = seconds_left - std::floor(seconds_left);
    return fraction > 0.001 ? fraction : 1.0;
}

}  // namespace

double KioskApp::seconds_until_timer() const {
    if (gesture_.holding()) return 0.1;
    if (state_.stall.staff != StaffMode::closed || state_.stall.pin_wait_seconds > 0) return 1.0;
    if (state_.screen == Screen::thanks) return until_next_second(state_.thanks_seconds_left);
    if (state_.still_there_seconds_left > 0) return until_next_second(state_.still_there_seconds_left);
    if (response_under_way(state_.screen)) return std::max(0.01, kIdleSeconds - state_.idle_seconds);
    if (services_.next_campaign && state_.screen == Screen::welcome)
        return std::max(0.01, kCampaignLookSeconds - untouched_on_welcome_seconds_);
    return 3600;
}

std::optional<std::string> KioskApp::take_new_thanks() {
    auto uuid = std::move(new_thanks_);
    new_thanks_.reset();
    return uuid;
}

Status KioskApp::paint(const KioskState& drawn, const std::string& screenshot_path) {
    const ImU32 background = shown_palette(drawn).background;
    SDL_SetRenderDrawColor(renderer_, background & 0xFF, (background >> 8) & 0xFF, (background >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    Status written = ok_status();
    if (!screenshot_path.empty()) written = write_renderer_png(renderer_, screenshot_path);
    if (keep_pixels_) {
        auto pixels = read_renderer_pixels(renderer_);
        if (!pixels) return pixels.error();
        pixels_ = std::move(pixels).value();
    }
    SDL_RenderPresent(renderer_);
    return written;
}

Status KioskApp::render_frame(double seconds, const std::string& screenshot_path) {
    ImGui::SetCurrentContext(imgui_);
    ImGuiIO& io = ImGui::GetIO();
    const Canvas shown = canvas();
    SDL_RenderSetScale(renderer_, shown.scale, shown.scale);
    io.DisplaySize = ImVec2(shown.width, shown.height);
    io.DeltaTime = static_cast<float>(std::max(seconds, 1e-4));
    const Screen before = state_.screen;
    const bool asked_before = state_.still_there_seconds_left > 0;
    // A button in the corner (the "Language" button, or "Bigger text" on a right-to-left screen)
    // is the citizen's: holding it never opens the staff door; the bare corner beside it does.
    const bool on_a_button = std::any_of(targets_.items.begin(), targets_.items.end(), [&](const TouchTarget& t) {
        return pointer_.x >= t.x && pointer_.x < t.x + t.width && pointer_.y >= t.y && pointer_.y < t.y + t.height;
    });
    const bool corner_held = gesture_.update(pointer_.down && !on_a_button, pointer_.x, pointer_.y, seconds);
    if (corner_held && state_.screen == Screen::cannot_start) {
        // A kiosk that could not start holds nothing to protect: the corner closes it, so that
        // staff can put the problem right and start it again.
        state_.stall.quit_requested = true;
    } else if (corner_held && services_.desk) {
        open_staff_door(state_, *services_.desk);
        frames_wanted_ = kFramesAfterChange;
    }
    const StaffMode staff_before = state_.stall.staff;
    if (services_.desk) advance_staff_clock(state_, *services_.desk, seconds);
    if (state_.stall.staff != staff_before) frames_wanted_ = kFramesAfterChange;
    // Time spent on the staff side does not count against the citizen.
    if (staff_before == StaffMode::closed && state_.stall.staff == StaffMode::closed) advance_clock(state_, seconds);
    if (state_.screen != before || (state_.still_there_seconds_left > 0) != asked_before)
        frames_wanted_ = kFramesAfterChange;
    const bool welcome_again = state_.screen == Screen::welcome &&
                               (last_drawn_screen_ != Screen::welcome ||
                                (last_drawn_staff_ != StaffMode::closed && state_.stall.staff == StaffMode::closed));
    // Between people: a newer campaign version is taken up before the next one starts, or
    // when the welcome screen has been left alone a while.
    const bool between_people = state_.screen == Screen::welcome && state_.stall.staff == StaffMode::closed;
    untouched_on_welcome_seconds_ = between_people ? untouched_on_welcome_seconds_ + seconds : 0;
    const bool look = welcome_again || untouched_on_welcome_seconds_ >= kCampaignLookSeconds;
    bool taken_up = false;
    if (services_.next_campaign && between_people && look) {
        untouched_on_welcome_seconds_ = 0;
        if (auto next = services_.next_campaign(campaign_)) {
            if (auto taken = take_up_campaign(std::move(*next)); !taken) return taken;
            taken_up = true;
            frames_wanted_ = kFramesAfterChange;
        }
    }
    if (services_.welcome_notes && (welcome_again || taken_up)) welcome_notes_ = services_.welcome_notes(campaign_);

    pointer_.apply_to_imgui();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    const std::string language = shown_language(state_, campaign_);
    const ViewContext view{campaign_,  welcome_notes_,   fonts_.at(shown_text_size(state_)),
                           language,   &pictures_.all(), translation_for(language),
                           languages()};
    const KioskState drawn = state_;
    last_drawn_screen_ = drawn.screen;
    last_drawn_staff_ = drawn.stall.staff;
    std::vector<Intent> intents;
    {
        RecordPlacedText recording(placed_text_);
        if (shaper_) shaper_->forget_old_lines();
        UseTextShaper shaping(shaper_.get());
        intents = draw_kiosk(drawn, view, targets_);
    }
    ImGui::Render();
    move_into_column(ImGui::GetDrawData(), shown);

    Status written = ok_status();
    if (painting_ || !screenshot_path.empty() || keep_pixels_) written = paint(drawn, screenshot_path);

    // The thank-you screen is only ever drawn after its response was committed.
    if (drawn.screen == Screen::thanks && drawn.thanked_uuid != last_thanked_) {
        last_thanked_ = drawn.thanked_uuid;
        new_thanks_ = drawn.thanked_uuid;
    }
    if (frames_wanted_ > 0) --frames_wanted_;
    for (const Intent& intent : intents) apply(intent);
    // The size "Bigger text" shows next is baked while nothing moves on the screen (the first
    // screen is up, the last change drawn, no finger down), so that the press is drawn in one
    // frame. ImGui's allocations count into its context: a thread of its own would race it.
    if (++frames_drawn_ > 1 && frames_wanted_ == 0 && !pointer_.down)
        fonts_.at(next_text_size(shown_text_size(state_)));
    return written;
}

}  // namespace sv
