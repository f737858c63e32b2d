// passend: one binary, subcommands. Each subcommand is a thin wrapper over the libraries.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "tools/passend/cli.h"

namespace {

constexpr const char* kUsage =
    "Usage: passend <command> [options]   (passend <command> --help for details)\n"
    "\n"
    "Passend finds suitable work (passende arbeid) for people in track-2 reintegration.\n"
    "\n"
    "Commands:\n"
    "  crawl    fetch the vacancy sources into the index (daily, from cron)\n"
    "  match    rank vacancies for one candidate, with verdicts and reasons\n"
    "  alerts   send the weekly alert mails, exactly once per candidate and week\n"
    "  candidate  add, edit, show, list, import, export or delete candidates\n"
    "  coach    add or list coaches\n"
    "  dossier  record an application or its outcome for a candidate\n"
    "  report   a candidate's vacancy dossier per week, HTML (A4) or CSV, for UWV\n"
    "  index    bulk-load normalised vacancies from JSON Lines\n"
    "  compact  rewrite the index with full blocks (after a crawl or a large load)\n"
    "  normalize  raw postings (JSON Lines) to normalised vacancies (JSON Lines)\n"
    "  demo     run crawl, match and alerts on the bundled data\n"
    "\n"
    "Options for every command:\n"
    "  --data-dir DIR    runtime state: index, database, outbox (default: var)\n"
    "  --share-dir DIR   data files: FML table, lexicon, gazetteer (default: the project's data/)\n"
    "  --today DATE      the date to act on, YYYY-MM-DD (default: today, UTC)\n"
    "  --by NAME         who runs it, for the audit log (default: $PASSEND_USER or $USER)\n"
    "\n"
    "Exit codes: 0 ok, 1 partly failed, 2 failed or bad input.\n";

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) {
      std::fputs(kUsage, stderr);
      return passend::cli::kExitFailure;
    }
    const std::string cmd = argv[1];
    const std::vector<std::string> rest(argv + 2, argv + argc);
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::fputs(kUsage, stdout);
      return passend::cli::kExitOk;
    }
    if (cmd == "crawl") return passend::cli::RunCrawl(rest);
    if (cmd == "match") return passend::cli::RunMatch(rest);
    if (cmd == "alerts") return passend::cli::RunAlerts(rest);
    if (cmd == "demo") return passend::cli::RunDemo(rest);
    if (cmd == "index") return passend::cli::RunIndex(rest);
    if (cmd == "compact") return passend::cli::RunCompact(rest);
    if (cmd == "normalize") return passend::cli::RunNormalize(rest);
    if (cmd == "candidate") return passend::cli::RunCandidate(rest);
    if (cmd == "coach") return passend::cli::RunCoach(rest);
    if (cmd == "dossier") return passend::cli::RunDossier(rest);
    if (cmd == "report") return passend::cli::RunReport(rest);
    std::fprintf(stderr, "passend: unknown command \"%s\"\n\n%s", cmd.c_str(), kUsage);
    return passend::cli::kExitFailure;
  } catch (const std::exception& e) {
    // Last resort: libraries report errors as Status; this catches what slipped through.
    std::fprintf(stderr, "passend: internal error: %s\n", e.what());
    return passend::cli::kExitFailure;
  }
}
