#include "crawler/crawl.h"

#include <map>
#include <memory>
#include <set>

#include "common/log.h"
#include "crawler/adapters.h"
#include "crawler/async_fetcher.h"
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

// What every source of one crawl shares: the fetcher, and robots.txt per origin with the
// requests waiting for it.
class CrawlContext {
 public:
  CrawlContext(AsyncFetcher& fetcher, const std::string& robots_token) : fetcher_(fetcher), robots_(robots_token) {}

  // Fetches `request` once its site's robots.txt allows it; `done` gets the result or the
  // refusal (then at once, before Fetch returns).
  void Fetch(FetchRequest request, FetchDone done) {
    const std::string origin = RobotsGate::OriginOf(request.url);
    if (robots_.Known(origin)) return Admitted(std::move(request), std::move(done));
    auto& waiting = waiting_[origin];
    waiting.emplace_back(std::move(request), std::move(done));
    if (waiting.size() > 1) return;  // robots.txt is already on its way
    FetchRequest robots_txt;
    robots_txt.url = origin + "/robots.txt";
    robots_txt.any_status = true;
    fetcher_.Submit(std::move(robots_txt), [this, origin](StatusOr<FetchResult> answer) {
      robots_.Learn(origin, answer);
      fetcher_.SetHostDelay(origin, robots_.DelayFor(origin));
      auto admitted = std::move(waiting_[origin]);
      waiting_.erase(origin);
      for (auto& [r, then] : admitted) Admitted(std::move(r), std::move(then));
    });
  }

 private:
  void Admitted(FetchRequest request, FetchDone done) {
    if (Status s = robots_.Check(request.url); !s.ok()) return done(s);
    fetcher_.Submit(std::move(request), std::move(done));
  }

  AsyncFetcher& fetcher_;
  RobotsGate robots_;
  std::map<std::string, std::vector<std::pair<FetchRequest, FetchDone>>> waiting_;
};

// Fetching one source: every URL, next pages and sitemap pages as they become known. When
// the last outstanding request is answered, `finished` runs once.
class SourceFetch {
 public:
  SourceFetch(const SourceConfig& source, CrawlContext& ctx, CrawlState* state, std::function<void(SourceFetch&)> finished)
      : source_(source), ctx_(ctx), state_(state), finished_(std::move(finished)) {}

  void Start() {
    Hold hold(this);
    for (const std::string& url : source_.urls) Url(url);
  }
  bool failed() const { return !error_.ok(); }
  const Status& error() const { return error_; }
  FetchedSource& result() { return out_; }
  void Release() { out_ = FetchedSource(); }

 private:
  // Keeps the source open while requests are being made, so an answer that comes at once
  // cannot finish it half-way.
  struct Hold {
    explicit Hold(SourceFetch* source) : f(source) { ++f->pending_; }
    ~Hold() {
      if (--f->pending_ == 0) f->finished_(*f);
    }
    SourceFetch* f;
  };

  void Fail(const Status& s) {
    if (error_.ok()) error_ = s;
  }
  void RecordError(const std::string& e) { out_.feed.record_errors.push_back(source_.name + ": " + e); }

  // A request on behalf of this source; `then` runs unless the source has failed meanwhile.
  void Get(const std::string& url, Validators known, std::function<void(StatusOr<FetchResult>)> then) {
    ++pending_;
    FetchRequest r;
    r.url = url;
    r.allow_file = source_.allow_file;
    r.known = std::move(known);
    ctx_.Fetch(std::move(r), [this, then = std::move(then)](StatusOr<FetchResult> result) {
      Hold hold(this);
      --pending_;
      if (!failed()) then(std::move(result));
    });
  }

  void Url(const std::string& url) {
    if (source_.type == "sitemap") return Sitemap(url, 0);
    if (source_.mapping && source_.mapping->pagination.enabled()) {
      return Page(FirstPageUrl(source_.mapping->pagination, url), url, 1);
    }
    Document(url);
  }

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
  void Document(const std::string& url) {
    auto memory = Recall(url);
    if (!memory.ok()) return Fail(memory.status());
    Validators known = memory->keys ? memory->validators : Validators{};
    Get(url, std::move(known), [this, url, memory = std::move(*memory)](StatusOr<FetchResult> fetched) {
      if (!fetched.ok()) return Fail(fetched.status());
      if (fetched->not_modified) return Unchanged(memory);
      if (auto parsed = Take(url, *fetched, UrlMemory{}); !parsed.ok()) Fail(parsed.status());
    });
  }

  // Page `n` of a paginated API, read in full: page N+1's address is only known from page N.
  void Page(const std::string& page, const std::string& first, long n) {
    const Pagination& p = source_.mapping->pagination;
    if (n > source_.max_pages) {
      return RecordError(first + ": stopped after " + std::to_string(n - 1) + " pages (max_pages)");
    }
    // A next link comes from the fetched content; page numbers and offsets are our own.
    if (n > 1 && !p.next.empty()) {
      if (Status s = CheckFoundLink(page, source_.allow_private_links, source_.allow_file); !s.ok()) return Fail(s);
    }
    Get(page, {}, [this, page, first, n](StatusOr<FetchResult> fetched) {
      if (!fetched.ok()) return Fail(fetched.status());
      auto parsed = Take(page, *fetched, UrlMemory{});
      if (!parsed.ok()) return Fail(parsed.status());
      if (!parsed->next_url.empty()) Page(parsed->next_url, first, n + 1);
    });
  }

  bool Included(const std::string& link) const {
    if (source_.include.empty()) return true;
    for (const std::string& part : source_.include) {
      if (link.find(part) != std::string::npos) return true;
    }
    return false;
  }

  // A sitemap (index): pages whose lastmod is what we saw last time are not fetched again.
  // The sitemap itself failing fails the source.
  void Sitemap(const std::string& url, int depth) {
    Get(url, {}, [this, url, depth](StatusOr<FetchResult> fetched) {
      if (!fetched.ok()) return Fail(fetched.status());
      auto parsed = ParseSitemap(source_.name, url, fetched->body);
      if (!parsed.ok()) return Fail(parsed.status().WithContext(url));
      for (auto& e : parsed->record_errors) out_.feed.record_errors.push_back(std::move(e));
      Hold hold(this);
      for (const SitemapLink& link : parsed->links) {
        if (!Included(link.url)) continue;
        if (Status s = CheckFoundLink(link.url, source_.allow_private_links, source_.allow_file); !s.ok()) {
          RecordError(s.message());
          continue;
        }
        if (!parsed->is_index) {
          SitemapPage(link);
        } else if (depth == 0 && ++sitemaps_ <= source_.max_pages) {  // an index of indexes is not followed
          Sitemap(link.url, depth + 1);
        }
      }
    });
  }

  // A page that fails is a record error and keeps what it gave before.
  void SitemapPage(const SitemapLink& link) {
    auto memory = Recall(link.url);
    if (!memory.ok()) return Fail(memory.status());
    if (!link.lastmod.empty() && memory->keys && memory->lastmod == link.lastmod) return Unchanged(*memory);
    Get(link.url, {}, [this, link, memory = std::move(*memory)](StatusOr<FetchResult> fetched) {
      StatusOr<ParsedFeed> parsed = fetched.ok() ? Take(link.url, *fetched, UrlMemory{{}, link.lastmod, {}})
                                                 : StatusOr<ParsedFeed>(fetched.status());
      if (parsed.ok()) return;
      RecordError(parsed.status().message());
      if (memory.keys) out_.keys.insert(out_.keys.end(), memory.keys->begin(), memory.keys->end());
    });
  }

  const SourceConfig& source_;
  CrawlContext& ctx_;
  CrawlState* state_;
  std::function<void(SourceFetch&)> finished_;
  FetchedSource out_;
  Status error_;
  int pending_ = 0;
  long sitemaps_ = 0;
};

// Whether the posting is as it was when last indexed, and still in the index: then it
// need not be normalised and compared again.
StatusOr<bool> AsIndexed(const std::string& key, uint64_t input_hash, const KeyVerdicts& verdicts,
                         const VacancyIndex& index) {
  const auto it = verdicts.input_hashes.find(key);
  if (it == verdicts.input_hashes.end() || it->second != input_hash) return false;
  return index.Contains(key);
}

// Normalises and upserts the postings (only normalises when `index` is null: a dry run),
// and lists what it indexed in `indexed`. Postings the age cap caught are removed instead.
Status IndexPostings(const ParsedFeed& feed, const KeyVerdicts& verdicts, const Normalizer& normalizer,
                     VacancyIndex* index, Days today, SourceReport* report, const CrawlCallbacks& cb,
                     std::vector<IndexedInput>* indexed) {
  for (const std::string& e : feed.record_errors) {
    ++report->record_errors;
    if (cb.on_error) cb.on_error(e);
  }
  const std::set<std::string> too_old(verdicts.too_old.begin(), verdicts.too_old.end());
  for (const RawPosting& raw : feed.postings) {
    std::string key = PostingKey(raw);
    if (raw.valid_through.empty() && too_old.count(key)) {
      ++report->aged;
      if (index) {
        auto removed = index->Remove(key);
        if (!removed.ok()) return removed.status();
      }
      continue;
    }
    const uint64_t input_hash = normalizer.InputHash(raw);
    if (index) {
      auto same = AsIndexed(key, input_hash, verdicts, *index);
      if (!same.ok()) return same.status();
      if (*same) {
        ++report->unchanged;
        continue;
      }
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
    indexed->push_back({raw.source, std::move(key), input_hash});
    switch (*outcome) {
      case UpsertOutcome::kAdded: ++report->added; break;
      case UpsertOutcome::kUpdated: ++report->updated; break;
      case UpsertOutcome::kUnchanged: ++report->unchanged; break;
    }
  }
  return Status::Ok();
}

// What landed sources leave for after the next index commit: the vanished keys to forget
// and what each URL gave. Committing the index once per batch instead of once per source
// saves an fsync per source; the state never runs ahead of the index.
struct CommitBatch {
  std::vector<std::pair<std::string, std::vector<std::string>>> forget;  // source, keys
  std::vector<std::pair<std::string, UrlMemory>> memories;
  std::vector<IndexedInput> indexed;
  size_t postings = 0;
  size_t sources = 0;

  bool Full() const { return postings >= 10000 || sources >= 200; }  // 10,000: when glass would flush anyway
  Status Flush(VacancyIndex& index, CrawlState* state) {
    if (sources == 0) return Status::Ok();
    PASSEND_RETURN_IF_ERROR(index.Commit());
    if (state) {
      for (const auto& [source, keys] : forget) PASSEND_RETURN_IF_ERROR(state->Forget(source, keys));
      PASSEND_RETURN_IF_ERROR(state->Remember(memories, indexed));
    }
    *this = CommitBatch();
    return Status::Ok();
  }
};

// Removes what the source stopped listing, once the tracker says the grace period is over.
// Keys come from the raw postings, so a record that failed to normalise this once is kept.
Status RemoveVanished(const std::vector<std::string>& vanished, VacancyIndex& index, SourceReport* report) {
  for (const std::string& key : vanished) {
    auto removed = index.Remove(key);
    if (!removed.ok()) return removed.status();
    report->vanished += *removed;
  }
  return Status::Ok();
}

// Everything after a successful fetch: age cap and vanishing (with state), indexing, and
// what to remember once the batch is committed. Nothing is written in a dry run.
Status LandSource(const std::string& name, FetchedSource& fetched, const Normalizer& normalizer,
                  VacancyIndex& index, Days today, const CrawlCallbacks& cb, const CrawlOptions& options,
                  CrawlState* state, SourceReport* r, CommitBatch* batch) {
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
  VacancyIndex* target = options.dry_run ? nullptr : &index;
  std::vector<IndexedInput> indexed;
  PASSEND_RETURN_IF_ERROR(IndexPostings(fetched.feed, verdicts, normalizer, target, today, r, cb, &indexed));
  if (options.dry_run) return Status::Ok();
  ++batch->sources;
  batch->postings += indexed.size();  // the postings skipped as unchanged cost the commit nothing
  if (!writable) return Status::Ok();
  PASSEND_RETURN_IF_ERROR(RemoveVanished(verdicts.vanished, index, r));
  if (!verdicts.vanished.empty()) batch->forget.emplace_back(name, std::move(verdicts.vanished));
  for (auto& m : fetched.memories) batch->memories.push_back(std::move(m));
  for (auto& in : indexed) batch->indexed.push_back(std::move(in));
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

StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, AsyncFetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const CrawlOptions& options, CrawlState* state) {
  CrawlReport report;
  report.sources.resize(sources.size());
  CrawlContext ctx(fetcher, options.robots_token);
  Status fatal;  // the index or the state could not be written: nothing more lands
  CommitBatch batch;
  // Each source lands as soon as its last answer is in, on the fetcher's thread.
  auto land = [&](size_t i, SourceFetch& f) {
    SourceReport& r = report.sources[i];
    r.name = sources[i].name;
    if (!fatal.ok()) {
      r.error = "not indexed: " + fatal.message();
    } else if (f.failed()) {
      r.error = f.error().message();
    } else if (Status s = LandSource(r.name, f.result(), normalizer, index, today, callbacks, options, state, &r, &batch);
               !s.ok()) {
      fatal = s;
      r.error = s.message();
    } else {
      r.ok = true;
      if (batch.Full()) fatal = batch.Flush(index, state);
    }
    if (state && !options.dry_run && fatal.ok()) {
      if (Status s = state->RecordRun(r, today); !s.ok()) fatal = s;
    }
    f.Release();
    if (callbacks.on_source) callbacks.on_source(r);
  };
  std::vector<std::unique_ptr<SourceFetch>> fetches;
  for (size_t i = 0; i < sources.size(); ++i) {
    fetches.push_back(std::make_unique<SourceFetch>(sources[i], ctx, state, [&land, i](SourceFetch& f) { land(i, f); }));
  }
  for (auto& f : fetches) f->Start();
  fetcher.Run();
  if (fatal.ok()) fatal = batch.Flush(index, state);
  if (!fatal.ok()) return fatal;
  if (options.dry_run) return report;
  auto expired = index.ExpireBefore(today);
  if (!expired.ok()) return expired.status();
  report.expired = *expired;
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return report;
}

StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, Fetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const CrawlOptions& options, CrawlState* state) {
  SyncFetcherAdapter one_at_a_time(fetcher);
  return Crawl(sources, one_at_a_time, normalizer, index, today, callbacks, options, state);
}

}  // namespace passend
