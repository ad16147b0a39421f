#include "checker/cli/check.h"

#include <curl/curl.h>

#include "checker/rules/engine.h"
#include "checker/rules/urls.h"

namespace credcheck {

namespace {

std::string host_of(const std::string& url) {
  std::string host;
  CURLU* u = curl_url();
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* h = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h) host = h;
    curl_free(h);
  }
  curl_url_cleanup(u);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

}  // namespace

std::string page_host(const PageRead& page, const std::string& base_url) {
  if (has_http_scheme(page.doc.url))
    return host_of(page.doc.url);
  return base_url.empty() ? std::string() : host_of(base_url);
}

bool base_url_ok(const std::string& base_url) {
  return has_http_scheme(base_url) &&
         !host_of(base_url).empty();
}

Result check_page(PageRead&& page, const Pack& pack, OriginalSet& originals,
                  const std::string& base_url) {
  Result r;
  r.input = page.doc.input;
  r.url = page.doc.url;
  r.charset = page.charset;
  r.fetched_at = page.doc.fetched_at;
  r.http_status = page.doc.http_status;
  r.sha256 = page.sha256;
  Match m;
  std::string err;
  bool matched = page.matched ? (m = std::move(page.match), err = std::move(page.match_err), page.match_ok)
                              : best_match(fingerprint(page.fields.text), originals, &m, &err);
  if (!matched) {
    r.status = "unchecked";
    r.reason = "originals index: " + err;
    r.fields = std::move(page.fields);
    r.fields->text.clear();
    return r;
  }
  if (m.original)
    r.original = OriginalRef{m.original->input, m.original->url, m.original->fields.title,
                             m.best.similarity, m.best.page_in_original, m.best.original_in_page};
  // Originals copied about equally are all named as the closest: the page copies none
  // of them in particular (see best_match()).
  std::string closest = m.best.original ? m.best.original->input : std::string();
  for (size_t i = 1; i < m.tied.size(); ++i) closest += ", " + m.tied[i].original->input;
  CheckContext ctx{page.fields, m.original ? &m.original->fields : nullptr, originals.size() > 0,
                   page_host(page, base_url), pack.publisher, originals.size(),
                   m.original ? std::string() : closest, m.best.similarity};
  if (m.original) ctx.original_url = m.original->url;
  Verdict v = run_pack(pack, ctx);
  r.status = v.status;
  r.reason = v.reason;
  r.findings = std::move(v.findings);
  r.not_checked = std::move(v.not_checked);
  page.fields.text.clear();
  r.fields = std::move(page.fields);
  return r;
}

std::function<void(PageRead&)> match_pages(OriginalSet& originals) {
  return [&originals](PageRead& page) {
    if (page.reused) return;  // --cache: the earlier result stands, nothing is checked
    page.match_ok = best_match(fingerprint(page.fields.text), originals, &page.match, &page.match_err);
    page.matched = true;
  };
}

Result unreadable_result(const Input& input, const std::string& err, const Document& doc) {
  Result r;
  r.input = input.spec;
  r.url = input.is_url ? input.spec : input.url;  // a WARC record's target URI
  r.fetched_at = input.fetched_at;
  if (doc.http_status) {  // the server answered (404, 500, 429, or a page that is not HTML)
    if (!doc.url.empty()) r.url = doc.url;
    if (!doc.fetched_at.empty()) r.fetched_at = doc.fetched_at;
    r.http_status = doc.http_status;
  }
  r.status = "unchecked";
  r.reason = err;
  return r;
}

}  // namespace credcheck
