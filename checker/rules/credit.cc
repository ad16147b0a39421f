#include "checker/rules/credit.h"

#include "checker/text/normalize.h"

namespace credcheck {

bool names_publisher(const Publisher& publisher, std::string_view text) {
  std::string t = compact(text);
  if (t.empty()) return false;
  auto found = [&](const std::string& name) {
    std::string n = compact(name);
    return !n.empty() && t.find(n) != std::string::npos;
  };
  if (found(publisher.name)) return true;
  for (const std::string& name : publisher.names)
    if (found(name)) return true;
  return false;
}

std::vector<std::string> upstream_outlets(const Publisher& publisher, const Fields& original) {
  std::vector<std::string> outlets;
  for (const std::string& s : original.sources) {
    if (names_publisher(publisher, s)) return {};
    if (!compact(s).empty()) outlets.push_back(s);
  }
  return outlets;
}

std::string join_lines(const std::vector<std::string>& lines, std::string_view sep) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += sep;
    out += line;
  }
  return out;
}

std::string normalize_host(std::string_view host) {
  if (host.starts_with("[")) {  // [v6]:port
    size_t end = host.find(']');
    host = host.substr(1, end == std::string_view::npos ? host.npos : end - 1);
  } else if (size_t colon = host.find(':'); colon != std::string_view::npos &&
                                            host.find(':', colon + 1) == std::string_view::npos) {
    host = host.substr(0, colon);  // one colon: a port; more: a bare IPv6 address
  }
  while (host.ends_with(".")) host.remove_suffix(1);
  std::string out(host);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool host_listed(const std::vector<std::string>& patterns, std::string_view host) {
  std::string h = normalize_host(host);
  if (h.empty()) return false;
  for (std::string_view p : patterns) {
    bool subdomains = p.starts_with(".") || p.starts_with("*.");
    if (subdomains) p.remove_prefix(p.find('.') + 1);
    std::string domain = normalize_host(p);
    if (domain.empty()) continue;
    if (h == domain) return true;
    if (subdomains && h.size() > domain.size() && h.ends_with(domain) &&
        h[h.size() - domain.size() - 1] == '.')
      return true;
  }
  return false;
}

}  // namespace credcheck
