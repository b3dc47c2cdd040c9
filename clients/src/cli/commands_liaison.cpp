// The liaison office's subcommands between sittings (代表联络办公室) and a delegate's own
// proposals: submit-proposal, accept-proposal, merge-proposal, convert-proposal,
// answer-proposal, rate-proposal, proposals; record-rectification, report-implementation,
// refresh-follow-up, follow-up.
#include "cli_context.hpp"

namespace plenum::clients::cli {

namespace json = boost::json;

namespace {

int submit_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::submit_proposal_request r;
  std::string co_signers;
  po::options_description desc("submit-proposal options");
  desc.add_options()("title", po::value(&r.title)->required(), "the proposal's title (one matter)")(
      "text", po::value(&r.text)->required(), "the proposal: the situation and what it asks")(
      "co-signers", po::value(&co_signers), "other delegates co-signing (D002,D003)")(
      "proposal", po::value(&r.proposal_id), "its id (default: the congress gives one)");
  if (!parse_args("submit-proposal", "--title T --text X [--co-signers D002,D003]", desc, args))
    return 0;
  r.co_signers = split_list(co_signers);
  return send_hall(ctx, r, {});
}

int accept_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::accept_proposal_request r;
  std::string deadline;
  po::options_description desc("accept-proposal options");
  desc.add_options()("proposal", po::value(&r.proposal_id)->required(), "the proposal")(
      "unit", po::value(&r.unit)->required(), "the handling unit it is assigned to")(
      "deadline", po::value(&deadline),
      "the answer's deadline, a working day YYYY-MM-DD (default: 6 months, rolled forward to a "
      "working day)");
  po::positional_options_description pos;
  pos.add("proposal", 1);
  if (!parse_args("accept-proposal", "PROPOSAL --unit U [--deadline YYYY-MM-DD]", desc, args, pos))
    return 0;
  if (!deadline.empty()) r.deadline = deadline;
  return send_hall(ctx, r, r.proposal_id + " accepted (立案), handled by " + r.unit);
}

int merge_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::merge_proposal_request r;
  po::options_description desc("merge-proposal options");
  desc.add_options()("proposal", po::value(&r.proposal_id)->required(), "the proposal to merge")(
      "into", po::value(&r.into)->required(),
      "the similar accepted proposal it follows (its proposer sees that one's answers)");
  po::positional_options_description pos;
  pos.add("proposal", 1);
  if (!parse_args("merge-proposal", "PROPOSAL --into OTHER", desc, args, pos)) return 0;
  return send_hall(ctx, r, r.proposal_id + " merged into " + r.into);
}

int convert_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::convert_proposal_request r;
  po::options_description desc("convert-proposal options");
  desc.add_options()("proposal", po::value(&r.proposal_id)->required(), "the proposal")(
      "reason", po::value(&r.reason)->required(),
      "why it becomes an opinion (转为意见建议; final)");
  po::positional_options_description pos;
  pos.add("proposal", 1);
  if (!parse_args("convert-proposal", "PROPOSAL --reason R", desc, args, pos)) return 0;
  return send_hall(ctx, r, r.proposal_id + " turned into an opinion");
}

int answer_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::answer_proposal_request r;
  std::string unit;
  po::options_description desc("answer-proposal options");
  desc.add_options()("proposal", po::value(&r.proposal_id)->required(), "the proposal")(
      "text", po::value(&r.text)->required(), "the handling unit's answer to the current round")(
      "unit", po::value(&unit), "the unit that answers (default: the assigned unit)");
  po::positional_options_description pos;
  pos.add("proposal", 1);
  if (!parse_args("answer-proposal", "PROPOSAL --text X [--unit U]", desc, args, pos)) return 0;
  if (!unit.empty()) r.unit = unit;
  return send_hall(ctx, r, r.proposal_id + " answered");
}

int rate_proposal_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::rate_proposal_request r;
  po::options_description desc("rate-proposal options");
  desc.add_options()("proposal", po::value(&r.proposal_id)->required(), "the proposal")(
      "rating", po::value(&r.rating)->required(),
      "satisfied (满意), basically_satisfied (基本满意) or unsatisfied (不满意: handled once "
      "more)");
  po::positional_options_description pos;
  pos.add("proposal", 1);
  if (!parse_args("rate-proposal", "PROPOSAL --rating R", desc, args, pos)) return 0;
  return send_hall(ctx, r, r.proposal_id + " rated " + r.rating);
}

int proposals_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("proposals options");
  if (!parse_args("proposals", "", desc, args)) return 0;
  return send_hall(ctx, protocol::get_proposals_request{}, {});
}

int record_rectification_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::record_rectification_request r;
  po::options_description desc("record-rectification options");
  desc.add_options()("vote", po::value(&r.vote_id)->required(),
                     "the decided democratic appraisal that raised the problem")(
      "member", po::value(&r.member)->required(), "the appraised member concerned")(
      "problem", po::value(&r.problem)->required(), "the problem to rectify")(
      "responsible", po::value(&r.responsible)->required(), "who is responsible for it")(
      "rectification", po::value(&r.rectification_id), "its id (default: the congress gives one)");
  if (!parse_args("record-rectification", "--vote V --member M --problem P --responsible R", desc,
                  args))
    return 0;
  return send_hall(ctx, r, {});
}

int report_implementation_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::report_implementation_request r;
  po::options_description desc("report-implementation options");
  desc.add_options()("subject", po::value(&r.subject)->required(), "resolution or rectification")(
      "id", po::value(&r.subject_id)->required(), "the resolution's or rectification item's id")(
      "status", po::value(&r.status)->required(),
      "not_started (未启动), in_progress (推进中), completed (已完成) or blocked (受阻)")(
      "text", po::value(&r.text)->required(), "what was done")(
      "date", po::value(&r.date)->required(), "the report's date, YYYY-MM-DD")(
      "reason", po::value(&r.reason), "why it is blocked (exactly when blocked)")(
      "report", po::value(&r.report_id), "its id (default: the congress gives one)");
  if (!parse_args("report-implementation",
                  "--subject resolution|rectification --id ID --status S --text X --date D "
                  "[--reason R]",
                  desc, args))
    return 0;
  return send_hall(ctx, r, {});
}

int refresh_follow_up_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::refresh_follow_up_request r;
  po::options_description desc("refresh-follow-up options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(),
                     "the annual meeting, before it opens");
  po::positional_options_description pos;
  pos.add("sitting", 1);
  if (!parse_args("refresh-follow-up", "SITTING", desc, args, pos)) return 0;
  return send_hall(ctx, r, "follow-up materials of " + r.sitting_id + " regenerated");
}

int follow_up_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("follow-up options");
  if (!parse_args("follow-up", "", desc, args)) return 0;
  return send_hall(ctx, protocol::get_follow_up_request{}, {});
}

}  // namespace

void add_liaison_commands(std::vector<command>& table) {
  table.push_back(
      {"submit-proposal", "delegate: submit a proposal (代表提案)", submit_proposal_cmd});
  table.push_back({"accept-proposal", "secretary: accept a proposal (立案) for a handling unit",
                   accept_proposal_cmd});
  table.push_back({"merge-proposal", "secretary: merge a proposal into a similar accepted one",
                   merge_proposal_cmd});
  table.push_back({"convert-proposal", "secretary: turn a proposal into an opinion, with reason",
                   convert_proposal_cmd});
  table.push_back(
      {"answer-proposal", "secretary: record the handling unit's answer", answer_proposal_cmd});
  table.push_back(
      {"rate-proposal", "proposer: rate the answer to their proposal", rate_proposal_cmd});
  table.push_back(
      {"proposals", "the proposals --as may see, with handling and deadlines", proposals_cmd});
  table.push_back({"record-rectification",
                   "secretary: a rectification item for a problem an appraisal raised",
                   record_rectification_cmd});
  table.push_back({"report-implementation",
                   "secretary: a report on a resolution or rectification item",
                   report_implementation_cmd});
  table.push_back({"refresh-follow-up",
                   "secretary: regenerate an annual meeting's follow-up materials",
                   refresh_follow_up_cmd});
  table.push_back({"follow-up", "secretary or chair: resolutions, rectification and their reports",
                   follow_up_cmd});
}

}  // namespace plenum::clients::cli
