#include "downloads/download_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdint>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::server::downloads {

namespace fs = std::filesystem;

namespace {

std::string random_hex(std::size_t bytes) {
  std::array<std::uint8_t, 32> buffer{};
  const std::span<std::uint8_t> part(buffer.data(), std::min(bytes, buffer.size()));
  crypto::system_random().fill(part);
  return crypto::to_hex(part);
}

}  // namespace

download_store::download_store(fs::path dir, std::chrono::steady_clock::duration lifetime,
                               clock now)
    : dir_(std::move(dir)), lifetime_(lifetime), clock_(std::move(now)) {
  fs::create_directories(dir_);
  for (const auto& leftover : fs::directory_iterator(dir_)) fs::remove_all(leftover.path());
}

download_store::~download_store() {
  std::error_code ec;
  for (const auto& [token, e] : entries_) fs::remove(e.path, ec);
}

std::chrono::steady_clock::time_point download_store::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

fs::path download_store::fresh_path(std::string_view suffix) const {
  return dir_ / (random_hex(16) + std::string(suffix));
}

std::string download_store::add(fs::path path, std::string filename, std::string content_type) {
  std::string token = random_hex(32);
  const auto t = now();
  std::lock_guard lock(mutex_);
  purge_locked(t);
  entries_.insert_or_assign(
      token, entry{std::move(path), std::move(filename), std::move(content_type), t + lifetime_});
  return token;
}

std::optional<net::download_file> download_store::take(std::string_view token) {
  const auto t = now();
  std::lock_guard lock(mutex_);
  purge_locked(t);
  auto it = entries_.find(token);
  if (it == entries_.end()) return std::nullopt;
  entry e = std::move(it->second);
  entries_.erase(it);
  const int fd = ::open(e.path.c_str(), O_RDONLY | O_CLOEXEC);
  std::error_code ec;
  if (fd < 0) {
    fs::remove(e.path, ec);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fs::remove(e.path, ec);
    return std::nullopt;
  }
  // Served once: the name goes now, the content when the descriptor closes.
  fs::remove(e.path, ec);
  return net::download_file(fd, static_cast<std::uint64_t>(st.st_size), std::move(e.filename),
                            std::move(e.content_type));
}

std::size_t download_store::purge() {
  const auto t = now();
  std::lock_guard lock(mutex_);
  return purge_locked(t);
}

std::size_t download_store::purge_locked(std::chrono::steady_clock::time_point t) {
  std::size_t removed = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.expires > t) {
      ++it;
      continue;
    }
    std::error_code ec;
    fs::remove(it->second.path, ec);
    it = entries_.erase(it);
    ++removed;
  }
  return removed;
}

std::size_t download_store::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace plenum::server::downloads
