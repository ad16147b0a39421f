#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "checker/fetch/address.h"
#include "checker/fetch/clock.h"
#include "checker/fetch/fetcher.h"

namespace credcheck {
namespace {

// State one transfer shares with libcurl's callbacks.
struct Transfer {
  const FetchOptions* options = nullptr;
  std::string body;
  bool too_large = false;
  std::string refused_address;  // the first private address a connection was refused to
};

size_t on_write(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * count;
  if (len > t->options->max_bytes - t->body.size()) {
    t->too_large = true;
    return 0;  // anything but len aborts the transfer
  }
  t->body.append(data, len);
  return len;
}

// Every connection libcurl makes (first request, each redirect, each DNS answer it
// tries) opens its socket here, so the address check sees the address actually used.
curl_socket_t on_open_socket(void* user, curlsocktype purpose, struct curl_sockaddr* a) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !t->options->allow_private &&
      is_private_address(&a->addr)) {
    if (t->refused_address.empty()) t->refused_address = address_text(&a->addr);
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

class CurlFetcher : public Fetcher {
 public:
  explicit CurlFetcher(const FetchOptions& options)
      : options_(options), curl_(curl_easy_init()) {}
  ~CurlFetcher() override {
    if (curl_) curl_easy_cleanup(curl_);
  }
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  bool fetch(const std::string& url, Document* doc, std::string* err) override;

 private:
  void configure(const std::string& url, Transfer* t, char* error_buffer);
  std::string describe(CURLcode rc, const Transfer& t, const char* error_buffer) const;

  FetchOptions options_;
  CURL* curl_;  // reused across fetches so connections to the same host are kept
};

void CurlFetcher::configure(const std::string& url, Transfer* t, char* error_buffer) {
  curl_easy_reset(curl_);
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl_, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  if (options_.timeout_s > 0) {
    // At least 1 ms: libcurl reads 0 as "no timeout".
    long ms = std::max(1L, static_cast<long>(options_.timeout_s * 1000));
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, ms);
  }
  curl_easy_setopt(curl_, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  // Connect directly: through a proxy the address check would judge the proxy, not the page.
  curl_easy_setopt(curl_, CURLOPT_PROXY, "");
  curl_easy_setopt(curl_, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(curl_, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(curl_, CURLOPT_OPENSOCKETDATA, t);
}

std::string CurlFetcher::describe(CURLcode rc, const Transfer& t,
                                  const char* error_buffer) const {
  if (!t.refused_address.empty() && rc == CURLE_COULDNT_CONNECT) {
    return "address " + t.refused_address +
           " is private or loopback; pass --allow-private to scan it";
  }
  if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    return "larger than " + std::to_string(options_.max_bytes) + " bytes";
  }
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out after " + seconds_text(options_.timeout_s);
    case CURLE_TOO_MANY_REDIRECTS:
      return "more than " + std::to_string(options_.max_redirects) + " redirects";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return std::string("unsupported scheme, only http and https are fetched (") +
             error_buffer + ")";
    default:
      return error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
  }
}

bool CurlFetcher::fetch(const std::string& url, Document* doc, std::string* err) {
  if (!curl_) {
    *err = url + ": libcurl could not start";
    return false;
  }
  Transfer t;
  t.options = &options_;
  char error_buffer[CURL_ERROR_SIZE] = "";
  configure(url, &t, error_buffer);
  CURLcode rc = curl_easy_perform(curl_);
  const char* effective = nullptr;
  curl_easy_getinfo(curl_, CURLINFO_EFFECTIVE_URL, &effective);
  std::string final_url = effective ? effective : url;
  std::string where = final_url == url ? url : url + " (redirected to " + final_url + ")";
  if (rc != CURLE_OK) {
    *err = where + ": " + describe(rc, t, error_buffer);
    return false;
  }
  long status = 0;
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 300) {
    // 3xx here is a redirect without a Location libcurl could follow.
    *err = where + ": HTTP " + std::to_string(status);
    return false;
  }
  const char* content_type = nullptr;
  curl_easy_getinfo(curl_, CURLINFO_CONTENT_TYPE, &content_type);
  doc->input = url;
  doc->url = final_url;
  doc->bytes = std::move(t.body);
  doc->content_type = content_type ? content_type : "";
  doc->fetched_at = utc_now_iso8601();
  doc->http_status = status;
  return true;
}

}  // namespace

std::unique_ptr<Fetcher> make_curl_fetcher(const FetchOptions& options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::make_unique<CurlFetcher>(options);
}

}  // namespace credcheck
