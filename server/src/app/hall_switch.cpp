#include "app/hall_switch.hpp"

#include "service/hall_service.hpp"

namespace plenum::server::app {

hall_switch::hall_switch(standby_responder& standby) : standby_(standby) {}

void hall_switch::serve(service::hall_service& hall) {
  hall_.store(&hall);
  standby_.close_all();
}

net::ws_handler* hall_switch::handler_of(std::uint64_t conn_id) const {
  std::lock_guard lock(mutex_);
  auto it = handlers_.find(conn_id);
  return it == handlers_.end() ? nullptr : it->second;
}

void hall_switch::on_open(const std::shared_ptr<net::connection>& conn) {
  service::hall_service* hall = hall_.load();
  net::ws_handler* handler = hall != nullptr ? static_cast<net::ws_handler*>(hall) : &standby_;
  {
    std::lock_guard lock(mutex_);
    handlers_[conn->id()] = handler;
  }
  handler->on_open(conn);
}

void hall_switch::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  if (auto* handler = handler_of(conn->id())) handler->on_message(conn, std::move(text));
}

void hall_switch::on_close(const std::shared_ptr<net::connection>& conn) {
  net::ws_handler* handler = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto it = handlers_.find(conn->id());
    if (it == handlers_.end()) return;
    handler = it->second;
    handlers_.erase(it);
  }
  handler->on_close(conn);
}

std::optional<net::download_file> hall_switch::take(std::string_view token) {
  service::hall_service* hall = hall_.load();
  if (hall == nullptr) return std::nullopt;
  return hall->downloads().take(token);
}

}  // namespace plenum::server::app
