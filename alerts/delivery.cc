#include "alerts/delivery.h"

#include <filesystem>

#include "common/file.h"

namespace passend {
namespace {

class OutboxTransport : public MailTransport {
 public:
  explicit OutboxTransport(std::string dir) : dir_(std::move(dir)) {}

  SendResult Send(const OutgoingMail& mail) override {
    SendResult r;
    const std::string path = (std::filesystem::path(dir_) / (mail.name + ".eml")).string();
    Status s = MakeDirs(dir_);
    if (s.ok()) s = WriteFileAtomic(path, mail.data);
    if (!s.ok()) {
      r.failure = SendFailure::kTransient;
      r.error = s.message();
    }
    r.where = path;
    return r;
  }

 private:
  std::string dir_;
};

}  // namespace

std::unique_ptr<MailTransport> MakeOutboxTransport(const std::string& dir) {
  return std::make_unique<OutboxTransport>(dir);
}

std::string EnvelopeAddress(const std::string& from) {
  const size_t open = from.rfind('<');
  const size_t close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return from.substr(open + 1, close - open - 1);
  }
  return from;
}

}  // namespace passend
