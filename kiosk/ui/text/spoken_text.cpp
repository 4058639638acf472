#include "spoken_text.hpp"

#include "place_standard.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

std::string list_of(const std::vector<LocalText>& choices, const std::string& language) {
    std::string words;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) words += i + 1 == choices.size() ? tr(", or ") : ", ";
        words += choices[i].in(language);
    }
    return words;
}

}  // namespace

std::string spoken_text(const KioskState& state, const Campaign& campaign, const std::string& language) {
    const Activity* activity = campaign.activity(state.activity_id);
    switch (state.screen) {
        case Screen::question: {
            const Theme& theme =
                place_standard_themes(state.answers.version)[static_cast<std::size_t>(state.theme_index)];
            return fill(tr("Question {1} of {2}"),
                        {std::to_string(state.theme_index + 1), std::to_string(kThemeCount)}) +
                   ". " + tr(theme.title) + ". " + tr(theme.question) + " " +
                   (state.answers.version == PlaceStandardVersion::children
                        ? tr("Choose a face: not good, OK or good. Or skip this one.")
                        : tr("Choose a number from 1, a lot to improve, to 7, very little to improve. Or skip this "
                             "one."));
        }
        case Screen::quick_poll:
            if (!activity) return {};
            return activity->poll.question.in(language) + " " +
                   fill(tr("You can choose {1}."), {list_of(activity->poll.answers, language)});
        case Screen::scale_pair:
            if (!activity) return {};
            return activity->poll.today.in(language) + " " + activity->poll.wanted.in(language) + " " +
                   tr("For each, choose a number from 1, very poor, to 7, very good.");
        case Screen::about_you_question: {
            const auto& questions = campaign.about_you.questions;
            if (state.about_index < 0 || state.about_index >= static_cast<int>(questions.size())) return {};
            const AboutYouQuestion& q = questions[static_cast<std::size_t>(state.about_index)];
            return q.text.in(language) + " " + fill(tr("You can choose {1}."), {list_of(q.options, language)}) + " " +
                   tr("Or prefer not to say.");
        }
        default: return {};
    }
}

}  // namespace sv
