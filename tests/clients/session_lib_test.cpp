// The client session library without a server: the key store (atomic owner-only files, names
// that cannot escape the directory, wiped and checked contents), marks into ballot choices,
// server addresses, enrollment code canonical form and error names.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <plenum/clients/key_store.hpp>
#include <plenum/clients/roles.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/crypto/manifest.hpp>
#include <plenum/crypto/random.hpp>

namespace plenum::clients {
namespace {

namespace fs = std::filesystem;

class key_store_test : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() /
           ("plenum-keys-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(key_store_test, SavesAndLoadsTheSameKeyOwnerOnly) {
  key_store store(dir_ / "keys");
  crypto::seeded_random random("key store test");
  const auto key = crypto::secret_key::generate(random);
  EXPECT_FALSE(store.contains("D-017"));
  ASSERT_TRUE(store.save("D-017", key));
  EXPECT_TRUE(store.contains("D-017"));
  auto loaded = store.load("D-017");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->public_part(), key.public_part());
  EXPECT_EQ(fs::status(dir_ / "keys" / "D-017.key").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(dir_ / "keys").permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_FALSE(fs::exists(dir_ / "keys" / "D-017.key.tmp"));
  // Replacing keeps one file with the new key.
  const auto other = crypto::secret_key::generate(random);
  ASSERT_TRUE(store.save("D-017", other));
  EXPECT_EQ(store.load("D-017")->public_part(), other.public_part());
}

TEST_F(key_store_test, RefusesNamesOutsideTheDirectoryAndBrokenFiles) {
  key_store store(dir_);
  const auto key = crypto::secret_key::generate();
  for (const char* bad : {"", "../x", "a/b", ".hidden", "a b", "ä"}) {
    EXPECT_FALSE(key_store::valid_person(bad)) << bad;
    EXPECT_FALSE(store.save(bad, key)) << bad;
    EXPECT_FALSE(store.load(bad)) << bad;
  }
  EXPECT_TRUE(key_store::valid_person("D001"));
  auto missing = store.load("D002");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), boost::system::errc::no_such_file_or_directory);
  fs::create_directories(dir_);
  std::ofstream(dir_ / "D003.key") << "not hex\n";
  auto broken = store.load("D003");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error(), errc::malformed_message);
  // A key whose public half does not match its seed is refused.
  auto bytes = key.bytes();
  bytes[40] ^= 1;
  std::ofstream(dir_ / "D004.key") << crypto::to_hex(bytes) << "\n";
  EXPECT_FALSE(store.load("D004"));
}

TEST_F(key_store_test, KeepsASealedShare) {
  key_store store(dir_);
  const crypto::byte_vector sealed{1, 2, 3, 250};
  ASSERT_TRUE(store.save_share("S1", sealed));
  auto back = store.load_share("S1");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, sealed);
  EXPECT_FALSE(store.load_share("S2"));
}

TEST_F(key_store_test, PinsTheCongressKeyBesideTheDeviceKey) {
  key_store store(dir_);
  const auto congress = crypto::secret_key::generate().public_part();
  auto missing = store.load_congress_key("D001");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), boost::system::errc::no_such_file_or_directory);
  ASSERT_TRUE(store.save_congress_key("D001", congress));
  auto back = store.load_congress_key("D001");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, congress);
  EXPECT_EQ(fs::status(dir_ / "D001.congress").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_FALSE(store.save_congress_key("../D001", congress));
  std::ofstream(dir_ / "D002.congress") << "not a key\n";
  auto broken = store.load_congress_key("D002");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error(), errc::malformed_message);
}

TEST(trust_error_test, EveryRefusalHasANameAMessageAndChineseAdvice) {
  for (int v = static_cast<int>(trust_errc::ceremony_incomplete);
       v <= static_cast<int>(trust_errc::receipt_not_on_board); ++v) {
    const boost::system::error_code ec = static_cast<trust_errc>(v);
    EXPECT_NE(trust_error_name(ec), "unknown") << v;
    EXPECT_FALSE(ec.message().empty()) << v;
    EXPECT_FALSE(trust_advice_zh(ec).empty()) << v;
  }
  EXPECT_EQ(trust_error_name(trust_errc::joint_key_mismatch), "joint_key_mismatch");
  EXPECT_EQ(trust_advice_zh(trust_errc::joint_key_mismatch),
            "本次表决的加密公钥与监票人生成的不一致，请勿投票并通知监票人");
  // Codes of other categories are not trust errors.
  EXPECT_EQ(trust_error_name(errc::vote_not_open), "unknown");
  EXPECT_TRUE(trust_advice_zh(errc::vote_not_open).empty());
}

TEST(choices_test, MarksBecomeTheChoiceMatrix) {
  const auto motion = crypto::motion_manifest("m1", "Budget", "Adopt");
  choice_spec spec;
  spec["motion"].push_back("against");
  auto c = to_choices(motion, spec);
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, (crypto::ballot_choices{{0, 1, 0}}));
  // A motion needs exactly one mark.
  EXPECT_EQ(to_choices(motion, {}).error(), errc::malformed_ballot);
  spec["motion"].push_back("for");
  EXPECT_EQ(to_choices(motion, spec).error(), errc::malformed_ballot);
  // Unknown contests and options are refused.
  EXPECT_FALSE(to_choices(motion, choice_spec{{"nope", {"for"}}}));
  EXPECT_FALSE(to_choices(motion, choice_spec{{"motion", {"maybe"}}}));
}

TEST(choices_test, ElectionApprovalsRespectTheSeats) {
  const std::vector<std::string> names{"A", "B", "C"};
  const auto election = crypto::election_manifest("e1", "Committee", names, 2);
  choice_spec spec;
  add_option_marks("cand-0,cand-2", "approve", spec);
  add_option_marks("cand-1", "disapprove", spec);
  auto c = to_choices(election, spec);
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, (crypto::ballot_choices{{1, 0}, {0, 1}, {1, 0}}));
  choice_spec over;
  add_option_marks("cand-0,cand-1,cand-2", "approve", over);
  EXPECT_FALSE(to_choices(election, over));
}

TEST(choices_test, GridMarks) {
  choice_spec spec;
  ASSERT_TRUE(add_marks("member-0=excellent,member-1=basic", spec));
  EXPECT_EQ(spec.at("member-0"), std::vector<std::string>{"excellent"});
  EXPECT_EQ(spec.at("member-1"), std::vector<std::string>{"basic"});
  EXPECT_FALSE(add_marks("member-0", spec));
  EXPECT_FALSE(add_marks("=x", spec));
  EXPECT_FALSE(add_marks("x=", spec));
}

TEST(session_helpers_test, ServerAddresses) {
  auto a = parse_server("plenum.local:9443");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "plenum.local");
  EXPECT_EQ(a->port, 9443);
  auto bare = parse_server("10.0.0.1");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->port, 8443);
  for (const char* bad : {"", ":80", "h:", "h:0", "h:70000", "h:8x"})
    EXPECT_FALSE(parse_server(bad)) << bad;
}

TEST(session_helpers_test, HallAddressesAsHelloListsThem) {
  server_address like;
  like.tls.trust_file = "/etc/plenum/hall.pem";
  like.timeout = std::chrono::milliseconds(1234);
  auto b = parse_hall_address("https://192.168.1.11:8443", like);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->host, "192.168.1.11");
  EXPECT_EQ(b->port, 8443);
  EXPECT_EQ(b->tls.trust_file, like.tls.trust_file) << "the hall's machines share one trust file";
  EXPECT_EQ(b->timeout, like.timeout);
  auto w = parse_hall_address("wss://hall-b.local:9443/", like);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->host, "hall-b.local");
  EXPECT_EQ(w->port, 9443);
  auto v6 = parse_hall_address("https://[fe80::1]:8443", like);
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "fe80::1");
  for (const char* bad :
       {"", "https://", "https://hall", "https://:8443", "https://h:0", "https://h:65536",
        "https://h:84x3", "https://u@h:8443", "https://h:8443/app"})
    EXPECT_FALSE(parse_hall_address(bad, like)) << bad;
}

TEST(session_helpers_test, EnrollmentCodesAndErrorNames) {
  EXPECT_EQ(canonical_enrollment_code("7k2m-q9xd 0pab-4tnv"), "7K2MQ9XD0PAB4TNV");
  EXPECT_EQ(canonical_enrollment_code("iLo0"), "1100");
  EXPECT_EQ(error_from_name("vote_not_open"), errc::vote_not_open);
  EXPECT_EQ(error_from_name("quorum_not_reached"), errc::quorum_not_reached);
  EXPECT_EQ(error_from_name("no_such_code"), errc::internal);
}

}  // namespace
}  // namespace plenum::clients
