// The verifier on the term's follow-up: the sitting's passed motion on a report adopted its
// resolution, which the clean record shows and plenum-verify checks; a malicious server that
// re-signs a changed chain is caught when a resolution names a vote that did not pass, when a
// passed motion lost its resolution, when a rectification item names a member no confidence
// vote flagged, when the roster changes while a sitting is open, and when a resolution decides
// a proposal that was never accepted (立案).
#include <gtest/gtest.h>

#include <memory>

#include "export/record_export.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "record_suite.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_report;

class follow_up_record : public record_suite<> {
 protected:
  static std::size_t index_of(const std::vector<protocol::board_event>& events,
                              const std::string& type) {
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].type == type) return i;
    ADD_FAILURE() << "no " << type;
    return 0;
  }
};

TEST_F(follow_up_record, ThePassedMotionsResolutionIsInTheCleanRecord) {
  const auto events = read_events(clean_);
  const auto i = index_of(events, "resolution_adopted");
  ASSERT_GT(i, 0u);
  EXPECT_EQ(events[i - 1].type, "vote_decided");
  EXPECT_EQ(payload_of(events[i]).at("vote_id").as_string(), "v1");
  const auto r = verify(clean_);
  EXPECT_TRUE(r.passed()) << dump(r);
  ASSERT_NE(r.find("resolutions"), nullptr) << dump(r);
  EXPECT_EQ(r.find("resolutions")->count, 1u);
}

TEST_F(follow_up_record, AResolutionOfAVoteThatDidNotPassFails) {
  const auto r = tampered("not-passed", [](auto& events) {
    // The resolution moved after the election's result and made to name it.
    const auto i = index_of(events, "resolution_adopted");
    auto forged = events[i];
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(i));
    auto p = payload_of(forged);
    p["vote_id"] = "v2";
    set_payload(forged, p);
    std::size_t decided = 0;
    for (std::size_t k = 0; k < events.size(); ++k)
      if (events[k].type == "vote_decided" && payload_of(events[k]).at("vote_id") == "v2")
        decided = k;
    ASSERT_GT(decided, 0u);
    events.insert(events.begin() + static_cast<std::ptrdiff_t>(decided) + 1, forged);
  });
  expect_fails(r, "resolutions", "its vote v2 did not pass");
}

TEST_F(follow_up_record, APassedMotionWithoutItsResolutionFails) {
  const auto r = tampered("dropped", [](auto& events) {
    events.erase(events.begin() +
                 static_cast<std::ptrdiff_t>(index_of(events, "resolution_adopted")));
  });
  expect_fails(r, "resolutions", "v1 passed on a resolution item without its resolution");
}

TEST_F(follow_up_record, ARectificationItemOfAMemberNoConfidenceVoteFlaggedFails) {
  const auto r = tampered("rectification", [](auto& events) {
    const auto i = index_of(events, "resolution_adopted");
    protocol::board_event forged = events[i];
    forged.type = "rectification_opened";
    set_payload(forged, json::object{{"rectification_id", "RC1"},
                                     {"origin", "confidence"},
                                     {"vote_id", "v1"},
                                     {"member", "王一"},
                                     {"problem", "不信任票超过三分之一"},
                                     {"responsible", "王一"},
                                     {"by", ""}});
    events.insert(events.begin() + static_cast<std::ptrdiff_t>(i) + 1, forged);
  });
  expect_fails(r, "rectification", "not a confidence vote");
}

TEST_F(follow_up_record, ARosterChangeWhileTheSittingIsOpenFails) {
  const auto r = tampered("roster-change", [](auto& events) {
    const auto i = index_of(events, "sitting_opened");
    protocol::board_event forged = events[i];
    forged.type = "delegate_left";
    set_payload(
        forged,
        json::object{
            {"person", "D010"}, {"reason", "调离本镇"}, {"date", "2026-03-01"}, {"by", "SE"}});
    events.insert(events.begin() + static_cast<std::ptrdiff_t>(i) + 1, forged);
  });
  expect_fails(r, "roster_changes", "while a sitting is open");
}

// The item of motion v1 made to carry proposal P9 of D001, submitted just before it and never
// accepted.
void put_unaccepted_proposal_on_v1s_item(std::vector<protocol::board_event>& events) {
  std::size_t item = 0;
  for (std::size_t k = 0; k < events.size(); ++k)
    if (events[k].type == "item_added" && payload_of(events[k]).at("item_id") == "i1") item = k;
  ASSERT_GT(item, 0u);
  auto p = payload_of(events[item]);
  p["proposal_id"] = "P9";
  set_payload(events[item], p);
  protocol::board_event submitted = events[item];
  submitted.type = "proposal_submitted";
  set_payload(submitted, json::object{{"proposal_id", "P9"},
                                      {"by", "D001"},
                                      {"title", "关于修缮村道的提案"},
                                      {"text", "建议修缮村道。"},
                                      {"unix_ms", 1'790'000'000'000}});
  events.insert(events.begin() + static_cast<std::ptrdiff_t>(item), submitted);
}

TEST_F(follow_up_record, AResolutionOnAnAcceptedProposalsItemDecidesIt) {
  // A record of its own: P1 accepted and handled, then put on the agenda and decided.
  sitting_record decided(10, false, true);
  const auto dir = decided.fresh_dir("clean");
  ASSERT_TRUE(server::record_export::export_data_dir(decided.data_dir(), dir));
  const auto events = read_events(dir);
  const auto i = index_of(events, "resolution_adopted");
  std::size_t last = i;
  for (std::size_t k = i + 1; k < events.size(); ++k)
    if (events[k].type == "resolution_adopted") last = k;
  EXPECT_EQ(payload_of(events[last]).at("item_id").as_string(), "i4");
  const auto r = verify(dir);
  EXPECT_TRUE(r.passed()) << dump(r);
  const auto* proposals = r.find("proposals");
  ASSERT_NE(proposals, nullptr) << dump(r);
  EXPECT_NE(proposals->detail.find("1 decided by the meeting"), std::string::npos)
      << proposals->detail;
  EXPECT_EQ(r.find("resolutions")->count, 2u);
}

TEST_F(follow_up_record, AResolutionDecidingAProposalNeverAcceptedFails) {
  const auto r = tampered("proposal-not-accepted", put_unaccepted_proposal_on_v1s_item);
  expect_fails(r, "proposals", "P9: decided by the meeting (resolution R1) but never accepted");
}

}  // namespace
}  // namespace plenum::verify_test
