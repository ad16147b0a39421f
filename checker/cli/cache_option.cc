#include "checker/cli/cache_option.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <filesystem>

#include "checker/fetch/clock.h"
#include "checker/page/fields_json.h"
#include "checker/report/json.h"
#include "checker/store/index.h"
#include "checker/version.h"

namespace credcheck {

void add_cache_option(CLI::App* cmd, std::string* path) {
  cmd->add_option("--cache", *path,
                  "Remember each URL's ETag, Last-Modified, SHA-256 and result in this SQLite file; "
                  "a later scan asks for changed pages only and reuses the result of an unchanged "
                  "one (marked reused). Created when missing");
}

namespace {

XXH3_state_t* state(void* s) { return static_cast<XXH3_state_t*>(s); }

// Each part is framed by its length, so ("ab","c") and ("a","bc") differ.
void update(void* s, std::string_view bytes) {
  uint64_t n = bytes.size();
  XXH3_128bits_update(state(s), &n, sizeof n);
  XXH3_128bits_update(state(s), bytes.data(), bytes.size());
}

}  // namespace

CheckKey::CheckKey() : state_(XXH3_createState()) {
  XXH3_128bits_reset(state(state_));
  add("credcheck", kVersion);
}

CheckKey::~CheckKey() { XXH3_freeState(state(state_)); }

void CheckKey::add(std::string_view label, std::string_view value) {
  update(state_, label);
  update(state_, value);
}

bool CheckKey::add_file(std::string_view label, const std::string& path, std::string* err) {
  update(state_, label);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read";
    return false;
  }
  char buf[1 << 16];
  uint64_t total = 0;
  while (in) {
    in.read(buf, sizeof buf);
    XXH3_128bits_update(state(state_), buf, static_cast<size_t>(in.gcount()));
    total += static_cast<uint64_t>(in.gcount());
  }
  if (in.bad()) {
    *err = path + ": cannot read";
    return false;
  }
  XXH3_128bits_update(state(state_), &total, sizeof total);
  return true;
}

void CheckKey::add_original(const Original& o) {
  update(state_, o.input);
  update(state_, o.url);
  update(state_, fields_json(o.fields).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  update(state_, o.fields.text);
}

std::string CheckKey::hex() const {
  XXH128_hash_t h = XXH3_128bits_digest(state(state_));
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return out;
}

bool RescanCache::open(const std::string& path, std::string* err) {
  if (!cache_.open(path, err)) return false;
  enabled_ = true;
  return true;
}

void RescanCache::look_up(Input* input) {
  if (!enabled_ || !input->is_url || !input->error.empty()) return;
  CachedPage row;
  std::string err;
  if (!cache_.find(input->spec, &row, &err)) {
    if (!err.empty() && unreadable_++ == 0) read_error_ = err;
    return;
  }
  if (row.check_key != key_) return;  // another pack, other originals, another credcheck
  // A row whose result cannot be read back is as good as none: the page is fetched whole.
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(row.result_json, nullptr, false);
  Result probe;
  if (j.is_discarded() || !result_from_json(j, &probe, &err)) {
    if (unreadable_++ == 0) read_error_ = cache_.path() + ": the row of " + input->spec + " holds no result";
    return;
  }
  input->previous = std::make_shared<const PreviousFetch>(
      PreviousFetch{row.etag, row.last_modified, row.sha256, row.fetched_at, std::move(row.result_json)});
}

Result RescanCache::result(const Input& input, PageRead&& page, const std::function<Result(PageRead&&)>& check) {
  if (!enabled_ || !input.is_url) return check(std::move(page));
  const PreviousFetch* previous = input.previous.get();
  if (page.reused && previous) {
    Result r;
    std::string err;
    result_from_json(nlohmann::ordered_json::parse(previous->payload, nullptr, false), &r, &err);  // checked in look_up
    r.input = input.spec;
    r.reused = true;
    r.revalidated_at = page.doc.fetched_at.empty() ? utc_now_iso8601() : page.doc.fetched_at;
    ++reused_;
    // New validators for the same page (a 304 may leave them out: the old ones stand).
    std::string etag = page.doc.etag.empty() ? previous->etag : page.doc.etag;
    std::string modified = page.doc.last_modified.empty() ? previous->last_modified : page.doc.last_modified;
    if (etag != previous->etag || modified != previous->last_modified)
      cache_.put({input.spec, etag, modified, previous->sha256, previous->fetched_at, key_, previous->payload});
    return r;
  }
  CachedPage row{input.spec, page.doc.etag, page.doc.last_modified, page.sha256, page.doc.fetched_at, key_, {}};
  Result r = check(std::move(page));
  // The page was read (a fetch failure never gets here), so its result follows from the
  // page and the key, "unchecked" ones too (no original matched, a rule not applicable),
  // except an originals index that could not be read (check_page's reason): tried again.
  if (r.reason.rfind("originals index: ", 0) != 0) {
    Result kept = r;
    kept.listed_in.clear();  // of this run's lists; the next run says its own
    row.result_json = result_json(kept).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    cache_.put(std::move(row));
  }
  return r;
}

bool RescanCache::set_key(CheckKey& key, const std::string& pack, const std::string& lang,
                          const std::string& base_url, const std::string& originals_index, std::string* err) {
  key.add("lang", lang);
  key.add("base-url", base_url);
  if (!key.add_file("pack", pack, err)) return false;
  if (is_index_file(originals_index))
    for (const std::string& f : {originals_index, originals_index + "-wal"})
      if (std::error_code ec; std::filesystem::exists(f, ec) && !key.add_file("index", f, err)) return false;
  key_ = key.hex();
  return true;
}

void RescanCache::finish(std::ostream& out) {
  if (!enabled_) return;
  if (std::string err; !cache_.finish(&err))
    out << "credcheck: --cache " << err << " (this scan's results were not all kept for the next)\n";
  if (unreadable_ > 0)
    out << "credcheck: --cache: " << unreadable_ << " URLs were fetched whole: their rows could not be read ("
        << read_error_ << ")\n";
}

}  // namespace credcheck
