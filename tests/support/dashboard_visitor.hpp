#pragma once
// An organiser's browser on the real hub's dashboard, reduced to what the hub sees of one: a
// client address (any of 127.0.0.0/8, all loopback), the cookies it was given, and the form
// token of the last page it loaded, sent back with each form as a browser would.
#include <httplib.h>

#include <map>
#include <string>

#include "running_hub.hpp"

namespace sv::test {

class DashboardVisitor {
public:
    explicit DashboardVisitor(const RunningHub& hub, std::string from_address = "127.0.0.1");
    // Through whatever listens on `port` of 127.0.0.1 (a load balancer before some hubs).
    explicit DashboardVisitor(int port, std::string from_address = "127.0.0.1");

    httplib::Result get(const std::string& path);
    // Sends a form with the last page's form token (loading the campaigns first if no page was).
    httplib::Result post(const std::string& path, httplib::Params fields = {}, httplib::Headers extra = {});
    // Loads the login page and sends its form.
    httplib::Result log_in(const std::string& name, const std::string& password);

    // "a=1; b=2", as the browser would send it.
    std::string cookie_header() const;
    std::string cookie(const std::string& name) const;
    const std::string& form_token() const { return form_token_; }
    void forget_cookie(const std::string& name) { cookies_.erase(name); }

private:
    httplib::Client client() const;
    void take_cookies_and_token(const httplib::Result& res);

    int port_;
    std::string from_address_;
    std::map<std::string, std::string> cookies_;
    std::string form_token_;
};

}  // namespace sv::test
