#include "crawler/crawl.h"

#include "common/log.h"
#include "crawler/adapters.h"
#include "crawler/robots.h"

namespace passend {
namespace {

// One source's fetch: the postings of its changed URLs and every URL's validators.
struct FetchedSource {
  ParsedFeed feed;
  bool not_modified = false;  // every URL answered 304
  std::vector<std::pair<std::string, Validators>> validators;
};

// Fetches every URL of a source, conditionally when `state` knows its validators. When only
// some URLs are unchanged, those are fetched again in full: the vanish tracking needs every
// posting the source lists. Any fetch or document error fails the source.
StatusOr<FetchedSource> FetchSource(const SourceConfig& source, Fetcher& fetcher, RobotsGate& robots,
                                    CrawlState* state) {
  FetchedSource out;
  std::vector<FetchResult> results;
  size_t unchanged = 0;
  for (const std::string& url : source.urls) {
    PASSEND_RETURN_IF_ERROR(robots.Admit(url));
    Validators known;
    if (state) {
      auto v = state->KnownValidators(url);
      if (!v.ok()) return v.status();
      known = *v;
    }
    auto fetched = fetcher.FetchIfChanged(url, source.allow_file, known);
    if (!fetched.ok()) return fetched.status();
    unchanged += fetched->not_modified;
    results.push_back(std::move(*fetched));
  }
  out.not_modified = unchanged == source.urls.size() && unchanged > 0;
  for (size_t i = 0; i < source.urls.size() && !out.not_modified; ++i) {
    const std::string& url = source.urls[i];
    if (results[i].not_modified) {
      auto full = fetcher.Fetch(url, source.allow_file);
      if (!full.ok()) return full.status();
      results[i] = std::move(*full);
    }
    auto parsed = ParseFeed(source.type, source.name, url, results[i].body);
    if (!parsed.ok()) return parsed.status().WithContext(url);
    for (auto& p : parsed->postings) out.feed.postings.push_back(std::move(p));
    for (auto& e : parsed->record_errors) out.feed.record_errors.push_back(std::move(e));
  }
  for (size_t i = 0; i < source.urls.size(); ++i) out.validators.emplace_back(source.urls[i], results[i].validators);
  return out;
}

Status IndexPostings(const ParsedFeed& feed, const Normalizer& normalizer, VacancyIndex& index, Days today,
                     SourceReport* report, const CrawlCallbacks& cb) {
  for (const std::string& e : feed.record_errors) {
    ++report->record_errors;
    if (cb.on_error) cb.on_error(e);
  }
  for (const RawPosting& raw : feed.postings) {
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
    auto outcome = index.Upsert(std::move(*vacancy), today);
    if (!outcome.ok()) return outcome.status();
    switch (*outcome) {
      case UpsertOutcome::kAdded: ++report->added; break;
      case UpsertOutcome::kUpdated: ++report->updated; break;
      case UpsertOutcome::kUnchanged: ++report->unchanged; break;
    }
  }
  return index.Commit();
}

// Removes what the source stopped listing, once the tracker says the grace period is over.
// Keys come from the raw postings, so a record that failed to normalise this once is kept.
Status RemoveVanished(const std::string& source, const ParsedFeed& feed, CrawlState& tracker,
                      VacancyIndex& index, SourceReport* report) {
  std::vector<std::string> keys;
  keys.reserve(feed.postings.size());
  for (const RawPosting& raw : feed.postings) keys.push_back(PostingKey(raw));
  auto vanished = tracker.Seen(source, keys);
  if (!vanished.ok()) return vanished.status();
  for (const std::string& key : *vanished) {
    auto removed = index.Remove(key);
    if (!removed.ok()) return removed.status();
    report->vanished += *removed;
  }
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return tracker.Forget(source, *vanished);
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
  int added = 0, updated = 0, unchanged = 0, errors = 0, stale = 0, vanished = 0;
  for (const auto& s : sources) {
    stale += s.stale;
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
         " vanished=" + std::to_string(vanished) + " record_errors=" + std::to_string(errors);
}

std::string SourceLine(const SourceReport& r) {
  std::string line = "source=" + LogValue(r.name) + " status=" + (r.ok ? "ok" : "failed");
  if (!r.ok) return line + " error=" + LogValue(r.error);
  return line + " postings=" + std::to_string(r.postings) + " new=" + std::to_string(r.added) +
         " updated=" + std::to_string(r.updated) + " unchanged=" + std::to_string(r.unchanged) +
         " expired=" + std::to_string(r.stale) + " vanished=" + std::to_string(r.vanished) +
         " record_errors=" + std::to_string(r.record_errors) + (r.not_modified ? " not_modified=true" : "");
}

StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, Fetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const std::string& robots_token,
                            CrawlState* tracker) {
  CrawlReport report;
  RobotsGate robots(fetcher, robots_token);
  for (const SourceConfig& source : sources) {
    SourceReport r;
    r.name = source.name;
    auto fetched = FetchSource(source, fetcher, robots, tracker);
    if (!fetched.ok()) {
      r.error = fetched.status().message();
    } else {
      r.not_modified = fetched->not_modified;
      if (!fetched->not_modified) {
        r.postings = static_cast<int>(fetched->feed.postings.size());
        PASSEND_RETURN_IF_ERROR(IndexPostings(fetched->feed, normalizer, index, today, &r, callbacks));
        if (tracker) PASSEND_RETURN_IF_ERROR(RemoveVanished(source.name, fetched->feed, *tracker, index, &r));
      }
      for (const auto& [url, v] : fetched->validators) {
        if (tracker && !v.empty()) PASSEND_RETURN_IF_ERROR(tracker->RememberValidators(url, v));
      }
      r.ok = true;
    }
    if (callbacks.on_source) callbacks.on_source(r);
    report.sources.push_back(std::move(r));
  }
  auto expired = index.ExpireBefore(today);
  if (!expired.ok()) return expired.status();
  report.expired = *expired;
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return report;
}

}  // namespace passend
