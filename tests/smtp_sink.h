// A real SMTP server for tests: tests/tools/smtp_sink.py (Debian's python3-aiosmtpd) in a
// child process on 127.0.0.1, stopped by the destructor. Accepted messages are files.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace passend::test {

class SmtpSink {
 public:
  // `faults`: smtp_sink.py options such as {"--reject-rcpt", "a@b.invalid"}.
  explicit SmtpSink(const std::string& dir, const std::vector<std::string>& faults = {}, int port = 0);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The accepted messages, oldest first, each starting with "X-Sink-Rcpt: <recipients>".
  std::vector<std::string> Messages() const;

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Starts the passend binary in the background with output to files in `dir`.
pid_t StartPassend(const std::vector<std::string>& args, const std::string& dir);

}  // namespace passend::test
