// A full disk under a sitting: plenumd's data directory lives on a small filesystem the test
// makes (a tmpfs mount; a loop-mounted ext4 image where tmpfs cannot be mounted), a ballast
// file fills it, and delegates cast ballots until a commit fails. Where neither can be mounted,
// plenumd's file-size limit (RLIMIT_FSIZE, set from outside with prlimit) stops its writes
// instead, as a full disk would (EFBIG). PLENUM_STORAGE_FAULT=tmpfs|ext4|rlimit picks one. That
// delegate gets storage_unavailable and no receipt, every earlier receipt stays on the board, reads
// keep working; once the ballast is deleted the hall takes ballots again without a restart, the
// decrypted counts equal the receipted ballots, and a restart replays the log cleanly.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "motion_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenumd_process.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr auto start_timeout = 120s;
constexpr int delegates = 10;

constexpr const char* key_seed = "storage fault test";

// A small filesystem of the test's own at `dir`: tmpfs, or else a loop-mounted ext4 image.
// Unmounted on destruction. `kind()` says which one it is; empty when neither could be made
// (or PLENUM_STORAGE_FAULT=rlimit asked for none).
class small_filesystem {
 public:
  small_filesystem(const std::filesystem::path& dir, const std::filesystem::path& image)
      : dir_(dir) {
    std::filesystem::create_directories(dir);
    const char* wanted_env = std::getenv("PLENUM_STORAGE_FAULT");
    const std::string wanted = wanted_env != nullptr ? wanted_env : "";
    std::string tmpfs_error = "not tried";
    if (wanted.empty() || wanted == "tmpfs") {
      if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=8m,mode=0700") == 0) {
        kind_ = "tmpfs";
        mounted_ = true;
        return;
      }
      tmpfs_error = std::strerror(errno);
    }
    if (wanted.empty() || wanted == "ext4") {
      const std::string make = "truncate -s 16M '" + image.string() + "' && mkfs.ext4 -q -F '" +
                               image.string() + "' && mount -o loop '" + image.string() + "' '" +
                               dir.string() + "'";
      if (std::system(make.c_str()) == 0) {
        kind_ = "loop-mounted ext4";
        mounted_ = true;
        return;
      }
    }
    error_ = "tmpfs: " + tmpfs_error + "; loop ext4: not mounted";
  }
  ~small_filesystem() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  small_filesystem(const small_filesystem&) = delete;
  small_filesystem& operator=(const small_filesystem&) = delete;
  [[nodiscard]] const std::string& kind() const { return kind_; }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  std::filesystem::path dir_;
  std::string kind_;
  std::string error_;
  bool mounted_ = false;
};

// plenumd's file-size limit, set from outside: writes beyond `bytes` fail with EFBIG.
bool limit_file_size(pid_t pid, rlim_t bytes) {
  const rlimit limit{bytes, RLIM_INFINITY};
  return ::prlimit(pid, RLIMIT_FSIZE, &limit, nullptr) == 0;
}

// Writes `path` until the filesystem is full; returns the bytes written.
std::uintmax_t fill_with_ballast(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::setvbuf(f, nullptr, _IONBF, 0);
  const std::string block(4096, 'b');
  std::uintmax_t written = 0;
  for (;;) {
    const std::size_t n = std::fwrite(block.data(), 1, block.size(), f);
    written += n;
    if (n < block.size()) break;
  }
  std::fclose(f);
  return written;
}

struct cast_outcome {
  hall_reply reply;
  std::string tracking_hex;
};

class storage_fault_test : public ::testing::Test {
 protected:
  void start() {
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, data(), dir_.path() / "plenumd.log",
        std::vector<std::string>{"--congress-id", "fault-congress", "--roster",
                                 (dir_.path() / "roster.csv").string(), "--membership",
                                 "100,40,5"});
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(dir_.path() / "plenumd.log");
    port_ = *port;
  }
  [[nodiscard]] std::filesystem::path mount_point() const { return dir_.path() / "small"; }
  [[nodiscard]] std::filesystem::path data() const { return mount_point() / "data"; }

  hall_client as(const std::string& person) {
    hall_client c(port_);
    auto a = c.auth(keys_.at(person));
    EXPECT_TRUE(a.ok()) << person << " " << a.code();
    return c;
  }

  temp_dir dir_;
  std::unique_ptr<plenumd_process> server_;
  std::uint16_t port_ = 0;
  std::map<std::string, crypto::secret_key> keys_;
};

TEST_F(storage_fault_test, FullDiskDuringBallotsRefusesThatBallotAndTheHallResumes) {
  small_filesystem fs(mount_point(), dir_.path() / "small.img");
  const bool rlimit_fallback = fs.kind().empty();
  const std::string how = rlimit_fallback ? "file-size limit (RLIMIT_FSIZE) on plenumd"
                                          : fs.kind() + " filled by a ballast file";
  if (rlimit_fallback) {
    std::cout << "[ filesystem ] no small filesystem (" << fs.error() << ")\n";
    ::signal(SIGXFSZ, SIG_IGN);  // inherited by plenumd: a write past the limit fails (EFBIG)
  }
  std::cout << "[ full disk  ] made by a " << how << "\n";
  RecordProperty("full_disk", how);
  std::filesystem::create_directories(data());
  std::ofstream(dir_.path() / "roster.csv") << motion_roster_csv(delegates);
  start();

  // The sitting: roster, enrollment, check-in, a motion, the key ceremony, the vote open.
  motion_sitting sitting;
  ASSERT_NO_FATAL_FAILURE(
      open_motion_sitting(port_, data(), "fault-congress", delegates, key_seed, sitting));
  keys_ = sitting.keys;
  auto se = as("SE");
  auto& ch = *sitting.chair;
  auto& hall = sitting.delegates;
  auto& scrutineers = sitting.scrutineers;
  const auto& basis = sitting.basis;
  const auto congress_pk = ch.hello().congress_pk;
  // Delegate i votes for when i is odd, against when even; `round` makes another ballot.
  auto cast = [&](int i, const std::string& round) {
    const std::string d = motion_delegate(i);
    const crypto::ballot_choices choices = {
        {static_cast<std::uint8_t>(i % 2), static_cast<std::uint8_t>(1 - i % 2), 0}};
    crypto::seeded_random br("ballot " + d + round);
    auto b = crypto::make_ballot(basis->manifest, basis->election_hash, basis->joint_key,
                                 keys_.at(d), choices, br);
    EXPECT_TRUE(b);
    const auto tracking =
        crypto::tracking_code(crypto::ballot_digest(*b, basis->election_hash), b->sig);
    return cast_outcome{hall.at(i).call("cast_ballot", {{"vote_id", "v1"},
                                                        {"ballot", protocol::encode_ballot(*b)}}),
                        crypto::to_hex(tracking)};
  };
  std::map<int, protocol::receipt> receipts;  // by delegate
  auto keep_receipt = [&](int i, const cast_outcome& c) {
    ASSERT_TRUE(c.reply.ok()) << motion_delegate(i) << " " << c.reply.code();
    auto receipt = protocol::decode_receipt(c.reply.fields.at("receipt"));
    ASSERT_TRUE(receipt);
    EXPECT_EQ(crypto::to_hex(receipt->tracking_code), c.tracking_hex);
    EXPECT_TRUE(
        congress_pk.verify(crypto::receipt_digest(receipt->tracking_code, receipt->board_seq,
                                                  receipt->board_entry_hash),
                           receipt->sig));
    receipts.insert_or_assign(i, *receipt);
  };
  for (int i = 1; i <= 3; ++i) keep_receipt(i, cast(i, ""));

  // The board as a reader sees it: the chain checks, and the tracking codes of the ballots.
  auto board_tracking_codes = [&](hall_client& c) {
    std::multiset<std::string> codes;
    auto page = c.call("get_board", {{"from_seq", 0}, {"limit", 500}});
    EXPECT_TRUE(page.ok()) << page.code();
    crypto::digest32 prev = crypto::genesis_hash;
    std::uint64_t seq = 0;
    for (const auto& e : page.fields.at("events").as_array()) {
      auto ev = protocol::decode_board_event(e);
      EXPECT_TRUE(ev);
      if (!ev) continue;
      EXPECT_EQ(ev->seq, seq++);
      EXPECT_EQ(ev->prev_hash, prev);
      EXPECT_TRUE(congress_pk.verify(ev->entry_hash, ev->sig));
      prev = ev->entry_hash;
      for (const auto& [i, r] : receipts)
        if (r.board_seq == ev->seq) {
          EXPECT_EQ(r.board_entry_hash, ev->entry_hash) << motion_delegate(i);
        }
      if (ev->type == "ballot_accepted")
        codes.insert(str(json::parse(ev->payload).as_object(), "tracking_code"));
    }
    return codes;
  };
  auto received = [&](hall_client& c) -> std::int64_t {
    const auto v = vote_view(c, "v1");
    return v.contains("received") ? v.at("received").to_number<std::int64_t>() : -1;
  };
  ASSERT_EQ(received(ch), 3);

  // The disk fills up: delegates 4, 5, … cast until a commit fails.
  const auto ballast = mount_point() / "ballast";
  if (rlimit_fallback) {
    const auto wal = std::filesystem::file_size(data() / "events.db-wal");
    ASSERT_TRUE(limit_file_size(server_->pid(), static_cast<rlim_t>(wal)));
  } else {
    const auto ballast_bytes = fill_with_ballast(ballast);
    ASSERT_GT(ballast_bytes, 0u);
    std::cout << "[ ballast    ] " << ballast_bytes << " bytes fill the " << fs.kind() << "\n";
  }
  int refused = 0;
  cast_outcome refusal;
  for (int i = 4; i <= delegates - 2 && refused == 0; ++i) {
    auto c = cast(i, "");
    if (c.reply.ok()) {
      keep_receipt(i, c);
    } else {
      refused = i;
      refusal = c;
    }
  }
  ASSERT_NE(refused, 0) << "every ballot was stored although the disk is full";
  std::cout << "[ full disk  ] " << motion_delegate(refused)
            << "'s ballot was the first refused, after " << receipts.size() << " receipts\n";
  EXPECT_EQ(refusal.reply.type, "error");
  EXPECT_EQ(refusal.reply.code(), "storage_unavailable");
  EXPECT_EQ(str(refusal.reply.fields, "category"), "unavailable");
  EXPECT_FALSE(refusal.reply.fields.contains("receipt"));

  // Reads keep working and show only durable events: every receipt is on the board, the
  // refused ballot is not, and the state counts only the receipted ballots.
  hall_client anon(port_);
  {
    const auto codes = board_tracking_codes(anon);
    for (const auto& [i, r] : receipts)
      EXPECT_EQ(codes.count(crypto::to_hex(r.tracking_code)), 1u) << motion_delegate(i);
    EXPECT_EQ(codes.count(refusal.tracking_hex), 0u);
    EXPECT_EQ(codes.size(), receipts.size());
  }
  EXPECT_EQ(received(anon), static_cast<std::int64_t>(receipts.size()));
  EXPECT_EQ(received(ch), static_cast<std::int64_t>(receipts.size()));
  {
    auto mine = hall.at(refused).call("get_my_status", {{"sitting_id", "s1"}});
    ASSERT_TRUE(mine.ok()) << mine.code();
    EXPECT_EQ(json::serialize(mine.fields).find(refusal.tracking_hex), std::string::npos);
  }

  // While the disk stays full, trying again gets the same error, quickly.
  {
    const auto t0 = std::chrono::steady_clock::now();
    auto again = cast(refused, "again");
    EXPECT_EQ(again.reply.code(), "storage_unavailable");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
    std::this_thread::sleep_for(2500ms);  // past the longest pause: the database is tried again
    auto probe = cast(refused, "probe");
    EXPECT_EQ(probe.reply.code(), "storage_unavailable");
  }
  EXPECT_EQ(received(anon), static_cast<std::int64_t>(receipts.size()));

  // Room again: no restart, the next ballots are taken (after the pause, at most 2 s).
  if (rlimit_fallback)
    ASSERT_TRUE(limit_file_size(server_->pid(), RLIM_INFINITY));
  else
    std::filesystem::remove(ballast);
  std::this_thread::sleep_for(2500ms);
  const auto fresh = cast(refused, "after the fault");
  keep_receipt(refused, fresh);
  for (int i = refused + 1; i <= delegates; ++i) keep_receipt(i, cast(i, ""));
  ASSERT_EQ(receipts.size(), static_cast<std::size_t>(delegates));
  {
    const auto codes = board_tracking_codes(anon);
    for (const auto& [i, r] : receipts)
      EXPECT_EQ(codes.count(crypto::to_hex(r.tracking_code)), 1u) << motion_delegate(i);
    EXPECT_EQ(codes.count(refusal.tracking_hex), 0u);
    EXPECT_EQ(codes.size(), receipts.size());
  }
  EXPECT_EQ(received(ch), delegates);

  // The counts after decryption are those of the receipted ballots.
  ASSERT_TRUE(ch.call("close_vote", {{"vote_id", "v1"}}).ok());
  for (const auto& r : scrutineers->decrypt("v1", basis->election_hash, {1, 3}))
    ASSERT_TRUE(r.ok()) << r.code();
  const json::array counts = vote_view(ch, "v1").at("counts").as_array();
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].to_number<std::int64_t>(), (delegates + 1) / 2);  // odd delegates: for
  EXPECT_EQ(counts[1].to_number<std::int64_t>(), delegates / 2);        // even: against
  EXPECT_EQ(counts[2].to_number<std::int64_t>(), 0);

  // A restart replays the log cleanly: the same state and board, the receipts still cited.
  const std::string state_before = json::serialize(ch.call("get_state").fields);
  const std::string board_before =
      json::serialize(se.call("get_board", {{"from_seq", 0}, {"limit", 500}}).fields);
  hall.clear();
  scrutineers.reset();
  ASSERT_EQ(server_->stop(SIGTERM, 60s), 0);
  start();
  auto ch2 = as("CH");
  EXPECT_EQ(json::serialize(ch2.call("get_state").fields), state_before);
  auto se2 = as("SE");
  EXPECT_EQ(json::serialize(se2.call("get_board", {{"from_seq", 0}, {"limit", 500}}).fields),
            board_before);
  const std::string log = read_file(dir_.path() / "plenumd.log");
  // SQLITE_FULL (13) on a full filesystem; an I/O error (10, extended) past a file-size limit.
  EXPECT_NE(log.find(rlimit_fallback ? "disk I/O error" : "disk is full (extended code 13)"),
            std::string::npos)
      << log;
  EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
  server_.reset();
}

// Whether the immutable flag stops writes through a file descriptor opened before it was set,
// in `dir` (ext4 does; tmpfs does not).
bool immutable_stops_writes(const std::filesystem::path& dir) {
  const auto probe = dir / "immutable-probe";
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  if (f == nullptr) return false;
  std::setvbuf(f, nullptr, _IONBF, 0);
  const bool set = std::system(("chattr +i '" + probe.string() + "'").c_str()) == 0;
  const bool refused = set && std::fwrite("x", 1, 1, f) != 1;
  std::fclose(f);
  if (set) (void)std::system(("chattr -i '" + probe.string() + "'").c_str());
  std::filesystem::remove(probe);
  return refused;
}

// Makes the event log's files immutable (read-only even for root, also through the file
// descriptors plenumd holds open), or writable again.
bool set_immutable(const std::filesystem::path& data, bool on) {
  const std::string flag = on ? "+i" : "-i";
  return std::system(("chattr " + flag + " '" + (data / "events.db").string() + "' '" +
                      (data / "events.db-wal").string() + "'")
                         .c_str()) == 0;
}

TEST_F(storage_fault_test, ReadOnlyDatabaseRefusesCommandsAndTheHallResumes) {
  // The data directory on the temporary directory's filesystem when it honours the immutable
  // flag, else on a loop-mounted ext4 image.
  std::optional<small_filesystem> ext4;
  std::filesystem::create_directories(mount_point());
  if (!immutable_stops_writes(mount_point())) {
    ::setenv("PLENUM_STORAGE_FAULT", "ext4", 1);
    ext4.emplace(mount_point(), dir_.path() / "small.img");
    ::unsetenv("PLENUM_STORAGE_FAULT");
    ASSERT_EQ(ext4->kind(), "loop-mounted ext4") << ext4->error();
    ASSERT_TRUE(immutable_stops_writes(mount_point()));
  }
  std::cout << "[ read-only  ] events.db and its WAL made immutable (chattr +i) on "
            << (ext4 ? "a loop-mounted ext4" : "the temporary directory's filesystem") << "\n";
  std::filesystem::create_directories(data());
  std::ofstream(dir_.path() / "roster.csv") << motion_roster_csv(delegates);
  start();

  hall_client se(port_);
  keys_.insert_or_assign("SE", motion_key(key_seed, "SE"));
  ASSERT_TRUE(enroll(se, "SE", secretary_code(data()), keys_.at("SE")).ok());
  ASSERT_TRUE(se.auth(keys_.at("SE")).ok());
  auto first = se.call("issue_enrollment_code", {{"person", "D001"}});
  ASSERT_TRUE(first.ok()) << first.code();
  hall_client anon(port_);
  const auto board_before = anon.call("get_board", {{"from_seq", 0}, {"limit", 500}});
  ASSERT_TRUE(board_before.ok());
  const std::string state_before = json::serialize(anon.call("get_state").fields);

  ASSERT_TRUE(set_immutable(data(), true));
  auto refused = se.call("issue_enrollment_code", {{"person", "D002"}});
  const bool made_writable = set_immutable(data(), false);  // before any ASSERT can return
  ASSERT_TRUE(made_writable);
  EXPECT_EQ(refused.code(), "storage_unavailable");
  EXPECT_EQ(str(refused.fields, "category"), "unavailable");
  // Reads answer, and nothing of the refused command shows.
  EXPECT_EQ(json::serialize(anon.call("get_board", {{"from_seq", 0}, {"limit", 500}}).fields),
            json::serialize(board_before.fields));
  EXPECT_EQ(json::serialize(anon.call("get_state").fields), state_before);

  // Writable again: after the pause the same command goes through, without a restart.
  std::this_thread::sleep_for(500ms);
  auto again = se.call("issue_enrollment_code", {{"person", "D002"}});
  ASSERT_TRUE(again.ok()) << again.code();
  const auto page = anon.call("get_board", {{"from_seq", 0}, {"limit", 500}});
  ASSERT_TRUE(page.ok());
  const auto before_count = board_before.fields.at("events").as_array().size();
  EXPECT_EQ(page.fields.at("events").as_array().size(), before_count + 1);
  const std::string board_after = json::serialize(page.fields);

  // A restart replays the same log.
  ASSERT_EQ(server_->stop(SIGTERM, 60s), 0);
  start();
  hall_client reader(port_);
  EXPECT_EQ(json::serialize(reader.call("get_board", {{"from_seq", 0}, {"limit", 500}}).fields),
            board_after);
  const std::string log = read_file(dir_.path() / "plenumd.log");
  const auto at = log.find("failed; they are refused");
  ASSERT_NE(at, std::string::npos) << log;
  std::cout << "[ read-only  ] plenumd: " << log.substr(at, log.find('\n', at) - at) << "\n";
  EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
  server_.reset();
}

}  // namespace
}  // namespace plenum::tests
