// A real HTTP server on 127.0.0.1 for tests (cpp-httplib), on a free port, in its own
// thread. Serves a directory plus fixed routes that can return any status and body.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace passend::test {

class TestHttpServer {
 public:
  explicit TestHttpServer(const std::string& root_dir);
  ~TestHttpServer();  // stops the server and joins its thread

  // A fixed answer for `path` (registered before the first request).
  void Route(const std::string& path, int status, const std::string& content_type, const std::string& body);
  // A document with an ETag that answers 304 to a matching If-None-Match (registered before
  // the first request); SetDocument changes its body and ETag at any time.
  void VersionedRoute(const std::string& path, const std::string& content_type);
  void SetDocument(const std::string& path, const std::string& body, const std::string& etag);
  // How often the versioned document was sent in full, and answered with 304.
  int FullAnswers(const std::string& path) const;
  int NotModifiedAnswers(const std::string& path) const;

  // Answers `status` (with Retry-After when not empty) to the first `failures` requests,
  // then `body` with 200. Requests() counts every request to the path.
  void FlakyRoute(const std::string& path, int failures, int status, const std::string& retry_after,
                  const std::string& body);
  int Requests(const std::string& path) const;

  // Answers bodies[value of query parameter `param`], or 404 when there is none.
  void PagedRoute(const std::string& path, const std::string& param, std::map<std::string, std::string> bodies,
                  const std::string& content_type = "application/json");
  // Any behaviour: `handler` answers every GET of `path` (registered before the first request).
  void Handle(const std::string& path, std::function<void(const httplib::Request&, httplib::Response&)> handler);
  // Requests for `path` of any kind (files, routes), counted as they are answered.
  int Served(const std::string& path) const;

  std::string Url(const std::string& path) const;
  int port() const { return port_; }

 private:
  struct Versioned {
    std::string body, etag;
    int full = 0, not_modified = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, Versioned> versioned_;
  std::map<std::string, int> requests_;
  std::map<std::string, int> served_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace passend::test
