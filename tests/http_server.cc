#include "tests/http_server.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

namespace passend::test {

TestHttpServer::TestHttpServer(const std::string& root_dir) : server_(std::make_unique<httplib::Server>()) {
  if (!server_->set_mount_point("/", root_dir)) throw std::runtime_error("cannot serve " + root_dir);
  server_->set_logger([this](const httplib::Request& req, const httplib::Response&) {
    std::lock_guard<std::mutex> lock(mu_);
    ++served_[req.path];
  });
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

void TestHttpServer::VersionedRoute(const std::string& path, const std::string& content_type) {
  server_->Get(path, [this, path, content_type](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu_);
    Versioned& doc = versioned_[path];
    res.set_header("ETag", doc.etag);
    if (req.get_header_value("If-None-Match") == doc.etag) {
      ++doc.not_modified;
      res.status = 304;
      return;
    }
    ++doc.full;
    res.set_content(doc.body, content_type.c_str());
  });
}

void TestHttpServer::SetDocument(const std::string& path, const std::string& body, const std::string& etag) {
  std::lock_guard<std::mutex> lock(mu_);
  versioned_[path].body = body;
  versioned_[path].etag = etag;
}

int TestHttpServer::FullAnswers(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = versioned_.find(path);
  return it == versioned_.end() ? 0 : it->second.full;
}

int TestHttpServer::NotModifiedAnswers(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = versioned_.find(path);
  return it == versioned_.end() ? 0 : it->second.not_modified;
}

void TestHttpServer::FlakyRoute(const std::string& path, int failures, int status, const std::string& retry_after,
                                const std::string& body) {
  server_->Get(path, [=, this](const httplib::Request&, httplib::Response& res) {
    int n = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      n = ++requests_[path];
    }
    if (n <= failures) {
      res.status = status;
      if (!retry_after.empty()) res.set_header("Retry-After", retry_after);
      res.set_content("later", "text/plain");
      return;
    }
    res.set_content(body, "application/xml");
  });
}

int TestHttpServer::Requests(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = requests_.find(path);
  return it == requests_.end() ? 0 : it->second;
}

void TestHttpServer::PagedRoute(const std::string& path, const std::string& param,
                                std::map<std::string, std::string> bodies, const std::string& content_type) {
  server_->Get(path, [=](const httplib::Request& req, httplib::Response& res) {
    const auto it = bodies.find(req.get_param_value(param));
    if (it == bodies.end()) {
      res.status = 404;
      return;
    }
    res.set_content(it->second, content_type.c_str());
  });
}

void TestHttpServer::Handle(const std::string& path,
                            std::function<void(const httplib::Request&, httplib::Response&)> handler) {
  server_->Get(path, std::move(handler));
}

int TestHttpServer::Served(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = served_.find(path);
  return it == served_.end() ? 0 : it->second;
}

std::string TestHttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace passend::test
