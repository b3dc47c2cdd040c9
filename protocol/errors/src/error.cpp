#include "plenum/protocol/error.hpp"

#include <array>
#include <string>

namespace plenum {

namespace {

struct error_info {
  std::string_view name;
  canonical category;
  const char* message;
};

constexpr std::array<error_info, 1
#define PLENUM_ERRC_COUNT(name, category, message) +1
                     PLENUM_ERRORS(PLENUM_ERRC_COUNT)
#undef PLENUM_ERRC_COUNT
                     >
    error_table = {{{"ok", canonical::internal, "success"},
#define PLENUM_ERRC_INFO(name, category, message) {#name, canonical::category, message},
                    PLENUM_ERRORS(PLENUM_ERRC_INFO)
#undef PLENUM_ERRC_INFO
    }};

const error_info* info_of(boost::system::error_code ec) noexcept {
  if (ec.category() != plenum_category()) return nullptr;
  auto index = static_cast<std::size_t>(ec.value());
  return index < error_table.size() ? &error_table[index] : nullptr;
}

class category_impl final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "plenum"; }
  std::string message(int value) const override {
    auto index = static_cast<std::size_t>(value);
    return index < error_table.size() ? error_table[index].message : "unknown plenum error";
  }
};

}  // namespace

const boost::system::error_category& plenum_category() noexcept {
  static const category_impl instance;
  return instance;
}

std::string_view error_name(boost::system::error_code ec) noexcept {
  const error_info* info = info_of(ec);
  return info ? info->name : "unknown";
}

canonical canonical_of(boost::system::error_code ec) noexcept {
  const error_info* info = info_of(ec);
  return info ? info->category : canonical::internal;
}

std::string_view canonical_name(canonical c) noexcept {
  switch (c) {
    case canonical::invalid_argument:
      return "invalid_argument";
    case canonical::not_found:
      return "not_found";
    case canonical::already_exists:
      return "already_exists";
    case canonical::permission_denied:
      return "permission_denied";
    case canonical::unauthenticated:
      return "unauthenticated";
    case canonical::failed_precondition:
      return "failed_precondition";
    case canonical::resource_exhausted:
      return "resource_exhausted";
    case canonical::unavailable:
      return "unavailable";
    case canonical::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace plenum
