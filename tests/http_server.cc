#include "tests/http_server.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

namespace passend::test {

TestHttpServer::TestHttpServer(const std::string& root_dir) : server_(std::make_unique<httplib::Server>()) {
  if (!server_->set_mount_point("/", root_dir)) throw std::runtime_error("cannot serve " + root_dir);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 200 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

TestHttpServer::~TestHttpServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

void TestHttpServer::Route(const std::string& path, int status, const std::string& content_type,
                           const std::string& body) {
  server_->Get(path, [=](const httplib::Request&, httplib::Response& res) {
    res.status = status;
    res.set_content(body, content_type.c_str());
  });
}

std::string TestHttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace passend::test
