#include "dashboard_visitor.hpp"

#include <regex>

namespace sv::test {

DashboardVisitor::DashboardVisitor(const RunningHub& hub, std::string from_address)
    : DashboardVisitor(hub.port(), std::move(from_address)) {}

DashboardVisitor::DashboardVisitor(int port, std::string from_address)
    : port_(port), from_address_(std::move(from_address)) {}

httplib::Client DashboardVisitor::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    if (from_address_ != "127.0.0.1") c.set_interface(from_address_);  // an address, not a name: bound as such
    return c;
}

std::string DashboardVisitor::cookie_header() const {
    std::string header;
    for (const auto& [name, value] : cookies_) header += (header.empty() ? "" : "; ") + name + "=" + value;
    return header;
}

std::string DashboardVisitor::cookie(const std::string& name) const {
    const auto found = cookies_.find(name);
    return found == cookies_.end() ? std::string() : found->second;
}

void DashboardVisitor::take_cookies_and_token(const httplib::Result& res) {
    if (!res) return;
    const auto [first, last] = res->headers.equal_range("Set-Cookie");
    for (auto it = first; it != last; ++it) {
        const std::string& set = it->second;
        const auto equals = set.find('=');
        const std::string name = set.substr(0, equals);
        const std::string value = set.substr(equals + 1, set.find(';') - equals - 1);
        if (set.find("Max-Age=0") != std::string::npos)
            cookies_.erase(name);
        else
            cookies_[name] = value;
    }
    static const std::regex token_field(R"re(name="form_token" value="([0-9a-f]+)")re");
    std::smatch found;
    if (std::regex_search(res->body, found, token_field)) form_token_ = found[1];
}

httplib::Result DashboardVisitor::get(const std::string& path) {
    httplib::Headers headers;
    if (!cookies_.empty()) headers.emplace("Cookie", cookie_header());
    auto res = client().Get(path.c_str(), headers);
    take_cookies_and_token(res);
    return res;
}

httplib::Result DashboardVisitor::post(const std::string& path, httplib::Params fields, httplib::Headers extra) {
    if (form_token_.empty()) get("/dashboard");
    if (!fields.count("form_token")) fields.emplace("form_token", form_token_);
    if (!cookies_.empty()) extra.emplace("Cookie", cookie_header());
    auto res = client().Post(path.c_str(), extra, fields);
    take_cookies_and_token(res);
    return res;
}

httplib::Result DashboardVisitor::log_in(const std::string& name, const std::string& password) {
    get("/dashboard/login");
    auto res = post("/dashboard/login", {{"name", name}, {"password", password}});
    if (res && res->status == 303) form_token_.clear();  // the session's own comes with its first page
    return res;
}

}  // namespace sv::test
