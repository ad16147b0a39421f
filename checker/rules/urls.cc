#include "checker/rules/urls.h"

#include <algorithm>

#include "checker/text/utf8.h"

namespace credcheck {

namespace {

// The host of an absolute http(s) or scheme-relative URL, lower-case without port, and
// what follows it; false for anything else.
bool split_url(std::string_view url, std::string* host, std::string_view* rest) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.remove_suffix(1);
  if (size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  std::string lower = utf8::ascii_lower(url.substr(0, std::min<size_t>(url.size(), 8)));
  if (lower.starts_with("https://")) url.remove_prefix(8);
  else if (lower.starts_with("http://")) url.remove_prefix(7);
  else if (url.starts_with("//")) url.remove_prefix(2);
  else return false;
  size_t end = url.find_first_of("/?");
  *host = utf8::ascii_lower(url.substr(0, end));
  if (size_t colon = host->find(':'); colon != std::string::npos) host->resize(colon);
  *rest = end == std::string_view::npos ? std::string_view() : url.substr(end);
  return !host->empty();
}

}  // namespace

bool has_http_scheme(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

std::string url_key(std::string_view url) {
  std::string host;
  std::string_view rest_view;
  if (!split_url(url, &host, &rest_view)) return {};
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.empty()) return {};
  std::string rest(rest_view);
  size_t q = rest.find('?');
  std::string path = rest.substr(0, q), query = q == std::string::npos ? "" : rest.substr(q);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return host + path + query;
}

std::string url_host(std::string_view url) {
  std::string host;
  std::string_view rest;
  return split_url(url, &host, &rest) ? host : std::string();
}

}  // namespace credcheck
