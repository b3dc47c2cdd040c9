// The hall as the apps run it, for the burst's --as-apps mode: every delegate's tablet, the
// scrutineers' tablets and the big screens follow the hall as app_subscriptions.hpp says;
// the scenario asks when they saw the vote's progress and its announced result, and has the
// scrutineer devices decrypt and sign the result as the scrutineer panel does.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <plenum/clients/key_store.hpp>

#include "app_device.hpp"
#include "fleet.hpp"
#include "report.hpp"

namespace plenum::clients::loadgen {

/// The devices of a run. Declare it after the fleet (the tablets' connections belong to the
/// fleet's io_context) and stop the fleet before it goes. Each scrutineer device and screen is
/// a device with its own processor: its connection runs on a fleet of its own (one thread),
/// held here and stopped when the devices go, so that its board's checks neither wait behind
/// the tablets nor slow them.
struct hall_apps {
  app_watch watch;
  std::vector<crypto::secret_key> keys;  ///< of the scrutineer devices and screens, in order
  /// S1 … Sn's fleets, then P1 … Pm's; declared before the devices, destroyed after them.
  std::vector<std::unique_ptr<fleet>> own_threads;
  std::vector<std::shared_ptr<app_device_sim>> tablets;
  std::vector<std::shared_ptr<app_device_sim>> scrutineers;  ///< S1 … Sn
  std::vector<std::shared_ptr<app_device_sim>> screens;      ///< P1 … Pm

  hall_apps() = default;
  /// Closes the scrutineer devices' and screens' connections (also when a run ends by an
  /// exception), so that their own fleets stop at once rather than after their 3 s each.
  ~hall_apps();
  hall_apps(const hall_apps&) = delete;
  hall_apps& operator=(const hall_apps&) = delete;
};

/// Persons of the screens (role projector): P1 … Pm.
[[nodiscard]] std::string screen_person(std::size_t i);

/// Starts every device at most `window` at a time: a tablet on each of `delegates` (open and
/// authenticated with the key whose public part is the same place of `delegate_keys`), scrutineer
/// devices S1 … Sn and screens P1 … Pm on new connections, each on a fleet and thread of its own
/// made from `f` (apps.own_threads), authenticated with their keys from `store`. Returns how many
/// devices are following the hall; failures are counted in `errors`. Throws std::runtime_error when
/// a key is missing. With `tablets_read_basis` the tablets read their past as tablet_reading_basis
/// (before the course), to measure against.
std::size_t start_hall_apps(fleet& f, hall_apps& apps,
                            const std::vector<std::shared_ptr<async_connection>>& delegates,
                            const std::vector<crypto::public_key>& delegate_keys,
                            const key_store& store, std::size_t scrutineers, std::size_t screens,
                            std::size_t window, std::chrono::steady_clock::time_point deadline,
                            error_tally& errors, const crypto::public_key& congress_pk,
                            bool tablets_read_basis = false);

/// How many of `devices` have seen something, and how long after `from` the last did.
struct seen_by {
  std::size_t seen = 0;
  std::size_t of = 0;
  latency_summary after_ms;  ///< over the devices that saw it
};

/// Waits until every tablet and screen has seen the vote's progress complete (or until
/// `until`); times from `from`.
[[nodiscard]] seen_by wait_for_progress(const hall_apps& apps,
                                        std::chrono::steady_clock::time_point from,
                                        std::chrono::steady_clock::time_point until);

/// The same for the announced result.
[[nodiscard]] seen_by wait_for_announced(const hall_apps& apps,
                                         std::chrono::steady_clock::time_point from,
                                         std::chrono::steady_clock::time_point until);

/// The first k scrutineer devices, each on its own thread as the scrutineer panel: get_ceremony,
/// get_tally, its partial decryption from the share sealed in `store`, sent; then, once the
/// vote_decided event reached its board, the counts recomputed from that board and its
/// signature sent (sign_result). Returns when the last signature was accepted. Throws
/// std::runtime_error naming the device and step that failed (or `until` passing).
std::chrono::steady_clock::time_point decrypt_and_sign(hall_apps& apps, const key_store& store,
                                                       const std::string& sitting,
                                                       const std::string& vote, std::size_t k,
                                                       std::chrono::steady_clock::time_point until);

}  // namespace plenum::clients::loadgen
