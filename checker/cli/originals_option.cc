#include "checker/cli/originals_option.h"

#include <filesystem>
#include <fstream>

#include "checker/store/index.h"

namespace credcheck {
namespace {

// What the start of a file that is not a list looks like, or "" when it reads as text
// lines. Only the head is read: a list may be long, and its head tells. Any encoding
// passes (paths may be GBK bytes); control characters other than spacing do not.
std::string not_a_list(std::string_view head) {
  for (char c : head) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
      return "it is binary data";
  }
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '<')
    return "it is an HTML or XML page (give pages with --original)";
  return "";
}

}  // namespace

std::string check_originals_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return path + " is a directory; give a directory of originals with --original";
  std::ifstream f(path, std::ios::binary);
  if (!f || !std::filesystem::exists(path, ec)) return path + ": no such file";
  if (is_index_file(path)) return "";
  std::string head(64 << 10, '\0');
  f.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(f.gcount()));
  std::string why = not_a_list(head);
  if (why.empty()) return "";
  return path + " is neither an originals index (SQLite, from `credcheck index build`) nor a "
                "list of originals (text: one file, directory or URL per line): " + why;
}

CLI::Validator originals_file() {
  return CLI::Validator([](std::string& path) { return check_originals_file(path); },
                        "INDEX|LIST");
}

}  // namespace credcheck
