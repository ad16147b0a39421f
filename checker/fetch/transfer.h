// One libcurl transfer: its setup from FetchOptions and its outcome in words. Shared by
// the easy fetcher (one URL: sitemaps, feeds, --original URLs) and the multi fetcher
// (a batch). Private to checker/fetch.
//
// Safety on every hop: http and https only (CURLOPT_PROTOCOLS_STR and
// CURLOPT_REDIR_PROTOCOLS_STR), at most max_redirects, the body capped on decoded bytes
// (a gzip bomb is small on the wire), response headers capped, and private addresses
// refused unless allow_private: on the address each connection is actually opened to,
// or, when a proxy may be in use, on the target's own resolved addresses before each
// request (the proxy's address is the operator's choice and is not judged).
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "checker/fetch/fetcher.h"

namespace credcheck {

// Why a transfer failed, as far as retrying and host health care.
enum class Failure {
  kNone,
  kDns,            // no address for the host
  kConnect,        // refused, unreachable
  kTimeout,        // --timeout passed
  kLost,           // reset, closed or truncated mid-response
  kHttpRetryable,  // 429, 502, 503, 504
  kHttp,           // any other status >= 300
  kPrivate,        // a private address without --allow-private
  kTooLarge,       // body past max_bytes, or headers past their cap
  kRedirects,      // more than max_redirects
  kProtocol,       // a hop to something other than http(s)
  kNotHtml,        // a 2xx answer whose Content-Type is not a page: stopped after the headers
  kOther,
};

// Worth another attempt (timeouts, lost connections, 429, 502-504)?
bool retryable(Failure f);
// Says something about the host rather than the page (dns, connect, timeout, lost)?
bool host_failure(Failure f);

// State one transfer shares with libcurl's callbacks.
struct Transfer {
  CURL* curl = nullptr;
  const FetchOptions* options = nullptr;
  bool proxied = false;          // check the target's addresses in the pre-request hook
  size_t max_bytes = 0;          // decoded body cap for this transfer
  std::string body;
  bool too_large = false;
  size_t header_bytes = 0;
  bool header_flood = false;
  std::string retry_after;       // of the last response
  long status = 0;               // of the response whose headers are being read
  std::string content_type;      // of that response
  std::string not_html;          // its media type, when it is certainly not a page
  // A page is wanted: a 2xx answer declared as something else stops after its headers.
  // (The easy fetcher also reads sitemaps and feeds, gzipped ones too: it leaves this off.)
  bool pages_only = false;
  std::string refused_address;   // the first private address refused
  std::string etag, last_modified;  // validators of the response being read
  // Set by the caller before configure(): send If-None-Match / If-Modified-Since from this
  // earlier fetch (a 304 is then an answer, not a failure), and leave redirects to the
  // caller (the multi fetcher follows them itself, so each hop meets its host's robots.txt
  // and politeness).
  const PreviousFetch* previous = nullptr;
  bool manual_redirects = false;
  bool conditional = false;  // the request carried a validator
  struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
  };
  std::unique_ptr<curl_slist, SlistFree> own_headers;  // the run's headers plus the conditions
  char error[CURL_ERROR_SIZE] = "";
};

struct Outcome {
  Failure failure = Failure::kNone;
  std::string reason;        // in words, without the URL: "HTTP 404", "timed out after 30 s"
  long status = 0;
  std::string final_url;     // after redirects
  std::string content_type;
  std::string retry_after;   // the header's value, when the response had one
  bool not_modified = false; // 304 to a conditional request (failure kNone, no body)
  std::string redirect_to;   // manual_redirects: the Location of a 3xx, absolute (failure kNone)
};

// The per-run part of a transfer's setup: header list, CA file, proxy.
class TransferSetup {
 public:
  explicit TransferSetup(const FetchOptions& options);
  ~TransferSetup();
  TransferSetup(const TransferSetup&) = delete;
  TransferSetup& operator=(const TransferSetup&) = delete;

  // Resets `curl` and sets it up to fetch `url` into `t` (t->body empty, t->curl = curl).
  void configure(CURL* curl, const std::string& url, Transfer* t, size_t max_bytes) const;
  const FetchOptions& options() const { return options_; }

 private:
  FetchOptions options_;
  curl_slist* headers_ = nullptr;
  std::string ca_file_;  // --cacert, else CURL_CA_BUNDLE, else SSL_CERT_FILE
  bool proxied_ = false;
};

// The outcome of a finished transfer (rc from libcurl) in words.
Outcome transfer_outcome(CURLcode rc, const Transfer& t);

// "http://a/ (redirected to http://b/)" or just the URL.
std::string where(const std::string& url, const std::string& final_url);

// The media type of a Content-Type that is certainly not a page, lower-cased; empty when
// the header is absent or names HTML, XML or text (servers label pages loosely).
std::string declared_not_html(const std::string& content_type);

// curl_global_init, once per process, before the first handle.
void init_curl_once();

// Retry-After as seconds from now: "120" or an HTTP date. -1 when absent or unreadable.
double retry_after_seconds(const std::string& value, time_t now);

}  // namespace credcheck
