#include "web_driver.hpp"

#include <netinet/in.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "free_port.hpp"

namespace sv::test {
namespace {

constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

std::string decode_base64(const std::string& text) {
    std::string bytes(text.size(), '\0');
    std::size_t length = 0;
    REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                              nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
    bytes.resize(length);
    return bytes;
}

}  // namespace

WebBrowser::WebBrowser(const std::string& download_folder, int width, int height) : width_(width) {
    const int port = free_loopback_port();
    driver_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/chromedriver", "--port=" + std::to_string(port)});
    std::vector<std::string> lines;
    for (int waited = 0; waited < 200; ++waited) {
        if (!driver_->read_lines_for(50, lines)) break;
        bool started = false;
        for (const auto& line : lines) started = started || line.find("started successfully") != std::string::npos;
        if (started) break;
    }
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
    client_->set_read_timeout(60, 0);
    const nlohmann::json options{
        {"binary", "/usr/bin/chromium"},
        {"args",
         {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
          "--window-size=" + std::to_string(width) + "," + std::to_string(height), "--lang=en-GB"}},
        {"prefs", {{"download.default_directory", download_folder}, {"download.prompt_for_download", false}}}};
    auto session =
        command("POST", "/session",
                {{"capabilities", {{"alwaysMatch", {{"browserName", "chrome"}, {"goog:chromeOptions", options}}}}}});
    session_ = session["sessionId"].get<std::string>();
    // A click that submits a form returns before the next page may be there: finding an
    // element waits for it (up to 10 s), so tests look for what the next page shows.
    command("POST", "/session/" + session_ + "/timeouts", {{"implicit", 10000}});
    command("POST", "/session/" + session_ + "/goog/cdp/execute",
            {{"cmd", "Browser.setDownloadBehavior"},
             {"params", {{"behavior", "allow"}, {"downloadPath", download_folder}}}});
}

WebBrowser::~WebBrowser() {
    if (!session_.empty()) client_->Delete(("/session/" + session_).c_str());
    driver_->kill_now();
    driver_->wait();
}

nlohmann::json WebBrowser::command(const std::string& method, const std::string& path, const nlohmann::json& body) {
    const std::string text = body.is_null() ? "{}" : body.dump();
    auto res = method == "GET"    ? client_->Get(path.c_str())
               : method == "POST" ? client_->Post(path.c_str(), text, "application/json")
                                  : client_->Delete(path.c_str());
    INFO(method << " " << path);
    REQUIRE(res);
    INFO(res->body.substr(0, 2000));
    REQUIRE(res->status == 200);
    auto reply = nlohmann::json::parse(res->body);
    return reply["value"];
}

void WebBrowser::open(const std::string& url) {
    command("POST", "/session/" + session_ + "/url", {{"url", url}});
}

std::string WebBrowser::current_url() {
    return command("GET", "/session/" + session_ + "/url").get<std::string>();
}

std::string WebBrowser::page_source() {
    return command("GET", "/session/" + session_ + "/source").get<std::string>();
}

std::string WebBrowser::find(const std::string& css) {
    auto found = command("POST", "/session/" + session_ + "/element", {{"using", "css selector"}, {"value", css}});
    return found[kElementKey].get<std::string>();
}

int WebBrowser::count(const std::string& css) {
    auto found = command("POST", "/session/" + session_ + "/elements", {{"using", "css selector"}, {"value", css}});
    return static_cast<int>(found.size());
}

void WebBrowser::type_into(const std::string& css, const std::string& text) {
    command("POST", "/session/" + session_ + "/element/" + find(css) + "/value", {{"text", text}});
}

void WebBrowser::click(const std::string& css) {
    command("POST", "/session/" + session_ + "/element/" + find(css) + "/click", nlohmann::json::object());
}

void WebBrowser::follow(const std::string& css) {
    const std::string element = find(css);
    command("POST", "/session/" + session_ + "/element/" + element + "/click", nlohmann::json::object());
    // An element of a page that was left is "stale": asking for its name is answered 404.
    const std::string name_of_element = "/session/" + session_ + "/element/" + element + "/name";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    bool left = false;
    while (!left && std::chrono::steady_clock::now() < deadline) {
        auto res = client_->Get(name_of_element.c_str());
        REQUIRE(res);
        left = res->status == 404;
        if (!left) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    INFO("clicking " << css << " did not lead to another page");
    REQUIRE(left);
}

std::string WebBrowser::text_of(const std::string& css) {
    return command("GET", "/session/" + session_ + "/element/" + find(css) + "/text").get<std::string>();
}

void WebBrowser::be_a_phone(int width, int height) {
    // Headless windows are 500 pixels wide at the least; a phone's screen is emulated instead.
    const nlohmann::json params{{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", true}};
    command("POST", "/session/" + session_ + "/goog/cdp/execute",
            {{"cmd", "Emulation.setDeviceMetricsOverride"}, {"params", params}});
    width_ = width;
}

std::pair<double, double> WebBrowser::page_and_window_width() {
    auto metrics = command("POST", "/session/" + session_ + "/goog/cdp/execute",
                           {{"cmd", "Page.getLayoutMetrics"}, {"params", nlohmann::json::object()}});
    return {metrics["cssContentSize"]["width"].get<double>(),
            metrics["cssLayoutViewport"]["clientWidth"].get<double>()};
}

void WebBrowser::save_screenshot(const std::string& png_file) {
    const std::string cdp = "/session/" + session_ + "/goog/cdp/execute";
    auto metrics = command("POST", cdp, {{"cmd", "Page.getLayoutMetrics"}, {"params", nlohmann::json::object()}});
    const double height = metrics["cssContentSize"]["height"].get<double>();
    const nlohmann::json clip{{"x", 0}, {"y", 0}, {"width", width_}, {"height", height}, {"scale", 1}};
    const nlohmann::json params{{"format", "png"}, {"captureBeyondViewport", true}, {"clip", clip}};
    auto shot = command("POST", cdp, {{"cmd", "Page.captureScreenshot"}, {"params", params}});
    write_file(png_file, decode_base64(shot["data"].get<std::string>()));
}

std::string WebBrowser::print_to_pdf(const std::string& pdf_file) {
    // As the browser's Print with "Save as PDF": the page's own @page size and margins.
    const nlohmann::json params{{"preferCSSPageSize", true}, {"printBackground", true}};
    auto printed =
        command("POST", "/session/" + session_ + "/goog/cdp/execute", {{"cmd", "Page.printToPDF"}, {"params", params}});
    std::string pdf = decode_base64(printed["data"].get<std::string>());
    write_file(pdf_file, pdf);
    return pdf;
}

std::string wait_for_download(const std::string& folder, const std::string& suffix, int seconds) {
    namespace fs = std::filesystem;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            const std::string name = entry.path().filename().string();
            if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
                return entry.path().string();
        }
        // The browser writes the file in its own time; nothing here to wake on.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {};
}

}  // namespace sv::test
