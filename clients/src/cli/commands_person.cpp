// Subcommands of any person: enroll, ping, state, status, checkin, receipts, vote, result,
// and the scrutineer's keygen, open-shares/confirm and decrypt.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <iostream>

#include <plenum/clients/roles.hpp>
#include <plenum/crypto/random.hpp>

#include "cli_context.hpp"

namespace plenum::clients::cli {

namespace json = boost::json;

namespace {

int enroll_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string person;
  std::string code;
  po::options_description desc("enroll options");
  desc.add_options()("person", po::value(&person), "roster number (default: --as)")(
      "code", po::value(&code)->required(), "the one-time code from the card");
  po::positional_options_description pos;
  pos.add("code", 1);
  if (!parse_args("enroll", "[--person P] CODE", desc, args, pos)) return 0;
  if (person.empty()) person = ctx.as();
  if (!key_store::valid_person(person)) throw cli_error{"not a usable person number: " + person};
  auto key = crypto::secret_key::generate();
  session s = ctx.connect();
  auto enrolled = must(s, s.enroll(person, code, key), "enroll");
  if (auto saved = ctx.keys().save(person, key); !saved)
    throw cli_error{"enrolled, but the key could not be saved: " + saved.error().message()};
  if (auto pinned = ctx.keys().save_congress_key(person, s.hello().congress_pk); !pinned)
    throw cli_error{"enrolled, but the congress key could not be saved: " +
                    pinned.error().message()};
  auto auth = must(s, s.authenticate(key), "authentication");
  json::array roles;
  for (const auto& r : auth.roles) roles.emplace_back(r);
  ctx.print(json::object{{"person", enrolled.person},
                         {"device_pk", key.public_part().hex()},
                         {"roles", std::move(roles)}},
            "enrolled " + enrolled.person + " with device key " + key.public_part().hex());
  return 0;
}

int ping_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("ping options");
  if (!parse_args("ping", "", desc, args)) return 0;
  session s = ctx.connect();
  auto reply = must(s, s.call(protocol::ping_request{}), "ping");
  ctx.print(reply);
  return 0;
}

int state_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("state options");
  if (!parse_args("state", "", desc, args)) return 0;
  session s = ctx.connect_as();
  auto reply = must(s, s.call(protocol::get_state_request{}), "get_state");
  ctx.print(reply);
  return 0;
}

int status_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  po::options_description desc("status options");
  desc.add_options()("sitting", po::value(&sitting), "the sitting (default: the current one)");
  if (!parse_args("status", "[--sitting S]", desc, args)) return 0;
  session s = ctx.connect_as();
  protocol::get_my_status_request r;
  if (!sitting.empty()) r.sitting_id = sitting;
  auto reply = must(s, s.call(protocol::hall_request{r}), "get_my_status");
  ctx.print(reply);
  return 0;
}

int checkin_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  po::options_description desc("checkin options");
  desc.add_options()("sitting", po::value(&sitting)->required(), "the sitting");
  po::positional_options_description pos;
  pos.add("sitting", 1);
  if (!parse_args("checkin", "SITTING", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  auto seq = must(s, check_in(s, sitting, ctx.key_of(ctx.as())), "checkin");
  ctx.print(json::object{{"board_seq", seq}},
            ctx.as() + " checked in to " + sitting + " (board entry " + std::to_string(seq) + ")");
  return 0;
}

int vote_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  std::string choice;
  std::vector<std::string> approve;
  std::vector<std::string> disapprove;
  std::vector<std::string> grid;
  po::options_description desc("vote options");
  desc.add_options()("vote", po::value(&vote)->required(), "the open vote")(
      "choice", po::value(&choice), "a motion: for, against or abstain")(
      "approve", po::value(&approve), "election: candidate contests to approve (cand-0,cand-2)")(
      "disapprove", po::value(&disapprove), "election: candidate contests to disapprove")(
      "grid", po::value(&grid),
      "appraisal, confidence or satisfaction: contest=level,... "
      "(member-0=excellent,member-1=competent; item-0=satisfied)")(
      "mark", po::value(&grid), "any vote: contest=option,... (repeatable)");
  po::positional_options_description pos;
  pos.add("vote", 1);
  if (!parse_args("vote", "VOTE [--choice C | --approve L | --grid G | --mark M]", desc, args, pos))
    return 0;
  choice_spec spec;
  if (!choice.empty()) spec["motion"].push_back(choice);
  for (const auto& a : approve) add_option_marks(a, "approve", spec);
  for (const auto& d : disapprove) add_option_marks(d, "disapprove", spec);
  for (const auto& g : grid)
    if (!add_marks(g, spec)) throw cli_error{"marks are contest=option,...: " + g, 2};
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  auto it = board.votes.find(vote);
  if (it == board.votes.end()) throw cli_error{"no vote " + vote + " on the board"};
  auto choices = to_choices(it->second.manifest, spec);
  if (!choices) throw cli_error{"those marks do not make a valid ballot of " + vote, 2};
  auto cast = must(s, cast_vote(s, board, vote, ctx.key_of(ctx.as()), *choices), "cast_ballot");
  json::object out{{"vote_id", vote},
                   {"receipt", protocol::encode_receipt(cast.reply.receipt)},
                   {"tracking_code_display", cast.reply.tracking_code_display},
                   {"receipt_verified", true}};
  ctx.print(out, "ballot cast in " + vote + "; tracking code " + cast.reply.tracking_code_display +
                     " (receipt verified, board entry " +
                     std::to_string(cast.reply.receipt.board_seq) + ")");
  return 0;
}

int receipts_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("receipts options");
  if (!parse_args("receipts", "", desc, args)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  const auto my_pk = ctx.key_of(ctx.as()).public_part();
  json::array list;
  std::string text;
  for (const auto& id : board.vote_order) {
    const auto& v = board.votes.at(id);
    for (const auto& b : v.ballots) {
      if (b.person != ctx.as() && b.ballot.voter_pk != my_pk) continue;
      list.push_back(json::object{{"vote_id", id},
                                  {"tracking_code", crypto::to_hex(b.tracking_code)},
                                  {"display", crypto::tracking_code_display(b.tracking_code)},
                                  {"board_seq", b.seq},
                                  {"board_entry_hash", crypto::to_hex(b.entry_hash)},
                                  {"mine", b.ballot.voter_pk == my_pk}});
      text += id + "  " + crypto::tracking_code_display(b.tracking_code) + "  board entry " +
              std::to_string(b.seq) + "\n";
    }
  }
  if (!text.empty()) text.pop_back();
  ctx.print(json::object{{"person", ctx.as()}, {"receipts", std::move(list)}},
            text.empty() ? "no ballots on the board" : text);
  return 0;
}

int result_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  po::options_description desc("result options");
  desc.add_options()("vote", po::value(&vote)->required(), "the vote");
  po::positional_options_description pos;
  pos.add("vote", 1);
  if (!parse_args("result", "VOTE", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  auto it = board.votes.find(vote);
  if (it == board.votes.end()) throw cli_error{"no vote " + vote + " on the board"};
  const auto& v = it->second;
  json::object out{{"vote_id", vote},
                   {"kind", v.kind},
                   {"opened", v.opened},
                   {"closed", v.closed},
                   {"ballots", v.ballots.size()},
                   {"partials", v.partials},
                   {"decided", v.counts.has_value()}};
  json::array follow_ups;
  for (const auto& id : board.vote_order)
    if (board.votes.at(id).follow_up_of == vote) follow_ups.emplace_back(id);
  out["follow_ups"] = std::move(follow_ups);
  if (v.counts) {
    json::array counts;
    for (auto n : *v.counts) counts.emplace_back(n);
    out["counts"] = std::move(counts);
    out["outcome"] = json::parse(v.outcome_text);
    if (v.published_digest) out["result_digest"] = crypto::to_hex(*v.published_digest);
    json::array signed_by;
    for (const auto& [index, sig] : v.result_signatures) signed_by.emplace_back(index);
    out["signed_by"] = std::move(signed_by);
    out["announced"] = v.announcement.has_value();
  }
  ctx.print(out);
  return 0;
}

int keygen_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  po::options_description desc("keygen options");
  desc.add_options()("sitting", po::value(&sitting)->required(), "the sitting");
  po::positional_options_description pos;
  pos.add("sitting", 1);
  if (!parse_args("keygen", "SITTING", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  must(s, send_keygen(s, board, sitting, ctx.as(), ctx.key_of(ctx.as())), "keygen");
  ctx.print(json::object{{"sitting_id", sitting}, {"sent", true}},
            "keygen message of " + ctx.as() + " sent");
  return 0;
}

int open_shares_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  po::options_description desc("open-shares options");
  desc.add_options()("sitting", po::value(&sitting)->required(), "the sitting");
  po::positional_options_description pos;
  pos.add("sitting", 1);
  if (!parse_args("open-shares", "SITTING", desc, args, pos)) return 0;
  const std::string pin = ctx.pin();
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  bool complete = must(s,
                       open_shares_and_confirm(s, board, sitting, ctx.as(), ctx.key_of(ctx.as()),
                                               ctx.keys(), pin, ctx.pin_limits()),
                       "confirm_key");
  ctx.print(json::object{{"sitting_id", sitting}, {"confirmed", true}, {"complete", complete}},
            std::string("shares opened and checked, share sealed, keys confirmed") +
                (complete ? "; the ceremony is complete" : ""));
  return 0;
}

int decrypt_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  po::options_description desc("decrypt options");
  desc.add_options()("vote", po::value(&vote)->required(), "the closed vote");
  po::positional_options_description pos;
  pos.add("vote", 1);
  if (!parse_args("decrypt", "VOTE", desc, args, pos)) return 0;
  const std::string pin = ctx.pin();
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  auto reply =
      must(s, send_partial(s, board, vote, ctx.as(), ctx.key_of(ctx.as()), ctx.keys(), pin),
           "partial_decryption");
  ctx.print(json::object{{"vote_id", vote}, {"partials", reply.partials}, {"needed", reply.needed}},
            "partial decryption sent: " + std::to_string(reply.partials) + " of " +
                std::to_string(reply.needed) + " needed");
  return 0;
}

int sign_result_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  po::options_description desc("sign-result options");
  desc.add_options()("vote", po::value(&vote)->required(), "the decided vote");
  po::positional_options_description pos;
  pos.add("vote", 1);
  if (!parse_args("sign-result", "VOTE", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  const auto digest = must(s, check_result(board, vote), "checking the result");
  const auto seq =
      must(s, sign_result(s, board, vote, ctx.as(), ctx.key_of(ctx.as())), "sign_result");
  ctx.print(
      json::object{
          {"vote_id", vote}, {"result_digest", crypto::to_hex(digest)}, {"board_seq", seq}},
      "result of " + vote + " checked against the board and signed (" +
          crypto::to_hex(digest).substr(0, 16) + "…)");
  return 0;
}

}  // namespace

void add_person_commands(std::vector<command>& table) {
  table.push_back({"enroll", "make a device key and enroll it with a one-time code", enroll_cmd});
  table.push_back({"ping", "check the connection and read the server's clock", ping_cmd});
  table.push_back({"state", "the congress as --as may see it (get_state)", state_cmd});
  table.push_back({"status", "--as's roster entry, presence and receipts", status_cmd});
  table.push_back({"checkin", "delegate: check in to a sitting", checkin_cmd});
  table.push_back({"vote", "delegate: cast a ballot (encrypted here)", vote_cmd});
  table.push_back({"receipts", "delegate: own ballots as recorded on the board", receipts_cmd});
  table.push_back({"result", "a vote's record on the board: ballots, counts, outcome", result_cmd});
  table.push_back({"keygen", "scrutineer: deal and send the keygen message", keygen_cmd});
  table.push_back({"open-shares", "scrutineer: open own shares, check, seal, confirm the keys",
                   open_shares_cmd});
  table.push_back({"confirm", "scrutineer: the same as open-shares", open_shares_cmd});
  table.push_back(
      {"decrypt", "scrutineer: send a partial decryption of a closed vote", decrypt_cmd});
  table.push_back({"sign-result",
                   "scrutineer who decrypted: check a decided vote's result against the board "
                   "and sign it",
                   sign_result_cmd});
}

}  // namespace plenum::clients::cli
