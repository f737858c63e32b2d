#include "tools/passend/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>

#include "common/file.h"
#include "common/text.h"
#include "matcher/matcher.h"
#include "normalizer/tables.h"
#include "model/json_io.h"

#ifndef PASSEND_DEFAULT_SHARE_DIR
#define PASSEND_DEFAULT_SHARE_DIR "data"
#endif

namespace passend::cli {

StatusOr<Args> Args::Parse(const std::vector<std::string>& argv, const std::vector<std::string>& with_value,
                           const std::vector<std::string>& flags) {
  Args a;
  auto known = [](const std::vector<std::string>& list, const std::string& n) {
    return std::find(list.begin(), list.end(), n) != list.end() ||
           std::find(kCommonOptions.begin(), kCommonOptions.end(), n) != kCommonOptions.end();
  };
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!StartsWith(arg, "--")) return Status::InvalidArgument("unexpected argument \"" + arg + "\"");
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (std::find(flags.begin(), flags.end(), name) != flags.end() || name == "help") {
      a.values_[name] = "1";
    } else if (known(with_value, name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) return Status::InvalidArgument("--" + name + " needs a value");
        value = argv[++i];
      }
      a.values_[name] = value;
    } else {
      return Status::InvalidArgument("unknown option --" + name);
    }
  }
  return a;
}

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string Args::GetOr(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

bool Args::Has(const std::string& name) const { return values_.count(name) > 0; }

StatusOr<long> IntOption(const Args& args, const std::string& name, long fallback, long min, long max) {
  const auto text = args.Get(name);
  if (!text) return fallback;
  const auto value = ParseInt(*text);
  if (value && *value >= min && *value <= max) return *value;
  const std::string range = max == std::numeric_limits<long>::max() ? "of at least " + std::to_string(min)
                                                                       : "from " + std::to_string(min) + " to " +
                                                                             std::to_string(max);
  return Status::InvalidArgument("--" + name + ": expected a whole number " + range + ", got \"" + *text + "\"");
}

std::string DefaultShareDir() {
  const char* env_share = std::getenv("PASSEND_SHARE_DIR");
  return env_share ? env_share : PASSEND_DEFAULT_SHARE_DIR;
}

StatusOr<Context> LoadContext(const Args& args) {
  Context ctx;
  ctx.share_dir = args.GetOr("share-dir", DefaultShareDir());
  ctx.data_dir = args.GetOr("data-dir", "var");
  ctx.today = TodayUtc();
  const char* user = std::getenv("PASSEND_USER");
  if (!user) user = std::getenv("USER");
  ctx.actor = args.GetOr("by", user && *user ? user : "onbekend");
  if (auto t = args.Get("today")) {
    auto d = ParseIsoDate(*t);
    if (!d) return Status::InvalidArgument("--today: expected YYYY-MM-DD, got \"" + *t + "\"");
    ctx.today = *d;
  }
  auto tables = NormalizerTables::Load(ctx.share_dir);
  if (!tables.ok()) return tables.status();
  // Moving the vectors keeps their buffers, so the lexicon's pointers into the schema stay valid.
  ctx.schema = std::move((*tables)->schema);
  ctx.gazetteer = std::move((*tables)->gazetteer);
  ctx.lexicon = std::move((*tables)->lexicon);
  ctx.occupations = std::move((*tables)->occupations);
  PASSEND_RETURN_IF_ERROR(MakeDirs(ctx.data_dir));
  return ctx;
}

std::optional<Invocation> Begin(const std::string& cmd, const char* help, const std::vector<std::string>& argv,
                                const std::vector<std::string>& with_value, const std::vector<std::string>& flags,
                                int* exit_code) {
  *exit_code = kExitFailure;
  auto args = Args::Parse(argv, with_value, flags);
  if (!args.ok()) {
    PrintError(cmd, args.status().message() + " (see passend " + cmd + " --help)");
    return std::nullopt;
  }
  if (args->Has("help")) {
    std::fputs(help, stdout);
    *exit_code = kExitOk;
    return std::nullopt;
  }
  auto ctx = LoadContext(*args);
  if (!ctx.ok()) {
    PrintError(cmd, ctx.status().message());
    return std::nullopt;
  }
  return Invocation{std::move(*args), std::move(*ctx)};
}

StatusOr<CandidateProfile> ParseCandidate(const Context& ctx, const std::string& text, const std::string& where) {
  auto c = CandidateFromJsonText(text, where, ctx.schema);
  if (!c.ok()) return c.status();
  PASSEND_RETURN_IF_ERROR(ResolveHome(&*c, ctx.gazetteer, where + ": candidate " + c->id));
  return c;
}

StatusOr<CandidateProfile> LoadCandidate(const Context& ctx, const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseCandidate(ctx, *text, path);
}

StatusOr<std::vector<std::string>> JsonFilesIn(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string TakeWord(std::vector<std::string>* argv) {
  if (argv->empty() || StartsWith(argv->front(), "--")) return "";
  std::string word = argv->front();
  argv->erase(argv->begin());
  return word;
}

StatusOr<std::vector<CandidateProfile>> LoadCandidates(const Context& ctx, const std::string& dir,
                                                       std::vector<std::string>* errors) {
  auto files = JsonFilesIn(dir);
  if (!files.ok()) return files.status();
  std::vector<CandidateProfile> out;
  for (const auto& f : *files) {
    auto c = LoadCandidate(ctx, f);
    if (!c.ok()) {
      errors->push_back(c.status().message());
      continue;
    }
    out.push_back(std::move(*c));
  }
  return out;
}

void PrintError(const std::string& cmd, const std::string& message) {
  std::fprintf(stderr, "passend %s: error: %s\n", cmd.c_str(), message.c_str());
}

MatchOptions BaseMatchOptions(const Context& ctx) {
  MatchOptions options;
  options.today = ctx.today;
  if (ctx.occupations) options.occupations = &*ctx.occupations;
  return options;
}

StatusOr<MatchOptions> MatchOptionsFor(const Context& ctx, const Args& args) {
  MatchOptions options = BaseMatchOptions(ctx);
  if (auto spec = args.Get("weights")) {
    auto weights = ParseWeights(*spec);
    if (!weights.ok()) return Status::InvalidArgument("--" + weights.status().message());
    options.weights = *weights;
  }
  return options;
}

}  // namespace passend::cli

namespace passend::cli {

StatusOr<KeyVerdicts> StoreCrawlState::Seen(const std::string& source, const std::vector<std::string>& keys,
                                            Days today, int max_age_days) {
  auto tracked = store_.TrackSourceKeys(source, keys, grace_, today, max_age_days);
  if (!tracked.ok()) return tracked.status();
  return KeyVerdicts{std::move(tracked->vanished), std::move(tracked->too_old), std::move(tracked->input_hashes)};
}

StatusOr<UrlMemory> StoreCrawlState::Recall(const std::string& url) {
  auto r = store_.ReadUrlRecord(url);
  if (!r.ok()) return r.status();
  UrlMemory m{{r->etag, r->last_modified}, r->lastmod, std::nullopt};
  if (r->keys_known) m.keys = std::move(r->keys);
  return m;
}

Status StoreCrawlState::Remember(const std::vector<std::pair<std::string, UrlMemory>>& memories,
                                 const std::vector<IndexedInput>& indexed) {
  std::vector<std::pair<std::string, Store::UrlRecord>> records;
  records.reserve(memories.size());
  for (const auto& [url, m] : memories) {
    records.emplace_back(url, Store::UrlRecord{m.validators.etag, m.validators.last_modified, m.lastmod,
                                               m.keys.has_value(), m.keys.value_or(std::vector<std::string>{})});
  }
  PASSEND_RETURN_IF_ERROR(store_.WriteUrlRecords(records));
  std::vector<Store::KeyInput> inputs;
  inputs.reserve(indexed.size());
  for (const IndexedInput& in : indexed) inputs.push_back({in.source, in.key, in.input_hash});
  return store_.WriteInputHashes(inputs);
}

Status StoreCrawlState::RecordRun(const SourceReport& r, Days today) {
  return store_.RecordSourceRun({r.name, FormatDate(today), r.ok ? "" : r.error, r.postings, r.added, r.updated,
                                 r.vanished});
}

}  // namespace passend::cli
