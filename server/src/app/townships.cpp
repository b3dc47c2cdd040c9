#include "app/townships.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "common/log.hpp"
#include "county/private_file.hpp"
#include "service/bootstrap.hpp"
#include "storage/congress_key_store.hpp"

namespace plenum::server::app {

namespace fs = std::filesystem;

namespace {

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::unique_ptr<service::hall_service> open_township(const township_option& t,
                                                     const fs::path& data_dir,
                                                     const std::optional<fs::path>& sheet_tool) {
  service::hall_config config;
  config.data_dir = data_dir / "townships" / t.id;
  config.congress_id = t.id;
  config.congress_name = t.name;
  config.sheet_tool = sheet_tool;
  fs::create_directories(config.data_dir);
  auto opened = service::hall_service::open(config);
  if (!opened) throw std::runtime_error("township " + t.id + ": " + opened.error().message);
  auto hall = std::move(*opened);
  log::info("township opened", {{"township", t.id},
                                {"events", hall->event_count()},
                                {"congress_pk", hall->congress_public_key().hex()}});
  if (hall->event_count() == 1 && t.roster) {
    const fs::path file = config.data_dir / "bootstrap-credentials.txt";
    const domain::membership_totals totals{t.membership[0], t.membership[1], t.membership[2]};
    auto codes = service::bootstrap_roster(
        *hall, read_whole(*t.roster), totals,
        [](const domain::person& p) { return p.roles.has(domain::role::secretary); }, file);
    if (!codes)
      throw std::runtime_error("township " + t.id +
                               ": cannot import the roster: " + codes.error().message());
    log::info("township roster imported",
              {{"township", t.id}, {"codes", codes->size()}, {"credentials", file.string()}});
  }
  return hall;
}

// New accounts' codes appended to the credentials file, which only the operator reads.
void write_county_codes(const fs::path& file, const std::vector<county::issued_code>& codes) {
  std::string text;
  std::error_code ec;
  if (fs::exists(file, ec)) text = read_whole(file);
  for (const auto& c : codes) text += c.account + "\t" + c.name + "\t" + c.code + "\n";
  if (!county::replace_private_file(file, text))
    throw std::runtime_error("cannot write " + file.string());
}

std::unique_ptr<county::county_service> open_county(const daemon_options& opts,
                                                    const township_halls& towns) {
  const fs::path dir = opts.data_dir / "county";
  storage::congress_key_store keys(dir);
  auto key = keys.load_or_create();
  if (!key) throw std::runtime_error("county: " + key.error().message);
  auto accounts = county::county_accounts::open(dir / "accounts.json", opts.county_id);
  if (!accounts) throw std::runtime_error("county: " + accounts.error().message);
  auto issued = (*accounts)->issue_missing(opts.county_accounts, crypto::system_random());
  if (!issued)
    throw std::runtime_error("county: cannot issue the accounts' codes: " +
                             issued.error().message());
  auto reissued = (*accounts)->reissue(opts.county_reissue, crypto::system_random());
  if (!reissued)
    throw std::runtime_error(
        "county: --county-reissue: " + reissued.error().message() +
        (reissued.error() == errc::unknown_person ? " (no such account)" : ""));
  issued->insert(issued->end(), reissued->begin(), reissued->end());
  if (!issued->empty()) {
    const fs::path file = dir / "county-credentials.txt";
    write_county_codes(file, *issued);
    log::info("county accounts issued",
              {{"codes", issued->size()}, {"credentials", file.string()}});
  }
  std::vector<county::county_township> townships;
  for (std::size_t i = 0; i < towns.halls.size(); ++i)
    townships.push_back({opts.townships[i].id, towns.halls[i].get()});
  county::county_config config;
  config.county_id = opts.county_id;
  config.county_name = opts.county_name;
  return std::make_unique<county::county_service>(config, key->public_part(), std::move(*accounts),
                                                  std::move(townships));
}

}  // namespace

township_halls open_townships(const daemon_options& opts,
                              const std::optional<fs::path>& sheet_tool) {
  township_halls towns;
  std::vector<net::download_source*> downloads;
  for (const auto& t : opts.townships) {
    towns.halls.push_back(open_township(t, opts.data_dir, sheet_tool));
    towns.routes.emplace("/ws/township/" + t.id, towns.halls.back().get());
    downloads.push_back(&towns.halls.back()->downloads());
  }
  towns.county = open_county(opts, towns);
  towns.routes.emplace("/ws/county", towns.county.get());
  towns.downloads = std::make_unique<net::download_source_set>(std::move(downloads));
  return towns;
}

}  // namespace plenum::server::app
