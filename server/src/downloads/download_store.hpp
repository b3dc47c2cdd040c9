// The files waiting to be downloaded by a browser: each under a token of 32 random bytes (64
// lowercase hex digits) that serves it once and expires after a while. The files live in one
// directory (`<data-dir>/downloads`); a file leaves it when its token is taken or expires.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "net/download_source.hpp"

namespace plenum::server::downloads {

/// How long a prepared download waits for its one GET.
inline constexpr std::chrono::minutes download_lifetime{10};

/// Thread-safe: every member may be called from any thread.
class download_store final : public net::download_source {
 public:
  /// The time tokens expire by; steady_clock::now when empty.
  using clock = std::function<std::chrono::steady_clock::time_point()>;

  /// Keeps its files in `dir`, which is created when missing and emptied of what an earlier
  /// run left (tokens do not survive a restart). Throws std::filesystem::filesystem_error when
  /// `dir` cannot be created or emptied (start-up configuration).
  explicit download_store(std::filesystem::path dir,
                          std::chrono::steady_clock::duration lifetime = download_lifetime,
                          clock now = {});
  /// Removes the files still waiting.
  ~download_store() override;
  download_store(const download_store&) = delete;
  download_store& operator=(const download_store&) = delete;

  /// The directory of the files.
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  /// A fresh path under dir() (a random name ending in `suffix`) for a file or a scratch
  /// directory being made; nothing is created.
  [[nodiscard]] std::filesystem::path fresh_path(std::string_view suffix) const;

  /// Registers the finished file `path` (under dir()) to be served once as `filename` (what the
  /// browser saves it as) with MIME type `content_type`, until the lifetime has passed. Removes
  /// the files of expired tokens first. Returns the new token.
  [[nodiscard]] std::string add(std::filesystem::path path, std::string filename,
                                std::string content_type);

  /// The file behind `token`, opened and removed from the directory (the open descriptor keeps
  /// its content until served); the token is spent. nullopt when the token is unknown, spent,
  /// expired or its file cannot be opened. Removes the files of expired tokens first.
  [[nodiscard]] std::optional<net::download_file> take(std::string_view token) override;

  /// Removes the files of expired tokens; returns how many.
  std::size_t purge();

  /// How many tokens wait (expired ones count until the next purge).
  [[nodiscard]] std::size_t size() const;

 private:
  struct entry {
    std::filesystem::path path;
    std::string filename;
    std::string content_type;
    std::chrono::steady_clock::time_point expires;
  };

  std::size_t purge_locked(std::chrono::steady_clock::time_point now);
  [[nodiscard]] std::chrono::steady_clock::time_point now() const;

  const std::filesystem::path dir_;
  const std::chrono::steady_clock::duration lifetime_;
  const clock clock_;
  mutable std::mutex mutex_;
  std::map<std::string, entry, std::less<>> entries_;  ///< by token
};

}  // namespace plenum::server::downloads
