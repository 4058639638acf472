#include "hub_campaign.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "canonical_json.hpp"

namespace sv {

std::string hub_pictures_folder(const std::string& answers_path) {
    return (std::filesystem::path(answers_path).parent_path() / "pictures").string();
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The campaigns the hub published that this kiosk holds, the one it learnt of last first;
// nothing when no list has come from the hub yet.
Result<std::optional<std::vector<CampaignVersion>>> held_published(const Store& store) {
    auto published = store.setting(hub_setting::published_campaigns);
    if (!published) return published.error();
    if (!published.value()) return std::optional<std::vector<CampaignVersion>>();
    const auto ids = lines_of(*published.value());
    auto kept = store.campaigns_newest_first();
    if (!kept) return kept.error();
    std::vector<CampaignVersion> held;
    for (const auto& campaign : kept.value())
        if (listed(ids, campaign.id)) held.push_back({campaign.id, campaign.newest_version});
    return std::optional<std::vector<CampaignVersion>>(std::move(held));
}

Result<Campaign> read_held(const Store& store, const CampaignVersion& wanted) {
    auto definition = store.campaign_definition(wanted.id, wanted.version);
    if (!definition) return definition.error();
    const std::string named = "campaign " + wanted.id + " version " + std::to_string(wanted.version);
    if (!definition.value()) return Error{"The hub's " + named + " is not kept on this kiosk."};
    return parse_campaign(*definition.value(), named + " (from the hub)");
}

}  // namespace

Result<std::vector<CampaignOnOffer>> published_campaigns(const Store& store) {
    auto held = held_published(store);
    if (!held) return held.error();
    std::vector<CampaignOnOffer> listed_here;
    for (const auto& one : held.value().value_or(std::vector<CampaignVersion>())) {
        auto campaign = read_held(store, one);
        if (!campaign) return campaign.error();
        CampaignOnOffer entry{one.id, one.version, campaign.value().title.in(campaign.value().default_language()), {}};
        for (const auto& activity : campaign.value().activities)
            entry.activities.push_back(activity.title.in(campaign.value().default_language()));
        listed_here.push_back(std::move(entry));
    }
    return listed_here;
}

Status choose_hub_campaigns(Store& store, const std::vector<std::string>& ids) {
    if (ids.empty()) return Error{"Choose at least one campaign."};
    if (ids.size() > kMostCampaignsAtOnce)
        return Error{"At most " + std::to_string(kMostCampaignsAtOnce) + " campaigns can run at once."};
    std::string lines;
    for (const auto& id : ids) lines += id + "\n";
    return store.save_setting(hub_setting::chosen_campaigns, lines);
}

Result<HubCampaignChoice> hub_campaign_choice(const Store& store) {
    HubCampaignChoice choice;
    auto held = held_published(store);
    if (!held) return held.error();
    if (!held.value()) return choice;
    choice.heard_from_hub = true;
    choice.published = held.value()->size();
    if (held.value()->empty()) return choice;
    auto chosen = store.setting(hub_setting::chosen_campaigns);
    if (!chosen) return chosen.error();
    std::vector<CampaignVersion> running;
    // A chosen campaign the hub no longer publishes to this kiosk is passed over.
    for (const auto& id : lines_of(chosen.value().value_or("")))
        for (const auto& one : *held.value())
            if (one.id == id && running.size() < kMostCampaignsAtOnce) running.push_back(one);
    choice.chosen_by_staff = !running.empty();
    if (running.empty()) running.push_back(held.value()->front());
    choice.id = running.front().id;
    choice.version = running.front().version;
    choice.beside.assign(running.begin() + 1, running.end());
    return choice;
}

Result<Campaign> hub_campaign(const Store& store, const HubCampaignChoice& choice, const std::string& pictures_folder) {
    auto campaign = read_held(store, {choice.id, choice.version});
    if (!campaign) return campaign.error();
    Campaign& running = campaign.value();
    for (const auto& other : choice.beside) {
        auto beside = read_held(store, other);
        if (!beside) return beside.error();
        for (auto& activity : beside.value().activities) {
            if (running.activity(activity.id)) continue;
            activity.from_campaign = other.id;
            activity.from_version = other.version;
            running.activities.push_back(std::move(activity));
        }
        running.offered_beside.push_back(other);
    }
    running.folder = pictures_folder;
    for (auto& activity : running.activities) {
        if (activity.budget.projects.empty()) continue;  // only projects have pictures
        auto files = store.picture_files(running.answers_campaign(activity), running.answers_version(activity));
        if (!files) return files.error();
        for (auto& project : activity.budget.projects) {
            if (project.image.empty()) continue;
            const auto file = files.value().find(project.image);
            // A picture the hub did not list has no file here: the card shows none.
            if (file != files.value().end()) project.image = file->second;
        }
    }
    return campaign;
}

bool runs_choice(const Campaign& running, const HubCampaignChoice& choice) {
    return running.id == choice.id && running.version == choice.version && running.offered_beside == choice.beside;
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
    if (!choice.beside.empty()) return "Two campaigns from the hub, as staff chose.";
    return "Version " + std::to_string(choice.version) + " from the hub.";
}

}  // namespace sv
