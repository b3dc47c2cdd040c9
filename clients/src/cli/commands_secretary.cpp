// The secretary's subcommands: import-roster, acknowledge-warnings, issue-code,
// assisted-checkin, excuse, roster.
#include <fstream>
#include <sstream>

#include <plenum/clients/roles.hpp>

#include "cli_context.hpp"

namespace plenum::clients::cli {

namespace json = boost::json;

namespace {

int import_roster_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string file;
  protocol::import_roster_request r;
  po::options_description desc("import-roster options");
  desc.add_options()("csv", po::value(&file)->required(), "the roster CSV file")(
      "members", po::value(&r.members)->required(), "the party's membership")(
      "women", po::value(&r.women)->required(), "women among the members")(
      "minorities", po::value(&r.minority)->required(), "ethnic minorities among the members");
  po::positional_options_description pos;
  pos.add("csv", 1);
  if (!parse_args("import-roster", "CSV --members N --women N --minorities N", desc, args, pos))
    return 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw cli_error{"cannot read " + file};
  std::ostringstream text;
  text << in.rdbuf();
  r.csv = text.str();
  return send_hall(ctx, r, {});
}

int acknowledge_cmd(const context& ctx, const std::vector<std::string>& args) {
  po::options_description desc("acknowledge-warnings options");
  if (!parse_args("acknowledge-warnings", "", desc, args)) return 0;
  return send_hall(ctx, protocol::acknowledge_warnings_request{}, "warnings acknowledged");
}

int issue_code_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::vector<std::string> persons;
  po::options_description desc("issue-code options");
  desc.add_options()("person", po::value(&persons)->required()->multitoken(),
                     "roster numbers (one code each)");
  po::positional_options_description pos;
  pos.add("person", -1);
  if (!parse_args("issue-code", "PERSON...", desc, args, pos)) return 0;
  session s = ctx.connect_as();
  json::array codes;
  std::string text;
  for (const auto& p : persons) {
    auto reply = must(s, s.call(protocol::hall_request{protocol::issue_enrollment_code_request{p}}),
                      "issue_enrollment_code for " + p);
    auto* code = reply.if_contains("code");
    const std::string c =
        code != nullptr && code->is_string() ? std::string(code->as_string()) : "";
    codes.push_back(json::object{{"person", p}, {"code", c}});
    text += p + "," + c + "\n";
  }
  if (!text.empty()) text.pop_back();
  ctx.print(json::object{{"codes", std::move(codes)}}, text);
  return 0;
}

int assisted_checkin_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  std::string person;
  std::string reason;
  po::options_description desc("assisted-checkin options");
  desc.add_options()("sitting", po::value(&sitting)->required(), "the sitting")(
      "person", po::value(&person)->required(), "the delegate")(
      "reason", po::value(&reason)->required(), "why the secretary checks them in");
  if (!parse_args("assisted-checkin", "--sitting S --person P --reason R", desc, args)) return 0;
  session s = ctx.connect_as();
  auto board = must(s, read_board(s), "reading the board");
  auto seq = must(s, assisted_check_in(s, board, sitting, person, reason, ctx.key_of(ctx.as())),
                  "assisted_checkin");
  ctx.print(json::object{{"board_seq", seq}}, person + " checked in by " + ctx.as());
  return 0;
}

int excuse_cmd(const context& ctx, const std::vector<std::string>& args) {
  protocol::excuse_delegate_request r;
  po::options_description desc("excuse options");
  desc.add_options()("sitting", po::value(&r.sitting_id)->required(), "the sitting")(
      "person", po::value(&r.person)->required(), "the delegate")(
      "reason", po::value(&r.reason)->required(), "the reason")(
      "approver", po::value(&r.approver)->required(), "who approved the absence");
  if (!parse_args("excuse", "--sitting S --person P --reason R --approver A", desc, args)) return 0;
  return send_hall(ctx, r, r.person + " excused");
}

int roster_cmd(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  po::options_description desc("roster options");
  desc.add_options()("sitting", po::value(&sitting), "show presence at this sitting");
  if (!parse_args("roster", "[--sitting S]", desc, args)) return 0;
  protocol::get_roster_request r;
  if (!sitting.empty()) r.sitting_id = sitting;
  return send_hall(ctx, r, {});
}

}  // namespace

void add_secretary_commands(std::vector<command>& table) {
  table.push_back({"import-roster", "secretary: import the roster CSV", import_roster_cmd});
  table.push_back({"acknowledge-warnings", "secretary: accept the roster's composition warnings",
                   acknowledge_cmd});
  table.push_back(
      {"issue-code", "secretary: one-time enrollment codes (printed once)", issue_code_cmd});
  table.push_back({"assisted-checkin", "secretary: check a delegate in", assisted_checkin_cmd});
  table.push_back({"excuse", "chair or secretary: excuse a delegate's absence", excuse_cmd});
  table.push_back(
      {"roster", "secretary or chair: the roster with enrollment and presence", roster_cmd});
}

}  // namespace plenum::clients::cli
