// The chair's subcommands: sittings, check-in, agenda, votes and the key ceremony.
#include <plenum/clients/roles.hpp>

#include "cli_context.hpp"

namespace plenum::clients::cli {

namespace json = boost::json;

namespace {

// A subcommand that sends one sitting id (open-checkin, close-checkin, open-sitting, …).
template <typename Request>
command sitting_command(std::string name, std::string summary, std::string done) {
  return {name, std::move(summary),
          [name, done](const context& ctx, const std::vector<std::string>& args) {
            Request r;
            po::options_description desc(name + " options");
            desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the sitting");
            po::positional_options_description pos;
            pos.add("sitting", 1);
            if (!parse_args(name, "SITTING", desc, args, pos)) return 0;
            return send_hall(ctx, r, r.sitting_id + ": " + done);
          }};
}

// A subcommand that sends one vote id (open-vote, close-vote).
template <typename Request>
command vote_command(std::string name, std::string summary, std::string done) {
  return {name, std::move(summary),
          [name, done](const context& ctx, const std::vector<std::string>& args) {
            Request r;
            po::options_description desc(name + " options");
            desc.add_options()("vote", po::value(&r.vote_id)->required(), "the vote");
            po::positional_options_description pos;
            pos.add("vote", 1);
            if (!parse_args(name, "VOTE", desc, args, pos)) return 0;
            return send_hall(ctx, r, r.vote_id + ": " + done);
          }};
}

int create_sitting_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::create_sitting_request r;
  po::options_description desc("create-sitting options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the new sitting's id")(
      "title", po::value(&r.title)->required(), "its title")("date", po::value(&r.date)->required(),
                                                             "its date (YYYY-MM-DD)");
  if (!parse_args("create-sitting", "--sitting S --title T --date D", desc, args)) return 0;
  return send_hall(ctx, r, "sitting " + r.sitting_id + " created");
}

int add_item_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::add_item_request r;
  std::string proposal;
  po::options_description desc("add-item options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the sitting")(
      "item", po::value(&r.item_id)->required(), "the new item's id")(
      "kind", po::value(&r.kind)->required(),
      "report, major_matter, briefing, proposal, election, appraisal or other")(
      "title", po::value(&r.title)->required(), "its title")(
      "order", po::value(&r.order)->required(), "its place on the agenda")(
      "responsible", po::value(&r.responsible), "who answers for it (resolution items)")(
      "proposal", po::value(&proposal), "the delegate proposal (proposal items)");
  if (!parse_args("add-item", "--sitting S --item I --kind K --title T --order N", desc, args))
    return 0;
  if (!proposal.empty()) r.proposal_id = proposal;
  return send_hall(ctx, r, "item " + r.item_id + " added");
}

int set_current_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::set_current_item_request r;
  po::options_description desc("set-current options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the sitting")(
      "item", po::value(&r.item_id)->required(), "the item");
  if (!parse_args("set-current", "--sitting S --item I", desc, args)) return 0;
  return send_hall(ctx, r, "current item: " + r.item_id);
}

int create_vote_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::create_vote_request r;
  std::string candidates;
  std::string members;
  std::string subjects;
  po::options_description desc("create-vote options");
  desc.add_options()("vote", po::value(&r.vote_id)->required(), "the new vote's id")(
      "sitting", po::value(&r.sitting_id)->required(), "the sitting")(
      "item", po::value(&r.item_id)->required(), "its agenda item")(
      "kind", po::value(&r.kind)->required(),
      "motion, election, appraisal, confidence or satisfaction")(
      "title", po::value(&r.title)->required(), "its title")(
      "open-ballot", po::bool_switch(&r.open_ballot), "a named vote (procedural motions)")(
      "rule", po::value(&r.rule), "the decision rule's canonical text (default per kind)")(
      "seats", po::value(&r.seats), "election: seats to fill")(
      "candidates", po::value(&candidates), "election: candidates in stroke order (a,b,c)")(
      "uncontested", po::bool_switch(&r.uncontested), "election: as many candidates as seats")(
      "members", po::value(&members),
      "appraisal or confidence: the members (a,b,c); satisfaction: the items")(
      "alternative-scale", po::bool_switch(&r.alternative_scale),
      "appraisal: good / fairly-good / average / poor")(
      "subjects", po::value(&subjects),
      "satisfaction: what each item appraises, kind:id per item "
      "(resolution:r1,proposal:p2,rectification:rc1)");
  if (!parse_args("create-vote", "--vote V --sitting S --item I --kind K --title T ...", desc,
                  args))
    return 0;
  r.candidates = split_list(candidates);
  r.members = split_list(members);
  for (const auto& subject : split_list(subjects)) {
    const auto colon = subject.find(':');
    if (colon == std::string::npos)
      throw po::error("--subjects wants kind:id per item, not '" + subject + "'");
    r.subjects.push_back({subject.substr(0, colon), subject.substr(colon + 1)});
  }
  return send_hall(ctx, r, "vote " + r.vote_id + " created");
}

int start_ceremony_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::start_ceremony_request r;
  std::string scrutineers;
  po::options_description desc("start-ceremony options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the sitting")(
      "scrutineers", po::value(&scrutineers)->required(), "person numbers in order (a,b,c)")(
      "k", po::value(&r.k)->default_value(0), "threshold (0: the default)");
  if (!parse_args("start-ceremony", "--sitting S --scrutineers a,b,c --k K", desc, args)) return 0;
  r.scrutineers = split_list(scrutineers);
  return send_hall(ctx, r, "key ceremony started");
}

int announce_result_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  po::options_description desc("announce-result options");
  desc.add_options()("vote", po::value(&vote)->required(), "the decided vote");
  po::positional_options_description pos;
  pos.add("vote", 1);
  if (!parse_args("announce-result", "VOTE", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  const auto digest = must(s, check_result(board, vote), "checking the result");
  const auto seq =
      must(s, announce_result(s, board, vote, ctx.key_of(ctx.as())), "announce_result");
  ctx.print(
      json::object{
          {"vote_id", vote}, {"result_digest", crypto::to_hex(digest)}, {"board_seq", seq}},
      "result of " + vote + " announced");
  return 0;
}

}  // namespace

void add_chair_commands(std::vector<command>& table) {
  table.push_back({"create-sitting", "chair or secretary: create a sitting", create_sitting_cmd});
  table.push_back(sitting_command<protocol::open_checkin_request>(
      "open-checkin", "chair: open check-in", "check-in open"));
  table.push_back(sitting_command<protocol::close_checkin_request>(
      "close-checkin", "chair: close check-in", "check-in closed"));
  table.push_back(sitting_command<protocol::open_sitting_request>(
      "open-sitting", "chair: open the sitting (needs quorum)", "sitting open"));
  table.push_back(sitting_command<protocol::close_sitting_request>(
      "close-sitting", "chair: close the sitting", "sitting closed"));
  table.push_back({"add-item", "chair or secretary: add an agenda item", add_item_cmd});
  table.push_back({"set-current", "chair: make an item the current one", set_current_cmd});
  table.push_back({"create-vote", "chair: create a vote on an item", create_vote_cmd});
  table.push_back(
      vote_command<protocol::open_vote_request>("open-vote", "chair: open a vote", "vote open"));
  table.push_back(vote_command<protocol::close_vote_request>("close-vote", "chair: close a vote",
                                                             "vote closed"));
  table.push_back({"start-ceremony", "chair: appoint the scrutineers and start the key ceremony",
                   start_ceremony_cmd});
  table.push_back({"announce-result",
                   "chair: announce a decided vote's result once the scrutineers have signed it",
                   announce_result_cmd});
}

}  // namespace plenum::clients::cli
