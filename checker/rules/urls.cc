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
  std::string_view authority = url.substr(0, end);
  // user:password@ is not the host: https://a.cn@b.cn/ leads to b.cn.
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  // An IPv6 literal keeps its brackets (as libcurl gives it); a port goes.
  size_t port = authority.starts_with('[') ? authority.find(']') : authority.find(':');
  if (authority.starts_with('[')) port = port == std::string_view::npos ? port : port + 1;
  *host = utf8::ascii_lower(authority.substr(0, port));
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
