#pragma once
// Debian's Chromium, headless, driven through Debian's chromedriver over the W3C WebDriver
// protocol (JSON over HTTP on 127.0.0.1): open pages, type, click, read text, save
// full-page screenshots and downloads, as an organiser's browser would.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "child_process.hpp"
#include "temp_folder.hpp"

namespace sv::test {

class WebBrowser {
public:
    // Downloads land in `download_folder`.
    explicit WebBrowser(const std::string& download_folder, int width = 1280, int height = 900);
    ~WebBrowser();
    WebBrowser(const WebBrowser&) = delete;
    WebBrowser& operator=(const WebBrowser&) = delete;

    void open(const std::string& url);
    std::string current_url();
    std::string page_source();
    // The first element matching a CSS selector; fails the test when there is none.
    std::string find(const std::string& css);
    // How many elements match.
    int count(const std::string& css);
    void type_into(const std::string& css, const std::string& text);
    void click(const std::string& css);
    // Clicks a link or a form's button and waits (up to 10 s) until the page it was on has
    // gone, so what is read next is the page that came back, not the one left behind.
    void follow(const std::string& css);
    std::string text_of(const std::string& css);
    // From now on the pages are shown as on a phone's screen of that size (CSS pixels).
    void be_a_phone(int width, int height);
    // How wide the page is laid out, and how wide the window shows it, in CSS pixels: a page
    // wider than its window scrolls sideways.
    std::pair<double, double> page_and_window_width();
    // The whole page, not just the window, as a PNG file.
    void save_screenshot(const std::string& png_file);
    // The page as printed on paper (print styles, page breaks), saved as a PDF; returns its bytes.
    std::string print_to_pdf(const std::string& pdf_file);

private:
    nlohmann::json command(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);

    std::unique_ptr<ChildProcess> driver_;
    std::unique_ptr<httplib::Client> client_;
    std::string session_;
    int width_ = 0;
};

// Waits (polling, up to `seconds`) for a file whose name ends with `suffix` to finish
// downloading into `folder`; returns its path, or "" when none came.
std::string wait_for_download(const std::string& folder, const std::string& suffix, int seconds = 30);

}  // namespace sv::test
