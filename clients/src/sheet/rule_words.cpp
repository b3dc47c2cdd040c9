#include "plenum/clients/sheet/rule_words.hpp"

namespace plenum::clients::sheet {

namespace {

using protocol::denominator;
using protocol::threshold;

std::string base_words(denominator of) {
  switch (of) {
    case denominator::seated:
      return "应到人数";
    case denominator::present:
      return "实到人数";
    case denominator::ballots:
      return "投票数";
  }
  return "应到人数";
}

// "超过应到人数的 1/2 " or "达到应到人数的 2/3 及以上".
std::string line_words(const threshold& line) {
  const std::string fraction = std::to_string(line.num) + "/" + std::to_string(line.den);
  if (line.cmp == threshold::comparison::greater)
    return "超过" + base_words(line.of) + "的 " + fraction + " ";
  return "达到" + base_words(line.of) + "的 " + fraction + " 及以上";
}

}  // namespace

std::string rule_words(const protocol::decision_rule& rule) {
  std::string words;
  switch (rule.kind) {
    case protocol::vote_kind::motion:
      words = "赞成票" + line_words(rule.line) + "即为通过。";
      break;
    case protocol::vote_kind::election:
      words = "应选 " + std::to_string(rule.seats) + " 名；候选人赞成票" + line_words(rule.line) +
              "者当选；符合条件者多于应选名额时按赞成票多少依次确定，末位票数相同者另行选举；"
              "当选者不足应选名额时，对不足名额另行选举。";
      break;
    case protocol::vote_kind::appraisal:
      words = "按评议等次统计票数和百分比，不作决定。";
      break;
    case protocol::vote_kind::confidence:
      words = (rule.flag_option == "distrust" ? std::string("不信任票")
                                              : "“" + rule.flag_option + "”票") +
              line_words(rule.line) + "的成员予以标示。";
      break;
    case protocol::vote_kind::satisfaction:
      words =
          "满意票与基本满意票合计" + line_words(rule.line) + "的项目评定为满意，否则评定为不满意。";
      break;
  }
  return words + "百分比以投票数为基数。";
}

}  // namespace plenum::clients::sheet
