// The volume scenario: many votes of every kind, every delegate casting in each, each vote
// closed, decrypted by the scrutineers and its counts compared with the plan.
#include <boost/json/serialize.hpp>
#include <condition_variable>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <plenum/clients/board.hpp>
#include <plenum/clients/vote_basis.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/protocol/record.hpp>

#include "delegate_setup.hpp"
#include "hall_setup.hpp"
#include "scenarios.hpp"
#include "tally_partial.hpp"
#include "target.hpp"
#include "vote_plan.hpp"

namespace plenum::clients::loadgen {

namespace fs = std::filesystem;
using clock = std::chrono::steady_clock;

namespace {

double seconds_between(clock::time_point a, clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

void say(const std::string& what) { std::cerr << "plenum-loadgen: " << what << std::endl; }

// Events per get_board page: a page of ballots of a hundred positions each stays a few MiB.
constexpr std::uint64_t volume_page = 20;

// Reads the board beyond the end of `board` (chained and signature-checked by board_record).
void extend_board(session& s, board_record& board) {
  for (;;) {
    protocol::get_board_request page;
    page.from_seq = board.events.size();
    page.limit = volume_page;
    auto reply = must_call(s, protocol::hall_request{page}, "get_board");
    auto* events = reply.if_contains("events");
    if (events == nullptr || !events->is_array())
      throw std::runtime_error("get_board: no events in the reply");
    if (events->as_array().empty()) return;
    for (const auto& v : events->as_array()) {
      auto e = protocol::parse_event_line(boost::json::serialize(v));
      if (!e || crypto::entry_hash(e->seq, e->prev_hash, e->type, e->payload) != e->entry_hash)
        throw std::runtime_error("get_board: an event does not decode or its hash is wrong");
      if (auto added = board.add(*e); !added)
        throw std::runtime_error("get_board: " + added.error().message());
    }
  }
}

// Once a vote's counts are checked its ballots are not needed again: their text and decoded
// form are dropped from this copy of the board (the chain of entry hashes stays).
void forget_ballots(board_record& board, const std::string& vote) {
  auto& v = board.votes.at(vote);
  for (const auto& b : v.ballots) {
    auto& e = board.events.at(b.seq);
    std::string().swap(e.payload);
  }
  std::vector<ballot_record>().swap(v.ballots);
}

// Every voter makes its ballot and sends it, on two threads; returns when every reply came or
// at `until`. Receipts are checked against the congress key and the tracking code.
void cast_all(std::vector<delegate_sim*>& voters, const vote_basis& basis,
              const crypto::public_key& congress_pk, const planned_vote& pv, error_tally& errors,
              std::atomic<std::size_t>& receipts, std::atomic<std::size_t>& invalid,
              clock::time_point until) {
  // What the replies touch lives as long as the last of them (also after a deadline).
  struct replies {
    std::mutex mutex;
    std::condition_variable cv;
    std::size_t answered = 0;
  };
  auto shared = std::make_shared<replies>();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex failure_mutex;
  std::string failure;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < voters.size(); i = next++) {
        delegate_sim& d = *voters[i];
        if (d.conn->hello().congress_pk != congress_pk)
          throw std::runtime_error(d.person + ": " +
                                   make_error_code(trust_errc::congress_key_changed).message());
        if (auto admitted = basis.admits(d.key.public_part()); !admitted)
          throw std::runtime_error(d.person + ": " + admitted.error().message());
        const auto choices = planned_marks(basis.manifest, pv.kind, d.index);
        auto b = crypto::make_ballot(basis.manifest, basis.election_hash, basis.joint_key, d.key,
                                     choices);
        if (!b) throw std::runtime_error("cannot make a ballot for the plan of " + pv.vote_id);
        const auto tracking =
            crypto::tracking_code(crypto::ballot_digest(*b, basis.election_hash), b->sig);
        const auto id = d.conn->next_id();
        auto text = std::make_shared<const std::string>(protocol::encode_request(
            id, protocol::cast_ballot_request{basis.vote_id, std::move(*b)}));
        d.conn->send(
            id, std::move(text),
            [&errors, &receipts, &invalid, congress_pk, shared, tracking](
                boost::system::error_code ec, const protocol::frame* f) {
              if (ec) {
                errors.add(ec);
              } else if (f->type != "ok") {
                auto* code = f->fields.if_contains("code");
                errors.add(code != nullptr && code->is_string() ? std::string(code->as_string())
                                                                : std::string("error"));
              } else if (auto reply = protocol::decode_reply<protocol::cast_ballot_reply>(*f);
                         !reply) {
                errors.add("bad receipt reply");
              } else {
                ++receipts;
                if (!check_receipt(congress_pk, reply->receipt, tracking)) ++invalid;
              }
              {
                std::lock_guard lock(shared->mutex);
                ++shared->answered;
              }
              shared->cv.notify_all();
            });
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(failure_mutex);
      if (!failed.exchange(true)) failure = e.what();
    }
  };
  std::thread other(work);
  work();
  other.join();
  if (failed) throw std::runtime_error(failure);
  std::unique_lock lock(shared->mutex);
  if (!shared->cv.wait_until(lock, until, [&] { return shared->answered == voters.size(); }))
    throw std::runtime_error(pv.vote_id + ": not every ballot was answered before the deadline");
}

}  // namespace

report run_volume(const options& o) {
  const auto begun = clock::now();
  const auto deadline = begun + o.deadline;
  report r;
  r.scenario = "volume";
  r.delegates = o.delegates;
  raise_file_limit();
  target t = open_target(o, true);
  const fs::path state = !o.state_dir.empty()  ? o.state_dir
                         : !t.data_dir.empty() ? t.data_dir / "keys"
                                               : fs::temp_directory_path() / "plenum-loadgen-keys";
  const key_store store(state);
  const server_address& a = t.address;
  const auto plan = volume_plan(o.delegates, o.positions);
  std::uint64_t planned_positions = 0;
  for (const auto& v : plan) planned_positions += o.delegates * v.positions;
  say(std::to_string(plan.size()) + " votes planned, " + std::to_string(planned_positions) +
      " ballot positions");

  say("enrolling the secretary, issuing " + std::to_string(o.delegates) + " codes");
  const auto se_key = enroll_into(a, store, "SE", secretary_code(t.bootstrap));
  std::vector<std::string> persons{"CH"};
  for (std::size_t i = 1; i <= o.scrutineers; ++i) persons.push_back("S" + std::to_string(i));
  for (std::size_t i = 1; i <= o.delegates; ++i) persons.push_back(delegate_number(i));
  auto codes = issue_codes(a, se_key, persons, 8);
  const auto ch_key = enroll_into(a, store, "CH", codes.at("CH"));
  std::vector<crypto::secret_key> scrutineer_keys;
  for (std::size_t i = 1; i <= o.scrutineers; ++i)
    scrutineer_keys.push_back(
        enroll_into(a, store, "S" + std::to_string(i), codes.at("S" + std::to_string(i))));
  session chair = connect_as(a, ch_key, "CH");
  (void)must_call(chair,
                  protocol::hall_request{
                      protocol::create_sitting_request{o.sitting, "Volume run", "2026-11-27"}},
                  "create_sitting");
  (void)must_call(chair, protocol::hall_request{protocol::open_checkin_request{o.sitting}},
                  "open_checkin");

  fleet f(t.endpoint, a.tls, o.threads, o.timeout);
  error_tally errors;
  std::vector<delegate_sim> delegates(o.delegates);
  for (std::size_t i = 0; i < o.delegates; ++i) {
    delegates[i].index = i + 1;
    delegates[i].person = delegate_number(i + 1);
    delegates[i].code = codes.at(delegates[i].person);
  }
  std::atomic<std::size_t> connected{0};
  std::atomic<std::size_t> enrolled{0};
  std::atomic<std::size_t> receipts{0};
  std::atomic<std::size_t> invalid{0};
  fleet_stopper stopper(f);

  say("enrolling and checking in " + std::to_string(o.delegates) + " delegates");
  r.checked_in = f.run_steps(o.delegates, o.window, deadline, [&](std::size_t i, auto done) {
    set_up_delegate(f, delegates[i], o.sitting, errors, connected, enrolled, done);
  });
  r.enrolled = enrolled;
  r.connections = connected;
  std::vector<delegate_sim*> voters;
  for (auto& d : delegates)
    if (d.checked_in && d.conn->open()) voters.push_back(&d);

  // The chair's console was idle through the delegates' set-up.
  connect_again(chair, "CH");
  (void)must_call(chair, protocol::hall_request{protocol::open_sitting_request{o.sitting}},
                  "open_sitting");
  run_ceremony(a, chair, store, o.sitting, o.scrutineers, o.threshold);
  std::vector<session> scrutineers;
  for (std::size_t i = 1; i <= o.threshold; ++i)
    scrutineers.push_back(connect_as(a, scrutineer_keys[i - 1], "S" + std::to_string(i)));
  board_record board(chair.hello().congress_pk);
  extend_board(chair, board);
  const auto before = t.process ? read_usage(t.process->pid()) : std::nullopt;
  const auto votes_from = clock::now();

  std::uint64_t positions = 0;
  std::size_t equal = 0;
  std::uint64_t order = 0;
  for (const auto& pv : plan) {
    if (clock::now() >= deadline) {
      errors.add("deadline before " + pv.vote_id);
      break;
    }
    // The chair puts the item on the agenda, makes it current, creates and opens the vote.
    protocol::add_item_request item;
    item.sitting_id = o.sitting;
    item.item_id = pv.item_id;
    item.kind = pv.item_kind;
    item.title = pv.title;
    item.order = ++order;
    item.responsible = pv.item_kind == "major_matter" ? "Committee" : "";
    (void)must_call(chair, protocol::hall_request{item}, "add_item");
    (void)must_call(
        chair, protocol::hall_request{protocol::set_current_item_request{o.sitting, pv.item_id}},
        "set_current_item");
    protocol::create_vote_request cv;
    cv.vote_id = pv.vote_id;
    cv.sitting_id = o.sitting;
    cv.item_id = pv.item_id;
    cv.kind = pv.kind;
    cv.title = pv.title;
    cv.seats = pv.seats;
    if (pv.kind == "election")
      cv.candidates = pv.names;
    else
      cv.members = pv.names;
    (void)must_call(chair, protocol::hall_request{cv}, "create_vote");
    (void)must_call(chair, protocol::hall_request{protocol::open_vote_request{pv.vote_id}},
                    "open_vote");
    extend_board(chair, board);
    const auto basis = check_vote_basis(board, pv.vote_id);
    if (!basis) throw std::runtime_error("refusing to make ballots: " + basis.error().message());

    const auto cast_from = clock::now();
    const auto receipts_before = receipts.load();
    cast_all(voters, *basis, board.congress_pk, pv, errors, receipts, invalid, deadline);
    const std::size_t cast = receipts - receipts_before;
    r.ballots_sent += voters.size();
    const auto cast_to = clock::now();

    // The chair's and scrutineers' sessions read nothing while the ballots were cast, and the
    // server closes a WebSocket that answers no ping for five minutes: they connect again.
    connect_again(chair, "CH");
    for (auto& s : scrutineers) connect_again(s, s.person());
    // Close; k scrutineers decrypt as the scrutineer panel does (get_tally, partial).
    (void)must_call(chair, protocol::hall_request{protocol::close_vote_request{pv.vote_id}},
                    "close_vote");
    for (std::size_t i = 0; i < scrutineers.size(); ++i) {
      const std::string person = "S" + std::to_string(i + 1);
      auto tally =
          must_call(scrutineers[i], protocol::hall_request{protocol::get_tally_request{pv.vote_id}},
                    "get_tally");
      const auto partial = partial_from_tally(tally, board.ceremonies.at(o.sitting), store, person,
                                              scrutineer_keys[i]);
      if (!scrutineers[i].call(protocol::partial_decryption_request{pv.vote_id, partial}))
        throw std::runtime_error(person +
                                 ": partial_decryption: " + scrutineers[i].last_error().code);
    }
    const auto decided_at = clock::now();

    // The counts on the board against the plan of the ballots on the board.
    extend_board(chair, board);
    const vote_record& v = board.votes.at(pv.vote_id);
    std::vector<std::uint64_t> expected(v.positions(), 0);
    for (const auto& b : v.ballots)
      add_marks(planned_marks(v.manifest, pv.kind, delegate_index(b.person)), expected);
    const bool counted = v.counts && *v.counts == expected && v.ballots.size() == cast;
    if (counted) ++equal;
    if (!counted) errors.add("counts differ from the plan in " + pv.vote_id);
    positions += static_cast<std::uint64_t>(v.ballots.size()) * v.positions();
    std::ostringstream line;
    line.setf(std::ios::fixed);
    line.precision(1);
    line << pv.vote_id << ' ' << pv.kind << ": " << v.ballots.size() << " ballots × "
         << v.positions() << " positions cast in " << seconds_between(cast_from, cast_to)
         << " s, close -> decided " << seconds_between(cast_to, decided_at) << " s, counts "
         << (counted ? "equal the plan" : "DIFFER from the plan");
    r.notes.push_back(line.str());
    say(line.str());
    forget_ballots(board, pv.vote_id);
  }
  const auto votes_to = clock::now();
  if (t.process) {
    if (auto u = read_usage(t.process->pid())) {
      if (before) r.server_cpu_s = u->cpu_seconds - before->cpu_seconds;
      r.server_cpu_total_s = u->cpu_seconds;
      r.server_peak_rss_mib = static_cast<double>(u->peak_rss_kib) / 1024.0;
    }
  }
  r.receipts = receipts;
  r.receipts_invalid = invalid;
  r.positions = positions;
  r.votes_planned = plan.size();
  r.votes_equal = equal;
  r.votes_s = seconds_between(votes_from, votes_to);
  r.run_s = seconds_between(begun, clock::now());
  r.errors = errors.counts();

  for (auto& s : scrutineers) s.close();
  chair.close();
  for (auto& d : delegates)
    if (d.conn) d.conn->close();
  f.stop();
  return r;
}

}  // namespace plenum::clients::loadgen
