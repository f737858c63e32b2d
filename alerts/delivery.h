// Where alert mails go: .eml files in an outbox directory, or an SMTP server via libcurl
// (smtp:// with STARTTLS, smtps://, authentication), with retries and backoff.
//
// Send() tells permanent failures (the server refused the recipient or the message: 5xx)
// from transient ones (connection refused or dropped, timeouts, 4xx) so the alert job can
// give the vacancies back or keep the alert pending for the next run.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"

namespace passend {

struct OutgoingMail {
  std::string from_address;  // envelope sender, bare address
  std::string to_address;    // envelope recipient, bare address
  std::string name;          // file name stem in an outbox: "2026-W48_anna"
  std::string data;          // the whole RFC 5322 message, CRLF line ends
};

enum class SendFailure { kNone, kPermanent, kTransient };

struct SendResult {
  SendFailure failure = SendFailure::kNone;
  std::string error;   // what went wrong, with the server's reply when there was one
  std::string where;   // the .eml path, or "smtp"
  bool ok() const { return failure == SendFailure::kNone; }
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual SendResult Send(const OutgoingMail& mail) = 0;
  // True after repeated transient failures: the server is down, stop trying this run.
  virtual bool Unavailable() const { return false; }
};

std::unique_ptr<MailTransport> MakeOutboxTransport(const std::string& dir);

struct SmtpOptions {
  std::string url;       // smtp://host:port or smtps://host:port
  std::string user;      // empty: no authentication
  std::string password;  // from the environment, never from the command line
  std::string tls = "try";  // "none", "try" (STARTTLS when offered), "required"
  std::string ca_file;      // CA certificates (PEM) to trust instead of the system's
  int attempts = 4;         // per mail, for transient failures
  long backoff_ms = 1000;   // doubled after each attempt, with jitter
  long timeout_s = 60;
  int unavailable_after = 3;  // consecutive mails that failed every attempt
};

// Checks the options (scheme, tls value) before anything is sent.
StatusOr<std::unique_ptr<MailTransport>> MakeSmtpTransport(const SmtpOptions& options);

// The bare address of "Name <addr>" or "addr".
std::string EnvelopeAddress(const std::string& from);

}  // namespace passend
