#include "checker/fetch/inputs.h"
#include "checker/fetch/warc.h"
#include "checker/text/utf8.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace credcheck {
namespace {

namespace fs = std::filesystem;

Input error_input(const std::string& spec, const std::string& message) {
  return Input{spec, false, message};
}

using utf8::ascii_lower;

bool has_page_extension(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  return ext == ".html" || ext == ".htm" || is_warc_path(p.string());
}

// Every file *.html / *.htm under `root`, sorted by path, plus an error Input for each
// directory that could not be read. Walks with an explicit stack and never follows a
// symlink to a directory, so a link loop cannot make it run forever.
void expand_directory(const fs::path& root, bool empty_is_error, std::vector<Input>* out,
                      std::vector<std::string>* notes) {
  std::vector<Input> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code sec;
      fs::file_status own = it->symlink_status(sec);
      if (fs::is_directory(own)) {
        pending.push_back(it->path());
      } else if (has_page_extension(it->path()) && fs::is_regular_file(it->status(sec))) {
        found.push_back(Input{it->path().string(), false, ""});
      }
    }
    if (ec) {
      found.push_back(error_input(dir.string(), dir.string() + ": cannot read directory: " +
                                                    ec.message()));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.spec < b.spec; });
  if (found.empty()) {
    std::string message = root.string() + ": no .html or .htm files (nor .warc, .warc.gz) in it";
    if (empty_is_error) out->push_back(error_input(root.string(), message));
    else notes->push_back(message);
  }
  for (Input& input : found) out->push_back(std::move(input));
}

const RE2& http_url_pattern() {
  static const RE2 http_url(R"((?i)^https?://[^/?#\s\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*$)");
  return http_url;
}

// One argument that is not a list: a URL, a file or a directory.
void expand_one(const std::string& arg, bool empty_directory_is_error, std::vector<Input>* out,
                std::vector<std::string>* notes) {
  static const RE2 http_scheme(R"((?i)^https?:)");
  static const RE2 any_scheme(R"(^([A-Za-z][A-Za-z0-9+.\-]*):)");
  if (arg.empty()) {
    out->push_back(error_input(arg, "empty input name"));
    return;
  }
  if (RE2::PartialMatch(arg, http_scheme)) {
    if (RE2::PartialMatch(arg, http_url_pattern())) out->push_back(Input{arg, true, ""});
    else out->push_back(error_input(arg, arg + ": malformed URL"));
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(arg, ec);
  std::string scheme;
  if (fs::is_directory(st)) {
    expand_directory(arg, empty_directory_is_error, out, notes);
  } else if (fs::is_regular_file(st)) {
    out->push_back(Input{arg, false, ""});
  } else if (st.type() == fs::file_type::not_found &&
             RE2::PartialMatch(arg, any_scheme, &scheme)) {
    out->push_back(error_input(arg, arg + ": unsupported scheme \"" + ascii_lower(scheme) +
                                        "\" (only http:// and https:// URLs are fetched)"));
  } else if (st.type() == fs::file_type::not_found) {
    out->push_back(error_input(arg, arg + ": no such file or directory"));
  } else if (ec) {
    out->push_back(error_input(arg, arg + ": " + ec.message()));
  } else {
    out->push_back(error_input(arg, arg + ": not a regular file or directory"));
  }
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\f')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\f'))
    --e;
  return s.substr(b, e - b);
}

}  // namespace

bool is_http_url(const std::string& s) { return RE2::PartialMatch(s, http_url_pattern()); }

InputSource::InputSource(std::vector<std::string> args, std::istream& in, ExpandOptions options)
    : args_(std::move(args)), in_(in), options_(options) {
  first_simple_ = args_.size();
  while (first_simple_ > 0) {
    const std::string& a = args_[first_simple_ - 1];
    std::error_code ec;
    if (a == "-" || (a.size() > 1 && a[0] == '@') || fs::is_directory(a, ec) || is_warc_path(a))
      break;
    --first_simple_;
  }
}

InputSource::~InputSource() = default;

bool InputSource::next(Input* input) {
  for (;;) {
    if (!error_.empty()) return false;
    if (warc_) {
      if (next_warc_record(input)) return true;
      continue;
    }
    if (!pending_.empty()) {
      *input = std::move(pending_.back());
      pending_.pop_back();
      if (options_.shard.active() &&
          shard_of(input->spec, options_.shard.count) != options_.shard.index) {
        ++other_shards_;
        continue;
      }
      if (options_.open_warc && input->error.empty() && !input->is_url && !input->body &&
          is_warc_path(input->spec) && open_warc(*input))
        continue;
      ++yielded_;
      return true;
    }
    if (list_) {
      next_list_entry();
      continue;
    }
    if (arg_ >= args_.size()) return false;
    const std::string& arg = args_[arg_++];
    std::vector<Input> found;
    if (arg == "-") {
      start_stdin();
    } else if (arg.size() > 1 && arg[0] == '@') {
      open_list_file(arg, &found);
    } else {
      expand_one(arg, options_.empty_directory_is_error, &found, &notes_);
    }
    if (!found.empty())
      pending_.assign(std::make_move_iterator(found.rbegin()), std::make_move_iterator(found.rend()));
  }
}

void InputSource::open_list_file(const std::string& arg, std::vector<Input>* out) {
  std::string path = arg.substr(1);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    out->push_back(error_input(arg, path + ": is a directory, not a list"));
    return;
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    out->push_back(error_input(arg, path + ": cannot open list (" +
                                        (fs::exists(path, ec) ? "not readable" : "no such file") +
                                        ")"));
    return;
  }
  list_file_ = std::move(file);
  start_list(list_file_->rdbuf(), path);
}

void InputSource::start_list(std::streambuf* buf, const std::string& name) {
  list_ = buf;
  list_name_ = name;
  line_no_ = 0;
}

void InputSource::end_list() {
  list_ = nullptr;
  list_file_.reset();
  list_prefix_.clear();
  prefix_at_ = 0;
}

int InputSource::list_get() {
  if (prefix_at_ < list_prefix_.size())
    return static_cast<unsigned char>(list_prefix_[prefix_at_++]);
  return list_->sbumpc();
}

// Reads lines until one names an input (it goes to pending_), the list ends, or the list
// proves not to be one (error_). One line is held at a time, never the list.
void InputSource::next_list_entry() {
  using Traits = std::char_traits<char>;
  const ListLimits& limits = options_.limits;
  std::string line;
  for (;;) {
    line.clear();
    bool any = false;
    for (;;) {
      int c = list_get();
      if (c == Traits::eof()) break;
      any = true;
      if (c == '\n') break;
      if (c == 0 || line.size() >= limits.max_line_bytes) {
        error_ = list_name_ + ":" + std::to_string(line_no_ + 1) + ": " +
                 (c == 0 ? std::string("a NUL byte")
                         : "a line longer than " + std::to_string(limits.max_line_bytes) + " bytes") +
                 ": not a list of inputs (one URL, file or directory per line)";
        end_list();
        return;
      }
      line.push_back(static_cast<char>(c));
    }
    if (!any) {
      end_list();
      return;
    }
    if (++line_no_ > limits.max_lines) {
      error_ = list_name_ + ": more than " + std::to_string(limits.max_lines) +
               " lines; split it into several lists";
      end_list();
      return;
    }
    if (line_no_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string entry = trim(line);
    if (entry.empty() || entry[0] == '#') continue;
    std::vector<Input> found;
    expand_one(entry, options_.empty_directory_is_error, &found, &notes_);
    if (found.empty()) continue;
    pending_.assign(std::make_move_iterator(found.rbegin()), std::make_move_iterator(found.rend()));
    return;
  }
}

// "-": a page when stdin starts with markup, else a list. The bytes looked at to decide
// are kept and read again as the start of the list or the page.
void InputSource::start_stdin() {
  using Traits = std::char_traits<char>;
  std::streambuf* buf = in_.rdbuf();
  list_prefix_.clear();
  prefix_at_ = 0;
  auto take = [&]() {
    int c = buf->sbumpc();
    if (c != Traits::eof()) list_prefix_.push_back(static_cast<char>(c));
    return c;
  };
  int c = take();
  bool html = false;
  if (c == 0xFE || c == 0xFF) {
    html = true;  // a UTF-16 byte-order mark: a page, never a list
  } else {
    if (c == 0xEF && take() == 0xBB && take() == 0xBF) c = take();
    while ((c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') &&
           list_prefix_.size() < options_.limits.max_line_bytes)
      c = take();
    html = c == '<';
  }
  if (!html) {
    start_list(buf, "stdin");
    return;
  }
  auto body = std::make_shared<std::string>(std::move(list_prefix_));
  list_prefix_.clear();
  char chunk[1 << 16];
  for (std::streamsize n; (n = buf->sgetn(chunk, sizeof chunk)) > 0;) {
    body->append(chunk, static_cast<size_t>(n));
    if (body->size() > options_.max_page_bytes) {
      pending_.push_back(error_input("-", "-: the page on stdin is larger than " +
                                              std::to_string(options_.max_page_bytes) + " bytes"));
      return;
    }
  }
  Input page{"-", false, ""};
  page.body = std::move(body);
  pending_.push_back(std::move(page));
}

// A WARC file: its records are yielded next. False (the file is yielded as an input, to
// fail as a page) when it cannot be opened.
bool InputSource::open_warc(const Input& file) {
  auto stream = std::make_unique<std::ifstream>(file.spec, std::ios::binary);
  if (!*stream) return false;
  warc_file_ = std::move(stream);
  WarcLimits limits;
  limits.max_body_bytes = options_.max_page_bytes;
  warc_ = std::make_unique<WarcReader>(*warc_file_, file.spec, limits);
  return true;
}

bool InputSource::next_warc_record(Input* input) {
  WarcRecord record;
  if (!warc_->next(&record)) {
    notes_.push_back(warc_->summary());
    warc_.reset();
    warc_file_.reset();
    return false;
  }
  *input = Input{record.key, false, record.error};
  if (record.error.empty()) input->body = std::make_shared<const std::string>(std::move(record.body));
  input->url = std::move(record.target_uri);
  input->fetched_at = std::move(record.date);
  input->content_type = std::move(record.content_type);
  input->http_status = record.http_status;
  ++yielded_;
  return true;
}

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in,
                                 const ListLimits& limits) {
  ExpandOptions options;
  options.limits = limits;
  InputSource source(args, in, options);
  std::vector<Input> out;
  for (Input input; source.next(&input);) out.push_back(std::move(input));
  if (!source.error().empty()) out.push_back(error_input("@", source.error()));
  return out;
}

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in) {
  return expand_inputs(args, in, ListLimits{});
}

}  // namespace credcheck
