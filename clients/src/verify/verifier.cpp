#include "plenum/clients/verify/verifier.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "board_signers.hpp"
#include "engines.hpp"
#include "model.hpp"
#include "plenum/crypto/board.hpp"

namespace plenum::clients::verify {

namespace detail {

namespace {
constexpr std::size_t max_reasons = 4;
}

check_result& check_log::at(const std::string& name, const std::string& subject) {
  auto key = std::make_pair(name, subject);
  auto it = index_.find(key);
  if (it != index_.end()) return checks_[it->second];
  index_.emplace(key, checks_.size());
  checks_.push_back(check_result{name, subject, true, 0, 0, {}});
  return checks_.back();
}

void check_log::pass(const std::string& name, const std::string& subject, std::uint64_t items) {
  at(name, subject).count += items;
}

void check_log::fail(const std::string& name, const std::string& subject,
                     const std::string& reason) {
  auto& c = at(name, subject);
  if (c.passed) c.detail.clear();
  c.passed = false;
  ++c.count;
  ++c.failed;
  if (c.failed <= max_reasons) {
    if (!c.detail.empty()) c.detail += "; ";
    c.detail += reason;
  } else if (c.failed == max_reasons + 1) {
    c.detail += "; …";
  }
}

void check_log::describe(const std::string& name, const std::string& subject, std::string detail) {
  auto& c = at(name, subject);
  if (c.passed) c.detail = std::move(detail);
}

void check_log::touch(const std::string& name, const std::string& subject) {
  (void)at(name, subject);
}

verify_report check_log::report() const { return verify_report{checks_}; }

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn) {
  if (n == 0) return;
  const std::size_t workers = std::min<std::size_t>(std::max(1u, threads), n);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

bool ceremony_model::all_confirmed() const {
  return params && !confirmations.empty() &&
         std::all_of(confirmations.begin(), confirmations.end(),
                     [](const auto& c) { return c.has_value(); });
}

bool check_board(const record& rec, const verify_options& options, const board_signers& signers,
                 unsigned threads, check_log& log) {
  const auto& events = rec.events;
  const auto& pk = rec.header.congress_pk;

  // Hashes and signatures are independent per event: check them on every thread.
  std::vector<char> hash_ok(events.size()), sig_ok(events.size());
  parallel_for(events.size(), threads, [&](std::size_t i) {
    const auto& e = events[i];
    const auto h = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    hash_ok[i] = h == e.entry_hash;
    sig_ok[i] = signers.of(e.seq).verify(e.entry_hash, e.sig);
  });

  bool in_order = true;
  crypto::digest32 prev = crypto::genesis_hash;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const std::string at = "line " + std::to_string(i + 1) + " (seq " + std::to_string(e.seq) + ")";
    bool ok = true;
    if (e.seq != i) {
      log.fail("chain", "", at + ": seq should be " + std::to_string(i));
      in_order = false;
      ok = false;
    }
    if (e.prev_hash != prev) {
      if (ok) log.fail("chain", "", at + ": prev_hash is not the previous entry_hash");
      ok = false;
    }
    if (!hash_ok[i]) {
      if (ok) log.fail("chain", "", at + ": entry_hash does not match its contents");
      ok = false;
    }
    if (ok) log.pass("chain", "");
    if (sig_ok[i])
      log.pass("signatures", "");
    else
      log.fail("signatures", "", at + ": server signature does not verify");
    prev = e.entry_hash;
  }
  log.touch("chain", "");
  log.describe("chain", "",
               std::to_string(events.size()) + " events, seq 0.." +
                   std::to_string(events.empty() ? 0 : events.size() - 1) + " linked");
  log.touch("signatures", "");
  std::string signed_by = "under congress key " + pk.hex().substr(0, 16) + "…";
  if (signers.standby()) {
    signed_by += " before seq " + std::to_string(signers.handover_seq()) +
                 ", from it on under the standby key it certified " +
                 signers.standby()->hex().substr(0, 16) + "…";
  }
  log.describe("signatures", "", std::to_string(events.size()) + " server signatures " + signed_by);
  if (events.empty()) log.fail("chain", "", "the record holds no event");

  // The head the export claims.
  const auto& h = rec.header;
  if (h.events != events.size())
    log.fail("head", "",
             "congress.json says " + std::to_string(h.events) + " events, record has " +
                 std::to_string(events.size()));
  else if (h.head_hash != (events.empty() ? crypto::genesis_hash : events.back().entry_hash))
    log.fail("head", "", "congress.json head_hash is not the last event's entry_hash");
  else
    log.pass("head", "");
  log.describe("head", "",
               "seq " + std::to_string(events.empty() ? 0 : events.size() - 1) + " hash " +
                   crypto::to_hex(h.head_hash).substr(0, 16) + "…");
  if (options.pinned_congress_key) {
    if (*options.pinned_congress_key == pk)
      log.pass("congress", "");
    else
      log.fail("congress", "", "the record's congress key is not the pinned key");
  }
  return in_order;
}

}  // namespace detail

bool verify_report::passed() const {
  return !checks.empty() &&
         std::all_of(checks.begin(), checks.end(), [](const auto& c) { return c.passed; });
}

const check_result* verify_report::find(std::string_view name, std::string_view subject) const {
  for (const auto& c : checks)
    if (c.name == name && c.subject == subject) return &c;
  return nullptr;
}

verify_report verify_record(const record& rec, const verify_options& options) {
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  detail::check_log log;
  const detail::board_signers signers = detail::find_board_signers(rec, log);
  const bool in_order = detail::check_board(rec, options, signers, threads, log);
  if (!in_order) {
    log.fail("events", "", "events are not in seq order 0..n-1: nothing more can be checked");
    return log.report();
  }
  detail::congress_model model;
  detail::replay(rec, model, log);
  detail::check_ceremonies(model, log);
  detail::check_votes(rec, model, signers, threads, detail::engine_plan::from(options), log);
  detail::check_follow_up(model, log);
  detail::check_group_leaders(model, log);
  return log.report();
}

std::string format_check(const check_result& check) {
  std::string line = check.passed ? "PASS " : "FAIL ";
  line += check.name;
  if (!check.subject.empty()) line += " " + check.subject;
  line += ": ";
  if (check.passed) {
    line += std::to_string(check.count) + " verified";
  } else {
    line += std::to_string(check.failed) + " of " + std::to_string(check.count) + " failed";
  }
  if (!check.detail.empty()) line += " (" + check.detail + ")";
  return line;
}

}  // namespace plenum::clients::verify
