#include "plenum/clients/key_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace plenum::clients {

namespace fs = std::filesystem;

namespace {

boost::system::error_code errno_code() { return {errno, boost::system::generic_category()}; }

boost::system::error_code generic(std::errc e) {
  return {static_cast<int>(e), boost::system::generic_category()};
}

// Owns a file descriptor; closes it on destruction.
class fd_guard {
 public:
  explicit fd_guard(int fd) : fd_(fd) {}
  ~fd_guard() {
    if (fd_ >= 0) ::close(fd_);
  }
  fd_guard(const fd_guard&) = delete;
  fd_guard& operator=(const fd_guard&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Wipes a string's bytes when it goes out of scope.
struct wipe_on_exit {
  std::string& text;
  ~wipe_on_exit() {
    if (!text.empty()) sodium_memzero(text.data(), text.size());
  }
};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

key_store::key_store(fs::path dir) : dir_(std::move(dir)) {}

bool key_store::valid_person(std::string_view person) {
  if (person.empty() || person.size() > 64 || person.front() == '.') return false;
  for (char c : person) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

result<std::string> key_store::read_file(const fs::path& p) const {
  fd_guard fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return errno_code();
  std::string text;
  char buf[512];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      sodium_memzero(buf, sizeof buf);
      return errno_code();
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > 64 * 1024) {
      sodium_memzero(buf, sizeof buf);
      return errc::malformed_message;
    }
    text.append(buf, static_cast<std::size_t>(n));
  }
  sodium_memzero(buf, sizeof buf);
  return text;
}

result<void> key_store::write_file(const fs::path& p, std::string_view text) const {
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    fs::create_directories(dir_, ec);
    if (ec) return boost::system::error_code(ec.value(), boost::system::generic_category());
    ::chmod(dir_.c_str(), 0700);
  }
  fs::path tmp = p;
  tmp += ".tmp";
  {
    fd_guard fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (fd.get() < 0) return errno_code();
    if (::fchmod(fd.get(), 0600) != 0) return errno_code();
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return errno_code();
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return errno_code();
    if (::close(fd.release()) != 0) return errno_code();
  }
  if (::rename(tmp.c_str(), p.c_str()) != 0) return errno_code();
  fd_guard dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) (void)::fsync(dir.get());
  return {};
}

result<crypto::secret_key> key_store::load(std::string_view person) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  auto text = read_file(dir_ / (std::string(person) + ".key"));
  if (!text) return text.error();
  wipe_on_exit wipe{*text};
  std::string hex = trim(*text);
  wipe_on_exit wipe_hex{hex};
  auto key = crypto::secret_key::from_hex(hex);
  if (!key) return errc::malformed_message;
  return *key;
}

result<void> key_store::save(std::string_view person, const crypto::secret_key& key) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  std::string text = crypto::to_hex(key.bytes()) + "\n";
  wipe_on_exit wipe{text};
  return write_file(dir_ / (std::string(person) + ".key"), text);
}

bool key_store::contains(std::string_view person) const {
  std::error_code ec;
  return valid_person(person) && fs::exists(dir_ / (std::string(person) + ".key"), ec);
}

result<crypto::public_key> key_store::load_congress_key(std::string_view person) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  auto text = read_file(dir_ / (std::string(person) + ".congress"));
  if (!text) return text.error();
  auto key = crypto::public_key::from_hex(trim(*text));
  if (!key) return errc::malformed_message;
  return *key;
}

result<void> key_store::save_congress_key(std::string_view person,
                                          const crypto::public_key& congress_pk) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  return write_file(dir_ / (std::string(person) + ".congress"), congress_pk.hex() + "\n");
}

result<crypto::byte_vector> key_store::load_share(std::string_view person) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  auto text = read_file(dir_ / (std::string(person) + ".share"));
  if (!text) return text.error();
  auto bytes = crypto::from_hex(trim(*text));
  if (!bytes) return errc::malformed_message;
  return *bytes;
}

result<void> key_store::save_share(std::string_view person, crypto::byte_span sealed) const {
  if (!valid_person(person)) return generic(std::errc::invalid_argument);
  return write_file(dir_ / (std::string(person) + ".share"), crypto::to_hex(sealed) + "\n");
}

}  // namespace plenum::clients
