// plenumd holding several townships' congresses (`--township`): each township's hall in
// `<data-dir>/townships/ID/` with its own key, log and roster, and the county's read-only view
// of them all (server/README.md "Townships and the county").
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "county/county_service.hpp"
#include "net/download_source_set.hpp"
#include "net/ws_handler.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::app {

/// What plenumd serves when it holds townships.
struct township_halls {
  /// In --township order; the first is also served on /ws.
  std::vector<std::unique_ptr<service::hall_service>> halls;
  /// On /ws/county; reads the halls.
  std::unique_ptr<county::county_service> county;
  /// Every hall's downloads, for `GET /downloads/<token>`.
  std::unique_ptr<net::download_source_set> downloads;
  /// "/ws/township/ID" for each township and "/ws/county".
  std::map<std::string, net::ws_handler*> routes;
};

/// Opens each township's hall (a new log gets event 0 with the township's id and name and, with
/// --township-roster, its roster and the secretaries' codes in the township's directory), then
/// the county's key (`<data-dir>/county/congress.key`) and accounts, issuing codes to new
/// --county-account ids and to --county-reissue ones into
/// `<data-dir>/county/county-credentials.txt` (0600, appended).
/// Throws std::runtime_error naming the township and the reason when one cannot be opened
/// (start-up: plenumd stops).
[[nodiscard]] township_halls open_townships(const daemon_options& opts,
                                            const std::optional<std::filesystem::path>& sheet_tool);

}  // namespace plenum::server::app
