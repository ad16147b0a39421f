#include "checker/cli/originals.h"

#include "checker/store/index.h"

namespace credcheck {

bool load_originals(const std::vector<std::string>& specs, const std::string& index,
                    const FetchOptions& options, int jobs, std::istream& in,
                    std::unique_ptr<OriginalSet>* originals, std::string* err,
                    const std::function<void(const Original&)>& seen) {
  std::vector<std::string> all = specs;
  std::unique_ptr<IndexReader> reader;
  if (!index.empty()) {
    if (is_index_file(index)) {
      reader = std::make_unique<IndexReader>();
      if (!reader->open(index, err)) return false;
    } else {
      all.push_back("@" + index);
    }
  }
  auto memory = std::make_unique<MemoryOriginals>();
  bool ok = for_each_original(all, options, jobs, in, [&](Original&& o, std::string*) {
    if (seen) seen(o);
    memory->add(std::move(o));
    return true;
  }, err);
  if (!ok) return false;
  if (reader && memory->size() > 0)
    *originals = std::make_unique<JoinedOriginals>(std::move(reader), std::move(memory));
  else if (reader)
    *originals = std::move(reader);
  else
    *originals = std::move(memory);
  return true;
}

bool for_each_original(const std::vector<std::string>& specs, const FetchOptions& options,
                       int jobs, std::istream& in,
                       const std::function<bool(Original&&, std::string*)>& take, std::string* err,
                       const FeedOptions& feeds, bool marks_only) {
  InputSource source(specs, in);
  FeedExpander lists([&](Input* input) { return source.next(input); }, options, feeds);
  bool ok = true;
  std::atomic<bool> stop{false};
  ReadControl control;  // in order: `take` sees the originals as they were listed
  control.stop = &stop;
  control.prepare = [marks_only](PageRead& page) {
    page.print = marks_only ? fingerprint_marks(page.fields.text) : fingerprint(page.fields.text);
  };
  read_pages([&](Input* input) { return lists.next(input); }, options, jobs, control,
             [&](size_t, const Input& input, bool read, PageRead& page, const std::string& e) {
    if (!ok) return;
    if (!read) {
      *err = "original " + input.spec + ": " + e +
             (input.listed_in.empty() ? "" : " (listed in " + input.listed_in + ")");
      ok = false;
      stop = true;
      return;
    }
    Original o;
    o.input = page.doc.input;
    o.url = page.doc.url;
    o.print = std::move(page.print);
    o.fields = std::move(page.fields);
    ok = take(std::move(o), err);
    if (!ok) stop = true;
  });
  if (ok && !source.error().empty()) {
    *err = source.error();
    return false;
  }
  return ok;
}

}  // namespace credcheck
