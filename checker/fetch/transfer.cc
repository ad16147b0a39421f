#include "checker/fetch/transfer.h"

#include <netdb.h>
#include <strings.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "checker/fetch/address.h"

namespace credcheck {
namespace {

// Far more than any page's response headers; a header flood stops here.
constexpr size_t kMaxHeaderBytes = 256 << 10;

size_t on_write(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * count;  // decoded bytes: libcurl has already inflated gzip/br/zstd
  if (len > t->max_bytes - t->body.size()) {
    t->too_large = true;
    return 0;  // anything but len aborts the transfer
  }
  t->body.append(data, len);
  return len;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * count;
  t->header_bytes += len;
  if (t->header_bytes > kMaxHeaderBytes) {
    t->header_flood = true;
    return 0;
  }
  std::string_view line(data, len);
  auto value_of = [&](size_t name_len) {
    std::string_view v = line.substr(name_len);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    return std::string(v.substr(0, 256));
  };
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (a redirect hop, or after 100 Continue).
    t->retry_after.clear();
    t->content_type.clear();
    t->etag.clear();
    t->last_modified.clear();
    size_t space = line.find(' ');
    t->status = space == std::string_view::npos ? 0 : std::atol(std::string(line.substr(space + 1, 3)).c_str());
  } else if (len > 13 && strncasecmp(data, "content-type:", 13) == 0) {
    t->content_type = value_of(13);
    // A body that is certainly not a page is not downloaded.
    if (t->pages_only && t->status >= 200 && t->status < 300) {
      t->not_html = declared_not_html(t->content_type);
      if (!t->not_html.empty()) return 0;
    }
  } else if (len > 12 && strncasecmp(data, "retry-after:", 12) == 0) {
    t->retry_after = value_of(12);
  } else if (len > 5 && strncasecmp(data, "etag:", 5) == 0) {
    t->etag = value_of(5);
  } else if (len > 14 && strncasecmp(data, "last-modified:", 14) == 0) {
    t->last_modified = value_of(14);
  }
  return len;
}

// Every connection libcurl opens (first request, each redirect, each DNS answer it
// tries) comes here, so the check sees the address actually used. Through a proxy the
// socket goes to the proxy, and on_prereq judges the target instead.
curl_socket_t on_open_socket(void* user, curlsocktype purpose, struct curl_sockaddr* a) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !t->proxied && !t->options->allow_private &&
      is_private_address(&a->addr)) {
    if (t->refused_address.empty()) t->refused_address = address_text(&a->addr);
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

// Before each request (every hop) when a proxy may carry it: the target host's own
// addresses must not be private. A name this machine cannot resolve is let through:
// behind a proxy often only the proxy resolves names.
int on_prereq(void* user, char*, char*, int, int) {
  auto* t = static_cast<Transfer*>(user);
  const char* url = nullptr;
  curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &url);
  if (!url) return CURL_PREREQFUNC_ABORT;
  std::string host;
  CURLU* u = curl_url();
  char* h = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h)
    host = h;
  curl_free(h);
  curl_url_cleanup(u);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (host.empty() || getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0) return CURL_PREREQFUNC_OK;
  int verdict = CURL_PREREQFUNC_OK;
  for (addrinfo* a = res; a; a = a->ai_next) {
    if (is_private_address(a->ai_addr)) {
      t->refused_address = address_text(a->ai_addr);
      verdict = CURL_PREREQFUNC_ABORT;
      break;
    }
  }
  freeaddrinfo(res);
  return verdict;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

bool retryable(Failure f) {
  return f == Failure::kTimeout || f == Failure::kLost || f == Failure::kConnect ||
         f == Failure::kHttpRetryable;
}

bool host_failure(Failure f) {
  return f == Failure::kDns || f == Failure::kConnect || f == Failure::kTimeout ||
         f == Failure::kLost;
}

TransferSetup::TransferSetup(const FetchOptions& options) : options_(options) {
  for (const std::string& h : options_.headers) headers_ = curl_slist_append(headers_, h.c_str());
  ca_file_ = options_.ca_file;
  for (const char* name : {"CURL_CA_BUNDLE", "SSL_CERT_FILE"})
    if (ca_file_.empty() && env_set(name)) ca_file_ = std::getenv(name);
  // The variables libcurl itself reads (it ignores upper-case HTTP_PROXY on purpose).
  proxied_ = !options_.proxy.empty();
  for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
    proxied_ = proxied_ || env_set(name);
}

TransferSetup::~TransferSetup() { curl_slist_free_all(headers_); }

void TransferSetup::configure(CURL* curl, const std::string& url, Transfer* t,
                              size_t max_bytes) const {
  t->curl = curl;
  t->options = &options_;
  t->proxied = proxied_;
  t->max_bytes = max_bytes;
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PRIVATE, t);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, t->manual_redirects ? 0L : 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  if (options_.timeout_s > 0) {
    // At least 1 ms: libcurl reads 0 as "no timeout".
    long ms = std::max(1L, static_cast<long>(options_.timeout_s * 1000));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, ms);
  }
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  t->conditional = false;
  t->own_headers.reset();
  curl_slist* headers = headers_;
  // A validator is sent back as the server gave it; one with a control character (a
  // damaged cache) is not sent at all rather than splitting the request's headers.
  auto sendable = [](const std::string& v) {
    return !v.empty() && std::none_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  };
  if (t->previous && (sendable(t->previous->etag) || sendable(t->previous->last_modified))) {
    curl_slist* own = nullptr;
    for (const std::string& h : options_.headers) own = curl_slist_append(own, h.c_str());
    if (sendable(t->previous->etag)) own = curl_slist_append(own, ("If-None-Match: " + t->previous->etag).c_str());
    if (sendable(t->previous->last_modified))
      own = curl_slist_append(own, ("If-Modified-Since: " + t->previous->last_modified).c_str());
    t->own_headers.reset(own);
    t->conditional = own != nullptr;
    headers = own;
  }
  if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!options_.cookie_file.empty()) curl_easy_setopt(curl, CURLOPT_COOKIEFILE, options_.cookie_file.c_str());
  if (!ca_file_.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
    curl_easy_setopt(curl, CURLOPT_PROXY_CAINFO, ca_file_.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  if (!options_.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, options_.proxy.c_str());
  else if (!proxied_) curl_easy_setopt(curl, CURLOPT_PROXY, "");  // none we did not account for
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, t);
  if (proxied_ && !options_.allow_private) {
    curl_easy_setopt(curl, CURLOPT_PREREQFUNCTION, on_prereq);
    curl_easy_setopt(curl, CURLOPT_PREREQDATA, t);
  }
}

Outcome transfer_outcome(CURLcode rc, const Transfer& t) {
  Outcome o;
  const char* effective = nullptr;
  curl_easy_getinfo(t.curl, CURLINFO_EFFECTIVE_URL, &effective);
  o.final_url = effective ? effective : "";
  curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &o.status);
  o.retry_after = t.retry_after;
  const char* content_type = nullptr;
  curl_easy_getinfo(t.curl, CURLINFO_CONTENT_TYPE, &content_type);
  o.content_type = content_type ? content_type : "";
  std::string detail = t.error[0] ? t.error : curl_easy_strerror(rc);
  auto fail = [&](Failure f, std::string reason) {
    o.failure = f;
    o.reason = std::move(reason);
    return o;
  };
  if (rc != CURLE_OK) {
    if (!t.refused_address.empty() && (rc == CURLE_COULDNT_CONNECT || rc == CURLE_ABORTED_BY_CALLBACK))
      return fail(Failure::kPrivate, "address " + t.refused_address +
                                         " is private or loopback; pass --allow-private to scan it");
    if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      return fail(Failure::kTooLarge, "larger than " + std::to_string(t.max_bytes) + " bytes");
    if (!t.not_html.empty()) return fail(Failure::kNotHtml, "not HTML (" + t.not_html + ")");
    if (t.header_flood)
      return fail(Failure::kTooLarge, "response headers larger than " +
                                          std::to_string(kMaxHeaderBytes >> 10) + " KiB");
    switch (rc) {
      case CURLE_COULDNT_RESOLVE_HOST:
        return fail(Failure::kDns, "DNS: " + detail);
      case CURLE_COULDNT_CONNECT:
        return fail(Failure::kConnect, "could not connect: " + detail);
      case CURLE_OPERATION_TIMEDOUT:
        return fail(Failure::kTimeout, "timed out after " + seconds_text(t.options->timeout_s));
      case CURLE_TOO_MANY_REDIRECTS:
        return fail(Failure::kRedirects,
                    "more than " + std::to_string(t.options->max_redirects) + " redirects");
      case CURLE_UNSUPPORTED_PROTOCOL:
        return fail(Failure::kProtocol,
                    "protocol refused: only http and https are fetched (" + detail + ")");
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        return fail(Failure::kLost, "connection lost: " + detail);
      default:
        return fail(Failure::kOther, detail);
    }
  }
  if (o.status == 304 && t.conditional) {
    o.not_modified = true;
    return o;
  }
  if (t.manual_redirects && o.status >= 300 && o.status < 400) {
    const char* to = nullptr;
    curl_easy_getinfo(t.curl, CURLINFO_REDIRECT_URL, &to);
    if (to && *to) {
      o.redirect_to = to;
      return o;
    }
  }
  if (o.status >= 300) {
    // 3xx here is a redirect without a Location libcurl could follow.
    bool again = o.status == 429 || o.status == 502 || o.status == 503 || o.status == 504;
    return fail(again ? Failure::kHttpRetryable : Failure::kHttp, "HTTP " + std::to_string(o.status));
  }
  return o;
}

std::string where(const std::string& url, const std::string& final_url) {
  return final_url.empty() || final_url == url ? url : url + " (redirected to " + final_url + ")";
}

double retry_after_seconds(const std::string& value, time_t now) {
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return value.size() > 9 ? 1e9 : std::atof(value.c_str());
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  return when > now ? static_cast<double>(when - now) : 0;
}

}  // namespace credcheck
