#include "checker/cli/mapper.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

#include "checker/cli/exit_status.h"
#include "checker/cli/check.h"
#include "checker/cli/pipeline.h"
#include "checker/report/format.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// Lines of stdin, one at a time: a line past the cap or with a NUL byte is read to its end
// and comes back as an error, so one bad line costs one result.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : buf_(in.rdbuf()) {}
  // False at the end of the input.
  bool next(std::string* line, std::string* error) {
    using Traits = std::char_traits<char>;
    line->clear();
    error->clear();
    bool any = false, nul = false, long_line = false;
    for (int c; (c = buf_->sbumpc()) != Traits::eof();) {
      any = true;
      if (c == '\n') break;
      if (c == 0) nul = true;
      if (line->size() < kMapperMaxLine) line->push_back(static_cast<char>(c));
      else long_line = true;
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    ++number_;
    if (nul) *error = "a NUL byte";
    else if (long_line) *error = "a line longer than " + std::to_string(kMapperMaxLine) + " bytes";
    if (!error->empty()) *error = "stdin:" + std::to_string(number_) + ": " + *error + ": not an input";
    return any;
  }

 private:
  std::streambuf* buf_;
  size_t number_ = 0;
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\f");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\f") - b + 1);
}

// The input a line names: the line itself, or the "input" of a JSON object. Empty with
// *error when the line names none.
std::string entry_of(const std::string& line, std::string* error) {
  std::string text = trim(line);
  if (text.empty() || text[0] != '{') return text;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("input") || !j["input"].is_string()) {
    *error = "a JSON line without a string \"input\" (expected {\"input\": \"URL or path\"})";
    return "";
  }
  return j["input"].get<std::string>();
}

}  // namespace

int run_mapper(const Pack& pack, OriginalSet& originals, const MapperRun& run, Streams& io) {
  LineReader lines(io.in);
  std::istringstream no_stdin;  // an entry "-" must not read the mapper's own input
  ExpandOptions expand;
  expand.max_page_bytes = run.fetch.max_bytes;
  std::unique_ptr<InputSource> entry;  // the inputs of the current line (a directory: several)
  std::string entry_name;
  auto next = [&](Input* input) {
    for (;;) {
      if (entry) {
        if (entry->next(input)) return true;
        for (const std::string& note : entry->notes()) io.err << "credcheck: " << note << '\n';
        std::string fatal = entry->error();
        entry.reset();
        if (!fatal.empty()) {
          *input = Input{entry_name, false, fatal};
          return true;
        }
      }
      std::string line, error;
      if (!lines.next(&line, &error)) return false;
      std::string name = error.empty() ? entry_of(line, &error) : "";
      if (error.empty() && name.empty()) continue;  // a blank line names nothing
      if (error.empty() && name == "-") error = "\"-\" (stdin) cannot be an input in --mapper: stdin holds the inputs";
      if (!error.empty()) {
        *input = Input{utf8::sanitize(trim(line).substr(0, 200)), false, error};
        return true;
      }
      entry_name = name;
      entry = std::make_unique<InputSource>(std::vector<std::string>{name}, no_stdin, expand);
    }
  };
  Summary summary;
  bool written = true;
  ReadControl control;
  control.in_order = true;  // results in input order, each written once those before it are
  control.stop = run.stop;
  control.prepare = match_pages(originals);
  read_pages(next, run.fetch, run.jobs, control,
             [&](size_t, const Input& input, bool ok, PageRead& page, const std::string& e) {
               if (!written) return;
               Result r = ok ? check_page(std::move(page), pack, originals, run.base_url)
                             : unreadable_result(input, e, page.doc);
               add_to_summary(r, &summary);
               io.out << jsonl_line(r);
               io.out.flush();
               written = static_cast<bool>(io.out);
             });
  if (!written) {
    io.err << "credcheck: --mapper: writing the results to standard output failed\n";
    return kExitIncomplete;
  }
  if (run.stop && *run.stop) {
    io.err << "credcheck: --mapper: stopped by a signal after " << summary.inputs << " inputs\n";
    return kExitIncomplete;
  }
  if (!run.quiet)
    io.err << "credcheck: --mapper: " << summary.inputs << " inputs: " << summary.compliant
           << " compliant, " << summary.violations << " with violations, " << summary.unchecked
           << " unchecked\n";
  return kExitOk;
}

}  // namespace credcheck
