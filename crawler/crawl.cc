#include "crawler/crawl.h"

#include <set>

#include "common/log.h"
#include "crawler/adapters.h"
#include "crawler/robots.h"
#include "crawler/url.h"

namespace passend {
namespace {

// One source's fetch: the postings of what changed, the keys of everything the source lists
// now (read or remembered) and what to remember of each URL once the index has it.
struct FetchedSource {
  ParsedFeed feed;
  std::vector<std::string> keys;
  std::vector<std::pair<std::string, UrlMemory>> memories;
  size_t urls_read = 0, urls_unchanged = 0;
};

// Fetching one source: robots.txt first, the crawl state when there is one.
class SourceFetch {
 public:
  SourceFetch(const SourceConfig& source, Fetcher& fetcher, RobotsGate& robots, CrawlState* state)
      : source_(source), fetcher_(fetcher), robots_(robots), state_(state) {}

  Status Url(const std::string& url) {
    if (source_.type == "sitemap") return Sitemap(url, 0);
    if (source_.mapping && source_.mapping->pagination.enabled()) return Pages(url);
    return Document(url);
  }
  FetchedSource& result() { return out_; }

 private:
  StatusOr<UrlMemory> Recall(const std::string& url) {
    if (!state_) return UrlMemory{};
    return state_->Recall(url);
  }

  // Parses a fetched body into the result; the URL's memory records the keys it gave.
  // A sitemap's pages are JSON-LD pages.
  StatusOr<ParsedFeed> Take(const std::string& url, const FetchResult& fetched, UrlMemory memory) {
    auto parsed = source_.type == "sitemap" ? ParseJsonLdHtml(source_.name, url, fetched.body)
                                            : ParseFeed(source_, url, fetched.body);
    if (!parsed.ok()) return parsed.status().WithContext(url);
    memory.validators = fetched.validators;
    memory.keys.emplace();
    for (RawPosting& p : parsed->postings) {
      memory.keys->push_back(PostingKey(p));
      out_.keys.push_back(memory.keys->back());
      out_.feed.postings.push_back(std::move(p));
    }
    for (auto& e : parsed->record_errors) out_.feed.record_errors.push_back(std::move(e));
    ++out_.urls_read;
    out_.memories.emplace_back(url, std::move(memory));
    parsed->postings.clear();
    return parsed;
  }

  void Unchanged(const UrlMemory& memory) {
    out_.keys.insert(out_.keys.end(), memory.keys->begin(), memory.keys->end());
    ++out_.urls_unchanged;
  }

  // A single document, fetched conditionally: unchanged, its keys come from the state.
  Status Document(const std::string& url) {
    PASSEND_RETURN_IF_ERROR(robots_.Admit(url));
    auto memory = Recall(url);
    if (!memory.ok()) return memory.status();
    const Validators known = memory->keys ? memory->validators : Validators{};
    auto fetched = fetcher_.FetchIfChanged(url, source_.allow_file, known);
    if (!fetched.ok()) return fetched.status();
    if (fetched->not_modified) {
      Unchanged(*memory);
      return Status::Ok();
    }
    return Take(url, *fetched, UrlMemory{}).status();
  }

  // A paginated API, read in full: page N+1's address is only known from page N.
  Status Pages(const std::string& url) {
    std::string page = FirstPageUrl(source_.mapping->pagination, url);
    for (long n = 1; !page.empty(); ++n) {
      if (n > source_.mapping->pagination.max_pages) {
        out_.feed.record_errors.push_back(source_.name + ": " + url + ": stopped after " +
                                          std::to_string(n - 1) + " pages (max_pages)");
        break;
      }
      // A next link comes from the fetched content; page numbers and offsets are our own.
      if (n > 1 && !source_.mapping->pagination.next.empty()) {
        PASSEND_RETURN_IF_ERROR(CheckFoundLink(page, source_.allow_private_links, source_.allow_file));
      }
      PASSEND_RETURN_IF_ERROR(robots_.Admit(page));
      auto fetched = fetcher_.Fetch(page, source_.allow_file);
      if (!fetched.ok()) return fetched.status();
      auto parsed = Take(page, *fetched, UrlMemory{});
      if (!parsed.ok()) return parsed.status();
      page = parsed->next_url;
    }
    return Status::Ok();
  }

  bool Included(const std::string& link) const {
    if (source_.include.empty()) return true;
    for (const std::string& part : source_.include) {
      if (link.find(part) != std::string::npos) return true;
    }
    return false;
  }

  // A sitemap (index): pages whose lastmod is what we saw last time are not fetched again.
  // A page that fails is a record error and keeps what it gave before; the sitemap itself
  // failing fails the source.
  Status Sitemap(const std::string& url, int depth) {
    PASSEND_RETURN_IF_ERROR(robots_.Admit(url));
    auto fetched = fetcher_.Fetch(url, source_.allow_file);
    if (!fetched.ok()) return fetched.status();
    auto parsed = ParseSitemap(source_.name, url, fetched->body);
    if (!parsed.ok()) return parsed.status().WithContext(url);
    for (auto& e : parsed->record_errors) out_.feed.record_errors.push_back(std::move(e));
    for (const SitemapLink& link : parsed->links) {
      if (!Included(link.url)) continue;
      if (Status s = CheckFoundLink(link.url, source_.allow_private_links, source_.allow_file); !s.ok()) {
        out_.feed.record_errors.push_back(source_.name + ": " + s.message());
        continue;
      }
      if (parsed->is_index) {
        if (depth > 0 || ++sitemaps_ > source_.max_pages) continue;  // an index of indexes is not followed
        PASSEND_RETURN_IF_ERROR(Sitemap(link.url, depth + 1));
      } else {
        PASSEND_RETURN_IF_ERROR(Page(link));
      }
    }
    return Status::Ok();
  }

  Status Page(const SitemapLink& link) {
    auto memory = Recall(link.url);
    if (!memory.ok()) return memory.status();
    if (!link.lastmod.empty() && memory->keys && memory->lastmod == link.lastmod) {
      Unchanged(*memory);
      return Status::Ok();
    }
    Status s = robots_.Admit(link.url);
    StatusOr<FetchResult> fetched = s.ok() ? fetcher_.Fetch(link.url, source_.allow_file) : StatusOr<FetchResult>(s);
    StatusOr<ParsedFeed> parsed = fetched.ok() ? Take(link.url, *fetched, UrlMemory{{}, link.lastmod, {}})
                                               : StatusOr<ParsedFeed>(fetched.status());
    if (parsed.ok()) return Status::Ok();
    out_.feed.record_errors.push_back(source_.name + ": " + parsed.status().message());
    if (memory->keys) out_.keys.insert(out_.keys.end(), memory->keys->begin(), memory->keys->end());
    return Status::Ok();
  }

  const SourceConfig& source_;
  Fetcher& fetcher_;
  RobotsGate& robots_;
  CrawlState* state_;
  FetchedSource out_;
  long sitemaps_ = 0;
};

StatusOr<FetchedSource> FetchSource(const SourceConfig& source, Fetcher& fetcher, RobotsGate& robots,
                                    CrawlState* state) {
  SourceFetch fetch(source, fetcher, robots, state);
  for (const std::string& url : source.urls) PASSEND_RETURN_IF_ERROR(fetch.Url(url));
  return std::move(fetch.result());
}

// Normalises and upserts the postings (only normalises when `index` is null: a dry run).
// Postings the age cap caught are removed instead.
Status IndexPostings(const ParsedFeed& feed, const std::set<std::string>& too_old, const Normalizer& normalizer,
                     VacancyIndex* index, Days today, SourceReport* report, const CrawlCallbacks& cb) {
  for (const std::string& e : feed.record_errors) {
    ++report->record_errors;
    if (cb.on_error) cb.on_error(e);
  }
  for (const RawPosting& raw : feed.postings) {
    if (raw.valid_through.empty() && too_old.count(PostingKey(raw))) {
      ++report->aged;
      if (index) {
        auto removed = index->Remove(PostingKey(raw));
        if (!removed.ok()) return removed.status();
      }
      continue;
    }
    auto vacancy = normalizer.Normalize(raw);
    if (!vacancy.ok()) {
      ++report->record_errors;
      if (cb.on_error) cb.on_error(vacancy.status().message());
      continue;
    }
    const auto valid_through = ParseIsoDate(vacancy->valid_through);
    if (valid_through && *valid_through < today) {
      ++report->stale;
      continue;
    }
    if (!index) continue;
    auto outcome = index->Upsert(std::move(*vacancy), today);
    if (!outcome.ok()) return outcome.status();
    switch (*outcome) {
      case UpsertOutcome::kAdded: ++report->added; break;
      case UpsertOutcome::kUpdated: ++report->updated; break;
      case UpsertOutcome::kUnchanged: ++report->unchanged; break;
    }
  }
  return index ? index->Commit() : Status::Ok();
}

// Removes what the source stopped listing, once the tracker says the grace period is over.
// Keys come from the raw postings, so a record that failed to normalise this once is kept.
Status RemoveVanished(const std::string& source, const std::vector<std::string>& vanished, CrawlState& state,
                      VacancyIndex& index, SourceReport* report) {
  for (const std::string& key : vanished) {
    auto removed = index.Remove(key);
    if (!removed.ok()) return removed.status();
    report->vanished += *removed;
  }
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return state.Forget(source, vanished);
}

// Everything after a successful fetch: age cap and vanishing (with state), indexing, and
// remembering what each URL gave. Nothing is written in a dry run.
Status LandSource(const std::string& name, FetchedSource& fetched, const Normalizer& normalizer,
                  VacancyIndex& index, Days today, const CrawlCallbacks& cb, const CrawlOptions& options,
                  CrawlState* state, SourceReport* r) {
  r->postings = static_cast<int>(fetched.keys.size());
  r->pages_skipped = static_cast<int>(fetched.urls_unchanged);
  r->not_modified = fetched.urls_read == 0 && fetched.urls_unchanged > 0;
  CrawlState* writable = options.dry_run ? nullptr : state;
  KeyVerdicts verdicts;
  if (writable) {
    auto v = writable->Seen(name, fetched.keys, today, options.max_age_days);
    if (!v.ok()) return v.status();
    verdicts = std::move(*v);
  }
  const std::set<std::string> too_old(verdicts.too_old.begin(), verdicts.too_old.end());
  VacancyIndex* target = options.dry_run ? nullptr : &index;
  PASSEND_RETURN_IF_ERROR(IndexPostings(fetched.feed, too_old, normalizer, target, today, r, cb));
  if (!writable) return Status::Ok();
  PASSEND_RETURN_IF_ERROR(RemoveVanished(name, verdicts.vanished, *writable, index, r));
  for (const auto& [url, memory] : fetched.memories) PASSEND_RETURN_IF_ERROR(writable->Remember(url, memory));
  return Status::Ok();
}

}  // namespace

int CrawlReport::failed() const {
  int n = 0;
  for (const auto& s : sources) n += s.ok ? 0 : 1;
  return n;
}

int CrawlReport::ExitCode() const {
  const int f = failed();
  if (f == 0) return 0;
  return f == static_cast<int>(sources.size()) ? 2 : 1;
}

std::string CrawlReport::SummaryLine() const {
  int added = 0, updated = 0, unchanged = 0, errors = 0, stale = 0, vanished = 0, aged = 0;
  for (const auto& s : sources) {
    stale += s.stale;
    aged += s.aged;
    vanished += s.vanished;
    added += s.added;
    updated += s.updated;
    unchanged += s.unchanged;
    errors += s.record_errors;
  }
  return "summary sources=" + std::to_string(sources.size()) + " ok=" +
         std::to_string(sources.size() - static_cast<size_t>(failed())) + " failed=" + std::to_string(failed()) +
         " new=" + std::to_string(added) + " updated=" + std::to_string(updated) +
         " unchanged=" + std::to_string(unchanged) + " expired=" + std::to_string(expired + stale) +
         " vanished=" + std::to_string(vanished) + " aged=" + std::to_string(aged) +
         " record_errors=" + std::to_string(errors);
}

std::string SourceLine(const SourceReport& r) {
  std::string line = "source=" + LogValue(r.name) + " status=" + (r.ok ? "ok" : "failed");
  if (!r.ok) return line + " error=" + LogValue(r.error);
  return line + " postings=" + std::to_string(r.postings) + " new=" + std::to_string(r.added) +
         " updated=" + std::to_string(r.updated) + " unchanged=" + std::to_string(r.unchanged) +
         " expired=" + std::to_string(r.stale) + " vanished=" + std::to_string(r.vanished) +
         " aged=" + std::to_string(r.aged) + " record_errors=" + std::to_string(r.record_errors) +
         (r.pages_skipped ? " unchanged_urls=" + std::to_string(r.pages_skipped) : "") +
         (r.not_modified ? " not_modified=true" : "");
}

StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, Fetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const CrawlOptions& options, CrawlState* state) {
  CrawlReport report;
  RobotsGate robots(fetcher, options.robots_token);
  for (const SourceConfig& source : sources) {
    SourceReport r;
    r.name = source.name;
    auto fetched = FetchSource(source, fetcher, robots, state);
    if (!fetched.ok()) {
      r.error = fetched.status().message();
    } else {
      PASSEND_RETURN_IF_ERROR(LandSource(source.name, *fetched, normalizer, index, today, callbacks, options, state, &r));
      r.ok = true;
    }
    if (state && !options.dry_run) PASSEND_RETURN_IF_ERROR(state->RecordRun(r, today));
    if (callbacks.on_source) callbacks.on_source(r);
    report.sources.push_back(std::move(r));
  }
  if (options.dry_run) return report;
  auto expired = index.ExpireBefore(today);
  if (!expired.ok()) return expired.status();
  report.expired = *expired;
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return report;
}

}  // namespace passend
