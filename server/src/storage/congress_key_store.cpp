#include "storage/congress_key_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

namespace plenum::server::storage {

namespace {

// A file descriptor closed on destruction.
class unique_fd {
 public:
  explicit unique_fd(int fd) : fd_(fd) {}
  unique_fd(const unique_fd&) = delete;
  unique_fd& operator=(const unique_fd&) = delete;
  ~unique_fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] explicit operator bool() const { return fd_ >= 0; }
  // Closes now and reports whether close() succeeded.
  [[nodiscard]] bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

// Key bytes on the stack, wiped whatever happens.
struct key_buffer {
  crypto::byte_array<crypto::secret_key::size> bytes{};
  key_buffer() = default;
  key_buffer(const key_buffer&) = delete;
  key_buffer& operator=(const key_buffer&) = delete;
  ~key_buffer() { sodium_memzero(bytes.data(), bytes.size()); }
};

storage_error system_failure(const std::string& what, const std::filesystem::path& path,
                             int error) {
  return make_storage_error(errc::storage_failure,
                            what + " " + path.string() + ": " + std::strerror(error));
}

storage_error bad_file(const std::filesystem::path& path, const std::string& why) {
  return make_storage_error(errc::storage_failure, "key file " + path.string() + ": " + why);
}

bool write_all(int fd, crypto::byte_span data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

storage_result<void> fsync_directory(const std::filesystem::path& dir) {
  unique_fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return system_failure("opening", dir, errno);
  if (::fsync(fd.get()) != 0) return system_failure("syncing", dir, errno);
  return {};
}

// Reads the key file; nullopt-like "absent" is reported as ENOENT in the error's message and
// distinguished by the returned flag.
struct load_outcome {
  bool absent = false;
  storage_result<crypto::secret_key> key;
};

load_outcome read_key(const std::filesystem::path& path) {
  unique_fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd) {
    const int error = errno;
    return {error == ENOENT, system_failure("opening", path, error)};
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return {false, system_failure("inspecting", path, errno)};
  if (!S_ISREG(info.st_mode)) return {false, bad_file(path, "not a regular file")};
  if ((info.st_mode & 077) != 0) {
    return {false, bad_file(path, "group or others may access it; it must be mode 0600")};
  }
  if (info.st_size != static_cast<off_t>(crypto::secret_key::size)) {
    return {false, bad_file(path, "not " + std::to_string(crypto::secret_key::size) + " bytes")};
  }
  key_buffer buffer;
  std::size_t done = 0;
  while (done < buffer.bytes.size()) {
    const ssize_t n = ::read(fd.get(), buffer.bytes.data() + done, buffer.bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {false, system_failure("reading", path, errno)};
    if (n == 0) return {false, bad_file(path, "shorter than its size")};
    done += static_cast<std::size_t>(n);
  }
  auto key = crypto::secret_key::from_bytes(buffer.bytes);
  if (!key) return {false, bad_file(path, "its public half does not match its seed")};
  return {false, std::move(*key)};
}

}  // namespace

congress_key_store::congress_key_store(std::filesystem::path data_dir, std::string key_file)
    : data_dir_(std::move(data_dir)), key_file_(std::move(key_file)) {}

storage_result<crypto::secret_key> congress_key_store::load() const {
  return read_key(key_path()).key;
}

storage_result<crypto::secret_key> congress_key_store::load_or_create(
    crypto::random_source& source) const {
  const std::filesystem::path path = key_path();
  {
    load_outcome existing = read_key(path);
    if (!existing.absent) return std::move(existing.key);
  }

  std::error_code ec;
  if (std::filesystem::create_directories(data_dir_, ec)) {
    std::filesystem::permissions(data_dir_, std::filesystem::perms::owner_all, ec);
  }
  if (ec) return system_failure("creating", data_dir_, ec.value());

  const crypto::secret_key fresh = crypto::secret_key::generate(source);
  std::string temp = (data_dir_ / (key_file_ + ".XXXXXX")).string();
  unique_fd fd(::mkstemp(temp.data()));  // mode 0600
  if (!fd) return system_failure("creating a file like", temp, errno);
  const std::filesystem::path temp_path(temp);
  struct temp_remover {
    const std::filesystem::path& path;
    ~temp_remover() { ::unlink(path.c_str()); }
  } remover{temp_path};

  if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0) {
    return system_failure("setting the mode of", temp_path, errno);
  }
  if (!write_all(fd.get(), fresh.bytes())) return system_failure("writing", temp_path, errno);
  if (::fsync(fd.get()) != 0) return system_failure("syncing", temp_path, errno);
  if (!fd.close()) return system_failure("closing", temp_path, errno);

  // link() never replaces an existing file: if another process made a key meanwhile, theirs
  // stands and is the one returned.
  if (::link(temp_path.c_str(), path.c_str()) != 0) {
    const int error = errno;
    if (error == EEXIST) return read_key(path).key;
    return system_failure("linking the new key to", path, error);
  }
  ::unlink(temp_path.c_str());
  if (auto synced = fsync_directory(data_dir_); !synced) return synced.error();
  return fresh;
}

}  // namespace plenum::server::storage
