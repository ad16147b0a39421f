// Turns the command line's INPUT arguments into the pages to check, one at a time: lists
// are read as the scan goes, so memory does not grow with the number of inputs.
#pragma once

#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "checker/fetch/shard.h"

namespace credcheck {

// What an earlier scan kept of a URL (--cache): the fetcher asks the server whether the
// page changed since (If-None-Match, If-Modified-Since); `payload` is the caller's own (the
// earlier result), carried along so it is at hand when the answer is "not modified".
struct PreviousFetch {
  std::string etag, last_modified, sha256, fetched_at, payload;
};

struct Input {
  std::string spec;   // the file path or URL, as it will appear in the report's `input`
  bool is_url = false;
  std::string error;  // non-empty: this input cannot be read; it still becomes a result
  // The page itself when it came on stdin ("-" holding HTML, not a list); spec is "-".
  // Or a record of a WARC file: spec is "FILE#OFFSET" and the fields below come from it.
  std::shared_ptr<const std::string> body;
  // The sitemap or feed that listed this page (feed_inputs.h); empty for inputs given directly.
  std::string listed_in;
  std::string url;           // WARC-Target-URI
  std::string fetched_at;    // WARC-Date
  std::string content_type;  // the record's HTTP Content-Type (its charset is used)
  long http_status = 0;
  std::shared_ptr<const PreviousFetch> previous;  // --cache: set for a URL checked before
};

// An absolute http(s) URL with a host, as an INPUT must be to be fetched.
bool is_http_url(const std::string& s);

// Bounds on what one list ("@list.txt" or "-") may hold, so `yes | credcheck scan -`,
// `@/dev/zero` or a binary file given as a list ends at once with an error instead of
// running forever or exhausting memory.
struct ListLimits {
  size_t max_lines = 10'000'000;     // more lines than this: the list is refused
  size_t max_line_bytes = 64 << 10;  // a longer line (or a NUL byte): the list is refused
};

struct ExpandOptions {
  ListLimits limits;
  // A directory with no pages: an error Input (true, as --original wants: a missing set of
  // originals must fail), or nothing but a note (false: scan refuses an empty batch as a
  // whole and names the empty directories).
  bool empty_directory_is_error = true;
  size_t max_page_bytes = 16 << 20;  // HTML on stdin larger than this is an error Input
  // Only the inputs of this shard are yielded (shard.h); a WARC file is one input.
  Shard shard;
  // A WARC file (.warc, .warc.gz) yields its HTML records (warc.h); false: the file itself.
  bool open_warc = true;
};

class WarcReader;

// Yields the inputs of `args` in order: an http(s) URL; a file; a WARC file (each HTML
// record; the others are counted in notes()); a directory (its *.html/*.htm/*.warc/*.warc.gz
// files, recursively, sorted); "@list.txt" (one INPUT per line, blank lines
// and lines starting with '#' skipped, entries expanded the same way but "@" is not
// special inside a list); and "-": stdin, which is one page named "-" when it starts with
// markup ('<' after optional whitespace, or a byte-order mark) and otherwise a list. An
// argument that names nothing readable becomes one Input with `error` set, so the batch
// goes on and the report shows it. A list that cannot be a list (a line past the cap, a
// NUL byte, too many lines) ends the inputs with error() set: the command refuses it.
class InputSource {
 public:
  InputSource(std::vector<std::string> args, std::istream& in, ExpandOptions options = {});
  ~InputSource();

  // The next input; false at the end, or after a fatal list error (then error() is set).
  bool next(Input* input);
  const std::string& error() const { return error_; }
  // Arguments that gave no inputs and no error (empty directories when they are not errors).
  const std::vector<std::string>& notes() const { return notes_; }
  // Inputs passed over because they belong to another shard.
  size_t other_shards() const { return other_shards_; }
  // How many inputs there are in all, once that is known (every argument expanded and no
  // list still being read); 0 before.
  size_t known_total() const {
    if (list_ || warc_ || arg_ < first_simple_ || options_.shard.active()) return 0;
    return yielded_ + pending_.size() + (args_.size() - arg_);
  }

 private:
  void open_list_file(const std::string& arg, std::vector<Input>* out);
  void start_list(std::streambuf* buf, const std::string& name);
  void end_list();
  int list_get();
  void next_list_entry();
  void start_stdin();
  bool open_warc(const Input& file);
  bool next_warc_record(Input* input);

  std::vector<std::string> args_;
  std::istream& in_;
  ExpandOptions options_;
  size_t arg_ = 0;
  size_t yielded_ = 0;
  size_t other_shards_ = 0;
  // From this argument on, each gives exactly one input (no list, no directory).
  size_t first_simple_ = 0;
  std::vector<Input> pending_;  // reversed: the next input is at the back
  // The list being read, if any.
  std::unique_ptr<std::ifstream> list_file_;
  std::streambuf* list_ = nullptr;
  std::string list_name_;
  std::string list_prefix_;  // bytes already taken from stdin while telling HTML from a list
  size_t prefix_at_ = 0;
  size_t line_no_ = 0;
  std::string error_;
  std::vector<std::string> notes_;
  // The WARC file being read, if any.
  std::unique_ptr<std::ifstream> warc_file_;
  std::unique_ptr<WarcReader> warc_;
};

// Every input at once (for small sets such as --original). A fatal list error becomes a
// final error Input, so the caller reports it as it reports an unreadable input.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in,
                                 const ListLimits& limits);
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in);

}  // namespace credcheck
