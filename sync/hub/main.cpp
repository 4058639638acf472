// streetvoice-hub: the council's central endpoint. Subcommands (--help lists their options):
//   serve        answer kiosks and organisers over HTTP(S)
//   enrol-code   print a one-time code that enrols one tablet
//   devices      list, name or revoke tablets
//   publish      publish a campaign version to the kiosks
//   export       a campaign's responses as CSV, tidy CSV or .pb
//   copy         the whole hub into another database (a move, a backup, a restore)
//   organiser, councillor   who may open the dashboard (password on standard input)
//   public       the results anyone may read at /results/ID
//   verify       check a campaign's chains, voter codes and counts from scratch
#include <pthread.h>
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "access_log.hpp"
#include "audit_log.hpp"
#include "campaign.hpp"
#include "campaign_audit.hpp"
#include "campaign_picture_files.hpp"
#include "device_name.hpp"
#include "event_log.hpp"
#include "hub_backup.hpp"
#include "hub_copy.hpp"
#include "hub_export.hpp"
#include "hub_secrets.hpp"
#include "hub_server.hpp"
#include "hub_store.hpp"
#include "open_hub_store.hpp"
#include "organiser_sessions.hpp"
#include "tidy_csv.hpp"
#include "uuid.hpp"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 3;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "streetvoice-hub: %s\n", message.c_str());
    return code;
}

int serve(sv::HubStore& store, const std::string& store_kind, const std::string& listen, const std::string& cert,
          const std::string& key, bool behind_tls_proxy, const std::string& access_log_path) {
    auto address = sv::parse_listen_address(listen);
    if (!address) return fail(kExitUsage, address.error().message);
    std::unique_ptr<sv::AccessLog> access_log;
    if (access_log_path != "off") {
        auto opened = sv::AccessLog::open(access_log_path);
        if (!opened) return fail(kExitFailure, opened.error().message);
        access_log = std::move(opened).value();
    }
    // SIGTERM and SIGINT are taken by this thread alone, with sigwait: blocked before any other
    // thread starts, so none of them is interrupted and stopping is ordinary code.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    sv::HubServer server(store);
    if (access_log)
        server.log_requests_with([&access_log](const sv::AccessRecord& r) {
            // A monitor asking every few seconds would bury everything else; only trouble is written.
            if (r.status == 200 && (r.path == "/healthz" || r.path == "/readyz")) return;
            access_log->write(r);
        });
    auto port = server.start(address.value(), cert, key, behind_tls_proxy);
    if (!port) return fail(kExitUsage, port.error().message);
    const std::string url = std::string(cert.empty() ? "http" : "https") + "://" + address.value().host + ":" +
                            std::to_string(port.value());
    std::printf("listening on %s\n", url.c_str());
    std::fflush(stdout);
    sv::log_event("hub_started", {{"version", STREETVOICE_VERSION}, {"listen", url}, {"store", store_kind}});
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    sv::log_event("hub_stopped", {{"signal", signal == SIGTERM ? "TERM" : "INT"}});
    return 0;
}

int publish(sv::HubStore& store, const std::string& file) {
    auto campaign = sv::load_campaign_file(file);
    if (!campaign) return fail(kExitUsage, campaign.error().message);
    auto pictures = sv::campaign_pictures_beside(campaign.value());
    if (!pictures) return fail(kExitUsage, pictures.error().message);
    sv::PublishedCampaign publishing{
        campaign.value().id,   campaign.value().version, campaign.value().definition_json, {}, {},
        pictures.value().named};
    auto published = store.publish_campaign(publishing, pictures.value().bytes);
    if (!published) return fail(kExitUsage, published.error().message);
    if (published.value()) {
        sv::audit(store, sv::command_line_user(),
                  "published campaign " + campaign.value().id + " version " + std::to_string(campaign.value().version));
        sv::log_event("campaign_published", {{"campaign", campaign.value().id},
                                             {"version", std::to_string(campaign.value().version)},
                                             {"by", sv::command_line_user()}});
    }
    std::printf("%s campaign %s version %d\n",
                published.value() ? "published" : "already published:", campaign.value().id.c_str(),
                campaign.value().version);
    return 0;
}

int copy(sv::HubStore& from, const std::string& target) {
    auto to = sv::open_hub_store(target);
    if (!to) return fail(kExitFailure, to.error().message);
    auto copied = sv::copy_hub(from, *to.value());
    if (!copied)
        return fail(kExitFailure, "the copy stopped: " + copied.error().message +
                                      ". The old hub is unchanged; run the copy again once it is put right.");
    const auto& c = copied.value();
    std::printf("copied %lld devices, %lld campaign versions, %lld responses (%lld were there already)\n",
                static_cast<long long>(c.devices), static_cast<long long>(c.campaign_versions),
                static_cast<long long>(c.responses), static_cast<long long>(c.already_there));
    return 0;
}

std::string counts_of(const sv::HubCopyCounts& c) {
    return std::to_string(c.devices) + " devices, " + std::to_string(c.campaign_versions) + " campaign versions, " +
           std::to_string(c.responses) + " responses";
}

int back_up(sv::HubStore& from) {
    if (isatty(STDOUT_FILENO))
        return fail(kExitUsage,
                    "backup writes the hub to standard output: send it to a file, e.g. streetvoice-hub --config "
                    "/etc/streetvoice/hub.conf backup > hub-$(date +%F).sqlite");
    auto backed_up = sv::back_up_hub(from, stdout);
    if (!backed_up) return fail(kExitFailure, backed_up.error().message);
    std::fprintf(stderr, "streetvoice-hub: backed up %s\n", counts_of(backed_up.value()).c_str());
    return 0;
}

int restore(sv::HubStore& into) {
    if (isatty(STDIN_FILENO))
        return fail(kExitUsage,
                    "restore reads a backup on standard input, e.g. streetvoice-hub --config /etc/streetvoice/hub.conf "
                    "restore < hub-2026-11-30.sqlite");
    auto restored = sv::restore_hub(stdin, into);
    if (!restored) return fail(kExitFailure, "nothing was restored: " + restored.error().message);
    sv::audit(into, sv::command_line_user(), "restored a backup: " + counts_of(restored.value()));
    std::printf(
        "restored %s (%lld were here already). Tablets send again, at their next sync, any answers the backup "
        "lacks.\n",
        counts_of(restored.value()).c_str(), static_cast<long long>(restored.value().already_there));
    return 0;
}

// The password comes on standard input, so it is never in the shell's history or `ps`.
// `ward`: a ward councillor's; empty for an organiser.
int add_organiser(sv::HubStore& store, const std::string& name, const std::string& ward) {
    const std::string role = ward.empty() ? "organiser " : "councillor ";
    std::string password;
    if (!std::getline(std::cin, password))
        return fail(kExitUsage, "type the " + role + "'s password on standard input, e.g. streetvoice-hub " + role +
                                    "--db ... " + name + (ward.empty() ? "" : " --ward \"" + ward + "\"") +
                                    " < password.txt");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto existing = store.organiser(name);
    if (!existing) return fail(kExitFailure, existing.error().message);
    if (auto saved = sv::save_organiser(store, name, password, ward); !saved)
        return fail(kExitUsage, saved.error().message);
    const std::string as = ward.empty() ? "organiser " + name : "councillor " + name + " for ward " + ward;
    std::string action = "added " + as;
    if (existing.value())
        action = existing.value()->councillor_ward == ward
                     ? "gave " + as + " a new password"
                     : "made " + name + (ward.empty() ? " an organiser" : " councillor for ward " + ward) +
                           ", with a new password";
    sv::audit(store, sv::command_line_user(), action);
    if (ward.empty())
        std::printf("%s can now log in to the dashboard\n", name.c_str());
    else
        std::printf("%s can now log in and read the reports for ward %s, and nothing else\n", name.c_str(),
                    ward.c_str());
    return 0;
}

int manage_devices(sv::HubStore& store, const std::vector<std::string>& naming, const std::string& revoking) {
    if (naming.size() == 2) {
        const std::string& id = naming[0];
        const std::string& name = naming[1];
        if (auto problem = sv::why_not_device_name(name)) return fail(kExitUsage, *problem);
        auto named = store.name_device(id, name);
        if (!named) return fail(kExitFailure, named.error().message);
        if (!named.value()) return fail(kExitUsage, "no enrolled device has the id " + id + "; nothing was changed");
        sv::audit(store, sv::command_line_user(), "named device " + id + " \"" + name + "\"");
        std::printf("device %s is now \"%s\" on the dashboard\n", id.c_str(), name.c_str());
        return 0;
    }
    if (!revoking.empty()) {
        auto revoked = store.revoke_device(revoking);
        if (!revoked) return fail(kExitFailure, revoked.error().message);
        if (!revoked.value())
            return fail(kExitUsage, "no enrolled device has the id " + revoking + "; nothing was changed");
        sv::audit(store, sv::command_line_user(), "revoked device " + revoking);
        std::printf(
            "device %s is refused from now on; its answers already here are kept. To use it again: "
            "streetvoice-hub enrol-code --for-device %s\n",
            revoking.c_str(), revoking.c_str());
        return 0;
    }
    auto devices = store.devices();
    if (!devices) return fail(kExitFailure, devices.error().message);
    if (devices.value().empty()) std::printf("no tablet is enrolled yet: streetvoice-hub enrol-code makes a code\n");
    for (const auto& d : devices.value())
        std::printf(
            "%s  %-24s enrolled %s  %s%s\n", d.device_id.c_str(), d.name.empty() ? "(no name)" : d.name.c_str(),
            d.enrolled_at.substr(0, 10).c_str(),
            d.campaigns.empty() ? "every campaign" : ("campaigns " + sv::joined_campaign_ids(d.campaigns)).c_str(),
            d.revoked_at.empty() ? "" : ("  REVOKED " + d.revoked_at.substr(0, 10)).c_str());
    return 0;
}

int switch_public_results(sv::HubStore& store, const std::string& campaign_id, const std::string& on_or_off) {
    auto known = sv::newest_published_campaign(store, campaign_id);
    if (!known) return fail(kExitUsage, known.error().message + "; check the spelling, or publish it first");
    const bool on = on_or_off == "on";
    auto was = store.results_public(campaign_id);
    if (!was) return fail(kExitFailure, was.error().message);
    if (auto switched = store.set_results_public(campaign_id, on, sv::command_line_user()); !switched)
        return fail(kExitFailure, switched.error().message);
    if (was.value() != on)
        sv::audit(store, sv::command_line_user(),
                  on ? "made the results of campaign " + campaign_id + " public"
                     : "took the results of campaign " + campaign_id + " off the public page");
    if (on)
        std::printf("anyone can now read the results of %s at /results/%s (no comments, no group under 10)\n",
                    campaign_id.c_str(), campaign_id.c_str());
    else
        std::printf("the results of %s are no longer public; /results/%s says there is no such page\n",
                    campaign_id.c_str(), campaign_id.c_str());
    return 0;
}

int remove(sv::HubStore& store, const std::string& name) {
    auto removed = store.remove_organiser(name);
    if (!removed) return fail(kExitFailure, removed.error().message);
    if (!removed.value()) return fail(kExitUsage, "there is no organiser called " + name + "; nothing was changed");
    sv::audit(store, sv::command_line_user(), "removed organiser " + name);
    std::printf("%s can no longer log in to the dashboard; their open sessions have ended\n", name.c_str());
    return 0;
}

}  // namespace

// Exit 0 only when every check agrees; 1 when any does not; 3 when the hub could not be read.
int verify(sv::HubStore& store, const std::string& campaign_id) {
    auto audit = sv::audit_campaign(store, campaign_id);
    if (!audit) return fail(kExitFailure, audit.error().message);
    for (const auto& line : audit.value().held) std::printf("agrees: %s\n", line.c_str());
    for (const auto& line : audit.value().notes) std::printf("note: %s\n", line.c_str());
    for (const auto& line : audit.value().problems) std::printf("DOES NOT AGREE: %s\n", line.c_str());
    const bool agrees = audit.value().agrees();
    const std::string verdict = agrees ? "campaign " + campaign_id + " verifies: everything agrees."
                                       : "campaign " + campaign_id +
                                             " does NOT verify: " + std::to_string(audit.value().problems.size()) +
                                             " problem(s) above.";
    std::printf("%s\n", verdict.c_str());
    return agrees ? 0 : 1;
}

int main(int argc, char** argv) {
    CLI::App cli{"Streetvoice hub: where every kiosk's responses come together"};
    cli.set_version_flag("--version", "streetvoice-hub " STREETVOICE_VERSION);
    cli.require_subcommand(1);
    // The installed service reads /etc/streetvoice/hub.conf this way: "db = ...", "listen = ...".
    // These settings belong to the hub, not to one command (a [serve] section would run serve).
    cli.set_config("--config", "", "Settings file (INI/TOML), e.g. /etc/streetvoice/hub.conf");
    std::string database, listen, cert, key, campaign_file, campaign_id, format, activity_id;
    cli.add_option("--db", database, "sqlite:PATH or postgresql://...");
    cli.add_option("--listen", listen, "serve: address and port, e.g. 127.0.0.1:8080");
    cli.add_option("--cert", cert, "serve: TLS certificate (PEM)");
    cli.add_option("--key", key, "serve: TLS private key (PEM)");
    std::string access_log_path = "-";
    cli.add_option("--access-log", access_log_path,
                   "serve: a line per request to this file, \"-\" for standard error (the journal), \"off\" for none")
        ->capture_default_str();
    bool behind_tls_proxy = false;
    cli.add_flag("--behind-tls-proxy", behind_tls_proxy,
                 "serve: browsers reach the hub through an HTTPS proxy (e.g. nginx), so its cookies are HTTPS-only");
    // Each command takes them after its name too: "streetvoice-hub serve --db ... --listen ...".
    auto takes_hub_settings = [](CLI::App* command) { command->fallthrough(); };
    CLI::App* serving = cli.add_subcommand("serve", "Answer kiosks and organisers over HTTP(S)");
    takes_hub_settings(serving);
    CLI::App* enrol = cli.add_subcommand("enrol-code", "Print a one-time code that enrols one device");
    takes_hub_settings(enrol);
    std::string for_device;
    enrol->add_option("--for-device", for_device,
                      "A code for this device id only, which may enrol it again (a tablet that lost its token)");
    std::vector<std::string> enrol_campaigns;
    enrol->add_option("--campaign", enrol_campaigns,
                      "The device may fetch and answer only this campaign (repeat for several); without it, every one");
    std::string device_name;
    enrol->add_option("--name", device_name,
                      "The name staff know the tablet by (\"Library tablet 2\"), shown on the dashboard");
    std::vector<std::string> naming;
    std::string revoking;
    CLI::App* fleet = cli.add_subcommand(
        "devices", "List the enrolled tablets; or name one, or take a lost or stolen one off the hub");
    takes_hub_settings(fleet);
    fleet->add_option("--name", naming, "ID NAME: give the tablet the name staff know it by (\"Library tablet 2\")")
        ->expected(2);
    fleet->add_option("--revoke", revoking,
                      "ID: refuse the tablet from now on (its answers stay on it; only a code made for its id "
                      "enrols it again)");
    CLI::App* publishing = cli.add_subcommand("publish", "Publish a campaign version to the kiosks");
    takes_hub_settings(publishing);
    publishing->add_option("campaign", campaign_file, "The campaign file (JSON)")->required();
    std::string target;
    CLI::App* copying =
        cli.add_subcommand("copy", "Copy the whole hub into another database (e.g. SQLite to PostgreSQL)");
    takes_hub_settings(copying);
    copying->add_option("--to", target, "The new database: postgresql://... or sqlite:PATH")->required();
    CLI::App* backing_up = cli.add_subcommand(
        "backup", "Write the whole hub, on SQLite or PostgreSQL, as one SQLite file to standard output");
    takes_hub_settings(backing_up);
    CLI::App* restoring = cli.add_subcommand(
        "restore", "Add a backup (on standard input) to the hub: nothing doubled; tablets resend what it lacks");
    takes_hub_settings(restoring);
    CLI::App* exporting =
        cli.add_subcommand("export", "Print a campaign's responses as CSV (raw, or one activity's tidy) or .pb");
    takes_hub_settings(exporting);
    exporting->add_option("--campaign", campaign_id, "Campaign id")->required();
    exporting
        ->add_option("--format", format,
                     "csv (every response, its answers as JSON), tidy-csv (one activity: a column per theme, answer "
                     "or project) or pb")
        ->required()
        ->check(CLI::IsMember({"csv", "tidy-csv", "pb"}));
    exporting->add_option("--activity", activity_id,
                          "For tidy-csv, which activity (default: the first; about-you for the questions about the "
                          "person); for pb, which budget vote when there are several");
    int export_version = 0;
    exporting
        ->add_option("--campaign-version", export_version,
                     "For pb: the ballots cast under this version, when versions asked voters different things")
        ->check(CLI::Range(1, 1000000000));
    std::string organiser_name;
    CLI::App* organiser = cli.add_subcommand(
        "organiser",
        "Add an organiser who may open the dashboard, or give one a new password (read from standard input)");
    takes_hub_settings(organiser);
    organiser->add_option("name", organiser_name, "Their name or email address")->required();
    bool remove_organiser = false;
    organiser->add_flag("--remove", remove_organiser,
                        "Remove the organiser instead: they cannot log in, and their open sessions end");
    std::string councillor_name, councillor_ward;
    CLI::App* councillor = cli.add_subcommand(
        "councillor",
        "Add a ward councillor, who may read that ward's reports and comments and nothing else (password from "
        "standard input)");
    takes_hub_settings(councillor);
    councillor->add_option("name", councillor_name, "Their name or email address")->required();
    councillor->add_option("--ward", councillor_ward, "The ward, as staff give it at the stall")->required();
    std::string public_campaign, public_switch;
    std::string verify_campaign;
    CLI::App* verifying = cli.add_subcommand(
        "verify",
        "Check a campaign from scratch: every tablet's chain of answers, every voter code rule, and every count and "
        "budget outcome against the dashboard's (exit 0 only if all agree, 1 if not)");
    takes_hub_settings(verifying);
    verifying->add_option("--campaign", verify_campaign, "The campaign's id")->required();
    CLI::App* public_page = cli.add_subcommand(
        "public", "Let anyone read a campaign's results at /results/ID (on), or stop it (off); off until switched on");
    takes_hub_settings(public_page);
    public_page->add_option("--campaign", public_campaign, "The campaign's id")->required();
    public_page->add_option("switch", public_switch, "on or off")->required()->check(CLI::IsMember({"on", "off"}));
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : kExitUsage;
    }

    if (database.empty())
        return fail(kExitUsage,
                    "say which database to use: --db sqlite:PATH (or postgresql://...), or db = ... in "
                    "the --config file");
    if (serving->parsed() && listen.empty())
        return fail(kExitUsage, "say where to listen: --listen 127.0.0.1:8080, or listen = ... in the --config file");
    auto store = sv::open_hub_store(database);
    if (!store) return fail(kExitFailure, store.error().message);
    if (serving->parsed())
        return serve(*store.value(), database.rfind("postgres", 0) == 0 ? "postgresql" : "sqlite", listen, cert, key,
                     behind_tls_proxy, access_log_path);
    if (copying->parsed()) return copy(*store.value(), target);
    if (backing_up->parsed()) return back_up(*store.value());
    if (restoring->parsed()) return restore(*store.value());
    if (publishing->parsed()) return publish(*store.value(), campaign_file);
    if (organiser->parsed() && remove_organiser) return remove(*store.value(), organiser_name);
    if (organiser->parsed()) return add_organiser(*store.value(), organiser_name, "");
    if (councillor->parsed()) {
        if (councillor_ward.empty()) return fail(kExitUsage, "say which ward: --ward \"Riverside\"");
        return add_organiser(*store.value(), councillor_name, councillor_ward);
    }
    if (verifying->parsed()) return verify(*store.value(), verify_campaign);
    if (public_page->parsed()) return switch_public_results(*store.value(), public_campaign, public_switch);
    if (fleet->parsed()) return manage_devices(*store.value(), naming, revoking);
    if (enrol->parsed()) {
        if (!device_name.empty())
            if (auto problem = sv::why_not_device_name(device_name)) return fail(kExitUsage, *problem);
        if (!for_device.empty() && !sv::looks_like_uuid(for_device))
            return fail(kExitUsage,
                        "--for-device takes a device id as the exports show it (a UUID), not \"" + for_device + "\"");
        for (const auto& id : enrol_campaigns)
            if (auto known = sv::newest_published_campaign(*store.value(), id); !known)
                return fail(kExitUsage, known.error().message + "; check the spelling, or publish it first");
        const std::string code = sv::new_enrolment_code();
        auto added = store.value()->add_enrolment_code(sv::secret_hash(sv::normalise_enrolment_code(code)), for_device,
                                                       enrol_campaigns, device_name);
        if (!added) return fail(kExitFailure, added.error().message);
        sv::audit(*store.value(), sv::command_line_user(),
                  std::string(for_device.empty() ? "issued an enrolment code"
                                                 : "issued an enrolment code for device " + for_device) +
                      (enrol_campaigns.empty() ? "" : ", campaigns " + sv::joined_campaign_ids(enrol_campaigns)) +
                      (device_name.empty() ? "" : ", named \"" + device_name + "\""));
        std::printf("%s\n", code.c_str());
        return 0;
    }
    if (format == "tidy-csv") {
        auto exported = sv::export_tidy_csv(*store.value(), campaign_id, activity_id);
        if (!exported) return fail(kExitUsage, exported.error().message);
        std::fwrite(exported.value().data(), 1, exported.value().size(), stdout);
        return 0;
    }
    if (format == "csv") {
        auto exported = sv::export_csv(*store.value(), campaign_id);
        if (!exported) return fail(kExitUsage, exported.error().message);
        std::fwrite(exported.value().data(), 1, exported.value().size(), stdout);
        return 0;
    }
    auto exports = sv::export_pb_by_version(*store.value(), campaign_id, activity_id);
    if (!exports) return fail(kExitUsage, exports.error().message);
    auto exported = sv::pb_export_of_version(exports.value(), campaign_id, export_version);
    if (!exported)
        return fail(kExitUsage,
                    exported.error().message + (export_version == 0 ? " Add --campaign-version N for version N." : ""));
    std::fwrite(exported.value().text.data(), 1, exported.value().text.size(), stdout);
    // The organiser must see what was left out, and why.
    for (const auto& group : exported.value().held_back) {
        std::string uuids;
        for (const auto& uuid : group) uuids += (uuids.empty() ? "" : ", ") + uuid;
        std::fprintf(stderr,
                     "streetvoice-hub: held back %zu %s whose voter code an earlier ballot had already used: %s. "
                     "The earlier ballot is counted; see the CSV's voter_code_flag column for the devices.\n",
                     group.size(), group.size() == 1 ? "ballot" : "ballots", uuids.c_str());
    }
    return 0;
}
