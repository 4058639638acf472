#include "screenshot_tour.hpp"

#include <cstdio>

#include "hub_campaign.hpp"
#include "place_standard.hpp"

namespace sv {
namespace {

// A plausible citizen: mixed ratings, one skip, a couple of comments; on the children's
// three-point scale, the same opinions with faces.
PlaceStandardAnswers sample_answers(PlaceStandardVersion version = PlaceStandardVersion::adults) {
    const int ratings[kThemeCount] = {5, 3, 2, 4, 6, 0, 4, 3, 2, 5, 6, 4, 3, 2};
    PlaceStandardAnswers answers;
    answers.version = version;
    const int highest = highest_rating(version);
    for (int i = 0; i < kThemeCount; ++i)
        if (ratings[i] > 0)
            answers.ratings[static_cast<std::size_t>(i)] = 1 + (ratings[i] - 1) * highest / kHighestRating;
    answers.comments[2] = "Cars park on the pavement outside the school every morning.";
    answers.comments[12] = "The bins on Mill Road overflow at weekends.";
    return answers;
}

// A ballot part-way through: a few choices the rules allow, in the order tapped.
BudgetBallot sample_ballot(const BudgetVote& vote) {
    BudgetBallot ballot;
    for (int p : {2, 0, 4, 7, 1, 9, 5})
        if (p < static_cast<int>(vote.projects.size())) choose(vote, ballot, p);
    if (vote.rules.type == BallotType::cumulative) add_point(vote, ballot, 0);
    return ballot;
}

void add_budget_stops(std::vector<TourStop>& tour, const Activity& activity) {
    const std::string prefix = "budget-" + activity.id + "-";
    const BudgetVote& vote = activity.budget;
    KioskState s;
    s.activity_id = activity.id;
    s.response_uuid = "00000000-0000-4000-8000-000000000001";
    // Where a vote needs a voter code or a postcode first (shown for every vote).
    s.screen = Screen::voter_code;
    s.typed_code = "KX7PM2QR";
    tour.push_back({prefix + "0-voter-code", s});
    s.screen = Screen::postcode;
    s.typed_code = "RV9 4XZ";
    s.notice = Sentence{
        "Sorry, this vote is only for people who live in {1}, and that postcode is outside it. If you think that is "
        "wrong, please ask a member of staff.",
        {"Riverside ward"}};
    tour.push_back({prefix + "0-postcode-refused", s});
    s.typed_code.clear();
    s.notice.clear();

    s.screen = Screen::ballot;
    tour.push_back({prefix + "1-projects", s});

    s.ballot = sample_ballot(vote);
    s.ballot_page = 1;
    tour.push_back({prefix + "2-projects-chosen", s});
    // What the citizen sees when a choice would break the rules.
    for (int p = 0; p < static_cast<int>(vote.projects.size()) && s.notice.empty(); ++p)
        if (auto refusal = why_not_choose(vote, s.ballot, p); refusal && !s.ballot.has(p)) s.notice = *refusal;
    tour.push_back({prefix + "2-projects-refused", s});

    s.notice.clear();
    s.screen = Screen::project_details;
    s.project_shown = s.ballot.chosen.empty() ? 0 : s.ballot.chosen.front();
    tour.push_back({prefix + "3-details", s});
    // And one with its picture, where the campaign has pictures.
    for (int p = 0; p < static_cast<int>(vote.projects.size()); ++p)
        if (!vote.projects[static_cast<std::size_t>(p)].image.empty()) {
            s.project_shown = p;
            tour.push_back({prefix + "3-details-picture", s});
            break;
        }

    s.screen = Screen::ballot_review;
    tour.push_back({prefix + "4-review", s});

    s.screen = Screen::thanks;
    s.thanked_uuid = s.response_uuid;
    s.thanks_seconds_left = 17.4;
    tour.push_back({prefix + "5-thanks", s});
}

void add_poll_stops(std::vector<TourStop>& tour, const Activity& activity) {
    KioskState s;
    s.activity_id = activity.id;
    s.response_uuid = "00000000-0000-4000-8000-000000000002";
    s.screen = activity.type == ActivityType::quick_poll ? Screen::quick_poll : Screen::scale_pair;
    tour.push_back({"poll-" + activity.id + "-1", s});
    s.poll_choice = 1;
    s.scale_today = 3;
    s.scale_wanted = 6;
    tour.push_back({"poll-" + activity.id + "-2-answered", s});
    s.thanked_uuid = s.response_uuid;
    s.screen = Screen::thanks;
    s.thanks_seconds_left = 17.4;
    tour.push_back({"poll-" + activity.id + "-3-thanks", s});
}

// Theme `i` of the Place Standard, part answered: the answers so far, the current theme with
// its sample answer, except on every fourth theme, which shows the screen before a choice is made.
KioskState question_stop(const std::string& activity_id, const PlaceStandardAnswers& sample, int i) {
    KioskState s;
    s.screen = Screen::question;
    s.activity_id = activity_id;
    s.response_uuid = "00000000-0000-4000-8000-000000000000";
    s.theme_index = i;
    s.answers.version = sample.version;
    for (int j = 0; j <= i; ++j) {
        s.answers.ratings[static_cast<std::size_t>(j)] = sample.ratings[static_cast<std::size_t>(j)];
        s.answers.comments[static_cast<std::size_t>(j)] = sample.comments[static_cast<std::size_t>(j)];
    }
    if (i % 4 == 1) s.answers.ratings[static_cast<std::size_t>(i)].reset();
    return s;
}

KioskState thanks_stop(const std::string& activity_id, const PlaceStandardAnswers& sample) {
    KioskState thanks;
    thanks.screen = Screen::thanks;
    thanks.activity_id = activity_id;
    thanks.answers = sample;
    thanks.thanked_uuid = "00000000-0000-4000-8000-000000000000";
    thanks.thanks_seconds_left = 17.4;
    return thanks;
}

// A second Place Standard activity in another version (the children's beside the young
// people's): its own words on every question, and its own compass.
void add_other_version_stops(std::vector<TourStop>& tour, const Activity& activity) {
    const PlaceStandardAnswers sample = sample_answers(activity.place_standard_version);
    for (int i = 0; i < kThemeCount; ++i) {
        char name[96];
        std::snprintf(name, sizeof name, "question-%s-%02d-%s", activity.id.c_str(), i + 1,
                      place_standard_themes()[static_cast<std::size_t>(i)].key);
        tour.push_back({name, question_stop(activity.id, sample, i)});
    }
    tour.push_back({"thanks-" + activity.id, thanks_stop(activity.id, sample)});
}

// "About you", where the campaign asks it: consent, a question, the postcode district.
void add_about_you_stops(std::vector<TourStop>& tour, const Campaign& campaign) {
    const auto& questions = campaign.about_you.questions;
    if (questions.empty()) return;
    KioskState s;
    s.activity_id = campaign.activities.front().id;
    s.screen = Screen::about_you_consent;
    tour.push_back({"about-you-1-consent", s});
    for (std::size_t i = 0; i < questions.size(); ++i) {
        s.about_index = static_cast<int>(i);
        s.screen = questions[i].postcode_district ? Screen::about_you_district : Screen::about_you_question;
        s.typed_code = questions[i].postcode_district ? "RV1" : "";
        s.capitals = true;
        tour.push_back({"about-you-" + std::to_string(i + 2) + "-" + questions[i].id, s});
    }
}

// An event's results as staff see them, made up from the sample answers and the campaign's
// projects: `people` responses of each kind.
EventResults sample_event_results(const Campaign& campaign, int people) {
    EventResults results;
    for (const auto& activity : campaign.activities)
        if (activity.type == ActivityType::place_standard && results.place_standard_title.empty()) {
            results.place_standard_title = activity.title.in(campaign.default_language());
            results.place_standard_version = activity.place_standard_version;
        }
    CompassTally compass;
    PlaceStandardAnswers answers = sample_answers(results.place_standard_version);
    const int highest = highest_rating(results.place_standard_version);
    for (int i = 0; i < people; ++i) {
        auto& rating = answers.ratings[static_cast<std::size_t>(i % kThemeCount)];
        if (rating) rating = 1 + (*rating + i) % highest;
        compass.add(answers);
    }
    for (const auto& activity : campaign.activities) {
        if (activity.type != ActivityType::budget_vote) continue;
        EventBudgetCounts counts;
        counts.title = activity.title.in(campaign.default_language());
        counts.counted_as = "How many chose each project";
        counts.ballots = people;
        for (std::size_t p = 0; p < activity.budget.projects.size(); ++p)
            counts.projects.push_back({activity.budget.projects[p].name.in(campaign.default_language()),
                                       std::to_string(people - static_cast<int>(p * 3) % people)});
        std::stable_sort(
            counts.projects.begin(), counts.projects.end(),
            [](const ProjectVotes& a, const ProjectVotes& b) { return std::stoi(a.votes) > std::stoi(b.votes); });
        results.budgets.push_back(counts);
    }
    results.place_standard = compass.summary("This event");
    return results;
}

// The staff side, with made-up figures: the tour never reads the answers file.
void add_staff_stops(std::vector<TourStop>& tour, const Campaign& campaign) {
    KioskState s;
    s.stall.staff = StaffMode::enter_pin;
    s.stall.pin_typed = "12";
    tour.push_back({"21-staff-pin", s});

    s.stall.pin_typed.clear();
    s.stall.wrong_pins = 4;
    s.stall.pin_wait_seconds = 57.2;
    tour.push_back({"22-staff-pin-wrong", s});

    s = KioskState{};
    s.stall.staff = StaffMode::choose_pin;
    s.stall.staff_message = "This kiosk has no staff PIN yet. Choose one: 4 to 8 digits.";
    tour.push_back({"23-staff-choose-pin", s});

    s = KioskState{};
    s.stall.staff = StaffMode::panel;
    StaffFigures& f = s.stall.figures;
    f.event = {"", "Tesco, Bridge Street", "Riverside", "AB", "2026-11-21T09:30:00.000Z"};
    f.counts = {37, 52, 12, 1};
    f.sync = "Sending to hub.riverside.gov.uk. Last in touch 4 minutes ago.";
    f.sync_problem = "Could not reach the hub: no network. Answers are safe here and will be sent later.";
    f.can_sync = true;
    f.battery = "Battery 64%, about 3 h 10 min left";
    f.chain_head = "K9QD-WHMQ-KHEV";
    f.campaign = hub_campaign_words({true, campaign.id, campaign.version, {}, false, 1});
    f.can_choose_campaign = true;  // the hub published several campaigns to it
    s.stall.staff_message = "New event started: answers from now on belong to Tesco, Bridge Street.";
    tour.push_back({"24-staff-panel", s});
    // A new tablet that has not reached its hub yet: it runs the campaign it was installed with.
    const StaffFigures in_touch = f;
    f.sync = "Sending to hub.riverside.gov.uk. Not in touch with the hub yet.";
    f.sync_problem = "Could not reach the hub: no network. Answers are safe here and will be sent later.";
    f.campaign = hub_campaign_words({});
    f.campaign_needs_attention = true;
    f.can_choose_campaign = false;
    s.stall.staff_message.clear();
    tour.push_back({"24-staff-panel-before-hub", s});
    f = in_touch;

    s.stall.staff = StaffMode::event_form;
    s.stall.staff_message.clear();
    s.stall.event_draft = {"", "Library, Mill Lane", "Riverside", "", ""};
    s.stall.editing = EventField::staff;
    s.capitals = true;
    tour.push_back({"25-staff-event-form", s});
    if (!campaign.wards.empty()) {
        // A campaign that names its wards: staff choose one where the keyboard was.
        s.stall.event_draft.ward = campaign.wards.front();
        s.stall.editing = EventField::ward;
        tour.push_back({"25-staff-event-form-wards", s});
    }

    s.capitals = false;
    s.stall.staff = StaffMode::event_results;
    s.stall.event_results = sample_event_results(campaign, 23);
    tour.push_back({"26-staff-event-results", s});
    s.stall.event_results = sample_event_results(campaign, 7);
    tour.push_back({"27-staff-event-results-few", s});

    // A hub that published three campaigns to this kiosk: staff run this one and a poll beside it.
    s.stall.staff = StaffMode::choose_campaign;
    std::string activities;
    for (const auto& activity : campaign.activities)
        activities += (activities.empty() ? "" : ", ") + activity.title.in(campaign.default_language());
    s.stall.campaign_options = {
        {campaign.id, campaign.title.in(campaign.default_language()), campaign.version, activities, 0},
        {"riverside-fast-lane", "Riverside park: quick questions", 2, "Quick poll, Today and wanted", 1},
        {"town-centre-budget-2027", "Town centre budget 2027", 1, "Budget vote", -1}};
    s.stall.campaigns_chosen = {campaign.id, "riverside-fast-lane"};
    s.stall.staff_message = "Touch the campaign to run. Choose a second one to offer its activities too.";
    tour.push_back({"28-staff-campaign-choice", s});
}

}  // namespace

std::vector<TourStop> screenshot_tour(const Campaign& campaign) {
    std::vector<TourStop> tour;
    KioskState welcome;
    tour.push_back({"01-welcome", welcome});
    if (campaign.languages.size() > 1) {
        KioskState languages;
        languages.choosing_language = true;
        tour.push_back({"01-welcome-languages", languages});
    }
    std::string place_id;
    for (const auto& activity : campaign.activities) {
        if (activity.type == ActivityType::budget_vote) add_budget_stops(tour, activity);
        if (activity.type == ActivityType::quick_poll || activity.type == ActivityType::scale_pair)
            add_poll_stops(tour, activity);
        if (activity.type != ActivityType::place_standard) continue;
        if (place_id.empty())
            place_id = activity.id;
        else if (activity.place_standard_version != campaign.activity(place_id)->place_standard_version)
            add_other_version_stops(tour, activity);
    }
    if (place_id.empty()) {
        add_staff_stops(tour, campaign);
        add_about_you_stops(tour, campaign);
        return tour;
    }

    const PlaceStandardVersion version = campaign.activity(place_id)->place_standard_version;
    const PlaceStandardAnswers sample = sample_answers(version);
    for (int i = 0; i < kThemeCount; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "%02d-question-%02d-%s", 2 + i, i + 1,
                      place_standard_themes()[static_cast<std::size_t>(i)].key);
        tour.push_back({name, question_stop(place_id, sample, i)});
    }

    KioskState still_there = tour[tour.size() - 10].state;
    still_there.idle_seconds = 90;
    still_there.still_there_seconds_left = 23.5;
    tour.push_back({"15-question-still-there", still_there});

    KioskState comment = tour[tour.size() - 2].state;
    comment.screen = Screen::comment;
    comment.theme_index = 2;
    comment.comment_draft = "Cars park on the pavement outside the school every morning";
    tour.push_back({"16-comment", comment});
    // The keyboard's second page: digits and punctuation.
    KioskState symbols = comment;
    symbols.keyboard_symbols = true;
    tour.push_back({"16-comment-symbols", symbols});

    KioskState empty_comment = comment;
    empty_comment.comment_draft.clear();
    empty_comment.capitals = true;
    tour.push_back({"17-comment-empty", empty_comment});

    KioskState thanks = thanks_stop(place_id, sample);
    tour.push_back({"18-thanks", thanks});

    KioskState failed = thanks;
    failed.screen = Screen::save_failed;
    failed.save_error =
        "Could not save this answer: the tablet's storage is full. Free some space, then try again. "
        "Answers already saved are safe.";
    tour.push_back({"19-save-failed", failed});

    KioskState cannot_start;
    cannot_start.screen = Screen::cannot_start;
    cannot_start.start_problem =
        "Could not open the answers file: the answers file /var/lib/streetvoice/answers.sqlite is damaged or is not "
        "a Streetvoice answers file. It has been left exactly as it is: do not delete it, keep the tablet and ask "
        "for support to recover it.";
    tour.push_back({"20-cannot-start", cannot_start});
    add_staff_stops(tour, campaign);
    add_about_you_stops(tour, campaign);
    return tour;
}

}  // namespace sv
