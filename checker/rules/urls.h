// URLs as the rule kinds compare them: a link to the original, a kept counter's src.
#pragma once

#include <string>
#include <string_view>

namespace credcheck {

// The form two URLs are compared in: scheme and "www." dropped, host lower-case, the
// fragment and a trailing '/' dropped, the query kept ("https://www.A.com/x/?q#f" ->
// "a.com/x?q"). "//host/path" is read as absolute.
// A relative URL ("/x", "x.html") gives "" : it cannot be compared without its base.
std::string url_key(std::string_view url);

// Whether `url` starts with "http://" or "https://": the only links a report writes, the
// only hosts a page can have.
bool has_http_scheme(std::string_view url);

// The host of an absolute URL, lower-case without port (or ""), as host_listed() takes it.
std::string url_host(std::string_view url);

}  // namespace credcheck
