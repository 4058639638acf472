#include "json_reader.hpp"

#include <algorithm>

namespace sv {

using nlohmann::json;

void JsonReader::fail(const std::string& field, const std::string& what) {
    const std::string named = naming_ == Naming::field_path ? "field \"" + field + "\"" : "\"" + field + "\"";
    fail_sentence(where_ + ": " + named + " " + what);
}

void JsonReader::fail_sentence(std::string sentence) {
    if (problem_.empty()) problem_ = std::move(sentence);
}

const json* JsonReader::require(const json& object, const char* key, const std::string& path) {
    const auto it = object.find(key);
    if (it == object.end()) {
        fail(join(path, key), "is missing");
        return nullptr;
    }
    return &*it;
}

std::string JsonReader::id(const json& object, const char* key, const std::string& path) {
    const json* value = require(object, key, path);
    if (!value) return {};
    const std::string field = join(path, key);
    if (!value->is_string()) {
        fail(field, "must be text");
        return {};
    }
    const auto text = value->get<std::string>();
    const bool well_formed = !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
    if (!well_formed)
        fail(field, "must be 1 to 64 lower-case letters, digits, '-', '_' or '.' (found \"" + text + "\")");
    return text;
}

LocalText JsonReader::text(const json& object, const char* key, const std::string& path,
                           const std::string& default_language, bool required) {
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

std::string JsonReader::short_text(const json& object, const char* key, std::size_t longest, Presence presence) {
    const auto it = object.find(key);
    const bool optional = presence == Presence::optional;
    if (optional && (it == object.end() || it->is_null())) return {};
    if (it == object.end() || !it->is_string()) {
        fail(key, "is missing or not text.");
        return {};
    }
    std::string value = it->get<std::string>();
    if (optional && value.size() > longest)
        fail(key, "is longer than " + std::to_string(longest) + " characters.");
    else if (!optional && (value.empty() || value.size() > longest))
        fail(key, "must be 1 to " + std::to_string(longest) + " characters.");
    return value;
}

}  // namespace sv
