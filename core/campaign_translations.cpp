#include "campaign_translations.hpp"

namespace sv {
void for_each_campaign_text(const Campaign& campaign,
                            const std::function<void(const LocalText& text, const std::string& field)>& visit) {
    const auto visit_all = [&](const std::vector<LocalText>& texts, const std::string& field) {
        for (std::size_t i = 0; i < texts.size(); ++i) visit(texts[i], field + "[" + std::to_string(i) + "]");
    };
    visit(campaign.title, "title");
    visit(campaign.area, "area");
    visit(campaign.welcome, "welcome");
    for (std::size_t i = 0; i < campaign.you_said_we_did.size(); ++i) {
        const std::string at = "you_said_we_did[" + std::to_string(i) + "]";
        visit(campaign.you_said_we_did[i].said, at + ".said");
        visit(campaign.you_said_we_did[i].did, at + ".did");
    }
    for (std::size_t i = 0; i < campaign.activities.size(); ++i) {
        const Activity& activity = campaign.activities[i];
        const std::string at = "activities[" + std::to_string(i) + "]";
        visit(activity.title, at + ".title");
        visit(activity.summary, at + ".summary");
        visit(activity.poll.question, at + ".question");
        visit_all(activity.poll.answers, at + ".answers");
        visit(activity.poll.today, at + ".today");
        visit(activity.poll.wanted, at + ".wanted");
        for (std::size_t p = 0; p < activity.budget.projects.size(); ++p) {
            const auto& project = activity.budget.projects[p];
            const std::string project_at = at + ".projects[" + std::to_string(p) + "]";
            visit(project.name, project_at + ".name");
            visit(project.summary, project_at + ".summary");
            visit(project.description, project_at + ".description");
        }
    }
    for (std::size_t i = 0; i < campaign.about_you.questions.size(); ++i) {
        const auto& question = campaign.about_you.questions[i];
        const std::string at = "about_you.questions[" + std::to_string(i) + "]";
        visit(question.text, at + ".text");
        visit_all(question.options, at + ".options");
    }
}

std::vector<std::string> missing_campaign_translations(const Campaign& campaign) {
    std::vector<std::string> gaps;
    // An empty text is optional and left out in every language alike.
    for_each_campaign_text(campaign, [&](const LocalText& text, const std::string& field) {
        if (text.empty()) return;
        for (const auto& language : campaign.languages)
            if (text.by_language.count(language) == 0) gaps.push_back(field + " has no " + language + " text");
    });
    return gaps;
}

}  // namespace sv
