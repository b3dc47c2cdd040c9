#include "hall_apps.hpp"

#include <boost/json/serialize.hpp>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <plenum/clients/roles.hpp>
#include <plenum/protocol/messages_hall.hpp>

#include "async_auth.hpp"
#include "hall_setup.hpp"
#include "tally_partial.hpp"

namespace plenum::clients::loadgen {

namespace json = boost::json;
using clock = std::chrono::steady_clock;

std::string screen_person(std::size_t i) { return "P" + std::to_string(i); }

hall_apps::~hall_apps() {
  for (const auto* devices : {&scrutineers, &screens})
    for (const auto& d : *devices) d->connection()->close();
}

std::size_t start_hall_apps(fleet& f, hall_apps& apps,
                            const std::vector<std::shared_ptr<async_connection>>& delegates,
                            const std::vector<crypto::public_key>& delegate_keys,
                            const key_store& store, std::size_t scrutineers, std::size_t screens,
                            std::size_t window, clock::time_point deadline, error_tally& errors,
                            const crypto::public_key& congress_pk, bool tablets_read_basis) {
  // Every device first, then all start together.
  struct pending {
    std::shared_ptr<app_device_sim> device;
    const crypto::secret_key* key;  // null: the connection is authenticated already
  };
  std::vector<pending> all;
  auto add = [&](app_device d, std::shared_ptr<async_connection> c, const crypto::public_key& pk,
                 const crypto::secret_key* k) {
    const auto& row =
        d == app_device::tablet && tablets_read_basis ? tablet_reading_basis : subscription_of(d);
    auto sim =
        std::make_shared<app_device_sim>(row, std::move(c), apps.watch, errors, congress_pk, pk);
    all.push_back({sim, k});
    return sim;
  };
  std::vector<std::string> persons;
  for (std::size_t i = 1; i <= scrutineers; ++i) persons.push_back("S" + std::to_string(i));
  for (std::size_t i = 1; i <= screens; ++i) persons.push_back(screen_person(i));
  apps.keys.clear();
  apps.keys.reserve(persons.size());
  for (const auto& p : persons) {
    auto key = store.load(p);
    if (!key) throw std::runtime_error("no key for " + p + ": " + key.error().message());
    apps.keys.push_back(*key);
  }
  if (delegate_keys.size() != delegates.size())
    throw std::invalid_argument("a tablet's key for each delegate connection");
  for (std::size_t i = 0; i < delegates.size(); ++i)
    apps.tablets.push_back(add(app_device::tablet, delegates[i], delegate_keys[i], nullptr));
  // A scrutineer's tablet and a big screen each have a processor of their own.
  auto own_connection = [&] {
    apps.own_threads.push_back(f.with_own_thread());
    return apps.own_threads.back()->make_connection();
  };
  for (std::size_t i = 0; i < scrutineers; ++i)
    apps.scrutineers.push_back(
        add(app_device::scrutineer, own_connection(), apps.keys[i].public_part(), &apps.keys[i]));
  for (std::size_t i = 0; i < screens; ++i)
    apps.screens.push_back(add(app_device::screen, own_connection(),
                               apps.keys[scrutineers + i].public_part(),
                               &apps.keys[scrutineers + i]));
  return f.run_steps(all.size(), window, deadline, [&](std::size_t i, auto done) {
    auto& p = all[i];
    if (p.key == nullptr) return p.device->start(done);
    p.device->connection()->start([&errors, p, done](boost::system::error_code ec) {
      if (ec) {
        errors.add(ec);
        return done(false);
      }
      authenticate_async(p.device->connection(), *p.key,
                         [&errors, p, done](boost::system::error_code ec2) {
                           if (ec2) {
                             errors.add(ec2);
                             return done(false);
                           }
                           p.device->start(done);
                         });
    });
  });
}

namespace {

// Waits until every tablet and screen has a time from `seen`, or until `until`.
template <typename Seen>
seen_by wait_for(const hall_apps& apps, clock::time_point from, clock::time_point until,
                 Seen seen) {
  std::vector<const app_device_sim*> watching;
  for (const auto& d : apps.tablets) watching.push_back(d.get());
  for (const auto& d : apps.screens) watching.push_back(d.get());
  seen_by s;
  s.of = watching.size();
  for (;;) {
    std::size_t n = 0;
    for (const auto* d : watching)
      if (seen(*d)) ++n;
    if (n == watching.size() || clock::now() >= until) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::vector<double> after;
  for (const auto* d : watching)
    if (auto t = seen(*d))
      after.push_back(std::chrono::duration<double, std::milli>(*t - from).count());
  s.seen = after.size();
  s.after_ms = summarize(std::move(after));
  return s;
}

}  // namespace

seen_by wait_for_progress(const hall_apps& apps, clock::time_point from, clock::time_point until) {
  return wait_for(apps, from, until, [](const app_device_sim& d) { return d.progress_seen_at(); });
}

seen_by wait_for_announced(const hall_apps& apps, clock::time_point from, clock::time_point until) {
  return wait_for(apps, from, until, [](const app_device_sim& d) { return d.announced_seen_at(); });
}

namespace {

// One scrutineer device's part after the close, as the scrutineer panel runs it.
void decrypt_and_sign_one(app_device_sim& device, const crypto::secret_key& key,
                          const key_store& store, const std::string& person,
                          const std::string& sitting, const std::string& vote,
                          clock::time_point until) {
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(person + " (scrutineer device): " + what);
  };
  // Each step's end, in ms since the device began, reported on one line at the end.
  const auto began = clock::now();
  std::string steps;
  auto step = [&](const char* what) {
    steps += std::string(steps.empty() ? "" : ", ") + what + " " +
             std::to_string(static_cast<long>(
                 std::chrono::duration<double, std::milli>(clock::now() - began).count()));
  };
  auto hall_call = [&](const protocol::hall_request& r, const char* what) {
    auto reply =
        device.call([&](std::uint64_t id) { return protocol::encode_hall_request(id, r); });
    if (!reply) fail(std::string(what) + " refused");
    return *reply;
  };
  (void)hall_call(protocol::get_ceremony_request{sitting}, "get_ceremony");
  step("ceremony");
  const auto share = open_share(store, person);
  step("share opened");
  // The partial over the aggregates its own board kept as the ballots arrived: it waits for
  // the vote_closed there and asks the server for no tally.
  while (!device.holds_closed(vote)) {
    if (clock::now() >= until) fail("vote_closed never reached its board");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  step("closed on its board");
  const auto partial = device.with_board(
      [&](const board_record& b) { return partial_from_board(b, vote, share, person, key); });
  if (!device.call([&](std::uint64_t id) {
        return protocol::encode_request(id, protocol::partial_decryption_request{vote, partial});
      }))
    fail("partial_decryption refused");
  step("partial accepted");
  // The panel offers to sign once the decided vote is on its board: the counts decrypted from
  // the partials there over its own aggregates, compared with the decided ones and the digest.
  while (!device.holds_decided(vote)) {
    if (clock::now() >= until) fail("vote_decided never reached its board");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  step("decided on its board");
  auto digest = device.with_board([&](const board_record& b) { return check_result(b, vote); });
  if (!digest) fail("the result does not check against its board: " + digest.error().message());
  step("result checked");
  (void)hall_call(protocol::sign_result_request{vote, key.sign(*digest)}, "sign_result");
  step("signed");
  std::cerr << "plenum-loadgen: " + person + " (ms): " + steps + "\n";
}

}  // namespace

clock::time_point decrypt_and_sign(hall_apps& apps, const key_store& store,
                                   const std::string& sitting, const std::string& vote,
                                   std::size_t k, clock::time_point until) {
  if (k > apps.scrutineers.size()) throw std::runtime_error("fewer scrutineer devices than k");
  std::vector<std::thread> threads;
  std::vector<std::string> failures(k);
  for (std::size_t i = 0; i < k; ++i)
    threads.emplace_back([&, i] {
      try {
        decrypt_and_sign_one(*apps.scrutineers[i], apps.keys[i], store, "S" + std::to_string(i + 1),
                             sitting, vote, until);
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& f : failures)
    if (!f.empty()) throw std::runtime_error(f);
  return clock::now();
}

}  // namespace plenum::clients::loadgen
