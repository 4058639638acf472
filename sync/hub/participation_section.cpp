#include "participation_section.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "html_text.hpp"

namespace sv {
namespace {

Html hour_chart(const std::array<int, 24>& by_hour) {
    const int tallest = std::max(1, *std::max_element(by_hour.begin(), by_hour.end()));
    constexpr int kBar = 26, kHeight = 120, kLeft = 20;
    Html svg;
    svg << "<svg class=\"hours\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << 24 * kBar + 2 * kLeft << " "
        << kHeight + 40 << "\" width=\"" << 24 * kBar + 2 * kLeft << "\" height=\"" << kHeight + 40
        << "\" role=\"img\"><title>Responses by hour of the day</title>";
    for (int h = 0; h < 24; ++h) {
        const int count = by_hour[static_cast<std::size_t>(h)];
        const int height = count * kHeight / tallest;
        const int x = kLeft + h * kBar;
        svg << "<rect x=\"" << x + 3 << "\" y=\"" << kHeight - height + 16 << "\" width=\"" << kBar - 6
            << "\" height=\"" << height << "\" fill=\"#1d5fa3\"/>";
        if (count > 0)
            svg << "<text x=\"" << x + kBar / 2 << "\" y=\"" << kHeight - height + 12
                << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1f2933\">" << count << "</text>";
        if (h % 3 == 0)
            svg << "<text x=\"" << x + kBar / 2 << "\" y=\"" << kHeight + 34
                << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#52606d\">" << (h < 10 ? "0" : "") << h
                << ":00</text>";
    }
    return svg << "</svg>";
}

// "2026-11-22" as "22 Nov".
std::string short_day(const std::string& day) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (day.size() != 10) return day;
    const int month = std::atoi(day.substr(5, 2).c_str());
    if (month < 1 || month > 12) return day;
    return std::to_string(std::atoi(day.substr(8, 2).c_str())) + " " + kMonths[month - 1];
}

Html day_chart(const std::vector<std::pair<std::string, int>>& by_day) {
    int tallest = 1;
    for (const auto& [day, count] : by_day) tallest = std::max(tallest, count);
    const int days = static_cast<int>(by_day.size());
    const int bar = std::clamp(960 / std::max(days, 1), 6, 40), height = 120, left = 20;
    const int width = days * bar + 2 * left;
    Html svg;
    svg << "<svg class=\"days\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height + 40
        << "\" width=\"" << width << "\" height=\"" << height + 40 << "\" role=\"img\"><title>Responses by day</title>";
    const int label_every = days <= 14 ? 1 : days <= 62 ? 7 : 14;
    for (int d = 0; d < days; ++d) {
        const auto& [day, count] = by_day[static_cast<std::size_t>(d)];
        const int tall = count * height / tallest;
        const int x = left + d * bar;
        svg << "<rect x=\"" << x + 1 << "\" y=\"" << height - tall + 16 << "\" width=\"" << bar - 2 << "\" height=\""
            << tall << "\" fill=\"#1d5fa3\"><title>" << short_day(day) << ": " << count << "</title></rect>";
        if (count > 0 && bar >= 20)
            svg << "<text x=\"" << x + bar / 2 << "\" y=\"" << height - tall + 12
                << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1f2933\">" << count << "</text>";
        if (d % label_every == 0)
            svg << "<text x=\"" << x + bar / 2 << "\" y=\"" << height + 34
                << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#52606d\">" << short_day(day) << "</text>";
    }
    return svg << "</svg>";
}

std::string minutes(double value) {
    if (value < 90) return one_decimal(value) + " min";
    if (value < 48 * 60) return one_decimal(value / 60) + " h";
    return one_decimal(value / 60 / 24) + " days";
}

// What the tablet said it keeps beside what the hub holds: answers it sent that the hub lacks
// (a hub restored from an older backup) stand out until the tablet sends them again.
Html on_tablet(const DeviceParticipation& d) {
    Html html;
    if (!d.on_tablet) return html << Html("<span class=\"muted\">Not told yet</span>");
    const auto& t = *d.on_tablet;
    html << t.answers;
    const std::int64_t lacking = t.answers - t.waiting - t.refused - d.responses;
    if (lacking > 0)
        html << " · " << Html("<strong class=\"lacking\">") << lacking << " sent but not here" << Html("</strong>");
    else if (t.waiting == 0 && t.refused == 0)
        html << " · all here";
    if (t.waiting > 0) html << " · " << t.waiting << " waiting";
    if (t.refused > 0) html << " · " << t.refused << " refused";
    return html << Html(" <span class=\"muted\">(as of ") << readable_time(t.reported_at) << ")</span>";
}

}  // namespace

Html answer_dates(const Participation& p) {
    Html html;
    if (p.by_day.empty()) return html << "No answers yet";
    const std::string first = readable_calendar_day(p.by_day.front().first);
    const std::string last = readable_calendar_day(p.by_day.back().first);
    if (first == last) return html << "Answers given on " << first;
    return html << "Answers given " << first << " to " << last;
}

Html events_table(const std::vector<EventParticipation>& events) {
    Html html;
    html << "<table class=\"events\"><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Ward</th><th "
            "scope=\"col\">Started</th><th scope=\"col\" class=\"num\">Responses</th></tr></thead><tbody>";
    for (const auto& e : events)
        html << "<tr><th scope=\"row\">" << (e.place.empty() ? "Unnamed event" : e.place) << "</th><td>"
             << (e.ward.empty() ? "–" : e.ward) << "</td><td>" << readable_time(e.started_at)
             << "</td><td class=\"num\">" << e.responses << "</td></tr>";
    return html << "</tbody></table>";
}

Html participation_section(const Participation& p) {
    Html html;
    html << "<section id=\"participation\"><h2>Who took part, where and when</h2>";
    if (p.responses == 0) return html << "<p class=\"hidden\">No responses yet.</p></section>";
    html << "<ul class=\"figures\"><li><strong>" << p.responses << "</strong> responses</li><li><strong>"
         << p.events.size() << "</strong> events</li><li><strong>" << p.devices.size()
         << "</strong> kiosks</li><li><strong>" << minutes(p.median_lag_minutes)
         << "</strong> typical wait from answer to hub</li></ul>";
    html << "<h3>By event</h3>" << events_table(p.events);
    if (!p.by_day.empty()) {
        html << "<h3>By day</h3>";
        if (p.earlier_days_left_out)
            html << "<p class=\"muted\">The last " << kMostDaysShown << " days; every day is in the CSV.</p>";
        html << day_chart(p.by_day);
    }
    html << "<h3>By hour of the day</h3>" << hour_chart(p.by_hour);
    html << "<h3>By kiosk</h3><table><thead><tr><th scope=\"col\">Kiosk</th><th scope=\"col\" "
            "class=\"num\">Responses</th><th scope=\"col\">On the tablet</th><th scope=\"col\">Last "
            "arrived</th><th scope=\"col\" class=\"num\">Typical wait</th><th scope=\"col\" class=\"num\">Longest "
            "wait</th></tr></thead><tbody>";
    for (const auto& d : p.devices)
        html << "<tr><th scope=\"row\">"
             << (d.name.empty() ? Html("<code>") << d.device_id.substr(0, 8) << "</code>" : Html() << d.name)
             << (d.revoked ? Html(" <span class=\"muted\">(revoked)</span>") : Html()) << "</th><td class=\"num\">"
             << d.responses << "</td><td>" << on_tablet(d) << "</td><td>"
             << (d.last_received.empty() ? "–" : readable_time(d.last_received)) << "</td><td class=\"num\">"
             << minutes(d.median_lag_minutes) << "</td><td class=\"num\">" << minutes(d.longest_lag_minutes)
             << "</td></tr>";
    return html << "</tbody></table></section>";
}

}  // namespace sv
