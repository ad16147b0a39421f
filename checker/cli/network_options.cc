// How inputs are fetched over the network: concurrency and politeness, retries,
// robots.txt, proxies, certificates, identity. Shared by every command that reads URLs.
#include <CLI/CLI.hpp>

#include "checker/cli/commands.h"
#include "checker/cli/option_values.h"

namespace credcheck {

void add_network_options(CLI::App* cmd, FetchOptions* o) {
  add_count_option(cmd, "--concurrency", &o->concurrency, "Transfers in flight in all, 1 to 1024", 1, 1024);
  add_count_option(cmd, "--per-host", &o->per_host,
                   "Transfers in flight to one host (scheme, name and port), 1 to 64", 1, 64);
  add_seconds_option(cmd, "--host-interval", &o->host_interval_s,
                     "Least time between two requests to one host: 500ms, 2s (a longer robots.txt "
                     "Crawl-delay wins); at most 1h",
                     3600)
      ->default_str("0");
  add_count_option(cmd, "--retries", &o->retries,
                   "Further attempts after a timeout, a lost connection, 429 or 502-504, 0 to 10",
                   0, 10);
  cmd->add_flag("--ignore-robots", o->ignore_robots,
                "Do not fetch or honour robots.txt (the report says so)");
  auto line = [](const char* name, std::string* target) {
    return [name, target](const std::string& text) {
      std::string message = check_line(name, text);
      if (!message.empty()) throw CLI::ValidationError(message);
      *target = text;
    };
  };
  cmd->add_option_function<std::string>("--user-agent", line("--user-agent", &o->user_agent),
                                        "User-Agent header (robots.txt is matched for the token "
                                        "'credcheck' whatever it says)")
      ->default_str(o->user_agent);
  cmd->add_option_function<std::string>(
      "--proxy", line("--proxy", &o->proxy),
      "Proxy for every URL (http://host:port, socks5h://…); default: http_proxy, https_proxy, "
      "no_proxy. Private targets are refused by their own address, not the proxy's");
  cmd->add_option_function<std::vector<std::string>>(
      "-H,--header",
      [o](const std::vector<std::string>& values) {
        for (const std::string& v : values) {
          std::string message = check_header("--header", v);
          if (!message.empty()) throw CLI::ValidationError(message);
        }
        o->headers = values;
      },
      "Extra request header 'Name: value'; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--cacert", o->ca_file,
                  "CA certificates (PEM) to verify servers with; default: CURL_CA_BUNDLE, "
                  "SSL_CERT_FILE, the system store")
      ->check(CLI::ExistingFile);
  cmd->add_option("--cookie-file", o->cookie_file,
                  "Cookies to send (Netscape cookie file or Set-Cookie lines)")
      ->check(CLI::ExistingFile);
}

}  // namespace credcheck
