#include "hall_setup.hpp"

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <boost/json/serialize.hpp>
#include <plenum/clients/board.hpp>
#include <plenum/clients/roles.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/pin_seal.hpp>
#include <plenum/protocol/record.hpp>

#include "ceremony_reply.hpp"

namespace plenum::clients::loadgen {

namespace fs = std::filesystem;

std::string secretary_code(const fs::path& bootstrap) {
  std::ifstream in(bootstrap);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("SE\t", 0) == 0) return line.substr(line.rfind('\t') + 1);
  throw std::runtime_error("no code for SE in " + bootstrap.string());
}

session connect_as(const server_address& a, const crypto::secret_key& key, const std::string& who) {
  auto s = session::connect(a);
  if (!s) throw std::runtime_error(who + ": connect: " + s.error().message());
  if (auto auth = s->authenticate(key); !auth)
    throw std::runtime_error(who + ": auth: " + s->last_error().code + " " +
                             auth.error().message());
  return std::move(*s);
}

void connect_again(session& s, const std::string& who) {
  if (auto again = s.reconnect(std::chrono::seconds(120)); !again)
    throw std::runtime_error(who + ": reconnect: " + again.error().message());
}

boost::json::object must_call(session& s, const protocol::hall_request& r,
                              const std::string& what) {
  auto reply = s.call(r);
  if (!reply)
    throw std::runtime_error(what + ": " + s.last_error().code + " " + reply.error().message());
  return std::move(*reply);
}

crypto::secret_key enroll_into(const server_address& a, const key_store& store,
                               const std::string& person, const std::string& code) {
  auto key = crypto::secret_key::generate();
  auto s = session::connect(a);
  if (!s) throw std::runtime_error(person + ": connect: " + s.error().message());
  if (auto e = s->enroll(person, code, key); !e)
    throw std::runtime_error(person + ": enroll: " + s->last_error().code);
  if (!store.save(person, key)) throw std::runtime_error("cannot save the key of " + person);
  s->close();
  return key;
}

std::map<std::string, std::string> issue_codes(const server_address& a,
                                               const crypto::secret_key& secretary,
                                               const std::vector<std::string>& persons,
                                               unsigned parallel) {
  std::map<std::string, std::string> codes;
  std::mutex mutex;
  std::atomic<std::size_t> next{0};
  std::string failure;
  auto worker = [&] {
    try {
      session s = connect_as(a, secretary, "SE");
      for (std::size_t i = next++; i < persons.size(); i = next++) {
        auto reply = must_call(
            s, protocol::hall_request{protocol::issue_enrollment_code_request{persons[i]}},
            "issue_enrollment_code " + persons[i]);
        auto* code = reply.if_contains("code");
        if (code == nullptr || !code->is_string())
          throw std::runtime_error("issue_enrollment_code: no code in the reply");
        std::lock_guard lock(mutex);
        codes[persons[i]] = std::string(code->as_string());
      }
      s.close();
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      if (failure.empty()) failure = e.what();
      next = persons.size();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::max(1U, parallel); ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (!failure.empty()) throw std::runtime_error(failure);
  return codes;
}

board_record read_board_paged(session& s) {
  board_record board(s.hello().congress_pk);
  for (;;) {
    protocol::get_board_request page;
    page.from_seq = board.events.size();
    page.limit = protocol::max_board_page;
    auto reply = must_call(s, protocol::hall_request{page}, "get_board");
    auto* events = reply.if_contains("events");
    if (events == nullptr || !events->is_array())
      throw std::runtime_error("get_board: no events in the reply");
    if (events->as_array().empty()) return board;
    for (const auto& v : events->as_array()) {
      // Parsed as a record line: the wire decoder refuses payloads over 200 KiB, and a
      // roster or vote_opened of thousands of delegates is larger. The entry hash is checked
      // here instead, the chain and signature by board_record::add.
      auto e = protocol::parse_event_line(boost::json::serialize(v));
      if (!e || crypto::entry_hash(e->seq, e->prev_hash, e->type, e->payload) != e->entry_hash)
        throw std::runtime_error("get_board: an event does not decode or its hash is wrong");
      if (auto added = board.add(*e); !added)
        throw std::runtime_error("get_board: " + added.error().message());
    }
  }
}

void run_ceremony(const server_address& a, session& chair, const key_store& store,
                  const std::string& sitting, std::size_t n, std::size_t k) {
  protocol::start_ceremony_request start;
  start.sitting_id = sitting;
  for (std::size_t i = 1; i <= n; ++i) start.scrutineers.push_back("S" + std::to_string(i));
  start.k = k;
  (void)must_call(chair, protocol::hall_request{start}, "start_ceremony");
  // Each scrutineer as the panel does it: the ceremony from get_ceremony, not from the board
  // (whose enrollments and check-ins grow with the hall).
  for (const auto& person : start.scrutineers) {
    auto key = store.load(person);
    if (!key) throw std::runtime_error("no key for " + person);
    session s = connect_as(a, *key, person);
    const ceremony_record c = fetch_ceremony(s, sitting);
    if (auto sent = send_keygen(s, c, sitting, person, *key); !sent)
      throw std::runtime_error(person + ": keygen: " + s.last_error().code + " " +
                               sent.error().message());
    s.close();
  }
  for (const auto& person : start.scrutineers) {
    auto key = store.load(person);
    if (!key) throw std::runtime_error("no key for " + person);
    session s = connect_as(a, *key, person);
    const ceremony_record c = fetch_ceremony(s, sitting);
    auto confirmed = open_shares_and_confirm(s, c, sitting, person, *key, store, scrutineer_pin,
                                             crypto::pin_limits::interactive());
    if (!confirmed)
      throw std::runtime_error(person + ": confirm_key: " + s.last_error().code + " " +
                               confirmed.error().message());
    s.close();
  }
}

}  // namespace plenum::clients::loadgen
