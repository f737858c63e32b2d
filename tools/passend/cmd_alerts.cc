// passend alerts: the weekly alert mails, exactly once per candidate and week.
#include <cstdio>
#include <ctime>

#include "alerts/alerts.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend alerts --candidates DIR --outbox DIR [--week YYYY-Www] [--from ADDRESS]\n"
    "                      [--weights FACTOR=W,...] [--data-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "For every candidate in DIR with alerts on: the suitable vacancies first seen since the\n"
    "last alert and never mailed before, best first, as one .eml (text + HTML) in the outbox.\n"
    "The week defaults to the ISO week of today. Running again for the same week writes\n"
    "nothing new. Prints one line per candidate and a summary.\n"
    "Exit: 0 ok, 1 some candidates failed, 2 bad configuration.\n";

}  // namespace

int RunAlerts(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("alerts", kHelp, argv, {"candidates", "outbox", "week", "from", "weights"}, {}, &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  AlertOptions options;
  options.today = ctx->today;
  options.week = args->GetOr("week", FormatIsoWeek(ctx->today));
  if (!ParseIsoWeek(options.week)) {
    PrintError("alerts", "--week: expected an ISO week like 2026-W48, got \"" + options.week + "\"");
    return kExitFailure;
  }
  options.outbox_dir = args->GetOr("outbox", ctx->data_dir + "/outbox");
  if (auto from = args->Get("from")) options.from = *from;
  options.now_unix = static_cast<long>(std::time(nullptr));
  std::vector<std::string> errors;
  auto candidates = LoadCandidates(*ctx, args->GetOr("candidates", ctx->share_dir + "/candidates"), &errors);
  if (!candidates.ok()) {
    PrintError("alerts", candidates.status().message());
    return kExitFailure;
  }
  for (const auto& e : errors) PrintError("alerts", e);
  auto reader = VacancyReader::Open(ctx->IndexPath());
  auto store = Store::Open(ctx->StorePath());
  if (!reader.ok() || !store.ok()) {
    PrintError("alerts", (!reader.ok() ? reader.status() : store.status()).message());
    return kExitFailure;
  }
  auto base = MatchOptionsFor(*ctx, *args);
  if (!base.ok()) {
    PrintError("alerts", base.status().message());
    return kExitFailure;
  }
  MatchOptions match_options = *base;
  match_options.limit = 200;
  const Matcher matcher(*reader, ctx->schema, match_options);
  AlertJob job(matcher, *reader, *store, options);
  int sent = 0, nothing = 0, done = 0, failed = static_cast<int>(errors.size());
  for (const CandidateProfile& c : *candidates) {
    const CandidateAlertResult r = job.Run(c);
    std::printf("candidate=%s outcome=%s vacancies=%d%s\n", c.id.c_str(), AlertOutcomeName(r.outcome), r.vacancies,
                r.file.empty() ? "" : (" file=" + r.file).c_str());
    if (r.outcome == AlertOutcome::kFailed) PrintError("alerts", "candidate " + c.id + ": " + r.error);
    sent += r.outcome == AlertOutcome::kSent;
    nothing += r.outcome == AlertOutcome::kNothingNew;
    done += r.outcome == AlertOutcome::kAlreadyDone;
    failed += r.outcome == AlertOutcome::kFailed;
  }
  std::printf("summary week=%s candidates=%zu sent=%d nothing_new=%d already_done=%d failed=%d\n",
              options.week.c_str(), candidates->size() + errors.size(), sent, nothing, done, failed);
  if (failed == 0) return kExitOk;
  return failed == static_cast<int>(candidates->size() + errors.size()) ? kExitFailure : kExitPartial;
}

}  // namespace passend::cli
