#include "campaign.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "bounded_json.hpp"
#include "json_reader.hpp"

namespace sv {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCampaignFileBytes = 4 * 1024 * 1024;

// A picture travels with its campaign file: no absolute paths, no climbing out with "..".
bool is_plain_relative_path(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

// Money is a whole number (50000) or a decimal in a string ("1250.50"): never a JSON
// fraction, which would not be exact.
mpq_class read_money(JsonReader& reader, const json& object, const char* key, const std::string& path) {
    const json* value = reader.require(object, key, path);
    if (!value) return 0;
    std::optional<mpq_class> amount;
    if (value->is_number_unsigned() || (value->is_number_integer() && value->get<long long>() >= 0))
        amount = mpq_class(value->dump());
    else if (value->is_string())
        amount = parse_pb_number(value->get<std::string>());
    if (!amount || *amount <= 0)
        reader.fail(JsonReader::join(path, key),
                    "must be an amount above zero, such as 50000 or \"1250.50\" (found " + value->dump() + ")");
    return amount.value_or(0);
}

int read_count(JsonReader& reader, const json& object, const char* key, const std::string& path, int fallback,
               int least, int most) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_number_integer() || *it < least || *it > most) {
        reader.fail(JsonReader::join(path, key), "must be a whole number from " + std::to_string(least) + " to " +
                                                     std::to_string(most) + " (found " + it->dump() + ")");
        return fallback;
    }
    return it->get<int>();
}

BallotRules read_ballot_rules(JsonReader& reader, const json& entry, const std::string& path, int projects) {
    BallotRules rules;
    const json* ballot = reader.require(entry, "ballot", path);
    if (!ballot) return rules;
    const std::string at = path + ".ballot";
    if (!ballot->is_object()) {
        reader.fail(at, "must be an object such as {\"type\": \"approval\", \"max_choices\": 3}");
        return rules;
    }
    const auto type = reader.choice(*ballot, "type", at, kBallotTypeNames);
    if (!type) return rules;
    rules.type = *type;
    rules.min_choices = read_count(reader, *ballot, "min_choices", at, 1, 1, projects);
    rules.max_choices =
        read_count(reader, *ballot, "max_choices", at, rules.type == BallotType::ranked ? 3 : 0, 1, projects);
    if (rules.max_choices > 0 && rules.min_choices > rules.max_choices)
        reader.fail(at + ".min_choices", "must not be more than max_choices");
    if (rules.type == BallotType::cumulative) {
        rules.points = read_count(reader, *ballot, "points", at, 0, 1, 1000);
        if (rules.points == 0 && !reader.failed())
            reader.fail(at + ".points", "is missing (how many points to share out)");
        rules.min_points = read_count(reader, *ballot, "min_points", at, 1, 1, 1000);
        rules.max_points_per_project = read_count(reader, *ballot, "max_points_per_project", at, 0, 1, 1000);
        if (rules.min_points > rules.points) reader.fail(at + ".min_points", "must not be more than points");
    }
    if (const auto share = ballot->find("min_spend_share"); share != ballot->end()) {
        const auto value = share->is_string() ? parse_pb_number(share->get<std::string>()) : std::nullopt;
        if (rules.type != BallotType::knapsack)
            reader.fail(at + ".min_spend_share", "only applies to knapsack ballots");
        else if (!value || *value > 1)
            reader.fail(
                at + ".min_spend_share",
                "must be a share of the budget from \"0\" to \"1\", such as \"0.5\" (found " + share->dump() + ")");
        else
            rules.min_spend_share = *value;
    }
    return rules;
}

BudgetVote read_budget_vote(JsonReader& reader, const json& entry, const std::string& path,
                            const std::string& default_language) {
    BudgetVote vote;
    vote.budget = read_money(reader, entry, "budget", path);
    if (const auto currency = entry.find("currency"); currency != entry.end()) {
        // An ISO 4217 code: it is printed after amounts on the kiosk, the dashboard and in the .pb.
        const std::string code = currency->is_string() ? currency->get<std::string>() : std::string();
        const bool three_capitals =
            code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!three_capitals)
            reader.fail(path + ".currency", "must be a three-letter code in capitals, such as \"GBP\"");
        else
            vote.currency = code;
    }
    const json* projects = reader.require(entry, "projects", path);
    if (!projects) return vote;
    if (!projects->is_array() || projects->empty() || projects->size() > 200) {
        reader.fail(path + ".projects", "must list from 1 to 200 projects");
        return vote;
    }
    for (std::size_t i = 0; i < projects->size() && !reader.failed(); ++i) {
        const std::string at = path + ".projects[" + std::to_string(i) + "]";
        const json& item = (*projects)[i];
        if (!item.is_object()) {
            reader.fail(at, "must be an object");
            break;
        }
        BudgetProject project;
        project.id = reader.id(item, "id", at);
        project.name = reader.text(item, "name", at, default_language, true);
        project.cost = read_money(reader, item, "cost", at);
        project.summary = reader.text(item, "summary", at, default_language, true);
        project.description = reader.text(item, "description", at, default_language, false);
        for (auto [key, field] : {std::pair{"image", &project.image}, std::pair{"category", &project.category},
                                  std::pair{"ward", &project.ward}}) {
            const auto it = item.find(key);
            if (it == item.end()) continue;
            if (!it->is_string())
                reader.fail(JsonReader::join(at, key), "must be text");
            else
                *field = it->get<std::string>();
        }
        if (!reader.failed() && !project.image.empty() && !is_plain_relative_path(project.image))
            reader.fail(at + ".image", "must name a file in the campaign's folder, such as pictures/benches.png");
        if (!reader.failed() && project.cost > vote.budget)
            reader.fail(at + ".cost",
                        "is more than the whole budget (" + format_money(vote.budget, vote.currency) + ")");
        if (!reader.failed() && vote.project_index(project.id) >= 0)
            reader.fail(at + ".id", "repeats the id \"" + project.id + "\"");
        vote.projects.push_back(std::move(project));
    }
    if (!reader.failed()) vote.rules = read_ballot_rules(reader, entry, path, static_cast<int>(vote.projects.size()));
    return vote;
}

std::size_t line_of_offset(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 +
           static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// A list of 2 to `most` texts a citizen chooses from, each in one language or several.
std::vector<LocalText> read_choices(JsonReader& reader, const json& object, const char* key, const std::string& path,
                                    const std::string& default_language, std::size_t most) {
    std::vector<LocalText> choices;
    const json* list = reader.require(object, key, path);
    if (!list) return choices;
    const std::string field = JsonReader::join(path, key);
    if (!list->is_array() || list->size() < 2 || list->size() > most) {
        reader.fail(field, "must list 2 to " + std::to_string(most) + " answers");
        return choices;
    }
    for (std::size_t i = 0; i < list->size() && !reader.failed(); ++i) {
        const json holder{{"answer", (*list)[i]}};
        choices.push_back(reader.text(holder, "answer", field + "[" + std::to_string(i) + "]", default_language, true));
    }
    return choices;
}

QuickPoll read_quick_poll(JsonReader& reader, const json& entry, const std::string& path,
                          const std::string& default_language) {
    QuickPoll poll;
    poll.question = reader.text(entry, "question", path, default_language, true);
    poll.answers = read_choices(reader, entry, "answers", path, default_language, kMostPollAnswers);
    return poll;
}

// "reference": {"source": "Census 2021, Riverside ward", "percent": {"age": [17, 11, ...]}}
ReferenceProfile read_reference_profile(JsonReader& reader, const json& entry, const AboutYou& about) {
    ReferenceProfile profile;
    const std::string at = "about_you.reference";
    if (!entry.is_object()) {
        reader.fail(at, "must be an object with \"source\" and \"percent\"");
        return profile;
    }
    const auto source = entry.find("source");
    if (source == entry.end() || !source->is_string() || source->get<std::string>().empty()) {
        reader.fail(at + ".source", "must say where the figures come from, e.g. \"Census 2021, Riverside ward\"");
        return profile;
    }
    profile.source = source->get<std::string>();
    const auto percent = entry.find("percent");
    if (percent == entry.end() || !percent->is_object()) {
        reader.fail(at + ".percent", "must be an object of question ids, each with a list of percentages");
        return profile;
    }
    for (const auto& [id, list] : percent->items()) {
        const std::string field = at + ".percent." + id;
        const AboutYouQuestion* question = about.question(id);
        if (!question || question->options.empty()) {
            reader.fail(field, "names no about-you question with options");
            return profile;
        }
        if (!list.is_array() || list.size() != question->options.size()) {
            reader.fail(field,
                        "must list one percentage per option (" + std::to_string(question->options.size()) + ")");
            return profile;
        }
        std::vector<double> shares;
        double total = 0;
        for (const auto& value : list) {
            if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 100) {
                reader.fail(field, "must hold numbers from 0 to 100");
                return profile;
            }
            shares.push_back(value.get<double>());
            total += shares.back();
        }
        if (total < 99 || total > 101) {
            reader.fail(field, "adds up to " + std::to_string(static_cast<int>(total + 0.5)) + "%, not 100%");
            return profile;
        }
        profile.percent_by_question[id] = std::move(shares);
    }
    return profile;
}

AboutYou read_about_you(JsonReader& reader, const json& doc, const std::string& default_language) {
    AboutYou about;
    const auto found = doc.find("about_you");
    if (found == doc.end()) return about;
    if (!found->is_object()) {
        reader.fail("about_you", "must be an object such as {\"age_bands\": true}");
        return about;
    }
    if (found->value("age_bands", false)) about.questions.push_back(age_band_question());
    if (found->value("postcode_district", false)) about.questions.push_back(postcode_district_question());
    if (const auto questions = found->find("questions"); questions != found->end()) {
        if (!questions->is_array()) {
            reader.fail("about_you.questions", "must be a list of questions");
            return about;
        }
        for (std::size_t i = 0; i < questions->size() && !reader.failed(); ++i) {
            const std::string at = "about_you.questions[" + std::to_string(i) + "]";
            const json& entry = (*questions)[i];
            if (!entry.is_object()) {
                reader.fail(at, "must be an object with \"id\", \"text\" and \"options\"");
                break;
            }
            AboutYouQuestion q;
            q.id = reader.id(entry, "id", at);
            q.text = reader.text(entry, "text", at, default_language, true);
            q.options = read_choices(reader, entry, "options", at, default_language, 12);
            for (const auto& other : about.questions)
                if (other.id == q.id) reader.fail(at + ".id", "repeats the id \"" + q.id + "\"");
            about.questions.push_back(std::move(q));
        }
    }
    if (const auto reference = found->find("reference"); reference != found->end() && !reader.failed())
        about.reference = read_reference_profile(reader, *reference, about);
    return about;
}

// A list of texts, each checked by `accept` (which says why not, or nothing).
template <typename Accept>
void read_text_list(JsonReader& reader, const json& object, const char* key, const std::string& path, Accept accept) {
    const json* list = reader.require(object, key, path);
    if (!list) return;
    const std::string field = JsonReader::join(path, key);
    if (!list->is_array() || list->empty()) return reader.fail(field, "must be a list with at least one entry");
    for (std::size_t i = 0; i < list->size() && !reader.failed(); ++i) {
        const auto& entry = (*list)[i];
        if (!entry.is_string()) return reader.fail(field + "[" + std::to_string(i) + "]", "must be text");
        if (auto problem = accept(entry.get<std::string>()))
            reader.fail(field + "[" + std::to_string(i) + "]", *problem);
    }
}

Eligibility read_eligibility(JsonReader& reader, const json& entry, const std::string& path) {
    Eligibility eligibility;
    const auto found = entry.find("eligibility");
    if (found == entry.end()) return eligibility;
    const std::string at = path + ".eligibility";
    if (!found->is_object()) {
        reader.fail(at, "must be an object such as {\"rule\": \"open\"}");
        return eligibility;
    }
    const auto rule = reader.choice(*found, "rule", at, kEligibilityRuleNames);
    if (!rule) return eligibility;
    eligibility.rule = *rule;
    if (*rule == EligibilityRule::voter_code) {
        eligibility.voter_code_salt = reader.id(*found, "salt", at);
        // Files from before Argon2id say nothing, and were all BLAKE2b.
        eligibility.voter_code_hashing = VoterCodeHashing::blake2b;
        if (const auto hashing = found->find("code_hashing"); hashing != found->end()) {
            const auto how =
                hashing->is_string() ? value_named(kVoterCodeHashingNames, hashing->get<std::string>()) : std::nullopt;
            if (how)
                eligibility.voter_code_hashing = *how;
            else
                reader.fail(at + ".code_hashing", "must be \"argon2id\" (as \"streetvoice voter-codes\" writes it)");
        }
        read_text_list(reader, *found, "code_hashes", at, [&](const std::string& hash) -> std::optional<std::string> {
            const bool hex = hash.size() == 64 && std::all_of(hash.begin(), hash.end(), [](char c) {
                                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                             });
            if (!hex) return "must be a code hash made by \"streetvoice voter-codes\" (64 hex digits)";
            eligibility.voter_code_hashes.insert(hash);
            return std::nullopt;
        });
    } else if (*rule == EligibilityRule::postcode) {
        read_text_list(reader, *found, "postcodes", at, [&](const std::string& text) -> std::optional<std::string> {
            if (auto whole = normalise_postcode(text)) {
                eligibility.postcodes.insert(*whole);
                return std::nullopt;
            }
            const auto outward = postcode_district(text);
            if (!outward) return "must be a postcode (\"RV1 2AB\") or the first part of one (\"RV1\")";
            eligibility.outward_codes.insert(*outward);
            return std::nullopt;
        });
    }
    return eligibility;
}

Result<Activity> read_activity(JsonReader& reader, const json& entry, const std::string& path,
                               const std::string& default_language) {
    Activity activity;
    if (!entry.is_object()) {
        reader.fail(path, "must be an object");
        return reader.error();
    }
    activity.id = reader.id(entry, "id", path);
    if (const auto type = reader.choice(entry, "type", path, kActivityTypeNames)) activity.type = *type;
    activity.title = reader.text(entry, "title", path, default_language, true);
    activity.summary = reader.text(entry, "summary", path, default_language, false);
    if (!reader.failed() && activity.type == ActivityType::place_standard && entry.contains("version"))
        if (const auto version = reader.choice(entry, "version", path, kPlaceStandardVersionNames))
            activity.place_standard_version = *version;
    if (!reader.failed() && activity.type == ActivityType::budget_vote)
        activity.budget = read_budget_vote(reader, entry, path, default_language);
    if (!reader.failed() && activity.type == ActivityType::quick_poll)
        activity.poll = read_quick_poll(reader, entry, path, default_language);
    if (!reader.failed() && activity.type == ActivityType::scale_pair) {
        activity.poll.today = reader.text(entry, "today", path, default_language, true);
        activity.poll.wanted = reader.text(entry, "wanted", path, default_language, true);
    }
    if (!reader.failed()) activity.eligibility = read_eligibility(reader, entry, path);
    if (reader.failed()) return reader.error();
    return activity;
}

}  // namespace

Result<Campaign> parse_campaign(const std::string& json_text, const std::string& source_name) {
    // Campaigns also arrive from the hub: measured before they are parsed (bounded_json.hpp).
    const JsonLimits limits{4 * 1024 * 1024, 32};
    if (json_text.size() > limits.largest_bytes)
        return Error{source_name + ": larger than 4 MB; a campaign file is text only (pictures are separate files)"};
    if (json_nesting_depth(json_text, limits.deepest + 1) > limits.deepest)
        return Error{source_name + ": lists and objects nested more than 32 deep; a campaign is a few levels deep"};
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        return Error{source_name + ": not valid JSON near line " + std::to_string(line_of_offset(json_text, e.byte)) +
                     " (check for a missing comma, quote or bracket)"};
    }
    if (!doc.is_object()) return Error{source_name + ": a campaign file must be a JSON object"};

    JsonReader reader(source_name);
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
    if (const auto wards = doc.find("wards"); wards != doc.end()) {
        if (!wards->is_array() || wards->empty() || wards->size() > kMostWards) {
            reader.fail("wards", "must be a list of 1 to " + std::to_string(kMostWards) +
                                     " ward names, such as [\"Riverside\", \"Northfield\"]");
        } else {
            for (std::size_t i = 0; i < wards->size(); ++i) {
                const std::string at = "wards[" + std::to_string(i) + "]";
                const auto& item = (*wards)[i];
                const std::string ward = item.is_string() ? item.get<std::string>() : std::string();
                const bool fits =
                    !ward.empty() && ward.size() <= kLongestWardName &&
                    std::none_of(ward.begin(), ward.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
                if (!fits) {
                    reader.fail(at, "must be a ward's name, 1 to " + std::to_string(kLongestWardName) +
                                        " characters on one line");
                } else if (std::find(campaign.wards.begin(), campaign.wards.end(), ward) != campaign.wards.end()) {
                    reader.fail(at, "repeats the ward \"" + ward + "\"");
                } else {
                    campaign.wards.push_back(ward);
                }
            }
        }
    }

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
    if (!reader.failed()) campaign.about_you = read_about_you(reader, doc, language);
    if (const auto notes = doc.find("you_said_we_did"); notes != doc.end() && !reader.failed()) {
        if (!notes->is_array() || notes->size() > kMostOutcomeNotes) {
            reader.fail("you_said_we_did", "must be a list of at most " + std::to_string(kMostOutcomeNotes) +
                                               " {\"said\", \"did\"} pairs");
        } else {
            for (std::size_t i = 0; i < notes->size() && !reader.failed(); ++i) {
                const std::string path = "you_said_we_did[" + std::to_string(i) + "]";
                if (!(*notes)[i].is_object()) {
                    reader.fail(path, "must be an object with \"said\" and \"did\"");
                    break;
                }
                OutcomeNote note;
                note.said = reader.text((*notes)[i], "said", path, language, true);
                note.did = reader.text((*notes)[i], "did", path, language, true);
                campaign.you_said_we_did.push_back(std::move(note));
            }
        }
    }
    if (reader.failed()) return reader.error();
    campaign.definition_json = json_text;
    return campaign;
}

const Activity* Campaign::activity(const std::string& activity_id) const {
    for (const auto& a : activities)
        if (a.id == activity_id) return &a;
    return nullptr;
}

const std::string& Campaign::answers_campaign(const Activity& activity) const {
    return activity.from_campaign.empty() ? id : activity.from_campaign;
}

int Campaign::answers_version(const Activity& activity) const {
    return activity.from_campaign.empty() ? version : activity.from_version;
}

Result<Campaign> load_campaign_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": the campaign file cannot be opened (is the path right?)"};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return Error{path + ": the campaign file cannot be read"};
    const std::string text = content.str();
    if (text.size() > kMaxCampaignFileBytes) return Error{path + ": the campaign file is too large (over 4 MB)"};
    auto campaign = parse_campaign(text, path);
    if (!campaign) return campaign;
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    campaign.value().folder = folder.empty() ? "." : folder.string();
    for (const auto& activity : campaign.value().activities)
        for (const auto& project : activity.budget.projects) {
            if (project.image.empty()) continue;
            std::error_code ignored;
            if (!std::filesystem::is_regular_file(folder / project.image, ignored))
                return Error{path + ": the picture \"" + project.image + "\" for the project \"" + project.id +
                             "\" is not in the campaign's folder"};
        }
    return campaign;
}

}  // namespace sv
