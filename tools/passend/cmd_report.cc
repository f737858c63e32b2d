// passend report: the dossier of one candidate over a period, as HTML (A4) or CSV.
#include <cstdio>

#include "common/file.h"
#include "dossier/dossier.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend report --candidate ID --from YYYY-MM-DD --to YYYY-MM-DD [--format html|csv]\n"
    "                      [--out FILE] [--by NAME]\n"
    "\n"
    "The candidate's vacancy dossier per ISO week: the vacancies offered in the weekly alerts\n"
    "(with the FML verdict, points to check, travel time and wage ratio at the time), the\n"
    "applications and outcomes recorded with passend dossier add, and the weeks with nothing\n"
    "suitable. HTML (default) prints on A4 for the re-integratieverslag; CSV uses semicolons\n"
    "and decimal commas. Written to FILE, or to standard output.\n"
    "Exit: 0 ok, 2 bad input or unknown candidate.\n";

StatusOr<Days> DateOption(const Args& args, const std::string& name) {
  const auto v = args.Get(name);
  if (!v) return Status::InvalidArgument("--" + name + " YYYY-MM-DD is required");
  const auto d = ParseIsoDate(*v);
  if (!d) return Status::InvalidArgument("--" + name + ": expected YYYY-MM-DD, got \"" + *v + "\"");
  return *d;
}

}  // namespace

int RunReport(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("report", kHelp, argv, {"candidate", "from", "to", "format", "out"}, {}, &exit_code);
  if (!inv) return exit_code;
  auto fail = [](const std::string& m) {
    PrintError("report", m);
    return kExitFailure;
  };
  const Args& a = inv->args;
  const std::string id = a.GetOr("candidate", "");
  const std::string format = a.GetOr("format", "html");
  if (id.empty()) return fail("--candidate ID is required");
  if (format != "html" && format != "csv") return fail("--format: expected html or csv, got \"" + format + "\"");
  auto from = DateOption(a, "from");
  auto to = DateOption(a, "to");
  if (!from.ok() || !to.ok()) return fail((!from.ok() ? from.status() : to.status()).message());
  auto store = Store::Open(inv->ctx.StorePath());
  if (!store.ok()) return fail(store.status().message());
  auto stored = store->ReadCandidate(id, inv->ctx.actor, "report");
  if (!stored.ok()) return fail(stored.status().message());
  if (!*stored) return fail("no candidate with id " + id + " in " + inv->ctx.StorePath());
  auto report = BuildDossierReport(*store, id, *from, *to, inv->ctx.actor);
  if (!report.ok()) return fail(report.status().message());
  auto profile = ParseCandidate(inv->ctx, (*stored)->profile_json, "candidate " + id);
  report->candidate_name = profile.ok() ? profile->name : id;
  if (!(*stored)->coach_id.empty()) {
    auto coach = store->GetCoach((*stored)->coach_id);
    report->coach_name = coach.ok() && *coach ? (*coach)->name : (*stored)->coach_id;
  }
  report->made_on = FormatDate(inv->ctx.today);
  const std::string text = format == "csv" ? RenderDossierCsv(*report) : RenderDossierHtml(*report);
  if (const auto out = a.Get("out")) {
    if (Status s = WriteFileAtomic(*out, text); !s.ok()) return fail(s.message());
    std::printf("report for %s written to %s\n", id.c_str(), out->c_str());
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return kExitOk;
}

}  // namespace passend::cli
