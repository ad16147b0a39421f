// The easy fetcher: one URL at a time on one handle (sitemaps, feeds, --original URLs,
// tests). Batches go through the multi fetcher (multi_fetcher.h).
#include <mutex>

#include "checker/fetch/clock.h"
#include "checker/fetch/fetcher.h"
#include "checker/fetch/transfer.h"

namespace credcheck {
namespace {

class CurlFetcher : public Fetcher {
 public:
  explicit CurlFetcher(const FetchOptions& options) : setup_(options), curl_(curl_easy_init()) {}
  ~CurlFetcher() override {
    if (curl_) curl_easy_cleanup(curl_);
  }
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  bool fetch(const std::string& url, Document* doc, std::string* err) override;

 private:
  TransferSetup setup_;
  CURL* curl_;  // reused across fetches so connections to the same host are kept
};

bool CurlFetcher::fetch(const std::string& url, Document* doc, std::string* err) {
  if (!curl_) {
    *err = url + ": libcurl could not start";
    return false;
  }
  Transfer t;
  setup_.configure(curl_, url, &t, setup_.options().max_bytes);
  CURLcode rc = curl_easy_perform(curl_);
  Outcome o = transfer_outcome(rc, t);
  if (o.failure != Failure::kNone) {
    *err = where(url, o.final_url) + ": " + o.reason;
    return false;
  }
  doc->input = url;
  doc->url = o.final_url.empty() ? url : o.final_url;
  doc->bytes = std::move(t.body);
  doc->content_type = o.content_type;
  doc->fetched_at = utc_now_iso8601();
  doc->http_status = o.status;
  return true;
}

}  // namespace

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::unique_ptr<Fetcher> make_curl_fetcher(const FetchOptions& options) {
  init_curl_once();
  return std::make_unique<CurlFetcher>(options);
}

}  // namespace credcheck
