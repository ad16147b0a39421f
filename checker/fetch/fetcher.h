// Bytes of one page, from a file or over HTTP(S). The fetcher is an interface so tests
// and other front ends can feed pages without the network.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker/fetch/inputs.h"
#include "checker/version.h"

namespace credcheck {

struct Document {
  std::string input;         // as given (Input::spec)
  std::string url;           // final URL after redirects; for files, "file://" + absolute path
  std::string bytes;         // the body as received
  std::string content_type;  // Content-Type header value; empty for files
  std::string fetched_at;    // UTC, ISO 8601 ("2026-11-27T04:28:50Z")
  long http_status = 0;      // 0 for files
  // The validators of the answer (for the next conditional request), and whether it was
  // "304 Not Modified" to one (then `bytes` is empty: the page is Input::previous's).
  std::string etag, last_modified;
  bool not_modified = false;
};

// The User-Agent sent unless --user-agent says otherwise; its product token
// ("credcheck") is the one robots.txt groups are matched against. "credcheck/VERSION",
// with " (+URL)" when the build names the project's home (cmake -DCREDCHECK_HOMEPAGE=URL;
// checker/version.h.in), so site owners can read what the crawler is.
inline constexpr const char* kRobotsToken = "credcheck";
inline constexpr const char* kDefaultUserAgent = kUserAgent;

struct FetchOptions {
  double timeout_s = 30;         // whole transfer
  bool allow_private = false;    // loopback, private, link-local addresses refused unless set
  size_t max_bytes = 16 << 20;   // larger (decoded) bodies are refused, not truncated silently
  int max_redirects = 10;
  std::string user_agent = kDefaultUserAgent;
  // Real networks (see transfer.h).
  std::string proxy;                 // --proxy; empty: http_proxy/https_proxy/no_proxy apply
  std::string ca_file;               // --cacert; empty: CURL_CA_BUNDLE, SSL_CERT_FILE, system
  std::vector<std::string> headers;  // -H 'Name: value'
  std::string cookie_file;           // --cookie-file (Netscape or Set-Cookie lines)
  // The multi fetcher (multi_fetcher.h).
  int concurrency = 16;        // transfers in flight in all
  int per_host = 2;            // transfers in flight to one host
  double host_interval_s = 0;  // at least this long between two starts on one host
  int retries = 3;             // further attempts after a timeout, a lost connection, 429, 502-504
  bool ignore_robots = false;  // robots.txt is fetched and honoured unless set
  double retry_after_cap_s = 60;  // a longer Retry-After is waited this long
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches one http(s) URL into *doc. On failure returns false and sets *err to a
  // message a person can act on ("http://x/: HTTP 404", "…: address 127.0.0.1 is
  // private; pass --allow-private to scan it", "…: timed out after 30 s").
  virtual bool fetch(const std::string& url, Document* doc, std::string* err) = 0;
};

// The real fetcher, on libcurl.
std::unique_ptr<Fetcher> make_curl_fetcher(const FetchOptions& options);

// Is this body certainly not a page (a PDF, an image, an archive, JSON)? Judged by the
// Content-Type when it names something else, then by the first bytes. *why: "not HTML
// (application/pdf)".
bool not_html(const Document& doc, std::string* why);

// Reads a whole file, refusing one past `max_bytes` (also one that grows while read).
bool read_file(const std::string& path, size_t max_bytes, std::string* bytes, std::string* err);

// Reads a file input from disk or fetches a URL input through `fetcher` (null: a URL
// input is refused). Files over options.max_bytes are refused the same way as bodies; so
// is a body that is not_html().
bool load_input(const Input& input, Fetcher* fetcher, const FetchOptions& options,
                Document* doc, std::string* err);

}  // namespace credcheck
