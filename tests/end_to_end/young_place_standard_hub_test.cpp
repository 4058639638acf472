// The children's Place Standard from the stall to the organiser: children answer with faces
// on the real kiosk, the kiosk syncs with the real hub on 127.0.0.1, and the dashboard shows
// their answers apart from the young people's, on the three-point scale.
#include <catch2/catch.hpp>

#include "dashboard_visitor.hpp"
#include "headless_kiosk.hpp"
#include "place_standard.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::DashboardVisitor;
using sv::test::HeadlessKiosk;
using sv::test::RunningHub;
using sv::test::TempFolder;

TEST_CASE("children's answers given with faces on the kiosk reach the dashboard on the children's scale") {
    const std::string campaign_file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json";
    RunningHub hub;
    hub.publish(campaign_file);
    hub.add_organiser("sam", "correct horse battery");

    TempFolder folder;
    {
        HeadlessKiosk kiosk(folder.path(), 1280, 800, campaign_file);
        // Ten children: "Getting around" not good, OK, good in turn (median OK, 2); "Nature" good
        // (3); the rest skipped. One teenager rates "Moving around" 6.
        for (int child = 0; child < 10; ++child) {
            kiosk.tap("start-children");
            REQUIRE(kiosk.state().screen == Screen::question);
            for (int theme = 0; theme < sv::kThemeCount; ++theme) {
                if (theme == 0 || theme == 4) {
                    kiosk.tap("rating-" + std::to_string(theme == 0 ? 1 + child % 3 : 3));
                    kiosk.tap("next");
                } else {
                    kiosk.tap("skip");
                }
            }
            REQUIRE(kiosk.state().screen == Screen::thanks);
            kiosk.tap("finish");
        }
        kiosk.tap("start-young-people");
        kiosk.tap("rating-6");
        kiosk.tap("next");
        for (int theme = 1; theme < sv::kThemeCount; ++theme) kiosk.tap("skip");
        REQUIRE(kiosk.state().screen == Screen::thanks);
        REQUIRE(kiosk.store().responses().value().size() == 11);
    }
    sv::test::sync_with_hub(folder.path(), hub);

    DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam", "correct horse battery")->status == 303);
    auto res = sam.get("/dashboard/campaigns/demo-young-voices-2026");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string& html = res->body;
    const auto children_at = html.find("<section id=\"place-children\">");
    const auto young_at = html.find("<section id=\"place-young-people\">");
    REQUIRE(children_at != std::string::npos);
    REQUIRE(young_at != std::string::npos);
    const std::string children = html.substr(children_at, young_at - children_at);
    CHECK_THAT(children, Catch::Contains("10 responses. Children&#39;s version (ages 6 to 12)"));
    CHECK_THAT(children,
               Catch::Contains("Getting around</th><td class=\"num\">10</td><td class=\"num strong\">2</td>"));
    CHECK_THAT(children, Catch::Contains("Nature</th><td class=\"num\">10</td><td class=\"num strong\">3</td>"));
    // The teenager is one response: counted apart, and too few to show.
    CHECK_THAT(html.substr(young_at), Catch::Contains("1 response. Young people&#39;s version"));
    CHECK_THAT(html.substr(young_at), Catch::Contains("Fewer than 10 responses: not shown"));
}
