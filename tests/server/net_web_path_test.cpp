#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "net/web_path.hpp"

namespace plenum::server::net {
namespace {

namespace fs = std::filesystem;

class web_path_test : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenum-web-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    root_ = base_ / "public";
    fs::create_directories(root_ / "app");
    fs::create_directories(root_ / ".git");
    write(root_ / "index.html", "home");
    write(root_ / "app" / "index.html", "app home");
    write(root_ / "app" / "main.js", "js");
    write(root_ / "a b.txt", "space");
    write(root_ / ".git" / "config", "secret");
    write(base_ / "outside.txt", "outside");
    fs::create_symlink(base_ / "outside.txt", root_ / "escape.txt");
    fs::create_symlink(base_, root_ / "up");
    fs::create_symlink(root_ / "app" / "main.js", root_ / "alias.js");
    root_ = fs::canonical(root_);
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path base_;
  fs::path root_;
};

TEST_F(web_path_test, ResolvesFilesAndIndexes) {
  EXPECT_EQ(resolve_web_path(root_, "/").value(), root_ / "index.html");
  EXPECT_EQ(resolve_web_path(root_, "/index.html").value(), root_ / "index.html");
  EXPECT_EQ(resolve_web_path(root_, "/app/main.js").value(), root_ / "app" / "main.js");
  EXPECT_EQ(resolve_web_path(root_, "/app/").value(), root_ / "app" / "index.html");
  EXPECT_EQ(resolve_web_path(root_, "/app").value(), root_ / "app" / "index.html");
  EXPECT_EQ(resolve_web_path(root_, "//app//main.js").value(), root_ / "app" / "main.js");
  EXPECT_EQ(resolve_web_path(root_, "/app/main.js?v=3#x").value(), root_ / "app" / "main.js");
  EXPECT_EQ(resolve_web_path(root_, "/a%20b.txt").value(), root_ / "a b.txt");
  EXPECT_EQ(resolve_web_path(root_, "/alias.js").value(), root_ / "app" / "main.js");
}

TEST_F(web_path_test, RefusesDotSegmentsPlainOrEncoded) {
  for (const char* t :
       {"/../outside.txt", "/app/../index.html", "/./index.html", "/%2e%2e/outside.txt",
        "/%2E%2E/outside.txt", "/..%2foutside.txt", "/app/%2e%2e%2f%2e%2e%2foutside.txt", "/.."}) {
    auto r = resolve_web_path(root_, t);
    ASSERT_FALSE(r) << t;
    EXPECT_EQ(r.error(), boost::system::errc::invalid_argument) << t;
  }
}

TEST_F(web_path_test, RefusesMalformedTargets) {
  for (const char* t : {"", "index.html", "http://x/index.html", "/%", "/%4", "/%zz",
                        "/index.html%00.png", "/app\\main.js", "/app%5cmain.js"}) {
    auto r = resolve_web_path(root_, t);
    ASSERT_FALSE(r) << t;
    EXPECT_EQ(r.error(), boost::system::errc::invalid_argument) << t;
  }
}

TEST_F(web_path_test, HidesMissingHiddenAndEscapingFiles) {
  for (const char* t : {"/missing.html", "/app/missing.js", "/.git/config", "/%2egit/config",
                        "/escape.txt", "/up/outside.txt"}) {
    auto r = resolve_web_path(root_, t);
    ASSERT_FALSE(r) << t;
    EXPECT_EQ(r.error(), boost::system::errc::no_such_file_or_directory) << t;
  }
}

TEST(mime_type_test, KnowsTheWebClientsTypes) {
  EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("a/b/APP.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type("libsodium.wasm"), "application/wasm");
  EXPECT_EQ(mime_type("icon.svg"), "image/svg+xml");
  EXPECT_EQ(mime_type("data.json"), "application/json");
  EXPECT_EQ(mime_type("archive.tar.gz"), "application/octet-stream");
  EXPECT_EQ(mime_type("README"), "application/octet-stream");
}

}  // namespace
}  // namespace plenum::server::net
