#include "service/bootstrap.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <vector>

#include "domain/enrollment.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::server::service {

namespace {

std::string roles_text(const domain::role_set& roles) {
  std::string out;
  for (std::size_t i = 0; i < domain::role_count; ++i) {
    const auto r = static_cast<domain::role>(i);
    if (!roles.has(r)) continue;
    if (!out.empty()) out += ';';
    out += domain::to_string(r);
  }
  return out;
}

bool write_private_file(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = ::fchmod(fd, 0600) == 0;
  std::size_t done = 0;
  while (ok && done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0)
      ok = false;
    else
      done += static_cast<std::size_t>(n);
  }
  ok = ::fsync(fd) == 0 && ok;
  return ::close(fd) == 0 && ok;
}

}  // namespace

result<std::vector<issued_code>> bootstrap_roster(
    hall_service& hall, const std::string& csv, const domain::membership_totals& membership,
    const std::function<bool(const domain::person&)>& wanted,
    const std::filesystem::path& credentials) {
  const auto system = domain::actor::system();
  auto imported = hall.execute_and_wait(domain::import_roster{csv, membership}, system);
  if (!imported) return imported.error();
  std::vector<issued_code> codes;
  for (const auto& p : hall.persons()) {
    if (!wanted(p)) continue;
    auto code = domain::enrollment_code::generate(crypto::system_random());
    auto salt = domain::generate_salt(crypto::system_random());
    auto issued = hall.execute_and_wait(
        domain::issue_enrollment_code{p.number, code.printable(), crypto::to_hex(salt)}, system);
    if (!issued) return issued.error();
    codes.push_back({p.number, p.name, roles_text(p.roles), code.printable()});
  }
  std::string text = "# number\tname\troles\tenrollment code\n";
  for (const auto& c : codes)
    text += c.person + "\t" + c.name + "\t" + c.roles + "\t" + c.code + "\n";
  if (!write_private_file(credentials, text)) return errc::storage_failure;
  return codes;
}

std::string demo_roster_csv() {
  static constexpr std::array<const char*, 24> surnames = {
      "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"};
  static constexpr std::array<const char*, 20> given_f = {
      "秀英", "桂英", "秀兰", "玉兰", "丽",   "静",   "敏",   "婷", "芳", "燕",
      "红梅", "晓燕", "海燕", "丽华", "淑珍", "雪梅", "春花", "慧", "琳", "洁"};
  static constexpr std::array<const char*, 20> given_m = {
      "伟",   "强",   "磊",   "军",   "勇",   "杰",   "涛",   "明",   "超",   "刚",
      "建国", "建华", "志强", "国庆", "海涛", "文斌", "德明", "永福", "振华", "俊"};
  static constexpr std::array<const char*, 5> minorities = {"回族", "蒙古族", "壮族", "满族",
                                                            "苗族"};
  static constexpr std::array<const char*, 8> occupations = {
      "science", "education", "health", "farming", "worker", "cadre", "enterprise", "retired"};
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  auto name_of = [](std::size_t i, bool woman) {
    const std::size_t s = (i * 7 + 3) % surnames.size();
    const std::size_t g = (i * 11 + i / 3) % given_f.size();
    return std::string(surnames[s]) + (woman ? given_f[g] : given_m[g]);
  };
  auto pad = [](std::size_t i) {
    std::string n = std::to_string(i);
    while (n.size() < 3) n.insert(0, "0");
    return n;
  };
  for (std::size_t i = 1; i <= 120; ++i) {
    const bool woman = i % 5 < 2;  // 40 %
    const char* ethnicity = i % 12 == 0 ? minorities[(i / 12) % minorities.size()] : "汉族";
    std::string roles = "delegate";
    if (i % 24 == 7) roles += ";scrutineer";  // D007, D031, D055, D079, D103
    csv += "D" + pad(i) + "," + name_of(i, woman) + "," + (woman ? "女" : "男") + "," + ethnicity +
           "," + occupations[i % occupations.size()] + ",第" + std::to_string((i - 1) / 20 + 1) +
           "选区,第" + std::to_string((i - 1) / 10 + 1) + "代表组," + roles + ",no\n";
  }
  for (std::size_t i = 1; i <= 3; ++i)
    csv += "A" + pad(i) + "," + name_of(200 + i, i == 2) + "," + (i == 2 ? "女" : "男") +
           ",汉族,farming,第1选区,第1代表组,alternate,no\n";
  for (std::size_t i = 1; i <= 2; ++i)
    csv += "O" + pad(i) + "," + name_of(300 + i, i == 1) + "," + (i == 1 ? "女" : "男") +
           ",汉族,cadre,,,observer,no\n";
  csv += "CH," + name_of(400, false) + ",男,汉族,cadre,,,chair,no\n";
  csv += "SE," + name_of(401, true) + ",女,汉族,cadre,,,secretary,no\n";
  csv += "PR,大会堂投影,男,汉族,other,,,projector,no\n";
  return csv;
}

domain::membership_totals demo_membership() { return {2400, 840, 150}; }

result<void> create_demo_sitting(hall_service& hall) {
  const domain::actor chair{domain::actor::kind::person, "CH", {domain::role::chair}, std::nullopt};
  const std::vector<std::string> members = {"王建国", "李秀英", "张志强", "刘丽华",
                                            "陈海涛", "杨春花", "赵文斌"};
  domain::create_vote motion;
  motion.vote_id = "v1";
  motion.sitting_id = "s1";
  motion.item_id = "i1";
  motion.kind = "motion";
  motion.title = "关于党委工作报告的决议";
  domain::create_vote election;
  election.vote_id = "v2";
  election.sitting_id = "s1";
  election.item_id = "i2";
  election.kind = "election";
  election.title = "选举中共某镇第十四届委员会委员";
  election.seats = 5;
  election.candidates = {"丁卫国", "王芳", "田雨", "刘强", "李红梅", "张伟", "陈静"};
  domain::create_vote appraisal;
  appraisal.vote_id = "v3";
  appraisal.sitting_id = "s1";
  appraisal.item_id = "i3";
  appraisal.kind = "appraisal";
  appraisal.title = "民主评议党委领导班子成员";
  appraisal.members = members;
  domain::create_vote confidence;
  confidence.vote_id = "v4";
  confidence.sitting_id = "s1";
  confidence.item_id = "i3";
  confidence.kind = "confidence";
  confidence.title = "对党委书记的信任投票";
  confidence.members = {members.front()};
  const std::vector<domain::command> commands = {
      domain::create_sitting{"s1", "中共某镇第十四次代表大会第一次会议", "2026-12-01"},
      domain::add_item{"s1", "i1", "report", "审议党委工作报告", 1, "镇党委", ""},
      domain::add_item{"s1", "i2", "election", "选举新一届党委委员", 2, "", ""},
      domain::add_item{"s1", "i3", "appraisal", "民主评议党委领导班子成员", 3, "", ""},
      motion,
      election,
      appraisal,
      confidence,
  };
  for (const auto& cmd : commands) {
    auto done = hall.execute_and_wait(cmd, chair);
    if (!done) return done.error();
  }
  return {};
}

}  // namespace plenum::server::service
