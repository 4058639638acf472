#include "campaign_translations.hpp"

namespace sv {
namespace {

struct GapFinder {
    const std::vector<std::string>& languages;
    std::vector<std::string> gaps;

    // An empty text is optional and left out in every language alike.
    void check(const LocalText& text, const std::string& field) {
        if (text.empty()) return;
        for (const auto& language : languages)
            if (text.by_language.count(language) == 0) gaps.push_back(field + " has no " + language + " text");
    }
    void check_all(const std::vector<LocalText>& texts, const std::string& field) {
        for (std::size_t i = 0; i < texts.size(); ++i) check(texts[i], field + "[" + std::to_string(i) + "]");
    }
};

}  // namespace

std::vector<std::string> missing_campaign_translations(const Campaign& campaign) {
    GapFinder finder{campaign.languages, {}};
    finder.check(campaign.title, "title");
    finder.check(campaign.area, "area");
    finder.check(campaign.welcome, "welcome");
    for (std::size_t i = 0; i < campaign.you_said_we_did.size(); ++i) {
        const std::string at = "you_said_we_did[" + std::to_string(i) + "]";
        finder.check(campaign.you_said_we_did[i].said, at + ".said");
        finder.check(campaign.you_said_we_did[i].did, at + ".did");
    }
    for (std::size_t i = 0; i < campaign.activities.size(); ++i) {
        const Activity& activity = campaign.activities[i];
        const std::string at = "activities[" + std::to_string(i) + "]";
        finder.check(activity.title, at + ".title");
        finder.check(activity.summary, at + ".summary");
        finder.check(activity.poll.question, at + ".question");
        finder.check_all(activity.poll.answers, at + ".answers");
        finder.check(activity.poll.today, at + ".today");
        finder.check(activity.poll.wanted, at + ".wanted");
        for (std::size_t p = 0; p < activity.budget.projects.size(); ++p) {
            const auto& project = activity.budget.projects[p];
            const std::string project_at = at + ".projects[" + std::to_string(p) + "]";
            finder.check(project.name, project_at + ".name");
            finder.check(project.summary, project_at + ".summary");
            finder.check(project.description, project_at + ".description");
        }
    }
    for (std::size_t i = 0; i < campaign.about_you.questions.size(); ++i) {
        const auto& question = campaign.about_you.questions[i];
        const std::string at = "about_you.questions[" + std::to_string(i) + "]";
        finder.check(question.text, at + ".text");
        finder.check_all(question.options, at + ".options");
    }
    return finder.gaps;
}

}  // namespace sv
