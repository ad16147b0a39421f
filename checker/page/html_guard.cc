#include "checker/page/html_guard.h"

#include <cctype>
#include <cstring>

namespace credcheck {

bool guard_html(std::string_view utf8, const ParseLimits& limits, HtmlScan* scan,
                std::string* err) {
  if (utf8.size() > limits.max_bytes) {
    if (err)
      *err = "page of " + std::to_string(utf8.size()) + " bytes is over the limit of " +
             std::to_string(limits.max_bytes);
    return false;
  }
  size_t tags = 0;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    const void* lt = std::memchr(p, '<', static_cast<size_t>(end - p));
    if (!lt) break;
    p = static_cast<const char*>(lt) + 1;
    if (p < end && std::isalpha(static_cast<unsigned char>(*p))) ++tags;
  }
  scan->start_tags = tags;
  return true;
}

}  // namespace credcheck
