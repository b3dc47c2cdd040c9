// Who acts and when: the actor of a command (a person with roles and a device key, an
// unauthenticated device, or the server itself) and the time from an injectable clock.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plenum/crypto/sign.hpp"

namespace plenum::server::domain {

/// The roles of DOMAIN.md. A person may hold several (chair and delegate).
enum class role : std::uint8_t {
  delegate,
  alternate,
  observer,
  chair,
  secretary,
  scrutineer,
  projector,
};
inline constexpr std::size_t role_count = 7;

/// "delegate", "alternate", …
[[nodiscard]] std::string_view to_string(role r) noexcept;
/// The role named `text`; nullopt for any other text.
[[nodiscard]] std::optional<role> parse_role(std::string_view text) noexcept;

/// A set of roles. Value type.
class role_set {
 public:
  role_set() = default;
  role_set(std::initializer_list<role> roles) {
    for (role r : roles) insert(r);
  }
  void insert(role r) { bits_ |= bit(r); }
  void erase(role r) { bits_ &= static_cast<std::uint8_t>(~bit(r)); }
  [[nodiscard]] bool has(role r) const { return (bits_ & bit(r)) != 0; }
  /// Whether this set shares a role with `other`.
  [[nodiscard]] bool intersects(role_set other) const { return (bits_ & other.bits_) != 0; }
  [[nodiscard]] bool empty() const { return bits_ == 0; }
  friend bool operator==(const role_set&, const role_set&) = default;

 private:
  static std::uint8_t bit(role r) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
  }
  std::uint8_t bits_ = 0;
};

/// The actor of a command.
struct actor {
  enum class kind {
    system,  ///< the server itself (start-up, tallying)
    person,  ///< an authenticated person, by their current device key
    device,  ///< an unauthenticated device (may only enroll)
  };
  kind who = kind::device;
  std::string person_id;
  role_set roles;
  std::optional<crypto::public_key> device_key;

  [[nodiscard]] static actor system() { return actor{kind::system, {}, {}, std::nullopt}; }
  [[nodiscard]] static actor device() { return actor{}; }
  [[nodiscard]] static actor person(std::string id, role_set roles, crypto::public_key key) {
    return actor{kind::person, std::move(id), roles, key};
  }
  /// Whether this is a person holding any of `roles`.
  [[nodiscard]] bool holds_any(role_set wanted) const {
    return who == kind::person && roles.intersects(wanted);
  }
};

/// Parameters of the rules that are the server's to choose.
struct settings {
  /// The largest accepted difference between a check-in's signed time and the server's clock.
  std::int64_t max_checkin_skew_ms = 120'000;
  /// The most ballots one delegate may spoil (challenge) in one vote; more is challenge_limit.
  std::uint32_t max_spoiled_per_vote = 3;
};

/// What `decide` knows besides the state and the command.
struct context {
  actor who;
  std::int64_t unix_ms = 0;
  settings config;
};

/// A source of the current time in milliseconds since the Unix epoch. Implementations are
/// thread-safe.
class clock {
 public:
  virtual ~clock() = default;
  [[nodiscard]] virtual std::int64_t now_ms() const = 0;
};

/// The system's real-time clock.
class system_clock final : public clock {
 public:
  [[nodiscard]] std::int64_t now_ms() const override;
};

/// A clock that shows what it is set to; for tests.
class manual_clock final : public clock {
 public:
  explicit manual_clock(std::int64_t start_ms) : now_(start_ms) {}
  [[nodiscard]] std::int64_t now_ms() const override { return now_.load(); }
  void set(std::int64_t ms) { now_.store(ms); }
  void advance(std::int64_t ms) { now_.fetch_add(ms); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace plenum::server::domain
