#include "plenumd_process.hpp"

#include <stdlib.h>

#include <stdexcept>

namespace plenum::tests {

temp_dir::temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "plenum-it-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace plenum::tests
