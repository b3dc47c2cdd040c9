// Writes the seed of the record fuzzer: a real small sitting (tests/verify's sitting_record:
// 10 delegates, a key ceremony, a motion and an election, decrypted), exported by the server's
// exporter, its three files joined by NUL bytes as record_fuzz.cpp expects.
//   plenum-fuzz-record-seed OUT_FILE
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "export/record_export.hpp"
#include "plenum/protocol/record.hpp"
#include "sitting_record.hpp"

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plenum-fuzz-record-seed OUT_FILE\n";
    return 2;
  }
  plenum::verify_test::sitting_record sitting;
  const auto dir = sitting.fresh_dir("export");
  auto summary = plenum::server::record_export::export_data_dir(sitting.data_dir(), dir);
  if (!summary) {
    std::cerr << "export failed: " << summary.error().message() << '\n';
    return 1;
  }
  namespace protocol = plenum::protocol;
  std::string seed = read(dir / protocol::record_header_file);
  seed += '\0';
  seed += read(dir / protocol::record_events_file);
  seed += '\0';
  seed += read(dir / protocol::record_receipts_file);
  std::ofstream out(argv[1], std::ios::binary);
  out << seed;
  return out ? 0 : 1;
}
