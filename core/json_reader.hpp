#pragma once
// The one way a parsed JSON document from outside is read, whether a campaign file or a
// message on the wire: each field is checked as it is read, the first problem is kept with
// the path of its field, and the caller asks once at the end whether anything was wrong.
// Reading on after a problem is safe (the readers return empty values), so a reader's code
// is a straight list of fields rather than a ladder of early returns.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "local_text.hpp"
#include "name_table.hpp"
#include "result.hpp"

namespace sv {

class JsonReader {
public:
    // How a field is named in a problem: a campaign file's author is told `field "a.b"`, a
    // message's sender just `"b"`.
    enum class Naming { field_path, bare_key };
    // Text fields of a message are either required (1 to N characters) or optional (absent,
    // null or up to N characters).
    enum class Presence { required, optional };

    // `where` begins every sentence: a file name, "The hub's reply", "response 3".
    explicit JsonReader(std::string where, Naming naming = Naming::field_path)
        : where_(std::move(where)), naming_(naming) {}

    bool failed() const { return !problem_.empty(); }
    Error error() const { return Error{problem_}; }

    // Keeps "WHERE: field "FIELD" WHAT" unless a problem was already found.
    void fail(const std::string& field, const std::string& what);
    // Keeps a whole sentence of the caller's, for problems that are not one field's.
    void fail_sentence(std::string sentence);

    // The value at `key`, or a "missing" problem and nullptr.
    const nlohmann::json* require(const nlohmann::json& object, const char* key, const std::string& path);

    // A name from an enum's table; anything else fails, listing the names there are.
    template <typename Enum, std::size_t N>
    std::optional<Enum> choice(const nlohmann::json& object, const char* key, const std::string& path,
                               const Spelling<Enum> (&names)[N]) {
        const nlohmann::json* value = require(object, key, path);
        if (!value) return std::nullopt;
        const auto chosen = value->is_string() ? value_named(names, value->get<std::string>()) : std::nullopt;
        if (!chosen) fail(join(path, key), "must be " + names_listed(names) + " (found " + value->dump() + ")");
        return chosen;
    }

    // An identifier a person chose: 1 to 64 lower-case letters, digits, '-', '_' or '.'.
    std::string id(const nlohmann::json& object, const char* key, const std::string& path);

    // Either plain text (in the default language) or {"en": "...", "cy": "..."}.
    LocalText text(const nlohmann::json& object, const char* key, const std::string& path,
                   const std::string& default_language, bool required);

    // A message's text field of at most `longest` characters.
    std::string short_text(const nlohmann::json& object, const char* key, std::size_t longest,
                           Presence presence = Presence::required);

    static std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

private:
    std::string where_;
    Naming naming_;
    std::string problem_;
};

}  // namespace sv
