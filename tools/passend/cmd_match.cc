// passend match: ranked vacancies for one candidate, with verdicts and reasons.
#include <cmath>
#include <cstdio>
#include <limits>

#include "indexer/index.h"
#include "matcher/matcher.h"
#include "model/json_io.h"
#include "tools/passend/cli.h"
#include "common/file.h"
#include "common/text.h"
#include "tools/passend/report.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend match --candidate FILE [--json] [--limit N] [--include-excluded]\n"
    "                     [--explain VACANCY_KEY] [--weights FACTOR=W,...]\n"
    "                     [--data-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "Ranks the indexed vacancies for the candidate in FILE (format: docs/formats.md):\n"
    "passend first, then passend met aandachtspunten, each with per-factor scores and the\n"
    "reasons in Dutch. --include-excluded also lists the excluded ones with their reasons;\n"
    "--explain shows the full check of one vacancy; --json prints JSON for scripts.\n"
    "--weights overrides score weights for this run, e.g. competenties=0.5,reistijd=0.3\n"
    "(factors: competenties loon reistijd uren contract opleiding recentheid; docs/matching.md).\n"
    "Exit: 0 ok, 2 bad input or no index.\n";

}  // namespace

int RunMatch(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("match", kHelp, argv, {"candidate", "limit", "explain", "weights"}, {"json", "include-excluded"}, &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  if (!args->Has("candidate")) {
    PrintError("match", "--candidate FILE is required");
    return kExitFailure;
  }
  auto candidate = LoadCandidate(*ctx, *args->Get("candidate"));
  if (!candidate.ok()) {
    PrintError("match", candidate.status().message());
    return kExitFailure;
  }
  auto reader = VacancyReader::Open(ctx->IndexPath());
  if (!reader.ok()) {
    PrintError("match", reader.status().message());
    return kExitFailure;
  }
  auto base = MatchOptionsFor(*ctx, *args);
  if (!base.ok()) {
    PrintError("match", base.status().message());
    return kExitFailure;
  }
  MatchOptions options = *base;
  options.include_excluded = args->Has("include-excluded");
  const auto limit = IntOption(*args, "limit", 20, 1, std::numeric_limits<long>::max());
  if (!limit.ok()) {
    PrintError("match", limit.status().message());
    return kExitFailure;
  }
  options.limit = static_cast<int>(*limit);
  const Matcher matcher(*reader, ctx->schema, options);
  if (auto key = args->Get("explain")) {
    auto v = reader->Get(*key);
    if (!v.ok()) {
      PrintError("match", v.status().message());
      return kExitFailure;
    }
    const Match m = matcher.Evaluate(*candidate, *v);
    std::fputs(args->Has("json") ? (MatchToJson(m) + "\n").c_str() : FormatExplain(*candidate, m).c_str(), stdout);
    return kExitOk;
  }
  auto matches = matcher.MatchCandidate(*candidate);
  if (!matches.ok()) {
    PrintError("match", matches.status().message());
    return kExitFailure;
  }
  std::fputs(args->Has("json") ? MatchesToJson(*matches).c_str() : FormatMatchTable(*candidate, *matches).c_str(),
             stdout);
  return kExitOk;
}

}  // namespace passend::cli

namespace passend::cli {

int WriteMatchReports(const Context& ctx, const std::vector<CandidateProfile>& candidates, const std::string& out_dir) {
  auto reader = VacancyReader::Open(ctx.IndexPath());
  if (!reader.ok()) {
    PrintError("demo", reader.status().message());
    return static_cast<int>(candidates.size());
  }
  if (Status s = MakeDirs(out_dir); !s.ok()) {
    PrintError("demo", s.message());
    return static_cast<int>(candidates.size());
  }
  const Matcher matcher(*reader, ctx.schema, BaseMatchOptions(ctx));
  int failures = 0;
  for (const CandidateProfile& c : candidates) {
    auto matches = matcher.MatchCandidate(c);
    Status s = matches.ok() ? Status::Ok() : matches.status();
    if (s.ok()) s = WriteFileAtomic(out_dir + "/" + c.id + ".txt", FormatMatchTable(c, *matches));
    if (s.ok()) s = WriteFileAtomic(out_dir + "/" + c.id + ".json", MatchesToJson(*matches));
    if (!s.ok()) {
      PrintError("demo", "candidate " + c.id + ": " + s.message());
      ++failures;
      continue;
    }
    int suitable = 0;
    for (const Match& m : *matches) suitable += m.verdict == Verdict::kSuitable;
    std::printf("candidate=%s matches=%zu passend=%d met_aandachtspunten=%zu file=%s/%s.txt\n", c.id.c_str(),
                matches->size(), suitable, matches->size() - static_cast<size_t>(suitable), out_dir.c_str(),
                c.id.c_str());
  }
  return failures;
}

}  // namespace passend::cli
