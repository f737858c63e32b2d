// A real HTTP server on 127.0.0.1 for tests (cpp-httplib), on a free port, in its own
// thread. Serves a directory plus fixed routes that can return any status and body.
#pragma once

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace passend::test {

class TestHttpServer {
 public:
  explicit TestHttpServer(const std::string& root_dir);
  ~TestHttpServer();  // stops the server and joins its thread

  // A fixed answer for `path` (registered before the first request).
  void Route(const std::string& path, int status, const std::string& content_type, const std::string& body);
  std::string Url(const std::string& path) const;
  int port() const { return port_; }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace passend::test
