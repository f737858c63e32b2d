// passend demo: the whole job on the bundled data — crawl, match every candidate, alerts.
#include <algorithm>
#include <cstdio>

#include "common/file.h"
#include "common/json.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend demo [--data-dir DIR] [--share-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "Runs the whole job on the bundled data in the share dir (data/), on the snapshot day\n"
    "in data/demo.json unless --today is given: crawls sources.json into DIR/index, matches\n"
    "every candidate in data/candidates (results in DIR/matches), imports them into the store\n"
    "with a demo coach, and writes that week's alert mails and the coach summary to\n"
    "DIR/outbox. Prints where the results are.\n"
    "Exit: the worst exit code of the steps.\n";

// The day the bundled feeds were written for (data/demo.json).
StatusOr<std::string> DemoDate(const std::string& share_dir) {
  const std::string path = share_dir + "/demo.json";
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto doc = ParseJson(*text, path);
  if (!doc.ok()) return doc.status();
  FieldReader r(*doc, path);
  const std::string today = r.String("today", true);
  PASSEND_RETURN_IF_ERROR(r.status());
  if (!ParseIsoDate(today)) return Status::InvalidArgument(path + ": today: expected YYYY-MM-DD");
  return today;
}

}  // namespace

int RunDemo(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {}, {});
  if (!args.ok()) {
    PrintError("demo", args.status().message() + " (see passend demo --help)");
    return kExitFailure;
  }
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (!args->Has("today")) {
    auto today = DemoDate(args->GetOr("share-dir", DefaultShareDir()));
    if (!today.ok()) {
      PrintError("demo", today.status().message());
      return kExitFailure;
    }
    std::vector<std::string> with_today = argv;
    with_today.insert(with_today.end(), {"--today", *today});
    args = Args::Parse(with_today, {}, {});
  }
  auto ctx = LoadContext(*args);
  if (!ctx.ok()) {
    PrintError("demo", ctx.status().message());
    return kExitFailure;
  }
  std::vector<std::string> common = {"--data-dir", ctx->data_dir, "--share-dir", ctx->share_dir,
                                     "--today", FormatDate(ctx->today)};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), common.begin(), common.end());
    return extra;
  };
  std::printf("== 1. crawl (%s/sources.json)\n", ctx->share_dir.c_str());
  const int crawl = RunCrawl(with({"--sources", ctx->share_dir + "/sources.json"}));
  std::printf("\n== 2. match (%s/candidates)\n", ctx->share_dir.c_str());
  std::vector<std::string> errors;
  auto candidates = LoadCandidates(*ctx, ctx->share_dir + "/candidates", &errors);
  for (const auto& e : errors) PrintError("demo", e);
  const int match_failures = candidates.ok() ? WriteMatchReports(*ctx, *candidates, ctx->data_dir + "/matches") : 1;
  const int match = match_failures + static_cast<int>(errors.size()) > 0 ? kExitPartial : kExitOk;
  std::printf("\n== 3. candidates into the store (%s/passend.db)\n", ctx->data_dir.c_str());
  const int coach = RunCoach(with({"add", "--id", "demo-coach", "--name", "Demo Coach", "--email",
                                   "coach@voorbeeld.invalid"}));
  const int import = RunCandidate(with({"import", "--dir", ctx->share_dir + "/candidates", "--coach", "demo-coach"}));
  std::printf("\n== 4. alerts (week %s)\n", FormatIsoWeek(ctx->today).c_str());
  const int alerts = RunAlerts(with({"--outbox", ctx->data_dir + "/outbox", "--coach-summary"}));
  std::printf("\nResults:\n  index:   %s/index\n  matches: %s/matches/<candidate>.txt (and .json)\n"
              "  mails:   %s/outbox/*.eml (one per candidate, and the coach summary)\n  store:   %s/passend.db\n"
              "  dossier: passend report --candidate anna-de-vries --from %s --to %s --data-dir %s\n",
              ctx->data_dir.c_str(), ctx->data_dir.c_str(), ctx->data_dir.c_str(), ctx->data_dir.c_str(),
              FormatDate(ctx->today - 28).c_str(), FormatDate(ctx->today).c_str(), ctx->data_dir.c_str());
  return std::max({crawl, match, coach, import, alerts});
}

}  // namespace passend::cli
