// The weekly alert job: for each candidate with alerts on, the suitable vacancies first
// seen since their last alert and never offered before, best first, at most N, as one
// mail per candidate through a MailTransport (outbox directory or SMTP).
//
// Exactly once: the alert and its vacancies are recorded (pending) in the store before
// the mail is sent, and marked sent after. A repeated run finishes a pending alert (of
// this or an earlier week) with the same Message-ID and vacancies, and sends nothing
// twice. A mail the server refuses for good (5xx) gives its vacancies back for a later
// alert; one that failed for a while (server down) stays pending for the next run.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "alerts/delivery.h"
#include "indexer/index.h"
#include "matcher/matcher.h"
#include "model/candidate.h"
#include "store/store.h"

namespace passend {

struct AlertOptions {
  std::string week;        // ISO week, "2026-W48"
  Days today = 0;
  std::string from = "Passend vacaturemelding <vacatures@passend.invalid>";
  std::string unsubscribe_url = "https://passend.invalid/afmelden";
  std::string unsubscribe_mailto = "mailto:afmelden@passend.invalid";
  long now_unix = 0;       // for the Date header
};

enum class AlertOutcome { kSent, kNothingNew, kAlreadyDone, kDisabled, kFailed };

struct CandidateAlertResult {
  std::string candidate_id;
  AlertOutcome outcome = AlertOutcome::kFailed;
  int vacancies = 0;
  std::string where;  // the .eml written, or "smtp"
  std::string error;  // when failed
};

const char* AlertOutcomeName(AlertOutcome o);

class AlertJob {
 public:
  AlertJob(const Matcher& matcher, const VacancyReader& reader, Store& store, MailTransport& transport,
           AlertOptions options)
      : matcher_(matcher), reader_(reader), store_(store), transport_(transport), options_(std::move(options)) {}

  // Never throws; a failure for one candidate is reported in its result.
  CandidateAlertResult Run(const CandidateProfile& c);

 private:
  // The alert to send: the record for the store and the mail's vacancies, in rank order.
  struct Selection {
    AlertRecord record;
    std::vector<Match> matches;
  };
  StatusOr<Selection> SelectNew(const CandidateProfile& c);
  // The matches of an alert recorded before a crash, judged again from the index.
  std::vector<Match> RecordedMatches(const CandidateProfile& c, const AlertRecord& alert) const;
  Status Deliver(const CandidateProfile& c, const AlertRecord& alert, const std::vector<Match>& matches,
                 CandidateAlertResult* r);
  // Sends pending alerts of earlier weeks (a run that stopped or a server that was down).
  Status FinishEarlierWeeks(const CandidateProfile& c);

  const Matcher& matcher_;
  const VacancyReader& reader_;
  Store& store_;
  MailTransport& transport_;
  AlertOptions options_;
};

}  // namespace passend
