// An organiser's visit to the dashboard in headless Chromium, against the real hub on
// 127.0.0.1: log in, open a campaign, see the compass and the budget tables, download the
// CSV and the .pb. Screenshots of every page go to $STREETVOICE_DASHBOARD_SHOTS when set.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "campaign.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "running_hub.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "web_driver.hpp"

using sv::test::RunningHub;
using sv::test::Stall;
using sv::test::TempFolder;

namespace {

std::string shots_folder(const TempFolder& fallback) {
    const char* wanted = std::getenv("STREETVOICE_DASHBOARD_SHOTS");
    if (!wanted || !*wanted) return fallback.path();
    std::filesystem::create_directories(wanted);
    return wanted;
}

// The organiser every test adds, logged in through the form, on the list of campaigns.
void log_in_as_sam(sv::test::WebBrowser& browser, const RunningHub& hub) {
    browser.open(hub.url() + "/dashboard");
    browser.type_into("#name", "sam@riverside.gov.uk");
    browser.type_into("#password", "correct horse battery");
    browser.follow("form.login button");
}

// A day of two stalls in Riverside (one too small to show alone) and one in Northfield.
std::vector<Stall> three_stalls() {
    return {Stall{"Tesco, Bridge Street", "Riverside", 24, 40, 30}, Stall{"Riverside Library", "Riverside", 8, 6, 2},
            Stall{"Northfield Gala", "Northfield", 16, 12, 9}};
}

}  // namespace

TEST_CASE("browser: an organiser logs in, reads a campaign's results and downloads both exports") {
    RunningHub hub;
    TempFolder folder, downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    hub.add_organiser("sam@riverside.gov.uk", "correct horse battery");
    const std::string campaign_file = sv::test::riverside_day_on(hub, folder, three_stalls());

    sv::test::WebBrowser browser(downloads.path());
    browser.open(hub.url() + "/dashboard");
    CHECK(browser.current_url() == hub.url() + "/dashboard/login");
    browser.save_screenshot(shots + "/dashboard-login.png");

    browser.type_into("#name", "sam@riverside.gov.uk");
    browser.type_into("#password", "a wrong password");
    browser.follow("form.login button");
    CHECK_THAT(browser.text_of(".problem"), Catch::Contains("That name and password do not match"));
    browser.save_screenshot(shots + "/dashboard-login-wrong.png");

    browser.type_into("#password", "correct horse battery");
    browser.follow("form.login button");
    CHECK_THAT(browser.text_of("header.top .who"), Catch::Contains("Logged in as sam@riverside.gov.uk"));
    CHECK(browser.current_url() == hub.url() + "/dashboard");
    browser.save_screenshot(shots + "/dashboard-campaigns.png");

    browser.follow("a[href='/dashboard/campaigns/demo-riverside-budget-2026']");
    CHECK_THAT(browser.text_of("section[id^='place-'] .headline"), Catch::Contains("lowest"));
    CHECK(browser.current_url() == hub.url() + "/dashboard/campaigns/demo-riverside-budget-2026");
    // The compass for everyone, each ward and each event but the library's 8 people.
    CHECK(browser.count("svg.compass") == 1 + 2 + 2);
    CHECK(browser.count("table.themes tbody tr") == 14);
    const auto projects = sv::load_campaign_file(campaign_file).value().activity("budget")->budget.projects.size();
    CHECK(browser.count("table.projects tbody tr[data-project]") == static_cast<int>(projects));
    CHECK_THAT(browser.text_of("table.projects tfoot"), Catch::Contains("Budget used"));
    CHECK_THAT(browser.text_of("table.projects tfoot"), Catch::Contains("Left unspent"));
    // Every project's reasons, under both rules.
    CHECK(browser.count("table.reasons tbody tr[data-reasons]") == static_cast<int>(projects));
    CHECK_THAT(browser.text_of("table.reasons"), Catch::Contains("Funded in round 1"));
    CHECK_THAT(browser.text_of("section#reach"), Catch::Contains("Census 2021, Riverside ward (test figures)"));
    browser.save_screenshot(shots + "/dashboard-campaign.png");

    // "You said, we did": a note written in the form, kept and listed for the kiosks.
    browser.type_into("#ward", "Riverside");
    browser.type_into("#said", "The weir path floods every winter.");
    browser.type_into("#did", "New drains went in this summer.");
    browser.follow("form.add-note button");
    CHECK_THAT(browser.text_of("table.notes"), Catch::Contains("New drains went in this summer."));
    CHECK_THAT(browser.text_of("table.notes"), Catch::Contains("sam@riverside.gov.uk"));
    browser.save_screenshot(shots + "/dashboard-campaign-with-note.png");

    browser.click(".downloads a");
    const std::string csv = sv::test::wait_for_download(downloads.path(), "-responses.csv");
    REQUIRE_FALSE(csv.empty());
    CHECK(sv::test::read_file(csv) == hub.exported("demo-riverside-budget-2026", "csv"));
    browser.click("a.download[href$='.pb']");
    const std::string pb = sv::test::wait_for_download(downloads.path(), ".pb");
    REQUIRE_FALSE(pb.empty());
    CHECK(sv::test::read_file(pb) == hub.exported("demo-riverside-budget-2026", "pb"));

    // The activity log: the wrong password, the login, the note and both downloads, newest first.
    browser.open(hub.url() + "/dashboard/activity");
    CHECK(browser.count("table.audit tbody tr") >= 5);
    CHECK_THAT(browser.text_of("table.audit tbody tr:first-child"), Catch::Contains("downloaded the ballots"));
    CHECK_THAT(browser.text_of("table.audit"), Catch::Contains("typed a wrong password") &&
                                                   Catch::Contains("logged in") &&
                                                   Catch::Contains("wrote a \"you said, we did\" note"));
    browser.save_screenshot(shots + "/dashboard-activity.png");

    // Each tablet's chain head by stall, for the event sheets; no alarm on a clean day.
    browser.open(hub.url() + "/dashboard/chains");
    CHECK(browser.count("table.chain-heads tbody tr") >= 1);
    CHECK(browser.count("table.chain-alarms") == 0);
    CHECK_THAT(browser.text_of("main"), Catch::Contains("No chain has broken"));
    browser.save_screenshot(shots + "/dashboard-chains.png");

    // Logging out is a form like the others, token and all.
    browser.follow("header.top .who button");
    CHECK(browser.current_url() == hub.url() + "/dashboard/login");
    browser.open(hub.url() + "/dashboard");
    CHECK(browser.current_url() == hub.url() + "/dashboard/login");
}

TEST_CASE("browser: children's and young people's results, each on its own scale and in its own words") {
    RunningHub hub;
    TempFolder downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    const std::string campaign_file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json";
    const sv::Campaign campaign = sv::load_campaign_file(campaign_file).value();
    hub.publish(campaign_file);
    hub.add_organiser("sam@riverside.gov.uk", "correct horse battery");
    // A primary school's visit and a youth club's: every theme answered, in a spread of ways.
    std::vector<sv::ResponseDraft> drafts;
    for (int i = 0; i < 24; ++i) {
        sv::PlaceStandardAnswers answers;
        answers.version = i < 14 ? sv::PlaceStandardVersion::children : sv::PlaceStandardVersion::young_people;
        const int highest = sv::highest_rating(answers.version);
        for (int t = 0; t < sv::kThemeCount; ++t)
            answers.ratings[static_cast<std::size_t>(t)] = std::clamp(1 + t % highest +
                                                                          (i % 5 == 0   ? -1
                                                                           : i % 5 == 1 ? 1
                                                                                        : 0),
                                                                      1, highest);
        if (i % 4 == 0) answers.comments[5] = "More swings please, number " + std::to_string(i);
        drafts.push_back({sv::new_uuid(),
                          campaign.id,
                          campaign.version,
                          i < 14 ? "children" : "young-people",
                          sv::place_standard_payload(answers),
                          {}});
    }
    sv::test::record_and_sync(hub, campaign_file, "Riverside Primary", "Riverside", drafts);

    sv::test::WebBrowser browser(downloads.path());
    log_in_as_sam(browser, hub);
    browser.follow("a[href='/dashboard/campaigns/demo-young-voices-2026']");
    CHECK_THAT(browser.text_of("section#place-children .lead"), Catch::Contains("Children's version (ages 6 to 12)"));
    CHECK_THAT(browser.text_of("section#place-children table.themes"), Catch::Contains("Getting around"));
    CHECK_THAT(browser.text_of("section#place-young-people .lead"), Catch::Contains("Young people's version"));
    CHECK_THAT(browser.text_of("section#place-young-people table.themes"), Catch::Contains("Moving around"));
    CHECK(browser.count("section#place-children table.themes tbody tr") == 14);
    browser.save_screenshot(shots + "/dashboard-young-voices.png");
}

TEST_CASE("browser: a quick poll's answers with their shares and bars, and today against wanted") {
    RunningHub hub;
    TempFolder downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    const std::string campaign_file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json";
    const sv::Campaign campaign = sv::load_campaign_file(campaign_file).value();
    hub.publish(campaign_file);
    hub.add_organiser("sam@riverside.gov.uk", "correct horse battery");
    std::vector<sv::ResponseDraft> drafts;
    for (int i = 0; i < 40; ++i) {
        drafts.push_back({sv::new_uuid(),
                          campaign.id,
                          campaign.version,
                          "park-poll",
                          sv::quick_poll_payload(i % 7 < 3    ? 0
                                                 : i % 7 < 5  ? 1
                                                 : i % 7 == 5 ? 3
                                                              : 2),
                          {}});
        drafts.push_back({sv::new_uuid(),
                          campaign.id,
                          campaign.version,
                          "today-wanted",
                          sv::scale_pair_payload(2 + i % 4, 5 + i % 3),
                          {}});
    }
    sv::test::record_and_sync(hub, campaign_file, "Tesco, Bridge Street", "Riverside", drafts);

    sv::test::WebBrowser browser(downloads.path());
    log_in_as_sam(browser, hub);
    browser.follow("a[href='/dashboard/campaigns/demo-riverside-fast-lane-2026']");
    CHECK(browser.count("section#poll-park-poll table.poll tbody tr") == 5);
    CHECK(browser.count("section#poll-park-poll svg.bar") == 5);
    CHECK_THAT(browser.text_of("section#scale-today-wanted .headline"), Catch::Contains("a gap of"));
    browser.save_screenshot(shots + "/dashboard-fast-lane.png");
}

namespace {

// A4 pages in a PDF as Chromium writes it: each page object, and its size in points.
int pdf_pages(const std::string& pdf) {
    int pages = 0;
    for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
        if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
    return pages;
}

bool pdf_is_a4(const std::string& pdf) {
    return pdf.find("/MediaBox [0 0 594.9") != std::string::npos && pdf.find("/MediaBox [0 0 612") == std::string::npos;
}

}  // namespace

TEST_CASE("browser: the report prints on A4, the summary first and each activity from a new page") {
    RunningHub hub;
    TempFolder folder, downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    hub.add_organiser("sam@riverside.gov.uk", "correct horse battery");
    const std::string campaign_file = sv::test::riverside_day_on(hub, folder, three_stalls());

    sv::test::WebBrowser browser(downloads.path());
    log_in_as_sam(browser, hub);
    browser.follow("a[href='/dashboard/campaigns/demo-riverside-budget-2026']");
    browser.type_into("#ward", "Riverside");
    browser.type_into("#said", "The weir path floods every winter.");
    browser.type_into("#did", "New drains went in this summer.");
    browser.follow("form.add-note button");
    browser.follow(".report-links a[href$='/report']");
    CHECK(browser.current_url() == hub.url() + "/dashboard/campaigns/demo-riverside-budget-2026/report");
    // Every response to an activity (24 + 40, 8 + 6, 16 + 12), at three events in two wards.
    CHECK_THAT(browser.text_of(".report-summary ul.figures"),
               Catch::Contains("106") && Catch::Contains("3\nevents") && Catch::Contains("2\nwards"));
    CHECK(browser.count(".report-summary table.events tbody tr") == 3);
    CHECK_THAT(browser.text_of(".report-summary ul.key-points"),
               Catch::Contains("Rated lowest") && Catch::Contains("projects are funded"));
    // Everything to read, nothing to press: no forms and no downloads in the report itself.
    CHECK(browser.count("main form") == 0);
    CHECK(browser.count("main a[download]") == 0);
    CHECK(browser.count("section.report-part") == 2);  // the Place Standard and the budget vote
    CHECK_THAT(browser.text_of("#you-said-we-did"), Catch::Contains("New drains went in this summer."));
    browser.save_screenshot(shots + "/dashboard-report.png");
    const std::string pdf = browser.print_to_pdf(shots + "/dashboard-report.pdf");
    CHECK(pdf_is_a4(pdf));
    // The summary, then the Place Standard and the budget vote each from the top of a page.
    CHECK(pdf_pages(pdf) >= 3);
    CHECK(pdf_pages(pdf) <= 8);

    // One ward's report: its events, its compass and its comments; the campaign's outcome.
    browser.open(hub.url() + "/dashboard/campaigns/demo-riverside-budget-2026");
    browser.follow(".report-links a[href$='/report/ward/Northfield']");
    CHECK_THAT(browser.text_of(".report-title .subtitle"), Catch::Contains("Report for Northfield ward"));
    CHECK(browser.count(".report-summary table.events tbody tr") == 1);
    CHECK_THAT(browser.text_of(".report-summary ul.figures"), Catch::Contains("28"));
    CHECK(browser.count("svg.compass") == 1);
    CHECK_THAT(browser.text_of("section[id^='budget-']"), Catch::Contains("How this ward's voters chose"));
    CHECK(browser.count("table.ward-choices tbody tr") > 0);
    CHECK_THAT(browser.text_of("section[id^='place-']"), Catch::Contains("What people in this ward said"));
    // The Riverside note is not Northfield's.
    CHECK_THAT(browser.text_of("#you-said-we-did"), Catch::Contains("No notes yet"));
    browser.save_screenshot(shots + "/dashboard-report-ward.png");
    const std::string ward_pdf = browser.print_to_pdf(shots + "/dashboard-report-ward.pdf");
    CHECK(pdf_is_a4(ward_pdf));
    CHECK(pdf_pages(ward_pdf) >= 3);
}

TEST_CASE("browser: the public results page on a phone, switched on at the command line") {
    RunningHub hub;
    TempFolder folder, downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    const std::string campaign_file = sv::test::riverside_day_on(
        hub, folder,
        {Stall{"Tesco, Bridge Street", "Riverside", 24, 40, 0}, Stall{"Northfield Gala", "Northfield", 16, 12, 0}});
    std::string output;
    REQUIRE(hub.command("public", {"--campaign", "demo-riverside-budget-2026", "on"}, output) == 0);

    // A phone's width in CSS pixels.
    sv::test::WebBrowser phone(downloads.path());
    phone.be_a_phone(390, 844);
    phone.open(hub.url() + "/results/demo-riverside-budget-2026");
    CHECK_THAT(phone.text_of("h1"), Catch::Contains("Riverside Decides"));
    CHECK(phone.count("svg.compass") == 1);
    CHECK(phone.count("table.public-projects tbody tr") > 0);
    // Nothing wider than the phone: the page does not scroll sideways.
    const auto [page, window] = phone.page_and_window_width();
    CHECK(window <= 390);
    CHECK(page <= window);
    phone.save_screenshot(shots + "/public-results-phone.png");
    // The evidence beside the outcome, opened: still nothing wider than the phone.
    phone.click("details.evidence summary");
    CHECK_THAT(phone.text_of("details.evidence"), Catch::Contains("SHA-256") && Catch::Contains("Funded, in order"));
    const auto [opened_page, opened_window] = phone.page_and_window_width();
    CHECK(opened_page <= opened_window);
    phone.save_screenshot(shots + "/public-results-evidence-phone.png");
}

TEST_CASE("browser: a ward councillor logs in to their ward's reports, and is turned back from the rest") {
    RunningHub hub;
    TempFolder folder, downloads, fallback_shots;
    const std::string shots = shots_folder(fallback_shots);
    hub.add_organiser("cllr.okafor@riverside.gov.uk", "correct horse battery", "Northfield");
    sv::test::riverside_day_on(hub, folder, three_stalls());

    sv::test::WebBrowser browser(downloads.path());
    browser.open(hub.url() + "/dashboard");
    browser.type_into("#name", "cllr.okafor@riverside.gov.uk");
    browser.type_into("#password", "correct horse battery");
    browser.follow("form.login button");
    CHECK_THAT(browser.text_of("h1"), Catch::Contains("Reports for Northfield ward"));
    browser.save_screenshot(shots + "/dashboard-councillor.png");
    browser.follow("ul.campaigns a[href$='demo-riverside-budget-2026/report/ward/Northfield']");
    CHECK_THAT(browser.text_of(".report-title .subtitle"), Catch::Contains("Report for Northfield ward"));
    CHECK(browser.count("details.comments[open]") == 14);
    browser.open(hub.url() + "/dashboard/campaigns/demo-riverside-budget-2026");
    CHECK_THAT(browser.text_of(".problem"), Catch::Contains("you can read that ward's reports, and no other page"));
    browser.save_screenshot(shots + "/dashboard-councillor-refused.png");
    // Logging out works for a councillor as for an organiser.
    browser.follow("header.top .who button");
    CHECK(browser.current_url() == hub.url() + "/dashboard/login");
}
