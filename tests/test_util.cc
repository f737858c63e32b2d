#include "tests/test_util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/file.h"
#include "normalizer/tables.h"

namespace passend::test {

std::string SourceDir() { return PASSEND_SOURCE_DIR; }
std::string DataDir() { return SourceDir() + "/data"; }
std::string SharedFeedsDir() { return std::string(PASSEND_SHARED_DIR) + "/feeds"; }

namespace {

// The project's data tables, loaded once per test binary through the same loader as the CLI.
const NormalizerTables& Tables() {
  static const NormalizerTables* tables = [] {
    auto t = NormalizerTables::Load(DataDir());
    if (!t.ok()) {
      ADD_FAILURE() << t.status().message();
      std::abort();
    }
    return t->release();
  }();
  return *tables;
}

}  // namespace

const FmlSchema& Schema() { return Tables().schema; }
const Gazetteer& Places() { return Tables().gazetteer; }
const DemandLexicon& Lexicon() { return Tables().lexicon; }
const OccupationTable& Occupations() { return Tables().occupations; }

const Normalizer& TheNormalizer() {
  static const Normalizer n(Tables().data());
  return n;
}

NormalizerData TheNormalizerData() { return Tables().data(); }

namespace {

// Removes the directories at the end of the test binary; PASSEND_KEEP_TEST_DIRS=1 keeps
// them for a look after a failure.
struct TempDirs {
  std::vector<std::string> dirs;
  pid_t owner = ::getpid();  // a forked child that exits must not take them away
  ~TempDirs() {
    if (::getpid() != owner) return;
    if (const char* keep = std::getenv("PASSEND_KEEP_TEST_DIRS"); keep && std::string(keep) == "1") return;
    for (const std::string& d : dirs) {
      std::error_code ignored;  // a test may have removed it already
      std::filesystem::remove_all(d, ignored);
    }
  }
};

}  // namespace

std::string MakeTempDir(const std::string& tag) {
  static TempDirs made;
  static int counter = 0;
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  if (info) name = std::string(info->name()) + "_" + name;
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  const std::string dir = testing::TempDir() + "passend_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  made.dirs.push_back(dir);
  return dir;
}

std::string ReadText(const std::string& path) {
  auto s = ReadFile(path);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : "";
}

void WriteText(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

CommandResult RunPassend(const std::vector<std::string>& args) {
  const std::string dir = MakeTempDir("cmd");
  std::string cmd = std::string("'") + PASSEND_BINARY + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " >'" + dir + "/out' 2>'" + dir + "/err' </dev/null";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadText(dir + "/out");
  r.err = ReadText(dir + "/err");
  return r;
}

CandidateProfile BasicCandidate(const std::string& place) {
  CandidateProfile c;
  c.id = "test-kandidaat";
  c.name = "Test Kandidaat";
  c.email = "test@voorbeeld.invalid";
  c.maatmanloon = {2600, "maand", 38};
  c.home.place = place;
  const Place* p = Places().Find(place);
  EXPECT_NE(p, nullptr) << place;
  if (p) {
    c.home.lat = p->lat;
    c.home.lon = p->lon;
  }
  c.travel.max_minutes = 45;
  return c;
}

CrawlWorkspace::CrawlWorkspace(const std::string& tag) : dir(MakeTempDir(tag)) {
  auto i = VacancyIndex::OpenWritable(dir + "/index");
  auto s = Store::Open(dir + "/passend.db");
  if (!i.ok() || !s.ok()) {
    ADD_FAILURE() << (i.ok() ? s.status().message() : i.status().message());
    std::abort();
  }
  index = std::make_unique<VacancyIndex>(std::move(*i));
  store = std::make_unique<Store>(std::move(*s));
  state = std::make_unique<cli::StoreCrawlState>(*store, cli::kVanishGraceCrawls);
}

std::vector<SourceConfig> CrawlWorkspace::Sources(const std::string& json) const {
  WriteText(dir + "/sources.json", json);
  auto s = LoadSources(dir + "/sources.json");
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s->sources : std::vector<SourceConfig>{};
}

ClosedPort::ClosedPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ADD_FAILURE() << "cannot bind a port on 127.0.0.1";
    return;
  }
  port_ = ntohs(addr.sin_port);
}

void ClosedPort::Release() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

Status WithFileSizeLimit(rlim_t bytes, const std::function<Status()>& write) {
  std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails instead of ending the test
  rlimit before{};
  if (getrlimit(RLIMIT_FSIZE, &before) != 0) ADD_FAILURE() << "getrlimit";
  rlimit small = before;
  small.rlim_cur = bytes;
  if (setrlimit(RLIMIT_FSIZE, &small) != 0) ADD_FAILURE() << "setrlimit";
  const Status status = write();
  if (setrlimit(RLIMIT_FSIZE, &before) != 0) ADD_FAILURE() << "setrlimit back";
  return status;
}

}  // namespace passend::test
