// Status and StatusOr: the one error model of Passend.
//
// Every fallible library call returns a Status (or StatusOr<T>). Third-party
// errors (Xapian::Error, CURLcode, SQLite rc, parse errors) are converted into
// a Status once, at the edge of the component that calls the library.
// Messages are one line and name the file/source, record and field where known,
// e.g. "candidates/anna.json: fml.IV.tillen: unknown level 7".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace passend {

enum class StatusCode { kOk, kInvalidArgument, kNotFound, kUnavailable, kInternal };

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Returns a copy whose message is "context: message" (for adding a file or record name).
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace passend

#define PASSEND_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::passend::Status passend_s_ = (expr);   \
    if (!passend_s_.ok()) return passend_s_; \
  } while (0)
