#include "translation.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sv {

const Translation& english_translation() {
    static const Translation english{"en", "English", false, {}};
    return english;
}

Result<Translation> read_translation(const std::string& text, const std::string& source) {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Error{"The translation " + source + " is not valid JSON. Check it for a missing comma or quote."};
    auto field = [&](const char* key) -> std::string {
        const auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Translation t;
    t.language = field("language");
    t.own_name = field("name");
    const std::string direction = field("direction");
    if (t.language.empty() || t.own_name.empty())
        return Error{"The translation " + source +
                     " needs \"language\" (such as \"cy\") and \"name\" (such as \"Cymraeg\")."};
    if (direction != "" && direction != "ltr" && direction != "rtl")
        return Error{"The translation " + source + " has \"direction\": \"" + direction +
                     "\"; it must be \"ltr\" or \"rtl\"."};
    t.right_to_left = direction == "rtl";
    const auto phrases = doc.find("phrases");
    if (phrases == doc.end() || !phrases->is_object())
        return Error{"The translation " + source +
                     " needs \"phrases\": an object of English phrases and their translations."};
    for (const auto& [english, translated] : phrases->items()) {
        if (!translated.is_string())
            return Error{"In the translation " + source + ", the phrase \"" + english + "\" is not given as text."};
        if (!translated.get<std::string>().empty()) t.phrases[english] = translated.get<std::string>();
    }
    return t;
}

TranslationFolder load_translation_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    TranslationFolder found;
    found.translations.push_back(english_translation());
    std::error_code error;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (error) {
        found.problems.push_back("The translations folder " + folder +
                                 " could not be read, so only English is offered.");
        return found;
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto translation = read_translation(text.str(), path.filename().string());
        if (!translation) {
            found.problems.push_back(translation.error().message);
            continue;
        }
        if (translation.value().language == "en") continue;
        found.translations.push_back(std::move(translation).value());
    }
    return found;
}

}  // namespace sv
