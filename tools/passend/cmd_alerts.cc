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
#include "alerts/runner.h"
#include "common/text.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend alerts [--week YYYY-Www] [--outbox DIR | --smtp URL [--smtp-user USER]\n"
    "                      [--smtp-tls none|try|required] [--smtp-ca FILE] [--smtp-attempts N]\n"
    "                      [--smtp-backoff-ms MS]]\n"
    "                      [--coach-summary] [--candidates DIR] [--from ADDRESS] [--threads N]\n"
    "                      [--max-candidates N]\n"
    "                      [--weights FACTOR=W,...] [--data-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "For every candidate in the store (or the candidate files in --candidates DIR) with\n"
    "alerts on: the suitable vacancies first seen since the last alert and never mailed\n"
    "before, best first, as one mail (text + HTML). The week defaults to the ISO week of today.\n"
    "\n"
    "Delivery: --outbox DIR writes .eml files (default DATA_DIR/outbox); --smtp sends through\n"
    "an SMTP server (smtp://host:587 with STARTTLS, smtps://host:465). The password comes from\n"
    "$PASSEND_SMTP_PASSWORD. --smtp-ca FILE: the CA certificates (PEM) to trust instead of the\n"
    "system's. A mail the server refuses for a while is retried (default 4 attempts, backoff\n"
    "from 1000 ms); after 3 mails in a row fail, the rest are left for the next run. Running again for the same week sends nothing twice and finishes what is left.\n"
    "--coach-summary also mails each coach what their clients received (once per week).\n"
    "--threads N matches and sends for N candidates at a time (default 2, at most 8).\n"
    "--max-candidates N vacancies in reach are judged per candidate, newest relevant first\n"
    "(default 100; the match command judges 300).\n"
    "\n"
    "Prints one line per candidate and a summary.\n"
    "Exit: 0 ok, 1 some candidates failed, 2 bad configuration or nothing succeeded.\n";

struct Totals {
  int sent = 0, nothing = 0, done = 0, disabled = 0, failed = 0;
  int all() const { return sent + nothing + done + disabled + failed; }
};

using ErrorFn = std::function<void(const std::string& candidate, const std::string& error)>;

// The candidates of this run, one at a time: candidate files in a directory, or the store
// a page at a time so memory does not grow with their number. Bad profiles go to `error`.
class CandidateSource {
 public:
  CandidateSource(const Context& ctx, Store& store, std::string week, ErrorFn error)
      : ctx_(ctx), store_(store), week_(std::move(week)), error_(std::move(error)) {}

  Status UseDirectory(const std::string& dir) {
    auto files = JsonFilesIn(dir);
    if (!files.ok()) return files.status();
    files_ = std::move(*files);
    use_files_ = true;
    return Status::Ok();
  }

  std::optional<QueuedCandidate> Next() {
    for (;;) {
      if (use_files_) {
        if (next_file_ >= files_.size()) return std::nullopt;
        const std::string& f = files_[next_file_++];
        auto c = LoadCandidate(ctx_, f);
        if (c.ok()) return QueuedCandidate{std::move(*c), ""};
        error_(std::filesystem::path(f).stem().string(), c.status().message());
        continue;
      }
      if (next_row_ >= page_.size() && !NextPage()) return std::nullopt;
      const StoredCandidate& row = page_[next_row_++];
      after_ = row.id;
      auto c = ParseCandidate(ctx_, row.profile_json, ctx_.StorePath() + ": candidate " + row.id);
      const Status s = c.ok() ? store_.RecordAudit(ctx_.actor, "read", row.id, "alerts " + week_) : c.status();
      if (s.ok()) return QueuedCandidate{std::move(*c), row.coach_id};
      error_(row.id, s.message());
    }
  }

  Status status() const { return status_; }

 private:
  bool NextPage() {
    auto page = store_.ListCandidates(after_, 200);
    if (!page.ok()) status_ = page.status();
    if (!page.ok() || page->empty()) return false;
    page_ = std::move(*page);
    next_row_ = 0;
    return true;
  }

  const Context& ctx_;
  Store& store_;
  std::string week_;
  ErrorFn error_;
  bool use_files_ = false;
  std::vector<std::string> files_;
  size_t next_file_ = 0;
  std::vector<StoredCandidate> page_;
  size_t next_row_ = 0;
  std::string after_;
  Status status_;
};

using TransportFactory = std::function<StatusOr<std::unique_ptr<MailTransport>>()>;

// Each thread gets its own transport from this (an SMTP connection is not shared).
StatusOr<TransportFactory> TransportFor(const Context& ctx, const Args& args) {
  const auto url = args.Get("smtp");
  if (!url) {
    const std::string dir = args.GetOr("outbox", ctx.data_dir + "/outbox");
    return TransportFactory([dir]() -> StatusOr<std::unique_ptr<MailTransport>> { return MakeOutboxTransport(dir); });
  }
  if (args.Has("outbox")) return Status::InvalidArgument("--outbox and --smtp: choose one");
  SmtpOptions o;
  o.url = *url;
  o.user = args.GetOr("smtp-user", "");
  o.ca_file = args.GetOr("smtp-ca", "");
  const char* password = std::getenv("PASSEND_SMTP_PASSWORD");
  o.password = password ? password : "";
  o.tls = args.GetOr("smtp-tls", o.user.empty() ? "try" : "required");
  auto attempts = IntOption(args, "smtp-attempts", o.attempts, 1, 20);
  if (!attempts.ok()) return attempts.status();
  auto backoff = IntOption(args, "smtp-backoff-ms", o.backoff_ms, 0, 600000);
  if (!backoff.ok()) return backoff.status();
  o.attempts = static_cast<int>(*attempts);
  o.backoff_ms = *backoff;
  PASSEND_RETURN_IF_ERROR(MakeSmtpTransport(o).status());  // bad settings fail before any work
  return TransportFactory([o] { return MakeSmtpTransport(o); });
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
                    "smtp-backoff-ms", "smtp-ca", "threads", "max-candidates"},
                   {"coach-summary"}, &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  auto fail = [](const std::string& m) {
    PrintError("alerts", m);
    return kExitFailure;
  };
  AlertRunConfig run;
  run.index_path = ctx->IndexPath();
  run.store_path = ctx->StorePath();
  run.schema = &ctx->schema;
  run.options.today = ctx->today;
  run.options.week = args->GetOr("week", FormatIsoWeek(ctx->today));
  const std::string& week = run.options.week;
  if (!ParseIsoWeek(week)) return fail("--week: expected an ISO week like 2026-W48, got \"" + week + "\"");
  if (auto from = args->Get("from")) run.options.from = *from;
  run.options.now_unix = static_cast<long>(std::time(nullptr));
  auto threads = IntOption(*args, "threads", 2, 1, 8);
  if (!threads.ok()) return fail(threads.status().message());
  run.threads = static_cast<int>(*threads);
  auto factory = TransportFor(*ctx, *args);
  if (!factory.ok()) return fail(factory.status().message());
  run.make_transport = *factory;
  auto base = MatchOptionsFor(*ctx, *args);
  if (!base.ok()) return fail(base.status().message());
  run.match_options = *base;
  run.match_options.limit = 200;
  // 100 judged keeps 10,000 candidates within two minutes; the top 10 then scores 0.79 on
  // average against 0.83 with match's 300 (docs/matching.md). --max-candidates trades back.
  auto max_candidates = IntOption(*args, "max-candidates", 100, 10, 5000);
  if (!max_candidates.ok()) return fail(max_candidates.status().message());
  run.match_options.max_candidates = static_cast<int>(*max_candidates);
  auto store = Store::Open(ctx->StorePath());
  if (!store.ok()) return fail(store.status().message());
  Totals totals;
  std::map<std::string, std::vector<ClientWeek>> by_coach;
  CandidateSource source(*ctx, *store, week, [&](const std::string& id, const std::string& error) {
    std::printf("candidate=%s outcome=failed vacancies=0\n", id.c_str());
    PrintError("alerts", error);
    ++totals.failed;
  });
  if (auto dir = args->Get("candidates")) {
    if (Status s = source.UseDirectory(*dir); !s.ok()) return fail(s.message());
  }
  const Status ran = RunAlertJobs(
      run, [&] { return source.Next(); },
      [&](const QueuedCandidate& q, const CandidateAlertResult& r) {
        std::printf("candidate=%s outcome=%s vacancies=%d%s\n", r.candidate_id.c_str(), AlertOutcomeName(r.outcome),
                    r.vacancies, r.where.empty() ? "" : (" to=" + r.where).c_str());
        if (r.outcome == AlertOutcome::kFailed) PrintError("alerts", "candidate " + r.candidate_id + ": " + r.error);
        Count(r, &totals);
        if (!q.coach_id.empty()) {
          by_coach[q.coach_id].push_back({q.profile.id, q.profile.name, q.profile.alerts.enabled, std::nullopt});
        }
      });
  if (!ran.ok()) return fail(ran.message());
  if (!source.status().ok()) return fail(source.status().message());
  if (args->Has("coach-summary")) {
    auto transport = run.make_transport();
    if (!transport.ok()) return fail(transport.status().message());
    totals.failed += SendCoachSummaries(*store, **transport, run.options, by_coach);
  }
  std::printf("summary week=%s candidates=%d sent=%d nothing_new=%d already_done=%d disabled=%d failed=%d\n",
              week.c_str(), totals.all(), totals.sent, totals.nothing, totals.done, totals.disabled, totals.failed);
  if (totals.failed == 0) return kExitOk;
  return totals.failed >= totals.all() ? kExitFailure : kExitPartial;
}

}  // namespace passend::cli
