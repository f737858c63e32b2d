#include "alerts/alerts.h"

#include <cmath>

#include "alerts/mail.h"
#include "common/text.h"
#include "model/display.h"

namespace passend {
namespace {

// Only shareable points to check; health-related ones become one neutral line.
std::vector<std::string> ShareableChecks(const Match& m) {
  std::vector<std::string> out;
  bool health = false;
  for (const Reason& r : m.checks) {
    if (r.health) {
      health = true;
    } else {
      out.push_back(r.text);
    }
  }
  if (health) out.push_back("Bespreek met je coach of dit werk past bij je mogelijkheden.");
  return out;
}

// Where the work is, in words; a remote job has no place of its own.
std::string PlaceText(const Vacancy& v) {
  return v.location.remote && v.location.place.empty() ? "op afstand (remote)" : v.location.place;
}

MailVacancy ToMailVacancy(const Match& m) {
  const Vacancy& v = m.vacancy;
  MailVacancy mv;
  mv.title = v.title;
  mv.employer = v.employer;
  mv.place = PlaceText(v);
  if (m.travel_minutes) {
    const std::string& mode = m.travel_mode;
    const char* how = mode == "ov" ? "met het ov" : mode == "fiets" ? "met de fiets" : "met de auto";
    mv.travel = "circa " + std::to_string(std::lround(*m.travel_minutes)) + " minuten " + how;
  }
  mv.hours = FormatHours(v.hours);
  mv.salary = FormatSalary(v.salary);
  for (const FactorScore& f : m.factors) {
    if (f.factor == "competenties") mv.why = f.reason;
  }
  if (mv.why.empty() || mv.why.rfind("Geen", 0) == 0) {
    mv.why = "Past bij je mogelijkheden" + std::string(m.travel_minutes ? " en ligt binnen je reistijd." : ".");
  }
  mv.checks = ShareableChecks(m);
  if (!v.sources.empty()) mv.url = v.sources.front().url;
  return mv;
}

// What the dossier keeps of an offered vacancy: the verdict and every point to check.
AlertItem ItemFor(const Match& m, int rank) {
  const Vacancy& v = m.vacancy;
  AlertItem item{v.key, rank, VerdictName(m.verdict), m.score, m.travel_minutes, m.wage_ratio,
                 v.title, v.employer, PlaceText(v), v.sources.empty() ? "" : v.sources.front().url, {}};
  for (const Reason& r : m.checks) item.checks.push_back(r.text);
  return item;
}

}  // namespace

const char* AlertOutcomeName(AlertOutcome o) {
  switch (o) {
    case AlertOutcome::kSent: return "sent";
    case AlertOutcome::kNothingNew: return "nothing_new";
    case AlertOutcome::kAlreadyDone: return "already_done";
    case AlertOutcome::kDisabled: return "disabled";
    case AlertOutcome::kFailed: return "failed";
  }
  return "?";
}

StatusOr<AlertJob::Selection> AlertJob::SelectNew(const CandidateProfile& c) {
  auto last = store_.LastAlertDate(c.id);
  if (!last.ok()) return last.status();
  auto matches = matcher_.MatchCandidate(c, *last ? ParseIsoDate(**last) : std::nullopt);
  if (!matches.ok()) return matches.status();
  AlertRecord a{c.id, options_.week, AlertStatus::kPending,
                options_.week + "." + c.id + "." + HexId(StableHash64(c.id + options_.week)).substr(0, 8) + "@passend",
                FormatDate(options_.today), {}};
  std::vector<Match> chosen;
  for (Match& m : *matches) {
    if (static_cast<int>(a.items.size()) >= c.alerts.max_per_mail) break;
    if (m.verdict == Verdict::kExcluded) continue;
    if (*last && m.vacancy.first_seen < **last) continue;  // not new since the last alert
    auto offered = store_.WasOffered(c.id, m.vacancy.key);
    if (!offered.ok()) return offered.status();
    if (*offered) continue;
    a.items.push_back(ItemFor(m, static_cast<int>(a.items.size()) + 1));
    chosen.push_back(std::move(m));
  }
  return Selection{std::move(a), std::move(chosen)};
}

std::vector<Match> AlertJob::RecordedMatches(const CandidateProfile& c, const AlertRecord& alert) const {
  std::vector<Match> out;
  for (const AlertItem& item : alert.items) {
    auto v = reader_.Get(item.vacancy_key);
    if (v.ok()) out.push_back(matcher_.Evaluate(c, *v));  // an expired one is left out
  }
  return out;
}

Status AlertJob::Deliver(const CandidateProfile& c, const AlertRecord& alert, const std::vector<Match>& matches,
                         CandidateAlertResult* r) {
  AlertMail mail;
  mail.from = options_.from;
  mail.to_name = c.name;
  mail.to_email = c.email;
  mail.week = alert.week;
  mail.message_id = alert.message_id;
  mail.date = Rfc5322Date(options_.now_unix);
  mail.unsubscribe_url = options_.unsubscribe_url + "?k=" + HexId(StableHash64("unsub" + c.id));
  mail.unsubscribe_mailto = options_.unsubscribe_mailto + "?subject=afmelden-" + HexId(StableHash64("unsub" + c.id));
  for (const Match& m : matches) mail.vacancies.push_back(ToMailVacancy(m));
  const SendResult sent = transport_.Send(
      {EnvelopeAddress(options_.from), c.email, alert.week + "_" + c.id, RenderAlertMail(mail)});
  r->where = sent.where;
  if (sent.failure == SendFailure::kPermanent) {
    // Refused for good: give the vacancies back so a later alert can offer them.
    const Status abandoned = store_.AbandonAlert(c.id, alert.week);
    return Status::InvalidArgument(sent.error + "; refused, vacancies kept for a later alert" +
                                   (abandoned.ok() ? "" : " (" + abandoned.message() + ")"));
  }
  if (sent.failure == SendFailure::kTransient) {
    return Status::Unavailable(sent.error + "; the alert stays pending and is sent by the next run");
  }
  r->vacancies = static_cast<int>(mail.vacancies.size());
  return store_.CompleteAlert(c.id, alert.week);
}

Status AlertJob::FinishEarlierWeeks(const CandidateProfile& c) {
  auto pending = store_.PendingAlerts(c.id);
  if (!pending.ok()) return pending.status();
  for (const AlertRecord& alert : *pending) {
    if (alert.week >= options_.week) continue;
    CandidateAlertResult earlier;  // this run reports on its own week
    PASSEND_RETURN_IF_ERROR(Deliver(c, alert, RecordedMatches(c, alert), &earlier));
  }
  return Status::Ok();
}

CandidateAlertResult AlertJob::Run(const CandidateProfile& c) {
  CandidateAlertResult r;
  r.candidate_id = c.id;
  if (!c.alerts.enabled) {
    r.outcome = AlertOutcome::kDisabled;
    return r;
  }
  if (const Status earlier = FinishEarlierWeeks(c); !earlier.ok()) {
    r.error = earlier.message();
    return r;
  }
  auto existing = store_.GetAlert(c.id, options_.week);
  if (!existing.ok()) {
    r.error = existing.status().message();
    return r;
  }
  std::optional<AlertRecord> alert = std::move(*existing);
  if (alert && alert->status != AlertStatus::kPending) {
    r.outcome = AlertOutcome::kAlreadyDone;
    return r;
  }
  std::vector<Match> matches;
  if (alert) {
    matches = RecordedMatches(c, *alert);
  } else {
    auto selected = SelectNew(c);
    Status s = selected.ok() ? Status::Ok() : selected.status();
    if (s.ok() && selected->record.items.empty()) {
      s = store_.RecordEmptyAlert(c.id, options_.week, FormatDate(options_.today));
      r.outcome = s.ok() ? AlertOutcome::kNothingNew : AlertOutcome::kFailed;
      r.error = s.ok() ? "" : s.message();
      return r;
    }
    if (s.ok()) s = store_.BeginAlert(selected->record);
    if (!s.ok()) {
      r.error = s.message();
      return r;
    }
    alert = std::move(selected->record);
    matches = std::move(selected->matches);
  }
  const Status delivered = Deliver(c, *alert, matches, &r);
  r.outcome = delivered.ok() ? AlertOutcome::kSent : AlertOutcome::kFailed;
  if (!delivered.ok()) r.error = delivered.message();
  return r;
}

}  // namespace passend
