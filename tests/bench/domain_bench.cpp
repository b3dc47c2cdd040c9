// The congress state's replay of a 3000-ballot sitting (every delegate present and voting on one
// motion, decrypted, signed and announced), and the part of each apply that recomputes the
// event's entry hash (CVP1 §6) from its payload: serializing the payload and hashing it, which
// the state does to know the board hash at a vote's close for the result digest. And the work
// plenumd does for each accepted ballot besides verifying it.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>
#include <memory>

#include "domain/ballot_check.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/replies.hpp"

namespace {

using namespace plenum;
namespace domain = server::domain;

constexpr std::size_t delegates = 3000;

const std::vector<domain::test::logged_event>& log_of_3000() {
  static const std::vector<domain::test::logged_event> log = [] {
    domain::test::congress c{delegates};
    c.prepare_sitting(delegates);
    c.complete_ceremony();
    c.open_with_item("i1", "report");
    c.open_motion("v1", "i1", "决议");
    c.cast_each("v1", delegates, [](std::size_t i) {
      crypto::ballot_choices choice{{0, 0, 0}};
      choice[0][i % 3] = 1;
      return choice;
    });
    if (!c.as("CH", domain::close_vote{"v1"}) || !c.decrypt("v1", {1, 2}))
      throw std::runtime_error("cannot decide the vote");
    c.sign_result("v1", {"S1", "S2"}, true);
    const auto* v = c.state.find_vote("v1");
    if (v->ballots.size() != delegates || !v->announcement)
      throw std::runtime_error("the sitting did not run as planned");
    return c.log;
  }();
  return log;
}

// Every event decoded from its stored text and applied to a fresh state, as the server does
// at start-up.
void BM_ReplayLog3000(benchmark::State& state) {
  const auto& log = log_of_3000();
  std::vector<std::string> texts;
  for (const auto& e : log) texts.push_back(boost::json::serialize(e.payload));
  for (auto _ : state) {
    domain::congress_state s;
    for (std::size_t i = 0; i < log.size(); ++i) {
      auto body = protocol::decode_event_payload(log[i].type, texts[i]);
      if (!body || !s.apply(domain::event{log[i].seq, log[i].applied.entry_hash, std::move(*body)}))
        state.SkipWithError("apply failed");
    }
    benchmark::DoNotOptimize(s.next_seq());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(log.size()));
}
BENCHMARK(BM_ReplayLog3000)->Unit(benchmark::kMillisecond);

// The entry hash chain alone: serialize each payload and hash it with its seq, type and the
// previous hash.
void BM_EntryHashChain3000(benchmark::State& state) {
  const auto& log = log_of_3000();
  for (auto _ : state) {
    crypto::digest32 prev{};
    for (const auto& e : log)
      prev = crypto::entry_hash(e.seq, prev, e.type, boost::json::serialize(e.payload));
    benchmark::DoNotOptimize(prev);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(log.size()));
}
BENCHMARK(BM_EntryHashChain3000)->Unit(benchmark::kMillisecond);

// What plenumd does for each accepted motion ballot besides verifying it, on one thread and
// without the network or the disk: decode the cast_ballot frame from its sender's connection,
// decide it with its check made beforehand (plenumd checks a ballot outside the hall's lock),
// encode the event's text, chain its entry hash and sign it, apply it (the vote's running
// tally), sign the receipt and encode the reply with the board entry. Each iteration is another
// delegate's ballot in the same open vote; compare with verify_ballot_bench/motion.
void BM_AcceptBallotBesidesVerification(benchmark::State& state) {
  const auto ballots = static_cast<std::size_t>(state.max_iterations);
  domain::test::congress c{ballots};
  c.prepare_sitting(ballots);
  c.complete_ceremony();
  c.open_with_item("i1", "report");
  c.open_motion("v1", "i1", "决议");
  const auto basis = domain::ballot_basis_for(c.state, "v1");
  if (!basis) return state.SkipWithError("no open vote");
  struct cast {
    crypto::public_key sender;
    std::string frame;
    std::shared_ptr<const domain::ballot_check> checked;
  };
  std::vector<cast> casts;
  for (std::size_t i = 1; i <= ballots; ++i) {
    const auto number = domain::test::delegate_number(i);
    crypto::ballot_choices choice{{0, 0, 0}};
    choice[0][i % 3] = 1;
    const auto ballot = c.ballot_for(number, "v1", choice);
    const auto sender = c.keys.at(number).public_part();
    std::string frame = protocol::encode_request(i, protocol::cast_ballot_request{"v1", ballot});
    auto request = protocol::decode_request(*protocol::parse_request(frame), sender);
    auto& decoded = std::get<protocol::cast_ballot_request>(request->body);
    casts.push_back({sender, std::move(frame),
                     std::make_shared<const domain::ballot_check>(
                         domain::check_ballot(*basis, ballot, std::move(decoded.points)))});
  }
  const auto congress_key = crypto::secret_key::from_seed(crypto::byte_array<32>{7});
  crypto::digest32 head{};  // the chain's head is not checked here, only hashed on
  std::size_t next = 0;
  for (auto _ : state) {
    const cast& one = casts[next++];
    auto request = protocol::decode_request(*protocol::parse_request(one.frame), one.sender);
    if (!request) return state.SkipWithError(request.error().message().c_str());
    auto& body = std::get<protocol::cast_ballot_request>(request->body);
    const domain::command cmd =
        domain::cast_ballot{body.vote_id, std::move(body.ballot), one.checked, {}};
    auto who = domain::authenticate(c.state, one.sender);
    if (!who) return state.SkipWithError("not a delegate");
    auto decided = domain::decide(c.state, cmd, domain::context{*who, c.now, {}});
    if (!decided || decided->events.size() != 1) return state.SkipWithError("not accepted");
    auto& event = decided->events.front();
    const std::string type(protocol::event_type(event));
    std::string text = protocol::encode_event_payload(event);
    const std::uint64_t seq = c.state.next_seq();
    const crypto::digest32 prev = head;
    head = crypto::entry_hash(seq, prev, type, text);
    const auto entry_sig = congress_key.sign(head);
    const auto tracking = std::get<protocol::events::ballot_accepted>(event).tracking_code;
    if (!c.state.apply(domain::event{seq, head, std::move(event), &one.checked->verdict->points}))
      return state.SkipWithError("apply failed");
    protocol::cast_ballot_reply reply;
    reply.receipt = {tracking, seq, head,
                     congress_key.sign(crypto::receipt_digest(tracking, seq, head))};
    reply.tracking_code_display = crypto::tracking_code_display(tracking);
    reply.entry = protocol::board_event{seq, prev, type, std::move(text), head, entry_sig, false};
    benchmark::DoNotOptimize(protocol::encode_reply(next, reply));
  }
  if (c.state.find_vote("v1")->ballots.size() != next) state.SkipWithError("a ballot went missing");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AcceptBallotBesidesVerification)->Iterations(3000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
