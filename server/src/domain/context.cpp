#include "domain/context.hpp"

#include <array>
#include <chrono>

namespace plenum::server::domain {

namespace {
constexpr std::array<std::string_view, role_count> role_names = {
    "delegate", "alternate", "observer", "chair", "secretary", "scrutineer", "projector"};
}

std::string_view to_string(role r) noexcept { return role_names[static_cast<std::size_t>(r)]; }

std::optional<role> parse_role(std::string_view text) noexcept {
  for (std::size_t i = 0; i < role_names.size(); ++i)
    if (role_names[i] == text) return static_cast<role>(i);
  return std::nullopt;
}

std::int64_t system_clock::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace plenum::server::domain
