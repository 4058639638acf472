// The dashboard's HTML writer: only markup written in the source goes out as markup.
#include <catch2/catch.hpp>

#include "html.hpp"
#include "html_text.hpp"

TEST_CASE("html: text is escaped, markup written as a literal is not") {
    sv::Html html;
    const std::string comment = "<script>alert('x')</script> & \"more\"";
    html << "<li>" << comment << "</li>";
    CHECK(html.str() == "<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</li>");
}

TEST_CASE("html: a char pointer, even to markup, and a choice between literals go in as text") {
    const char* pointer = "<b>";
    const bool bold = true;
    sv::Html html;
    html << pointer << (bold ? "<i>" : "");
    CHECK(html.str() == "&lt;b&gt;&lt;i&gt;");
    sv::Html chosen;
    chosen << (bold ? sv::Html("<i>") : sv::Html());
    CHECK(chosen.str() == "<i>");
}

TEST_CASE("html: whole numbers are written out, and Html nests as markup") {
    sv::Html row;
    row << "<td>" << 42 << "</td><td>" << std::size_t{7} << "</td>";
    sv::Html table;
    table << "<tr>" << row << "</tr>";
    CHECK(table.str() == "<tr><td>42</td><td>7</td></tr>");
    CHECK(sv::Html().empty());
}

TEST_CASE("html text: quartiles as whole or half points, dates one way") {
    CHECK(sv::half_points(2.25) == "2.5");
    CHECK(sv::half_points(2.2) == "2");
    CHECK(sv::half_points(4.75) == "5");
    CHECK(sv::half_points(6.5) == "6.5");
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK(sv::readable_day("2026-11-02T10:05:00Z") == "2 Nov 2026");
    CHECK(sv::readable_time("2026-11-02T10:05:00Z") == "2 Nov 2026 10:05");
    CHECK(sv::readable_day("not a time") == "not a time");
}
