// `rehearse`: many people from one process, each on its own connection with its own key, in
// parallel threads: enroll from a code list, check in, vote from a plan. For rehearsals and
// the end-to-end tests (a hundred delegates without a hundred processes).
#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <plenum/clients/roles.hpp>

#include "cli_context.hpp"

namespace plenum::clients::cli {

namespace json = boost::json;

namespace {

// Lines of a file, without blank lines and '#' comments.
std::vector<std::string> read_lines(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw cli_error{"cannot read " + file};
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line.front() != '#') out.push_back(line);
  }
  return out;
}

// Runs job(i) for i in [0, count) on `parallel` threads; returns the failures' messages.
std::vector<std::string> run_parallel(std::size_t count, unsigned parallel,
                                      const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        job(i);
      } catch (const cli_error& e) {
        std::lock_guard lock(mutex);
        failures.push_back(e.message);
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        failures.push_back(e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::max(1U, parallel); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return failures;
}

int summarize(const context& ctx, const std::string& what, std::size_t count,
              const std::vector<std::string>& failures) {
  json::array errors;
  for (std::size_t i = 0; i < failures.size() && i < 20; ++i) errors.emplace_back(failures[i]);
  const std::size_t done = count - failures.size();
  ctx.print(json::object{{"done", done}, {"failed", failures.size()}, {"errors", errors}},
            what + ": " + std::to_string(done) + " done, " + std::to_string(failures.size()) +
                " failed" + (failures.empty() ? "" : " (first: " + failures.front() + ")"));
  return failures.empty() ? 0 : 1;
}

std::vector<std::string> persons_from(const std::string& list, const std::string& file) {
  std::vector<std::string> persons = split_list(list);
  if (!file.empty())
    for (auto& line : read_lines(file)) persons.push_back(line.substr(0, line.find(',')));
  if (persons.empty()) throw cli_error{"no persons given (--persons or --persons-file)", 2};
  return persons;
}

int rehearse_enroll(const context& ctx, const std::vector<std::string>& args) {
  std::string codes;
  unsigned parallel = 4;
  po::options_description desc("rehearse enroll options");
  desc.add_options()("codes", po::value(&codes)->required(),
                     "file of PERSON,CODE lines (the output of issue-code)")(
      "parallel", po::value(&parallel)->default_value(4), "threads");
  if (!parse_args("rehearse enroll", "--codes FILE", desc, args)) return 0;
  auto lines = read_lines(codes);
  auto failures = run_parallel(lines.size(), parallel, [&](std::size_t i) {
    const auto& line = lines[i];
    const auto comma = line.find(',');
    if (comma == std::string::npos) throw cli_error{"not PERSON,CODE: " + line};
    const std::string person = line.substr(0, comma);
    const std::string code = line.substr(comma + 1);
    if (!key_store::valid_person(person)) throw cli_error{"bad person number: " + person};
    auto key = crypto::secret_key::generate();
    session s = ctx.connect();
    must(s, s.enroll(person, code, key), "enroll " + person);
    if (!ctx.keys().save(person, key)) throw cli_error{"cannot save the key of " + person};
    if (!ctx.keys().save_congress_key(person, s.hello().congress_pk))
      throw cli_error{"cannot save the congress key of " + person};
    s.close();
  });
  return summarize(ctx, "enrolled", lines.size(), failures);
}

int rehearse_checkin(const context& ctx, const std::vector<std::string>& args) {
  std::string sitting;
  std::string list;
  std::string file;
  unsigned parallel = 4;
  po::options_description desc("rehearse checkin options");
  desc.add_options()("sitting", po::value(&sitting)->required(), "the sitting")(
      "persons", po::value(&list), "a,b,c")("persons-file", po::value(&file),
                                            "one person per line (first CSV column)")(
      "parallel", po::value(&parallel)->default_value(4), "threads");
  if (!parse_args("rehearse checkin", "--sitting S --persons a,b,c", desc, args)) return 0;
  auto persons = persons_from(list, file);
  auto failures = run_parallel(persons.size(), parallel, [&](std::size_t i) {
    session s = ctx.connect_as(persons[i]);
    (void)must(s, check_in(s, sitting, ctx.key_of(persons[i])), "checkin " + persons[i]);
    s.close();
  });
  return summarize(ctx, "checked in", persons.size(), failures);
}

int rehearse_vote(const context& ctx, const std::vector<std::string>& args) {
  std::string vote;
  std::string plan;
  std::string receipts;
  unsigned parallel = 4;
  po::options_description desc("rehearse vote options");
  desc.add_options()("vote", po::value(&vote)->required(), "the open vote")(
      "plan", po::value(&plan)->required(),
      "file of 'PERSON contest=option,...' lines (an empty mark list: '-')")(
      "receipts", po::value(&receipts),
      "append 'PERSON VOTE TRACKING_CODE BOARD_SEQ ENTRY_HASH SIGNATURE' per verified receipt")(
      "parallel", po::value(&parallel)->default_value(4), "threads");
  if (!parse_args("rehearse vote", "--vote V --plan FILE [--receipts FILE]", desc, args)) return 0;
  auto lines = read_lines(plan);
  std::ofstream out;
  if (!receipts.empty()) {
    out.open(receipts, std::ios::app);
    if (!out) throw cli_error{"cannot write " + receipts};
  }
  std::mutex out_mutex;
  if (lines.empty()) throw cli_error{"the plan is empty", 2};
  std::optional<board_record> read;
  {
    session s = ctx.connect_as(lines.front().substr(0, lines.front().find(' ')));
    read = must(s, read_board(s), "reading the board");
  }
  const board_record& board = *read;
  auto it = board.votes.find(vote);
  if (it == board.votes.end()) throw cli_error{"no vote " + vote + " on the board"};
  const crypto::manifest& manifest = it->second.manifest;
  auto failures = run_parallel(lines.size(), parallel, [&](std::size_t i) {
    std::istringstream line(lines[i]);
    std::string person;
    std::string marks;
    line >> person >> marks;
    choice_spec spec;
    if (marks != "-" && !add_marks(marks, spec)) throw cli_error{"bad marks: " + lines[i]};
    auto choices = to_choices(manifest, spec);
    if (!choices) throw cli_error{"not a valid ballot: " + lines[i]};
    session s = ctx.connect_as(person);
    auto cast =
        must(s, cast_vote(s, board, vote, ctx.key_of(person), *choices), "cast_ballot " + person);
    if (out.is_open()) {
      std::lock_guard lock(out_mutex);
      out << person << ' ' << vote << ' ' << crypto::to_hex(cast.reply.receipt.tracking_code) << ' '
          << cast.reply.receipt.board_seq << ' '
          << crypto::to_hex(cast.reply.receipt.board_entry_hash) << ' '
          << cast.reply.receipt.sig.hex() << std::endl;
    }
    s.close();
  });
  return summarize(ctx, "voted", lines.size(), failures);
}

int rehearse_cmd(const context& ctx, const std::vector<std::string>& args) {
  const std::string action = args.empty() ? "" : args.front();
  std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
  if (action == "enroll") return rehearse_enroll(ctx, rest);
  if (action == "checkin") return rehearse_checkin(ctx, rest);
  if (action == "vote") return rehearse_vote(ctx, rest);
  ctx.out() << "usage: plenum-cli [global options] rehearse enroll|checkin|vote [options]\n"
               "  enroll  --codes FILE                 enroll everyone of a PERSON,CODE list\n"
               "  checkin --sitting S --persons a,b    check many delegates in\n"
               "  vote    --vote V --plan FILE         cast many ballots from a plan\n"
               "each takes --parallel N and --help\n";
  return action.empty() || action == "--help" || action == "-h" ? 0 : 2;
}

}  // namespace

void add_rehearse_commands(std::vector<command>& table) {
  table.push_back(
      {"rehearse", "many people from one process: enroll, checkin, vote", rehearse_cmd});
}

}  // namespace plenum::clients::cli
