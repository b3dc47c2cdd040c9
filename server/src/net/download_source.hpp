// The seam between the HTTPS side and the application for browser downloads: the net layer asks
// a `download_source` for the file behind a token of `/downloads/<token>` and streams it once.
// Nothing here knows what the files are (records, result sheets) or how they were made.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace plenum::server::net {

/// One file to serve: an open, readable descriptor (owned: closed on destruction unless
/// released), its size, the name the browser saves it under (UTF-8, no path) and its MIME type.
class download_file {
 public:
  download_file(int fd, std::uint64_t size, std::string filename, std::string content_type)
      : fd_(fd),
        size_(size),
        filename_(std::move(filename)),
        content_type_(std::move(content_type)) {}
  ~download_file() {
    if (fd_ >= 0) ::close(fd_);
  }
  download_file(download_file&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)),
        size_(other.size_),
        filename_(std::move(other.filename_)),
        content_type_(std::move(other.content_type_)) {}
  download_file& operator=(download_file&& other) noexcept {
    if (this != &other) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = std::exchange(other.fd_, -1);
      size_ = other.size_;
      filename_ = std::move(other.filename_);
      content_type_ = std::move(other.content_type_);
    }
    return *this;
  }
  download_file(const download_file&) = delete;
  download_file& operator=(const download_file&) = delete;

  /// Gives up ownership of the descriptor (the caller closes it).
  [[nodiscard]] int release() { return std::exchange(fd_, -1); }
  [[nodiscard]] std::uint64_t size() const { return size_; }
  [[nodiscard]] const std::string& filename() const { return filename_; }
  [[nodiscard]] const std::string& content_type() const { return content_type_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string filename_;
  std::string content_type_;
};

/// What the HTTPS side asks for a download. Thread-safe implementations only: requests arrive
/// on every I/O thread.
class download_source {
 public:
  virtual ~download_source() = default;

  /// The file behind `token` (the last segment of the request path, unchecked), taken: a token
  /// serves once. nullopt when the token is unknown, already used or expired.
  [[nodiscard]] virtual std::optional<download_file> take(std::string_view token) = 0;
};

}  // namespace plenum::server::net
