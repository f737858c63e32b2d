// passend candidate add | edit | show | list | import | export | delete: candidates in the
// store. Profiles are validated (FML keys and levels, home in the gazetteer) before they are
// written; every read and change is in the audit log with --by.
#include <algorithm>
#include <cstdio>
#include <functional>

#include "common/file.h"
#include "common/text.h"
#include "model/json_io.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend candidate add --file FILE [--coach ID]\n"
    "       passend candidate edit ID [--file FILE] [--coach ID] [--alerts on|off]\n"
    "       passend candidate show ID\n"
    "       passend candidate list [--coach ID]\n"
    "       passend candidate import (--dir DIR | --file FILE) [--coach ID]\n"
    "       passend candidate export [ID] --out DIR\n"
    "       passend candidate delete ID\n"
    "       (each also takes --by NAME: who does it, for the audit log)\n"
    "\n"
    "Candidates live in DATA_DIR/passend.db. A profile is the candidate JSON of\n"
    "docs/formats.md; it is checked before it is written (FML keys and levels, home place,\n"
    "e-mail). import adds new candidates and replaces changed ones (one line each); export\n"
    "writes <id>.json per candidate. delete removes the profile, alerts and dossier for good.\n"
    "Exit: 0 ok, 1 some files failed (import), 2 bad input or not found.\n";

struct Cmd {
  std::string verb, id;
  Args args;
  Context ctx;
  Store store;
};

int Fail(const std::string& message) {
  PrintError("candidate", message);
  return kExitFailure;
}

// Validates `text` and adds or replaces the candidate. Returns "added", "updated" or "unchanged".
StatusOr<std::string> Save(Cmd& cmd, const std::string& text, const std::string& where, bool replace) {
  auto c = ParseCandidate(cmd.ctx, text, where);
  if (!c.ok()) return c.status();
  StoredCandidate row{c->id, cmd.args.GetOr("coach", ""), text, ""};
  auto current = cmd.store.ReadCandidate(c->id, cmd.ctx.actor, cmd.verb);
  if (!current.ok()) return current.status();
  if (!*current) {
    PASSEND_RETURN_IF_ERROR(cmd.store.AddCandidate(row, cmd.ctx.actor));
    return std::string("added");
  }
  if (!replace) return Status::InvalidArgument(where + ": candidate " + c->id + " exists already (use edit)");
  if (!cmd.args.Has("coach")) row.coach_id = (*current)->coach_id;
  if ((*current)->profile_json == text && (*current)->coach_id == row.coach_id) return std::string("unchanged");
  PASSEND_RETURN_IF_ERROR(cmd.store.UpdateCandidate(row, cmd.ctx.actor));
  return std::string("updated");
}

int Add(Cmd& cmd) {
  const auto file = cmd.args.Get("file");
  if (!file) return Fail("add needs --file FILE");
  auto text = ReadFile(*file);
  if (!text.ok()) return Fail(text.status().message());
  auto saved = Save(cmd, *text, *file, false);
  if (!saved.ok()) return Fail(saved.status().message());
  std::printf("candidate added from %s\n", file->c_str());
  return kExitOk;
}

int Import(Cmd& cmd) {
  std::vector<std::string> files;
  if (auto file = cmd.args.Get("file")) files.push_back(*file);
  if (auto dir = cmd.args.Get("dir")) {
    auto in_dir = JsonFilesIn(*dir);
    if (!in_dir.ok()) return Fail(in_dir.status().message());
    files.insert(files.end(), in_dir->begin(), in_dir->end());
  }
  if (files.empty()) return Fail("import needs --dir DIR or --file FILE with candidate JSON");
  int failed = 0;
  for (const std::string& f : files) {
    auto text = ReadFile(f);
    auto saved = text.ok() ? Save(cmd, *text, f, true) : StatusOr<std::string>(text.status());
    if (!saved.ok()) {
      ++failed;
      PrintError("candidate", saved.status().message());
      continue;
    }
    std::printf("file=%s result=%s\n", f.c_str(), saved->c_str());
  }
  std::printf("summary files=%zu failed=%d\n", files.size(), failed);
  if (failed == 0) return kExitOk;
  return failed == static_cast<int>(files.size()) ? kExitFailure : kExitPartial;
}

// The stored candidate with this id, read for `purpose`.
StatusOr<StoredCandidate> Find(Cmd& cmd, const std::string& purpose) {
  if (cmd.id.empty()) return Status::InvalidArgument(cmd.verb + " needs a candidate id");
  auto c = cmd.store.ReadCandidate(cmd.id, cmd.ctx.actor, purpose);
  if (!c.ok()) return c.status();
  if (!*c) return Status::NotFound("no candidate with id " + cmd.id + " in " + cmd.ctx.StorePath());
  return std::move(**c);
}

int Edit(Cmd& cmd) {
  auto current = Find(cmd, "edit");
  if (!current.ok()) return Fail(current.status().message());
  StoredCandidate row = *current;
  if (auto file = cmd.args.Get("file")) {
    auto text = ReadFile(*file);
    if (!text.ok()) return Fail(text.status().message());
    row.profile_json = *text;
  }
  if (auto coach = cmd.args.Get("coach")) row.coach_id = *coach;
  auto c = ParseCandidate(cmd.ctx, row.profile_json, cmd.args.GetOr("file", "candidate " + cmd.id));
  if (!c.ok()) return Fail(c.status().message());
  if (c->id != cmd.id) return Fail("id: the file is for candidate " + c->id + ", not " + cmd.id);
  if (auto alerts = cmd.args.Get("alerts")) {
    if (*alerts != "on" && *alerts != "off") return Fail("--alerts: expected on or off, got \"" + *alerts + "\"");
    c->alerts.enabled = *alerts == "on";
    if (c->alerts.enabled && c->email.empty()) return Fail("email: missing, but alerts are enabled");
    row.profile_json = CandidateToJson(*c);
  }
  const Status s = cmd.store.UpdateCandidate(row, cmd.ctx.actor);
  if (!s.ok()) return Fail(s.message());
  std::printf("candidate %s updated\n", cmd.id.c_str());
  return kExitOk;
}

int Show(Cmd& cmd) {
  auto c = Find(cmd, "show");
  if (!c.ok()) return Fail(c.status().message());
  std::printf("# candidate %s, coach %s, updated %s\n%s\n", c->id.c_str(),
              c->coach_id.empty() ? "-" : c->coach_id.c_str(), c->updated_at.c_str(), c->profile_json.c_str());
  return kExitOk;
}

// Calls `each` for every stored candidate, a page at a time.
Status ForEachStored(Cmd& cmd, const std::function<void(const StoredCandidate&)>& each) {
  for (std::string after;;) {
    auto page = cmd.store.ListCandidates(after, 500);
    if (!page.ok()) return page.status();
    if (page->empty()) return Status::Ok();
    for (const StoredCandidate& row : *page) each(row);
    after = page->back().id;
  }
}

// Lists id, name, coach, home place and alerts; no health data, so no audit entry.
int List(Cmd& cmd) {
  const std::string coach = cmd.args.GetOr("coach", "");
  auto row_line = [](const std::string& id, const std::string& name, const std::string& coach_id,
                     const std::string& place, const char* alerts) {
    std::printf("%s %s %s %s %s\n", PadRight(id, 24).c_str(), PadRight(name, 26).c_str(), PadRight(coach_id, 12).c_str(),
                PadRight(place, 18).c_str(), alerts);
  };
  row_line("id", "naam", "coach", "woonplaats", "meldingen");
  const Status s = ForEachStored(cmd, [&](const StoredCandidate& row) {
    if (!coach.empty() && row.coach_id != coach) return;
    auto c = CandidateFromJsonText(row.profile_json, "candidate " + row.id, cmd.ctx.schema);
    const std::string name = c.ok() ? c->name : "(profiel ongeldig: " + c.status().message() + ")";
    row_line(row.id, name, row.coach_id.empty() ? "-" : row.coach_id, c.ok() ? c->home.place : "-",
             c.ok() && c->alerts.enabled ? "aan" : "uit");
  });
  return s.ok() ? kExitOk : Fail(s.message());
}

Status ExportOne(Cmd& cmd, const std::string& id, const std::string& dir) {
  auto c = cmd.store.ReadCandidate(id, cmd.ctx.actor, "export");
  if (!c.ok()) return c.status();
  if (!*c) return Status::NotFound("no candidate with id " + id + " in " + cmd.ctx.StorePath());
  return WriteFileAtomic(dir + "/" + id + ".json", (*c)->profile_json);
}

int Export(Cmd& cmd) {
  const auto dir = cmd.args.Get("out");
  if (!dir) return Fail("export needs --out DIR");
  if (Status s = MakeDirs(*dir); !s.ok()) return Fail(s.message());
  std::vector<std::string> ids;
  if (!cmd.id.empty()) ids.push_back(cmd.id);
  if (cmd.id.empty()) {
    const Status s = ForEachStored(cmd, [&](const StoredCandidate& row) { ids.push_back(row.id); });
    if (!s.ok()) return Fail(s.message());
  }
  for (const std::string& id : ids) {
    if (Status s = ExportOne(cmd, id, *dir); !s.ok()) return Fail(s.message());
  }
  std::printf("exported %zu candidate(s) to %s\n", ids.size(), dir->c_str());
  return kExitOk;
}

int Delete(Cmd& cmd) {
  if (cmd.id.empty()) return Fail("delete needs a candidate id");
  const Status s = cmd.store.DeleteCandidate(cmd.id, cmd.ctx.actor);
  if (!s.ok()) return Fail(s.message());
  std::printf("candidate %s deleted with profile, alerts and dossier\n", cmd.id.c_str());
  return kExitOk;
}

}  // namespace

int RunCandidate(const std::vector<std::string>& argv) {
  static const std::vector<std::string> kVerbs = {"add", "edit", "show", "list", "import", "export", "delete"};
  std::vector<std::string> rest = argv;
  std::string verb = TakeWord(&rest);
  const std::string id = TakeWord(&rest);
  int exit_code = kExitOk;
  auto inv = Begin("candidate", kHelp, rest, {"file", "coach", "alerts", "dir", "out"}, {}, &exit_code);
  if (!inv) return exit_code;
  if (std::find(kVerbs.begin(), kVerbs.end(), verb) == kVerbs.end()) {
    return Fail("expected one of add, edit, show, list, import, export, delete (see --help)");
  }
  auto store = Store::Open(inv->ctx.StorePath());
  if (!store.ok()) return Fail(store.status().message());
  Cmd cmd{verb, id, std::move(inv->args), std::move(inv->ctx), std::move(*store)};
  if (verb == "add") return Add(cmd);
  if (verb == "edit") return Edit(cmd);
  if (verb == "show") return Show(cmd);
  if (verb == "list") return List(cmd);
  if (verb == "import") return Import(cmd);
  if (verb == "export") return Export(cmd);
  return Delete(cmd);
}

}  // namespace passend::cli
