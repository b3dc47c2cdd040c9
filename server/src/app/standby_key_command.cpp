#include "app/standby_key_command.hpp"

#include <filesystem>
#include <iostream>

#include "storage/congress_key_store.hpp"

namespace plenum::server::app {

int run_standby_key_command(const std::vector<std::string>& args) {
  std::filesystem::path data_dir;
  if (args.size() == 2 && args[0] == "--data-dir") data_dir = args[1];
  if (data_dir.empty()) {
    std::cerr << "usage: plenumd standby-key --data-dir DIR\n";
    return 2;
  }
  const storage::congress_key_store store(data_dir, storage::congress_key_store::standby_file_name);
  auto key = store.load_or_create();
  if (!key) {
    std::cerr << "standby-key failed: " << key.error().message << "\n";
    return 1;
  }
  std::cout << key->public_part().hex() << "\n";
  return 0;
}

}  // namespace plenum::server::app
