// passend alerts: the weekly alert mails, exactly once per candidate and week.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>

#include "alerts/alerts.h"
#include "alerts/coach_summary.h"
#include "alerts/mail.h"
#include "common/text.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend alerts [--week YYYY-Www] [--outbox DIR | --smtp URL [--smtp-user USER]\n"
    "                      [--smtp-tls none|try|required] [--smtp-attempts N] [--smtp-backoff-ms MS]]\n"
    "                      [--coach-summary] [--candidates DIR] [--from ADDRESS]\n"
    "                      [--weights FACTOR=W,...] [--data-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "For every candidate in the store (or the candidate files in --candidates DIR) with\n"
    "alerts on: the suitable vacancies first seen since the last alert and never mailed\n"
    "before, best first, as one mail (text + HTML). The week defaults to the ISO week of today.\n"
    "\n"
    "Delivery: --outbox DIR writes .eml files (default DATA_DIR/outbox); --smtp sends through\n"
    "an SMTP server (smtp://host:587 with STARTTLS, smtps://host:465). The password comes from\n"
    "$PASSEND_SMTP_PASSWORD. A mail the server refuses for a while is retried (default 4\n"
    "attempts, backoff from 1000 ms); after 3 mails in a row fail, the rest are left for the\n"
    "next run. Running again for the same week sends nothing twice and finishes what is left.\n"
    "--coach-summary also mails each coach what their clients received (once per week).\n"
    "\n"
    "Prints one line per candidate and a summary.\n"
    "Exit: 0 ok, 1 some candidates failed, 2 bad configuration or nothing succeeded.\n";

struct Totals {
  int sent = 0, nothing = 0, done = 0, disabled = 0, failed = 0;
  int all() const { return sent + nothing + done + disabled + failed; }
};

using CandidateFn = std::function<void(const CandidateProfile&, const std::string& coach_id)>;
using ErrorFn = std::function<void(const std::string& candidate, const std::string& error)>;

// Candidate files in `dir`, one at a time.
Status ForEachFileCandidate(const Context& ctx, const std::string& dir, const CandidateFn& each, const ErrorFn& error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    auto c = LoadCandidate(ctx, f);
    if (c.ok()) {
      each(*c, "");
    } else {
      error(std::filesystem::path(f).stem().string(), c.status().message());
    }
  }
  return Status::Ok();
}

// Candidates in the store, a page at a time so memory does not grow with their number.
Status ForEachStoredCandidate(const Context& ctx, Store& store, const std::string& week, const CandidateFn& each,
                              const ErrorFn& error) {
  std::string after;
  for (;;) {
    auto page = store.ListCandidates(after, 200);
    if (!page.ok()) return page.status();
    if (page->empty()) return Status::Ok();
    for (const StoredCandidate& row : *page) {
      after = row.id;
      auto c = ParseCandidate(ctx, row.profile_json, ctx.StorePath() + ": candidate " + row.id);
      Status s = c.ok() ? store.RecordAudit(ctx.actor, "read", row.id, "alerts " + week) : c.status();
      if (s.ok()) {
        each(*c, row.coach_id);
      } else {
        error(row.id, s.message());
      }
    }
  }
}

StatusOr<std::unique_ptr<MailTransport>> TransportFor(const Context& ctx, const Args& args) {
  const auto url = args.Get("smtp");
  if (!url) return MakeOutboxTransport(args.GetOr("outbox", ctx.data_dir + "/outbox"));
  if (args.Has("outbox")) return Status::InvalidArgument("--outbox and --smtp: choose one");
  SmtpOptions o;
  o.url = *url;
  o.user = args.GetOr("smtp-user", "");
  const char* password = std::getenv("PASSEND_SMTP_PASSWORD");
  o.password = password ? password : "";
  o.tls = args.GetOr("smtp-tls", o.user.empty() ? "try" : "required");
  try {
    o.attempts = std::stoi(args.GetOr("smtp-attempts", "4"));
    o.backoff_ms = std::stol(args.GetOr("smtp-backoff-ms", "1000"));
  } catch (const std::exception&) {
    return Status::InvalidArgument("--smtp-attempts and --smtp-backoff-ms take whole numbers");
  }
  if (o.backoff_ms < 0) return Status::InvalidArgument("--smtp-backoff-ms must not be negative");
  return MakeSmtpTransport(o);
}

// One summary per coach with clients, unless sent already this week. Returns failures.
int SendCoachSummaries(Store& store, MailTransport& transport, const AlertOptions& options,
                       const std::map<std::string, std::vector<ClientWeek>>& clients) {
  int failed = 0;
  for (const auto& [coach_id, list] : clients) {
    auto coach = store.GetCoach(coach_id);
    auto sent = store.CoachSummarySent(coach_id, options.week);
    Status s = !coach.ok() ? coach.status() : !sent.ok() ? sent.status() : Status::Ok();
    if (s.ok() && *sent) continue;
    CoachSummary summary{coach.ok() && *coach ? **coach : Coach{}, options.week, list};
    if (s.ok() && !*coach) s = Status::NotFound("no coach with id " + coach_id);
    for (ClientWeek& c : summary.clients) {
      if (!s.ok()) break;
      auto alert = store.GetAlert(c.candidate_id, options.week);
      s = alert.ok() ? Status::Ok() : alert.status();
      if (s.ok()) c.alert = *alert;
    }
    if (s.ok()) {
      const std::string id = options.week + ".coach." + coach_id + "." +
                             HexId(StableHash64(coach_id + options.week)).substr(0, 8) + "@passend";
      const SendResult r = transport.Send({EnvelopeAddress(options.from), summary.coach.email,
                                           options.week + "_coach_" + coach_id,
                                           RenderCoachSummary(summary, options.from, Rfc5322Date(options.now_unix), id)});
      s = r.ok() ? store.MarkCoachSummarySent(coach_id, options.week) : Status::Unavailable(r.error);
    }
    std::printf("coach=%s summary=%s clients=%zu\n", coach_id.c_str(), s.ok() ? "sent" : "failed", list.size());
    if (!s.ok()) {
      ++failed;
      PrintError("alerts", "coach " + coach_id + ": " + s.message());
    }
  }
  return failed;
}

void Count(const CandidateAlertResult& r, Totals* t) {
  t->sent += r.outcome == AlertOutcome::kSent;
  t->nothing += r.outcome == AlertOutcome::kNothingNew;
  t->done += r.outcome == AlertOutcome::kAlreadyDone;
  t->disabled += r.outcome == AlertOutcome::kDisabled;
  t->failed += r.outcome == AlertOutcome::kFailed;
}

}  // namespace

int RunAlerts(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("alerts", kHelp, argv,
                   {"candidates", "outbox", "week", "from", "weights", "smtp", "smtp-user", "smtp-tls", "smtp-attempts",
                    "smtp-backoff-ms"},
                   {"coach-summary"}, &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  auto fail = [](const std::string& m) {
    PrintError("alerts", m);
    return kExitFailure;
  };
  AlertOptions options;
  options.today = ctx->today;
  options.week = args->GetOr("week", FormatIsoWeek(ctx->today));
  if (!ParseIsoWeek(options.week)) return fail("--week: expected an ISO week like 2026-W48, got \"" + options.week + "\"");
  if (auto from = args->Get("from")) options.from = *from;
  options.now_unix = static_cast<long>(std::time(nullptr));
  auto transport = TransportFor(*ctx, *args);
  if (!transport.ok()) return fail(transport.status().message());
  auto reader = VacancyReader::Open(ctx->IndexPath());
  if (!reader.ok()) return fail(reader.status().message());
  auto store = Store::Open(ctx->StorePath());
  if (!store.ok()) return fail(store.status().message());
  auto base = MatchOptionsFor(*ctx, *args);
  if (!base.ok()) return fail(base.status().message());
  MatchOptions match_options = *base;
  match_options.limit = 200;
  const Matcher matcher(*reader, ctx->schema, match_options);
  AlertJob job(matcher, *reader, *store, **transport, options);
  Totals totals;
  std::map<std::string, std::vector<ClientWeek>> by_coach;
  auto on_candidate = [&](const CandidateProfile& c, const std::string& coach_id) {
    CandidateAlertResult r{c.id, AlertOutcome::kFailed, 0, "", "not tried: the mail server is unavailable"};
    if (!(*transport)->Unavailable()) r = job.Run(c);
    std::printf("candidate=%s outcome=%s vacancies=%d%s\n", c.id.c_str(), AlertOutcomeName(r.outcome), r.vacancies,
                r.where.empty() ? "" : (" to=" + r.where).c_str());
    if (r.outcome == AlertOutcome::kFailed) PrintError("alerts", "candidate " + c.id + ": " + r.error);
    Count(r, &totals);
    if (!coach_id.empty()) by_coach[coach_id].push_back({c.id, c.name, c.alerts.enabled, std::nullopt});
  };
  auto on_error = [&](const std::string& id, const std::string& error) {
    std::printf("candidate=%s outcome=failed vacancies=0\n", id.c_str());
    PrintError("alerts", error);
    ++totals.failed;
  };
  const auto dir = args->Get("candidates");
  const Status listed = dir ? ForEachFileCandidate(*ctx, *dir, on_candidate, on_error)
                            : ForEachStoredCandidate(*ctx, *store, options.week, on_candidate, on_error);
  if (!listed.ok()) return fail(listed.message());
  if (args->Has("coach-summary")) totals.failed += SendCoachSummaries(*store, **transport, options, by_coach);
  std::printf("summary week=%s candidates=%d sent=%d nothing_new=%d already_done=%d disabled=%d failed=%d\n",
              options.week.c_str(), totals.all(), totals.sent, totals.nothing, totals.done, totals.disabled,
              totals.failed);
  if (totals.failed == 0) return kExitOk;
  return totals.failed >= totals.all() ? kExitFailure : kExitPartial;
}

}  // namespace passend::cli
