#include "township_history.hpp"

#include <memory>
#include <stdexcept>

#include "domain/enrollment.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "service/bootstrap.hpp"
#include "service/hall_service.hpp"

namespace plenum::test {

namespace {

namespace domain = server::domain;
namespace service = server::service;

std::string roster_csv() {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= 10; ++i)
    csv += "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",代表" + std::to_string(i) +
           "," + (i % 2 == 0 ? "女" : "男") + "," + (i == 10 ? "回族" : "汉族") + "," +
           occupations[i % 4] + ",U1,G1,delegate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  return csv;
}

crypto::secret_key key_of(const std::string& township, const std::string& person) {
  crypto::seeded_random random("township history " + township + " " + person);
  return crypto::secret_key::generate(random);
}

void must(const result<boost::json::object>& r, const std::string& step) {
  if (!r) throw std::runtime_error(step + ": " + r.error().message());
}

// Enrolls `key` for `person` with the code the roster's import issued.
void enroll(service::hall_service& hall, const std::string& congress, const std::string& person,
            const std::string& code, const crypto::secret_key& key) {
  auto parsed = domain::enrollment_code::parse(code);
  if (!parsed) throw std::runtime_error("unreadable code of " + person);
  const auto pk = key.public_part();
  domain::enroll_device cmd{person, code, pk,
                            key.sign(domain::enrollment_digest(congress, person, *parsed, pk)),
                            key.sign(crypto::possession_digest(congress, person, pk))};
  must(hall.execute_and_wait(cmd, domain::actor::device()), "enroll " + person);
}

}  // namespace

township_history write_township_history(const std::filesystem::path& data_dir,
                                        const std::string& id, const std::string& name,
                                        const std::string& title, bool issue_report) {
  service::hall_config config;
  config.data_dir = data_dir;
  config.congress_id = id;
  config.congress_name = name;
  config.clock = std::make_shared<domain::manual_clock>(history_day_ms);
  std::filesystem::create_directories(data_dir);
  auto opened = service::hall_service::open(config);
  if (!opened) throw std::runtime_error("open " + id + ": " + opened.error().message);
  auto& hall = **opened;
  auto codes = service::bootstrap_roster(
      hall, roster_csv(), domain::membership_totals{100, 40, 5},
      [](const domain::person& p) { return p.number == "SE" || p.number == "D001"; },
      data_dir / "bootstrap-credentials.txt");
  if (!codes) throw std::runtime_error("roster of " + id + ": " + codes.error().message());
  township_history h{key_of(id, "SE"), key_of(id, "D001"), "", title, "2026-10-23", ""};
  for (const auto& c : *codes)
    enroll(hall, id, c.person, c.code, c.person == "SE" ? h.secretary : h.delegate);

  const auto persons = hall.persons();
  auto roles_of = [&](const std::string& number) {
    for (const auto& p : persons)
      if (p.number == number) return p.roles;
    throw std::runtime_error("no " + number + " on the roster of " + id);
  };
  auto submitted = hall.execute_and_wait(
      domain::submit_proposal{"", title, title + "：请有关部门研究解决。"},
      domain::actor::person("D001", roles_of("D001"), h.delegate.public_part()));
  must(submitted, "submit the proposal of " + id);
  const auto* pid = submitted->if_contains("proposal_id");
  if (pid == nullptr || !pid->is_string()) throw std::runtime_error("no proposal id in the reply");
  h.proposal_id = std::string(pid->as_string());
  must(
      hall.execute_and_wait(domain::accept_proposal{h.proposal_id, "交通运输局", h.deadline},
                            domain::actor::person("SE", roles_of("SE"), h.secretary.public_part())),
      "accept the proposal of " + id);
  if (issue_report) {
    must(hall.execute_and_wait(
             domain::issue_monthly_report{"2026-09"},
             domain::actor::person("SE", roles_of("SE"), h.secretary.public_part())),
         "issue the monthly report of " + id);
    h.report_month = "2026-09";
  }
  if (auto ec = hall.flush()) throw std::runtime_error("flush " + id + ": " + ec.message());
  return h;
}

}  // namespace plenum::test
