#include "hub_campaign.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "canonical_json.hpp"

namespace sv {

std::string hub_pictures_folder(const std::string& answers_path) {
    return (std::filesystem::path(answers_path).parent_path() / "pictures").string();
}

Result<HubCampaignChoice> hub_campaign_choice(const Store& store) {
    HubCampaignChoice choice;
    auto listed = store.setting(hub_setting::published_campaigns);
    if (!listed) return listed.error();
    if (!listed.value()) return choice;
    choice.heard_from_hub = true;
    std::vector<std::string> published;
    std::istringstream lines(*listed.value());
    for (std::string id; std::getline(lines, id);)
        if (!id.empty()) published.push_back(id);
    auto kept = store.campaigns_newest_first();
    if (!kept) return kept.error();
    for (const auto& campaign : kept.value()) {
        if (std::find(published.begin(), published.end(), campaign.id) == published.end()) continue;
        choice.id = campaign.id;
        choice.version = campaign.newest_version;
        break;
    }
    return choice;
}

Result<Campaign> hub_campaign(const Store& store, const HubCampaignChoice& choice, const std::string& pictures_folder) {
    auto definition = store.campaign_definition(choice.id, choice.version);
    if (!definition) return definition.error();
    const std::string named = "campaign " + choice.id + " version " + std::to_string(choice.version);
    if (!definition.value()) return Error{"The hub's " + named + " is not kept on this kiosk."};
    auto campaign = parse_campaign(*definition.value(), named + " (from the hub)");
    if (!campaign) return campaign.error();
    auto files = store.picture_files(choice.id, choice.version);
    if (!files) return files.error();
    campaign.value().folder = pictures_folder;
    for (auto& activity : campaign.value().activities)
        for (auto& project : activity.budget.projects) {
            if (project.image.empty()) continue;
            const auto file = files.value().find(project.image);
            // A picture the hub did not list has no file here: the card shows none.
            if (file != files.value().end()) project.image = file->second;
        }
    return campaign;
}

Result<std::optional<Campaign>> held_copy_differing_from(const Store& store, const Campaign& file) {
    auto held = store.campaign_definition(file.id, file.version);
    if (!held) return held.error();
    if (!held.value() || canonical_json(*held.value()) == canonical_json(file.definition_json))
        return std::optional<Campaign>();
    auto campaign =
        parse_campaign(*held.value(), "campaign " + file.id + " version " + std::to_string(file.version) + " (held)");
    if (!campaign) return campaign.error();
    campaign.value().folder = file.folder;  // the same pictures, named the same way
    return std::optional<Campaign>(std::move(campaign).value());
}

std::string hub_campaign_words(const HubCampaignChoice& choice) {
    // Short: it shares a line of the staff panel. Newer versions start with the next person.
    if (!choice.heard_from_hub) return "Hub not reached yet: the installed campaign runs.";
    if (choice.id.empty()) return "The hub sent no campaign: the installed one runs.";
    return "Version " + std::to_string(choice.version) + " from the hub.";
}

}  // namespace sv
