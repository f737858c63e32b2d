#include "tests/smtp_sink.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/test_util.h"

extern char** environ;

namespace passend::test {
namespace {

pid_t Spawn(const std::vector<std::string>& argv, int stdout_fd, int stderr_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

}  // namespace

SmtpSink::SmtpSink(const std::string& dir, const std::vector<std::string>& faults, int port) : dir_(dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> argv = {"/usr/bin/python3", SourceDir() + "/tests/tools/smtp_sink.py", "--dir", dir,
                                   "--port", std::to_string(port)};
  argv.insert(argv.end(), faults.begin(), faults.end());
  int out[2];
  if (pipe(out) != 0) return;
  const int err = open((dir + "/../sink.err").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_ = Spawn(argv, out[1], err >= 0 ? err : 2);
  close(out[1]);
  if (err >= 0) close(err);
  FILE* f = fdopen(out[0], "r");
  char line[64] = {0};
  if (pid_ > 0 && f && std::fgets(line, sizeof line, f)) std::sscanf(line, "PORT %d", &port_);
  if (f) std::fclose(f);
  EXPECT_GT(port_, 0) << "the SMTP sink did not start (is python3-aiosmtpd installed?): "
                      << ReadText(dir + "/../sink.err");
}

SmtpSink::~SmtpSink() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::vector<std::string> SmtpSink::Messages() const {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    if (e.path().extension() == ".eml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(ReadText(f));
  return out;
}

pid_t StartPassend(const std::vector<std::string>& args, const std::string& dir) {
  std::vector<std::string> argv = {PASSEND_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const int out = open((dir + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open((dir + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const pid_t pid = Spawn(argv, out, err);
  close(out);
  close(err);
  return pid;
}

}  // namespace passend::test
