// The burst scenario: the hall set up through the protocol, then every delegate casts at once.
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <plenum/clients/board.hpp>
#include <plenum/clients/roles.hpp>
#include <plenum/clients/vote_basis.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/ceremony.hpp>
#include <plenum/crypto/decryption.hpp>
#include <plenum/crypto/pin_seal.hpp>
#include <plenum/crypto/random.hpp>

#include "delegate_setup.hpp"
#include "failover.hpp"
#include "fleet.hpp"
#include "hall_apps.hpp"
#include "hall_setup.hpp"
#include "scenarios.hpp"
#include "target.hpp"

namespace plenum::clients::loadgen {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using clock = std::chrono::steady_clock;

namespace {

double ms_between(clock::time_point a, clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// A progress line, with the seconds since the run's first line.
void say(const std::string& what) {
  static const auto first = clock::now();
  std::cerr << "plenum-loadgen: [" << static_cast<long>(ms_between(first, clock::now()) / 1000)
            << " s] " << what << std::endl;
}

// A connection that subscribes to `topics` and counts (or watches) pushes.
void set_up_listener(fleet& f, std::shared_ptr<async_connection>& slot,
                     std::vector<protocol::topic> topics, push_handler on_push, error_tally& errors,
                     std::function<void(bool)> done) {
  slot = f.make_connection();
  slot->on_push(std::move(on_push));
  auto c = slot;
  c->start([c, topics, &errors, done](boost::system::error_code ec) {
    if (ec) {
      errors.add(ec);
      return done(false);
    }
    protocol::subscribe_request sub;
    sub.topics = topics;
    request(
        c, [sub](std::uint64_t id) { return protocol::encode_request(id, sub); },
        [&errors, done](boost::system::error_code ec2, const protocol::frame*) {
          if (ec2) errors.add(ec2);
          done(!ec2);
        });
  });
}

void record_usage(report& r, const target& t, const std::optional<process_usage>& before) {
  if (!t.process) return;
  auto after = read_usage(t.process->pid());
  if (!after) return;
  if (before) r.server_cpu_s = after->cpu_seconds - before->cpu_seconds;
  r.server_cpu_total_s = after->cpu_seconds;
  r.server_peak_rss_mib = static_cast<double>(after->peak_rss_kib) / 1024.0;
}

// Makes every checked-in delegate's ballot on two threads and encodes its request, from the
// vote's basis as checked on the board: nothing is encrypted to a key the ceremony did not
// produce, for a delegate outside the roster, or under another congress key than the one the
// delegate enrolled with.
void make_ballots(std::vector<delegate_sim*>& voters, const vote_basis& basis,
                  const crypto::public_key& congress_pk) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < voters.size(); i = next++) {
      delegate_sim& d = *voters[i];
      if (d.conn->hello().congress_pk != congress_pk)
        throw std::runtime_error(d.person + ": " +
                                 make_error_code(trust_errc::congress_key_changed).message());
      if (auto admitted = basis.admits(d.key.public_part()); !admitted)
        throw std::runtime_error(d.person + ": " + admitted.error().message());
      crypto::ballot_choices choices;
      for (const auto& c : basis.manifest.contests) choices.emplace_back(c.options.size(), 0);
      choices[0][planned_option(d.index, choices[0].size())] = 1;
      auto b =
          crypto::make_ballot(basis.manifest, basis.election_hash, basis.joint_key, d.key, choices);
      if (!b) throw std::runtime_error("cannot make a ballot for the plan (manifest?)");
      d.tracking = crypto::tracking_code(crypto::ballot_digest(*b, basis.election_hash), b->sig);
      d.ballot_request = d.conn->next_id();
      d.ballot = protocol::cast_ballot_request{basis.vote_id, std::move(*b)};
      d.ballot_text = std::make_shared<const std::string>(
          protocol::encode_request(d.ballot_request, *d.ballot));
    }
  };
  std::thread other(work);
  work();
  other.join();
}

// The board as the serving machine holds it after a failover: read (publicly) over a new
// session to the machine of the first voter whose connection serves this hall.
std::optional<board_record> read_board_on_serving(const std::vector<delegate_sim*>& voters,
                                                  const server_address& given,
                                                  const hall_identity& hall) {
  for (const auto* d : voters) {
    if (!d->conn || !d->conn->open() || !serves_this_hall(*d->conn, hall)) continue;
    server_address at = given;
    at.host = d->conn->endpoint().address().to_string();
    at.port = d->conn->endpoint().port();
    auto s = session::connect(at);
    if (!s || s->hello().congress_pk != hall.congress_pk) continue;
    board_record b = read_board_paged(*s);
    s->close();
    return b;
  }
  return std::nullopt;
}

}  // namespace

report run_burst(const options& o) {
  const auto deadline = clock::now() + o.deadline;
  report r;
  r.scenario = "burst";
  r.delegates = o.delegates;
  r.observers = o.observers;
  raise_file_limit();
  target t = open_target(o, true);
  const fs::path state = !o.state_dir.empty()  ? o.state_dir
                         : !t.data_dir.empty() ? t.data_dir / "keys"
                                               : fs::temp_directory_path() / "plenum-loadgen-keys";
  const key_store store(state);
  const server_address& a = t.address;

  // The secretary, the chair and the scrutineers enroll; the secretary issues every code.
  say("enrolling the secretary, issuing " + std::to_string(o.delegates) + " codes");
  const auto se_key = enroll_into(a, store, "SE", secretary_code(t.bootstrap));
  std::vector<std::string> persons{"CH"};
  for (std::size_t i = 1; i <= o.scrutineers; ++i) persons.push_back("S" + std::to_string(i));
  const std::size_t screens = o.as_apps ? o.screens : 0;
  for (std::size_t i = 1; i <= screens; ++i) persons.push_back(screen_person(i));
  for (std::size_t i = 1; i <= o.delegates; ++i) persons.push_back(delegate_number(i));
  auto codes = issue_codes(a, se_key, persons, 8);
  const auto ch_key = enroll_into(a, store, "CH", codes.at("CH"));
  for (std::size_t i = 1; i <= o.scrutineers; ++i)
    (void)enroll_into(a, store, "S" + std::to_string(i), codes.at("S" + std::to_string(i)));
  for (std::size_t i = 1; i <= screens; ++i)
    (void)enroll_into(a, store, screen_person(i), codes.at(screen_person(i)));
  session chair = connect_as(a, ch_key, "CH");
  (void)must_call(chair,
                  protocol::hall_request{
                      protocol::create_sitting_request{o.sitting, "Load test", "2026-11-27"}},
                  "create_sitting");
  (void)must_call(chair, protocol::hall_request{protocol::open_checkin_request{o.sitting}},
                  "open_checkin");

  // The connections are destroyed before the fleet's io_context; the fleet's threads are
  // stopped before what their callbacks touch is destroyed.
  fleet f(t.endpoint, a.tls, o.threads, o.timeout);
  error_tally errors;
  hall_apps apps;
  apps.watch.vote_id = o.vote;
  std::atomic<std::size_t> pushes{0};
  const auto per_observer = std::make_unique<std::atomic<std::size_t>[]>(o.observers);
  std::atomic<clock::rep> last_push{0};  // steady clock ticks of the latest observer push
  std::vector<std::shared_ptr<async_connection>> observers(o.observers);
  std::vector<delegate_sim> delegates(o.delegates);
  for (std::size_t i = 0; i < o.delegates; ++i) {
    delegates[i].index = i + 1;
    delegates[i].person = delegate_number(i + 1);
    delegates[i].code = codes.at(delegates[i].person);
  }
  std::atomic<std::size_t> connected{0};
  std::atomic<std::size_t> enrolled{0};
  std::atomic<std::size_t> sent{0};
  struct {
    std::mutex mutex;
    bool closed = false;
  } late;
  // The hall's machines (every --server, and those the hellos name), and the tablets' casting
  // with failover (set before the burst).
  hall_servers machines(t.endpoints);
  std::optional<hall_identity> hall;
  std::atomic<std::size_t> failed_over{0};
  std::atomic<std::int64_t> first_receipt_after_failover_unix_ms{0};
  std::function<void(delegate_sim&, std::function<void(bool)>)> cast;
  fleet_stopper stopper(f);

  // The delegates, each on its own connection with its own key: enroll, auth, check in.
  say("enrolling and checking in " + std::to_string(o.delegates) + " delegates");
  r.checked_in = f.run_steps(o.delegates, o.window, deadline, [&](std::size_t i, auto done) {
    set_up_delegate(f, delegates[i], o.sitting, errors, connected, enrolled, done);
  });
  r.enrolled = enrolled;

  // Observers subscribe to the board and the results once the delegates are in (so that the
  // set-up's thousands of events do not go to them).
  say("connecting " + std::to_string(o.observers) + " observers");
  r.subscribed = f.run_steps(o.observers, o.window, deadline, [&](std::size_t i, auto done) {
    set_up_listener(
        f, observers[i], {protocol::topic::board, protocol::topic::results},
        [&pushes, &last_push, &n = per_observer[i]](std::string_view) {
          ++pushes;
          ++n;
          last_push = clock::now().time_since_epoch().count();
        },
        errors, done);
  });

  // As the apps: the delegates' tablets (their own connections), the scrutineers' tablets and
  // the big screens read the board's past and subscribe.
  if (o.as_apps) {
    say("tablets, " + std::to_string(o.scrutineers) + " scrutineer devices and " +
        std::to_string(screens) + " screens subscribe as the apps do");
    std::vector<std::shared_ptr<async_connection>> tablets;
    std::vector<crypto::public_key> tablet_keys;
    std::vector<delegate_sim*> holders;
    for (auto& d : delegates)
      if (d.checked_in && d.conn->open()) {
        tablets.push_back(d.conn);
        tablet_keys.push_back(d.key.public_part());
        holders.push_back(&d);
      }
    const auto congress_pk = chair.hello().congress_pk;
    const auto joining = clock::now();
    r.devices_following =
        start_hall_apps(f, apps, tablets, tablet_keys, store, o.scrutineers, screens, o.window,
                        deadline, errors, congress_pk, o.tablets_read_basis);
    r.apps_setup_s = ms_between(joining, clock::now()) / 1000.0;
    r.tablets = tablets.size();
    for (std::size_t i = 0; i < holders.size(); ++i)
      holders[i]->after_receipt = [tablet = apps.tablets[i]](
                                      const protocol::receipt& rc,
                                      const std::optional<protocol::board_event>& entry) {
        tablet->after_receipt(rc, entry);
      };
    r.scrutineer_devices = o.scrutineers;
    r.screens = screens;
  }
  r.connections = connected + r.subscribed + o.scrutineers * (o.as_apps ? 1 : 0) + screens;

  // The sitting opens, the key ceremony runs, a motion opens. The chair's console has been
  // idle through the set-up (its blocking session answered none of the server's pings).
  say("ceremony and vote");
  connect_again(chair, "CH");
  (void)must_call(chair, protocol::hall_request{protocol::open_sitting_request{o.sitting}},
                  "open_sitting");
  run_ceremony(a, chair, store, o.sitting, o.scrutineers, o.threshold);
  protocol::add_item_request item;
  item.sitting_id = o.sitting;
  item.item_id = "i1";
  item.kind = "major_matter";
  item.title = "Motion";
  item.order = 1;
  item.responsible = "Committee";
  (void)must_call(chair, protocol::hall_request{item}, "add_item");
  (void)must_call(chair,
                  protocol::hall_request{protocol::set_current_item_request{o.sitting, "i1"}},
                  "set_current_item");
  protocol::create_vote_request cv;
  cv.vote_id = o.vote;
  cv.sitting_id = o.sitting;
  cv.item_id = "i1";
  cv.kind = "motion";
  cv.title = "Motion";
  (void)must_call(chair, protocol::hall_request{cv}, "create_vote");
  (void)must_call(chair, protocol::hall_request{protocol::open_vote_request{o.vote}}, "open_vote");
  const board_record board = read_board_paged(chair);
  hall = hall_identity{board.congress_id, board.congress_pk};
  for (const auto& d : delegates)
    if (d.conn && d.conn->open()) {
      machines.learn(d.conn->hall_servers());
      break;
    }
  const auto basis = check_vote_basis(board, o.vote);
  if (!basis) throw std::runtime_error("refusing to make ballots: " + basis.error().message());

  // Every ballot is made before the timed part.
  std::vector<delegate_sim*> voters;
  for (auto& d : delegates)
    if (d.checked_in && d.conn->open()) voters.push_back(&d);
  say("making " + std::to_string(voters.size()) + " ballots");
  const auto made = clock::now();
  make_ballots(voters, *basis, board.congress_pk);
  r.precompute_s = ms_between(made, clock::now()) / 1000.0;

  // The burst: ballot j leaves at start + burst * j / M.
  say("burst of " + std::to_string(voters.size()) + " ballots over " +
      std::to_string(o.burst.count()) + " ms");
  const auto before = t.process ? read_usage(t.process->pid()) : std::nullopt;
  if (!o.burst_marker.empty()) std::ofstream(o.burst_marker) << "burst\n";
  const auto start = clock::now() + std::chrono::milliseconds(100);
  const auto m = voters.size();
  apps.watch.ballots = m;
  const auto burst_deadline = std::min(deadline, start + o.burst + o.timeout);
  // A ballot goes to the delegate's connection; when that is lost (or its machine no longer
  // serves), the tablet finds the serving machine and sends the same ballot again there (a
  // repeat is answered with the stored receipt).
  cast = [&](delegate_sim& d, std::function<void(bool)> done) {
    const bool again = d.failed_over;
    const std::uint64_t id = again ? d.conn->next_id() : d.ballot_request;
    auto text = again ? std::make_shared<const std::string>(protocol::encode_request(id, *d.ballot))
                      : d.ballot_text;
    d.conn->send(
        id, std::move(text), [&, done](boost::system::error_code ec, const protocol::frame* fr) {
          const auto now = clock::now();
          const auto* code =
              fr != nullptr && fr->type != "ok" ? fr->fields.if_contains("code") : nullptr;
          const bool not_serving =
              code != nullptr && code->is_string() && code->as_string() == "not_serving";
          if ((ec || not_serving) && machines.round_from(d.conn->endpoint()).size() > 1 &&
              now < burst_deadline) {
            if (!d.failed_over) ++failed_over;
            d.failed_over = true;
            return find_serving(f, machines, *hall, d.key, d.conn->endpoint(), burst_deadline,
                                [&d, &errors, &cast, done](boost::system::error_code ec2,
                                                           std::shared_ptr<async_connection> c) {
                                  if (ec2) {
                                    errors.add("no serving machine found: " + error_label(ec2));
                                    return done(false);
                                  }
                                  d.conn = std::move(c);
                                  cast(d, done);
                                });
          }
          if (ec) {
            errors.add(ec);
            return done(false);
          }
          if (fr->type != "ok") {
            errors.add(code != nullptr && code->is_string() ? std::string(code->as_string())
                                                            : std::string("error"));
            return done(false);
          }
          auto reply = protocol::decode_reply<protocol::cast_ballot_reply>(*fr);
          if (!reply) {
            errors.add("bad receipt reply");
            return done(false);
          }
          {
            // A receipt after the burst's deadline is counted, never written into what the main
            // thread is reading.
            std::lock_guard lock(late.mutex);
            if (late.closed) {
              errors.add("receipt after the burst's deadline");
              return done(false);
            }
            d.latency_ms = ms_between(d.sent_at, now);
            d.receipt = reply->receipt;
          }
          if (d.failed_over) {
            const auto unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
            std::int64_t first = 0;
            while (!first_receipt_after_failover_unix_ms.compare_exchange_weak(first, unix_ms) &&
                   (first == 0 || first > unix_ms)) {
            }
          }
          if (d.after_receipt) d.after_receipt(*d.receipt, reply->entry);
          done(true);
        });
  };
  r.receipts =
      f.run_steps(m, std::max<std::size_t>(m, 1), burst_deadline, [&](std::size_t j, auto done) {
        delegate_sim& d = *voters[j];
        auto timer = std::make_shared<asio::steady_timer>(f.io());
        timer->expires_at(start + o.burst * static_cast<long>(j) /
                                      static_cast<long>(std::max<std::size_t>(m, 1)));
        timer->async_wait([&, timer, done](boost::system::error_code) {
          d.sent_at = clock::now();
          ++sent;
          cast(d, done);
        });
      });
  {
    std::lock_guard lock(late.mutex);
    late.closed = true;
  }
  record_usage(r, t, before);
  r.ballots_sent = sent;
  // After a failover the new machine's receipts are signed by its key: the board is read
  // there (its handover certifies that key under the congress key) before they are checked.
  std::optional<board_record> after_failover;
  if (failed_over > 0) {
    after_failover = read_board_on_serving(voters, a, *hall);
    if (!after_failover) errors.add("no serving machine to read the board from");
  }
  const board_record& signed_board = after_failover ? *after_failover : board;
  std::vector<double> latencies;
  clock::time_point first_sent = clock::time_point::max();
  clock::time_point last_sent = clock::time_point::min();
  clock::time_point last_receipt = clock::time_point::min();
  for (auto* d : voters) {
    if (d->sent_at != clock::time_point{}) {
      first_sent = std::min(first_sent, d->sent_at);
      last_sent = std::max(last_sent, d->sent_at);
    }
    if (d->receipt) {
      latencies.push_back(d->latency_ms);
      last_receipt = std::max(
          last_receipt, d->sent_at + std::chrono::duration_cast<clock::duration>(
                                         std::chrono::duration<double, std::milli>(d->latency_ms)));
      if (!check_receipt(signed_board.signers, *d->receipt, d->tracking,
                         after_failover ? &*after_failover : nullptr))
        ++r.receipts_invalid;
    }
  }
  r.receipt_latency = summarize(latencies);
  if (t.endpoints.size() > 1 || failed_over > 0) {
    // One line for the failover drill: key=value pairs.
    std::size_t unreceipted = 0;
    for (auto* d : voters)
      if (!d->receipt) ++unreceipted;
    r.notes.push_back("failover: failed_over=" + std::to_string(failed_over.load()) +
                      " first_receipt_after_unix_ms=" +
                      std::to_string(first_receipt_after_failover_unix_ms.load()) +
                      " unreceipted=" + std::to_string(unreceipted) +
                      " handover_seq=" + std::to_string(signed_board.signers.handover_seq()));
  }
  if (o.as_apps && !latencies.empty()) {
    // Every tablet and screen must come to hold a state with all ballots received.
    say("waiting for every tablet to show the progress");
    const auto seen = wait_for_progress(
        apps, last_receipt, std::min(deadline, clock::now() + std::chrono::seconds(600)));
    r.progress_after_receipts = seen.after_ms;
    r.progress_seen_by = seen.seen;
    if (t.process && before)
      if (auto u = read_usage(t.process->pid())) {
        r.server_cpu_to_progress_s = u->cpu_seconds - before->cpu_seconds;
        r.server_system_cpu_to_progress_s = u->system_cpu_seconds - before->system_cpu_seconds;
      }
    say("progress shown on " + std::to_string(seen.seen) + " of " + std::to_string(seen.of) +
        " devices, the last " + std::to_string(seen.after_ms.max) +
        " ms after the last receipt; receipt p99 " + std::to_string(r.receipt_latency.p99) +
        " ms; server CPU " + std::to_string(r.server_cpu_to_progress_s.value_or(0)) + " s");
  }
  if (r.ballots_sent > 0) r.burst_ms = ms_between(first_sent, last_sent);
  if (!latencies.empty())
    r.throughput =
        static_cast<double>(latencies.size()) / (ms_between(first_sent, last_receipt) / 1000.0);
  if (!o.receipts_out.empty()) {
    std::ofstream out(o.receipts_out, std::ios::trunc);
    for (auto* d : voters)
      if (d->receipt)
        out << d->person << ' ' << crypto::to_hex(d->receipt->tracking_code) << ' '
            << d->receipt->board_seq << ' ' << crypto::to_hex(d->receipt->board_entry_hash) << ' '
            << d->receipt->sig.hex() << '\n';
  }

  // Close -> result: the chair closes, the scrutineers (connected beforehand) read the board
  // and compute their partial decryptions here, then send them; the server's part is the rest.
  if (o.close_vote && failed_over > 0) {
    r.notes.push_back("the vote is left open: the chair's console was on the machine lost");
  } else if (o.as_apps && o.close_vote && r.receipts > 0 && clock::now() < deadline) {
    // Close -> signed result with the scrutineer devices as the panel runs them, then the
    // chair announces and every tablet must show the result.
    say("closing the vote; the scrutineer devices decrypt and sign");
    // A failure from here on is reported with the figures measured so far.
    try {
      // The chair's console connects again: its session has read nothing while the tablets
      // caught up, and the server closes a WebSocket that answers no ping for five minutes.
      connect_again(chair, "CH");
      const auto closed = clock::now();
      (void)must_call(chair, protocol::hall_request{protocol::close_vote_request{o.vote}},
                      "close_vote");
      const auto signed_at =
          decrypt_and_sign(apps, store, o.sitting, o.vote, o.threshold, deadline);
      r.close_to_signed_ms = ms_between(closed, signed_at);
      say("close -> signed " + std::to_string(*r.close_to_signed_ms) + " ms");
      const board_record decided = read_board_paged(chair);
      auto announced = announce_result(chair, decided, o.vote, ch_key);
      if (!announced) throw std::runtime_error("announce_result: " + announced.error().message());
      const auto announced_at = clock::now();
      say("announced; waiting for every tablet to show the result");
      const auto seen = wait_for_announced(
          apps, announced_at, std::min(deadline, clock::now() + std::chrono::seconds(600)));
      r.announced_after_announcement = seen.after_ms;
      r.announced_seen_by = seen.seen;
    } catch (const std::exception& e) {
      say(e.what());
      errors.add(std::string("close, sign, announce: ") + e.what());
    }
  } else if (o.close_vote && r.receipts > 0 && clock::now() < deadline) {
    say("closing the vote");
    std::vector<session> scrutineers;
    std::vector<crypto::secret_key> keys;
    for (std::size_t i = 1; i <= o.threshold; ++i) {
      auto key = store.load("S" + std::to_string(i));
      if (!key) throw std::runtime_error("no scrutineer key");
      keys.push_back(*key);
      scrutineers.push_back(connect_as(a, *key, "S" + std::to_string(i)));
    }
    const auto closed = clock::now();
    (void)must_call(chair, protocol::hall_request{protocol::close_vote_request{o.vote}},
                    "close_vote");
    const auto client_from = clock::now();
    const board_record closed_board = read_board_paged(scrutineers.front());
    // The board now reaches every receipt: each must name its ballot's entry.
    for (auto* d : voters)
      if (d->receipt && !check_receipt(board.congress_pk, *d->receipt, d->tracking, &closed_board))
        ++r.receipts_invalid;
    const vote_record& v = closed_board.votes.at(o.vote);
    const ceremony_record& c = closed_board.ceremonies.at(v.sitting_id);
    auto messages = c.all_messages();
    auto ckeys = crypto::compute_ceremony_keys(*c.params, *messages);
    if (!ckeys) throw std::runtime_error("ceremony keys");
    const auto aggregates = v.aggregates();
    const auto board_read = clock::now();
    std::vector<crypto::partial_decryption> partials;
    for (std::size_t i = 1; i <= o.threshold; ++i) {
      auto sealed = store.load_share("S" + std::to_string(i));
      auto share = sealed ? crypto::open_share_with_pin(*sealed, scrutineer_pin) : std::nullopt;
      if (!share) throw std::runtime_error("cannot open a scrutineer's share");
      partials.push_back(crypto::make_partial_decryption(*c.params, *ckeys, v.election_hash,
                                                         aggregates, *share, keys[i - 1],
                                                         crypto::system_random()));
    }
    const auto client_to = clock::now();
    for (std::size_t i = 0; i < partials.size(); ++i) {
      auto sent_partial =
          scrutineers[i].call(protocol::partial_decryption_request{o.vote, std::move(partials[i])});
      if (!sent_partial)
        throw std::runtime_error("partial_decryption: " + scrutineers[i].last_error().code);
    }
    // The k-th partial's reply comes once the decided result is durable: that is the result's
    // moment (the public result push waits for the chair's announcement: results under embargo).
    const auto result_at = clock::now();
    r.close_to_result_ms = ms_between(closed, result_at);
    r.close_client_ms = ms_between(client_from, client_to);
    r.close_board_read_ms = ms_between(client_from, board_read);
    r.close_partials_ms = ms_between(board_read, client_to);
    r.close_server_ms = *r.close_to_result_ms - *r.close_client_ms;
    for (auto& s : scrutineers) s.close();
  }
  // The observers may still be receiving: wait until no push arrived for 2 s (at most until
  // the deadline), then report when the last one came.
  while (o.observers > 0 && clock::now() < deadline &&
         clock::now() - clock::time_point(clock::duration(last_push.load())) <
             std::chrono::seconds(2))
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  if (o.observers > 0 && r.ballots_sent > 0)
    r.observers_caught_up_s =
        ms_between(start, clock::time_point(clock::duration(last_push.load()))) / 1000.0;
  r.pushes = pushes;
  if (o.observers > 0) {
    std::size_t least = per_observer[0];
    std::size_t most = per_observer[0];
    for (std::size_t i = 0; i < o.observers; ++i) {
      least = std::min<std::size_t>(least, per_observer[i]);
      most = std::max<std::size_t>(most, per_observer[i]);
    }
    r.notes.push_back("pushes per observer: " + std::to_string(least) + " … " +
                      std::to_string(most));
  }
  if (o.as_apps && !apps.tablets.empty()) {
    double events = 0;
    double reads = 0;
    double state_pushes = 0;
    double join_bytes = 0;
    double join_bytes_max = 0;
    for (const auto& d : apps.tablets) {
      events += static_cast<double>(d->board_events());
      reads += static_cast<double>(d->state_reads());
      state_pushes += static_cast<double>(d->state_pushes());
      join_bytes += static_cast<double>(d->join_bytes());
      join_bytes_max = std::max(join_bytes_max, static_cast<double>(d->join_bytes()));
    }
    r.join_kib_per_tablet = join_bytes / 1024.0 / static_cast<double>(apps.tablets.size());
    r.join_kib_per_tablet_max = join_bytes_max / 1024.0;
    r.board_events_per_tablet = events / static_cast<double>(apps.tablets.size());
    r.state_reads_per_tablet = reads / static_cast<double>(apps.tablets.size());
    r.state_pushes_per_tablet = state_pushes / static_cast<double>(apps.tablets.size());
  }
  std::size_t dropped = 0;
  for (const auto& ob : observers)
    if (ob && !ob->open()) ++dropped;
  if (dropped > 0) errors.add("observer disconnected", dropped);
  r.errors = errors.counts();
  if (t.process) {
    if (auto u = read_usage(t.process->pid()))
      r.server_peak_rss_mib = static_cast<double>(u->peak_rss_kib) / 1024.0;
  }

  // Everything closes.
  chair.close();
  for (auto& d : delegates)
    if (d.conn) d.conn->close();
  for (auto& ob : observers)
    if (ob) ob->close();
  for (const auto& d : apps.scrutineers) d->connection()->close();
  for (const auto& d : apps.screens) d->connection()->close();
  f.stop();
  return r;
}

}  // namespace plenum::clients::loadgen
