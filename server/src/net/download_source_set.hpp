// Several download sources behind one: plenumd's townships each prepare their own downloads,
// and `GET /downloads/<token>` finds the file in whichever made it (the tokens are random).
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "net/download_source.hpp"

namespace plenum::server::net {

/// Asks each of its sources in turn. Thread-safe as its sources are; they must outlive it.
class download_source_set final : public download_source {
 public:
  explicit download_source_set(std::vector<download_source*> sources)
      : sources_(std::move(sources)) {}

  /// The file behind `token` from the first source that has it.
  [[nodiscard]] std::optional<download_file> take(std::string_view token) override {
    for (download_source* s : sources_)
      if (auto file = s->take(token)) return file;
    return std::nullopt;
  }

 private:
  std::vector<download_source*> sources_;
};

}  // namespace plenum::server::net
