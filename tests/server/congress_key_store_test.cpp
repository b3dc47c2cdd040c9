#include "storage/congress_key_store.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>

#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes, fs::perms perms) {
  std::ofstream(path, std::ios::binary) << bytes;
  fs::permissions(path, perms);
}

TEST(CongressKeyStore, CreatesOnceThenLoadsTheSameKey) {
  test::temp_dir dir;
  const congress_key_store store(dir / "data");  // not there yet
  crypto::seeded_random first_source("first");
  auto created = store.load_or_create(first_source);
  ASSERT_TRUE(created) << created.error().message;

  struct stat info {};
  ASSERT_EQ(::stat(store.key_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(info.st_size, 64);
  // Only the key file remains: the temporary file is gone.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "data"), fs::directory_iterator()), 1);

  crypto::seeded_random second_source("second");
  auto again = store.load_or_create(second_source);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->public_part(), created->public_part());
  auto loaded = store.load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->bytes(), created->bytes());
}

TEST(CongressKeyStore, DifferentDirectoriesGetDifferentKeys) {
  test::temp_dir dir;
  auto a = congress_key_store(dir / "a").load_or_create();
  auto b = congress_key_store(dir / "b").load_or_create();
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->public_part(), b->public_part());
}

TEST(CongressKeyStore, LoadWithoutAFileFails) {
  test::temp_dir dir;
  auto key = congress_key_store(dir.path()).load();
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, make_error_code(errc::storage_failure));
  EXPECT_NE(key.error().message.find("congress.key"), std::string::npos);
}

TEST(CongressKeyStore, RefusesAFileOthersCanRead) {
  test::temp_dir dir;
  const congress_key_store store(dir.path());
  ASSERT_TRUE(store.load_or_create());
  fs::permissions(store.key_path(), fs::perms::group_read, fs::perm_options::add);
  auto key = store.load_or_create();
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().message.find("0600"), std::string::npos) << key.error().message;
}

TEST(CongressKeyStore, RefusesAFileOfTheWrongSize) {
  test::temp_dir dir;
  const congress_key_store store(dir.path());
  write_file(store.key_path(), std::string(63, 'k'),
             fs::perms::owner_read | fs::perms::owner_write);
  auto key = store.load_or_create();
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().message.find("64 bytes"), std::string::npos) << key.error().message;
}

TEST(CongressKeyStore, RefusesAnInconsistentKey) {
  test::temp_dir dir;
  const congress_key_store store(dir.path());
  write_file(store.key_path(), std::string(64, 'k'),
             fs::perms::owner_read | fs::perms::owner_write);
  auto key = store.load_or_create();
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().message.find("does not match"), std::string::npos) << key.error().message;
}

TEST(CongressKeyStore, RefusesASymlink) {
  test::temp_dir dir;
  const congress_key_store real(dir / "real");
  ASSERT_TRUE(real.load_or_create());
  const congress_key_store linked(dir / "linked");
  fs::create_directory(dir / "linked");
  fs::create_symlink(real.key_path(), linked.key_path());
  auto key = linked.load_or_create();
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, make_error_code(errc::storage_failure));
}

TEST(CongressKeyStore, TheStandbyKeyIsAFileOfItsOwnBesideTheCongressKey) {
  test::temp_dir dir;
  const congress_key_store congress(dir / "data");
  const congress_key_store standby(dir / "data", congress_key_store::standby_file_name);
  EXPECT_EQ(standby.key_path(), dir / "data" / "standby.key");
  EXPECT_FALSE(standby.load()) << "no standby key yet";
  crypto::seeded_random congress_source("congress");
  crypto::seeded_random standby_source("standby");
  auto c = congress.load_or_create(congress_source);
  auto s = standby.load_or_create(standby_source);
  ASSERT_TRUE(c && s);
  EXPECT_NE(c->public_part(), s->public_part());
  struct stat info {};
  ASSERT_EQ(::stat(standby.key_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto loaded = standby.load();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->public_part(), s->public_part());
  EXPECT_EQ(congress.load()->public_part(), c->public_part());
}

}  // namespace
}  // namespace plenum::server::storage
