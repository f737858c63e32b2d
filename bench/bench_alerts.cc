// Benchmark for the weekly alert run (not a test): N seeded candidates in a fresh store,
// alerts for all of them against an existing vacancy index (made by bench_match), sent by
// the real `passend alerts` binary over SMTP into a local sink (tests/tools/smtp_sink.py
// --discard, Debian's python3-aiosmtpd). Runs twice, with N/10 and N candidates, so the
// peak RSS of both shows whether memory grows with the number of candidates. Prints JSON.
//
//   build/bench/bench_match --vacancies 1000000 --candidates 10 --dir /tmp/passend-bench
//   build/bench/bench_alerts --index /tmp/passend-bench/index --candidates 10000
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/clock.h"
#include "bench/generator.h"
#include "bench/machine_reference.h"
#include "common/file.h"
#include "model/json_io.h"
#include "normalizer/tables.h"
#include "store/store.h"

extern char** environ;

namespace passend::bench {
namespace {

struct Config {
  long candidates = 10000;
  uint64_t seed = 7;
  int threads = 2;
  std::string index = "/tmp/passend-bench/index";
  std::string dir = "/tmp/passend-bench-alerts";
  std::string share = PASSEND_SOURCE_DIR "/data";
};

struct RunResult {
  long candidates = 0;
  double store_load_s = 0, alerts_s = 0;
  long peak_rss_kib = 0;
  std::string summary;  // the alert run's summary line
  int exit_code = -1;
};

std::string ReadOrEmpty(const std::string& path) {
  auto text = ReadFile(path);
  return text.ok() ? *text : "";
}

pid_t Spawn(const std::vector<std::string>& argv, const std::string& out_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Starts the sink and returns its port (0 on failure).
int StartSink(const Config& c, pid_t* pid) {
  const std::string out = c.dir + "/sink.out";
  *pid = Spawn({"/usr/bin/python3", PASSEND_SOURCE_DIR "/tests/tools/smtp_sink.py", "--discard"}, out);
  for (int i = 0; i < 100; ++i) {
    usleep(50000);
    int port = 0;
    if (std::sscanf(ReadOrEmpty(out).c_str(), "PORT %d", &port) == 1) return port;
  }
  return 0;
}

// A fresh store with `n` candidates (and 100 coaches) under `data_dir`.
Status LoadStore(const Config& c, long n, const std::string& data_dir, const FmlSchema& schema, Generator& people) {
  std::filesystem::remove_all(data_dir);
  std::filesystem::create_directories(data_dir);
  std::filesystem::create_directory_symlink(std::filesystem::absolute(c.index), data_dir + "/index");
  auto store = Store::Open(data_dir + "/passend.db");
  if (!store.ok()) return store.status();
  for (int i = 0; i < 100; ++i) {
    const std::string id = "coach-" + std::to_string(i);
    PASSEND_RETURN_IF_ERROR(store->PutCoach({id, "Coach " + std::to_string(i), id + "@voorbeeld.invalid"}));
  }
  for (long i = 0; i < n; ++i) {
    const CandidateProfile p = people.NextCandidate(schema);
    PASSEND_RETURN_IF_ERROR(store->AddCandidate({p.id, "coach-" + std::to_string(i % 100), CandidateToJson(p), ""}, "bench"));
  }
  return Status::Ok();
}

RunResult RunOnce(const Config& c, long n, int port, const FmlSchema& schema, Generator& people) {
  RunResult r;
  r.candidates = n;
  const std::string data_dir = c.dir + "/data-" + std::to_string(n);
  auto start = Clock::now();
  if (Status s = LoadStore(c, n, data_dir, schema, people); !s.ok()) {
    r.summary = s.message();
    return r;
  }
  r.store_load_s = Seconds(start);
  start = Clock::now();
  const pid_t pid = Spawn({PASSEND_BINARY, "alerts", "--data-dir", data_dir, "--share-dir", c.share, "--today",
                           "2026-11-23", "--week", "2026-W48", "--smtp", "smtp://127.0.0.1:" + std::to_string(port),
                           "--threads", std::to_string(c.threads), "--coach-summary"},
                          data_dir + "/alerts.out");
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.alerts_s = Seconds(start);
  r.peak_rss_kib = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  const std::string out = ReadOrEmpty(data_dir + "/alerts.out");
  const size_t at = out.rfind("summary ");
  if (at != std::string::npos) r.summary = out.substr(at, out.find('\n', at) - at);
  return r;
}

void PrintRun(const RunResult& r, const char* sep) {
  std::printf(
      "    {\"candidates\": %ld, \"store_load_s\": %.2f, \"alerts_s\": %.2f, \"candidates_per_s\": %.1f, "
      "\"peak_rss_mib\": %.1f, \"exit_code\": %d, \"summary\": \"%s\"}%s\n",
      r.candidates, r.store_load_s, r.alerts_s, static_cast<double>(r.candidates) / r.alerts_s,
      static_cast<double>(r.peak_rss_kib) / 1024.0, r.exit_code, r.summary.c_str(), sep);
}

int Run(const Config& c) {
  if (!std::filesystem::exists(c.index + "/iamglass")) {
    std::fprintf(stderr, "bench_alerts: %s: no vacancy index; make one with bench_match --dir first\n", c.index.c_str());
    return 2;
  }
  auto tables = NormalizerTables::Load(c.share);
  if (!tables.ok()) {
    std::fprintf(stderr, "bench_alerts: %s\n", tables.status().message().c_str());
    return 2;
  }
  auto people = Generator::Create(c.seed, (*tables)->gazetteer, PASSEND_SOURCE_DIR "/bench/data/population_nl.tsv");
  if (!people.ok()) return 2;
  std::filesystem::create_directories(c.dir);
  pid_t sink = -1;
  const int port = StartSink(c, &sink);
  if (port == 0) {
    std::fprintf(stderr, "bench_alerts: the SMTP sink did not start (python3-aiosmtpd)\n");
    return 2;
  }
  const MachineReference machine = MeasureMachineReference();
  const RunResult small = RunOnce(c, std::max(1L, c.candidates / 10), port, (*tables)->schema, *people);
  const RunResult full = RunOnce(c, c.candidates, port, (*tables)->schema, *people);
  kill(sink, SIGTERM);
  waitpid(sink, nullptr, 0);
  const std::string sink_out = ReadOrEmpty(c.dir + "/sink.out");
  long accepted = 0;
  const size_t at = sink_out.find("ACCEPTED ");
  if (at != std::string::npos) accepted = std::stol(sink_out.substr(at + 9));
  std::printf("{\n  \"benchmark\": \"alerts\",\n  \"index\": \"%s\",\n  \"threads\": %d,\n  \"seed\": %llu,\n"
              "  \"machine_reference\": %s,\n  \"mails_accepted_by_sink\": %ld,\n  \"runs\": [\n",
              c.index.c_str(), c.threads, static_cast<unsigned long long>(c.seed), machine.ToJson().c_str(), accepted);
  PrintRun(small, ",");
  PrintRun(full, "");
  std::printf("  ],\n  \"mails_per_s\": %.1f\n}\n",
              static_cast<double>(accepted) / (small.alerts_s + full.alerts_s));
  return full.exit_code == 0 && small.exit_code == 0 ? 0 : 1;
}

}  // namespace
}  // namespace passend::bench

int main(int argc, char** argv) {
  passend::bench::Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--candidates") c.candidates = std::stol(next());
    else if (a == "--seed") c.seed = std::stoull(next());
    else if (a == "--threads") c.threads = std::stoi(next());
    else if (a == "--index") c.index = next();
    else if (a == "--dir") c.dir = next();
    else if (a == "--share-dir") c.share = next();
    else {
      std::fprintf(stderr, "usage: bench_alerts [--candidates N] [--threads N] [--seed S] [--index DIR] [--dir DIR]\n");
      return 2;
    }
  }
  return passend::bench::Run(c);
}
