// passend coach add | list, and passend dossier add: the people around a candidate and
// what came of the vacancies offered.
#include <cstdio>

#include "common/date.h"
#include "common/text.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kCoachHelp =
    "Usage: passend coach add --id ID --name NAME --email ADDRESS\n"
    "       passend coach list\n"
    "\n"
    "Coaches receive the weekly summary of their clients' alerts (passend alerts\n"
    "--coach-summary). add replaces a coach with the same id.\n"
    "Exit: 0 ok, 2 bad input.\n";

constexpr const char* kDossierHelp =
    "Usage: passend dossier add --candidate ID --event KIND --date YYYY-MM-DD\n"
    "                           [--vacancy KEY] [--channel CHANNEL] [--note TEXT] [--by NAME]\n"
    "\n"
    "Records what happened with a vacancy for the candidate's dossier (passend report).\n"
    "KIND: offered, applied, invited, rejected, hired or withdrawn. CHANNEL: how, e.g.\n"
    "mail, telefoon, website, gesprek.\n"
    "Exit: 0 ok, 2 bad input or unknown candidate.\n";

}  // namespace

int RunCoach(const std::vector<std::string>& argv) {
  std::vector<std::string> rest = argv;
  const std::string verb = TakeWord(&rest);
  int exit_code = kExitOk;
  auto inv = Begin("coach", kCoachHelp, rest, {"id", "name", "email"}, {}, &exit_code);
  if (!inv) return exit_code;
  auto fail = [](const std::string& m) {
    PrintError("coach", m);
    return kExitFailure;
  };
  if (verb != "add" && verb != "list") return fail("expected add or list (see --help)");
  auto store = Store::Open(inv->ctx.StorePath());
  if (!store.ok()) return fail(store.status().message());
  if (verb == "list") {
    auto coaches = store->ListCoaches();
    if (!coaches.ok()) return fail(coaches.status().message());
    for (const Coach& c : *coaches) std::printf("%-16s %-28s %s\n", c.id.c_str(), c.name.c_str(), c.email.c_str());
    return kExitOk;
  }
  const Coach coach{inv->args.GetOr("id", ""), inv->args.GetOr("name", ""), inv->args.GetOr("email", "")};
  if (coach.id.empty() || coach.name.empty()) return fail("add needs --id and --name");
  if (!PlausibleEmail(coach.email)) return fail("--email: not an e-mail address: \"" + coach.email + "\"");
  const Status s = store->PutCoach(coach);
  if (!s.ok()) return fail(s.message());
  std::printf("coach %s saved\n", coach.id.c_str());
  return kExitOk;
}

int RunDossier(const std::vector<std::string>& argv) {
  std::vector<std::string> rest = argv;
  const std::string verb = TakeWord(&rest);
  int exit_code = kExitOk;
  auto inv = Begin("dossier", kDossierHelp, rest, {"candidate", "event", "date", "vacancy", "channel", "note"}, {},
                   &exit_code);
  if (!inv) return exit_code;
  auto fail = [](const std::string& m) {
    PrintError("dossier", m);
    return kExitFailure;
  };
  if (verb != "add") return fail("expected add (see --help)");
  const Args& a = inv->args;
  DossierEvent e{a.GetOr("candidate", ""), a.GetOr("event", ""), a.GetOr("date", FormatDate(inv->ctx.today)),
                 a.GetOr("vacancy", ""), a.GetOr("channel", ""), a.GetOr("note", ""), inv->ctx.actor, ""};
  if (e.candidate_id.empty()) return fail("add needs --candidate ID");
  bool known = false;
  for (const char* k : kDossierKinds) known = known || e.kind == k;
  if (!known) {
    return fail("--event: expected offered, applied, invited, rejected, hired or withdrawn, got \"" + e.kind + "\"");
  }
  if (!ParseIsoDate(e.day)) return fail("--date: expected YYYY-MM-DD, got \"" + e.day + "\"");
  auto store = Store::Open(inv->ctx.StorePath());
  if (!store.ok()) return fail(store.status().message());
  const Status s = store->AddDossierEvent(e);
  if (!s.ok()) return fail(s.message());
  std::printf("dossier %s: %s on %s recorded\n", e.candidate_id.c_str(), e.kind.c_str(), e.day.c_str());
  return kExitOk;
}

}  // namespace passend::cli
