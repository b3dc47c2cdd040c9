#include "app/first_start.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "common/log.hpp"
#include "service/bootstrap.hpp"

namespace plenum::server::app {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

void bootstrap_new_congress(const daemon_options& opts, service::hall_service& hall) {
  if (hall.event_count() != 1) return;  // only congress_created so far
  if (opts.init_demo) {
    const fs::path file = opts.data_dir / "demo-credentials.txt";
    auto codes = service::bootstrap_roster(
        hall, service::demo_roster_csv(), service::demo_membership(),
        [](const domain::person&) { return true; }, file);
    if (!codes)
      throw std::runtime_error("cannot create the demo congress: " + codes.error().message());
    log::info("demo congress created",
              {{"persons", codes->size()}, {"credentials", file.string()}});
    if (auto sitting = service::create_demo_sitting(hall); !sitting) {
      log::warn("demo sitting not created", {{"error", sitting.error().message()}});
    }
    for (const auto& c : *codes) {
      if (c.person == "CH" || c.person == "SE" || c.person == "PR" || c.person == "D001" ||
          c.roles.find("scrutineer") != std::string::npos)
        std::cout << c.person << "\t" << c.name << "\t" << c.roles << "\t" << c.code << "\n";
    }
    std::cout << "enrollment codes of all " << codes->size() << " persons: " << file.string()
              << std::endl;
  } else if (opts.roster) {
    const fs::path file = opts.data_dir / "bootstrap-credentials.txt";
    const domain::membership_totals totals{opts.membership[0], opts.membership[1],
                                           opts.membership[2]};
    auto codes = service::bootstrap_roster(
        hall, read_file(*opts.roster), totals,
        [](const domain::person& p) { return p.roles.has(domain::role::secretary); }, file);
    if (!codes) throw std::runtime_error("cannot import the roster: " + codes.error().message());
    log::info("roster imported", {{"codes", codes->size()}, {"credentials", file.string()}});
  }
}

}  // namespace plenum::server::app
