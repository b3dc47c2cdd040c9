// A connection that records what it is sent, for tests of handlers and the registry.
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "net/session_registry.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::net::testing {

class fake_connection final : public connection, public closable {
 public:
  explicit fake_connection(std::uint64_t id) : id_(id) {}
  std::uint64_t id() const override { return id_; }
  void send(std::shared_ptr<const std::string> text) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(std::move(text));
  }
  /// Never backlogged: what it is sent is recorded at once.
  std::size_t backlog_room() const override { return std::numeric_limits<std::size_t>::max(); }
  /// Kept, never run (the connection never backlogs).
  void when_drained(std::function<void()> then) override {
    std::lock_guard lock(mutex_);
    drained_ = std::move(then);
  }
  void close() override {
    std::lock_guard lock(mutex_);
    ++closes_;
  }
  std::string remote() const override { return "test:" + std::to_string(id_); }
  void shutdown() override {
    std::lock_guard lock(mutex_);
    ++shutdowns_;
  }

  std::vector<std::shared_ptr<const std::string>> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  int shutdowns() const {
    std::lock_guard lock(mutex_);
    return shutdowns_;
  }

 private:
  const std::uint64_t id_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<const std::string>> sent_;
  std::function<void()> drained_;
  int closes_ = 0;
  int shutdowns_ = 0;
};

}  // namespace plenum::server::net::testing
