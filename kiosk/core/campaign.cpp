#include "campaign.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sv {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCampaignFileBytes = 4 * 1024 * 1024;

// Walks a parsed document, remembering the first problem with the path of the field.
class FieldReader {
public:
    explicit FieldReader(std::string source) : source_(std::move(source)) {}

    bool failed() const { return !problem_.empty(); }
    Error error() const { return Error{problem_}; }

    void fail(const std::string& field, const std::string& what) {
        if (problem_.empty()) problem_ = source_ + ": field \"" + field + "\" " + what;
    }

    const json* require(const json& object, const char* key, const std::string& path) {
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(join(path, key), "is missing");
            return nullptr;
        }
        return &*it;
    }

    std::string id(const json& object, const char* key, const std::string& path) {
        const json* value = require(object, key, path);
        if (!value) return {};
        const std::string field = join(path, key);
        if (!value->is_string()) {
            fail(field, "must be text");
            return {};
        }
        const auto text = value->get<std::string>();
        const bool well_formed =
            !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            });
        if (!well_formed)
            fail(field, "must be 1 to 64 lower-case letters, digits, '-', '_' or '.' (found \"" + text + "\")");
        return text;
    }

    // Either plain text (in the default language) or {"en": "...", "cy": "..."}.
    LocalText text(const json& object, const char* key, const std::string& path, const std::string& default_language,
                   bool required) {
        const std::string field = join(path, key);
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) fail(field, "is missing");
            return {};
        }
        LocalText result;
        if (it->is_string()) {
            result.by_language[default_language] = it->get<std::string>();
        } else if (it->is_object()) {
            for (const auto& [language, value] : it->items()) {
                if (!value.is_string()) {
                    fail(field + "." + language, "must be text");
                    return {};
                }
                result.by_language[language] = value.get<std::string>();
            }
        } else {
            fail(field, "must be text, or an object of texts by language");
            return {};
        }
        if (required && result.by_language[default_language].empty())
            fail(field, "needs a text in the default language \"" + default_language + "\"");
        return result;
    }

    static std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

private:
    std::string source_;
    std::string problem_;
};

std::size_t line_of_offset(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 +
           static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

Result<Activity> read_activity(FieldReader& reader, const json& entry, const std::string& path,
                               const std::string& default_language) {
    Activity activity;
    if (!entry.is_object()) {
        reader.fail(path, "must be an object");
        return reader.error();
    }
    activity.id = reader.id(entry, "id", path);
    if (const json* type = reader.require(entry, "type", path)) {
        if (*type == "place-standard")
            activity.type = ActivityType::place_standard;
        else
            reader.fail(path + ".type", "must be \"place-standard\" (found " + type->dump() + ")");
    }
    activity.title = reader.text(entry, "title", path, default_language, true);
    activity.summary = reader.text(entry, "summary", path, default_language, false);
    if (reader.failed()) return reader.error();
    return activity;
}

}  // namespace

Result<Campaign> parse_campaign(const std::string& json_text, const std::string& source_name) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        return Error{source_name + ": not valid JSON near line " + std::to_string(line_of_offset(json_text, e.byte)) +
                     " (check for a missing comma, quote or bracket)"};
    }
    if (!doc.is_object()) return Error{source_name + ": a campaign file must be a JSON object"};

    FieldReader reader(source_name);
    Campaign campaign;

    if (const json* format = reader.require(doc, "format", "")) {
        if (!format->is_number_integer() || *format != kCampaignFormat)
            reader.fail("format", "must be " + std::to_string(kCampaignFormat) + " (found " + format->dump() +
                                      "); this kiosk may need an update");
    }
    campaign.id = reader.id(doc, "id", "");
    if (const json* version = reader.require(doc, "version", "")) {
        if (!version->is_number_integer() || *version < 1 || *version > 1000000000)
            reader.fail("version", "must be a whole number from 1 upwards (found " + version->dump() + ")");
        else
            campaign.version = version->get<int>();
    }
    if (const json* languages = reader.require(doc, "languages", "")) {
        if (!languages->is_array() || languages->empty()) {
            reader.fail("languages", "must be a list of language codes such as [\"en\", \"cy\"]");
        } else {
            for (std::size_t i = 0; i < languages->size(); ++i) {
                const auto& code = (*languages)[i];
                if (!code.is_string() || code.get<std::string>().size() < 2 || code.get<std::string>().size() > 8)
                    reader.fail("languages[" + std::to_string(i) + "]", "must be a language code such as \"en\"");
                else
                    campaign.languages.push_back(code.get<std::string>());
            }
        }
    }
    if (reader.failed()) return reader.error();

    const std::string& language = campaign.default_language();
    campaign.title = reader.text(doc, "title", "", language, true);
    campaign.area = reader.text(doc, "area", "", language, false);
    campaign.welcome = reader.text(doc, "welcome", "", language, false);

    if (const json* activities = reader.require(doc, "activities", "")) {
        if (!activities->is_array() || activities->empty()) {
            reader.fail("activities", "must list at least one activity");
        } else {
            for (std::size_t i = 0; i < activities->size() && !reader.failed(); ++i) {
                auto activity =
                    read_activity(reader, (*activities)[i], "activities[" + std::to_string(i) + "]", language);
                if (!activity) return activity.error();
                const bool repeated = std::any_of(campaign.activities.begin(), campaign.activities.end(),
                                                  [&](const Activity& a) { return a.id == activity.value().id; });
                if (repeated)
                    reader.fail("activities[" + std::to_string(i) + "].id",
                                "repeats the id \"" + activity.value().id + "\"");
                campaign.activities.push_back(std::move(activity).value());
            }
        }
    }
    if (reader.failed()) return reader.error();
    return campaign;
}

Result<Campaign> load_campaign_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": the campaign file cannot be opened (is the path right?)"};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return Error{path + ": the campaign file cannot be read"};
    const std::string text = content.str();
    if (text.size() > kMaxCampaignFileBytes) return Error{path + ": the campaign file is too large (over 4 MB)"};
    return parse_campaign(text, path);
}

}  // namespace sv
