// prepare_download: the record as one .tar.gz, a vote's result sheet, a sitting's summary sheet,
// made from a fresh export of the durable events on the download worker and served once over
// HTTPS (GET /downloads/<token>).
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <limits>

#include "common/log.hpp"
#include "domain/decide.hpp"
#include "domain/monthly_report.hpp"
#include "domain/performance_file.hpp"
#include "downloads/download_store.hpp"
#include "downloads/file_name.hpp"
#include "downloads/record_archive.hpp"
#include "downloads/sheet_tool.hpp"
#include "downloads/work_queue.hpp"
#include "export/record_export.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/broadcaster.hpp"
#include "service/command_pipeline.hpp"
#include "service/hall_service.hpp"
#include "service/session.hpp"

namespace plenum::server::service {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string error_frame(std::uint64_t id, boost::system::error_code ec,
                        const std::string& reason = {}) {
  return protocol::encode_error(id, ec, reason.empty() ? ec.message() : reason);
}

// Removes a scratch directory when the job ends, however it ends.
struct scratch_dir {
  fs::path path;
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

net::download_source& hall_service::downloads() { return *downloads_; }

void hall_service::prepare_download(session& s, std::uint64_t id,
                                    const protocol::prepare_download_request& r) {
  auto send = [&s](std::string frame) {
    s.conn->send(std::make_shared<const std::string>(std::move(frame)));
  };
  if (!s.device_key) return send(error_frame(id, errc::unauthenticated));
  if (r.month || r.person) return prepare_document(s, id, r);
  std::string congress;
  std::string title;  // of the vote or the sitting
  auto refused =
      commands_->read([&](const domain::congress_state& state) -> std::optional<std::string> {
        auto who = domain::authenticate(state, *s.device_key);
        if (!who) return error_frame(id, who.error());
        if (!who->holds_any({domain::role::secretary, domain::role::chair}))
          return error_frame(id, errc::permission_denied);
        congress = state.congress() ? state.congress()->id : config_.congress_id;
        if (r.vote_id) {
          const auto* v = state.find_vote(*r.vote_id);
          if (v == nullptr) return error_frame(id, errc::unknown_vote);
          if (v->state != domain::vote::status::decided)
            return error_frame(id, errc::vote_not_decided);
          title = v->title;
        } else if (r.sitting_id) {
          const auto* sitting = state.find_sitting(*r.sitting_id);
          if (sitting == nullptr) return error_frame(id, errc::no_sitting);
          title = sitting->title;
        }
        return std::nullopt;
      });
  if (refused) return send(std::move(*refused));
  auto conn = s.conn;
  const bool queued = download_jobs_->post([this, conn, id, r, congress, title] {
    conn->send(std::make_shared<const std::string>(make_download(id, r, congress, title)));
  });
  if (!queued) send(error_frame(id, errc::rate_limited, "too many downloads are being made"));
}

void hall_service::prepare_document(session& s, std::uint64_t id,
                                    const protocol::prepare_download_request& r) {
  auto send = [&s](std::string frame) {
    s.conn->send(std::make_shared<const std::string>(std::move(frame)));
  };
  json::object document;
  std::string filename;
  const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
  auto refused =
      commands_->read([&](const domain::congress_state& state) -> std::optional<std::string> {
        auto who = domain::authenticate(state, *s.device_key);
        if (!who) return error_frame(id, who.error());
        const bool office = who->holds_any({domain::role::secretary, domain::role::chair});
        const std::string congress =
            state.congress() ? state.congress()->name : config_.congress_id;
        if (r.month) {
          if (!office) return error_frame(id, errc::permission_denied);
          const auto month = domain::report_month::parse(*r.month);
          if (!month) return error_frame(id, errc::invalid_month);
          auto view = domain::monthly_report_view(state, *month, today);
          document = json::object{{"report", view.at("report")},
                                  {"report_digest", view.at("report_digest")},
                                  {"issued", view.at("issued")}};
          filename =
              downloads::safe_file_name(congress, "congress") + "-月度书面报告-" + month->text();
          return std::nullopt;
        }
        if (!office && *r.person != who->person_id) return error_frame(id, errc::permission_denied);
        const auto* p = state.find_person(*r.person);
        if (p == nullptr) return error_frame(id, errc::unknown_person);
        document = domain::performance_file(state, *r.person, today);
        filename = downloads::safe_file_name(p->name, *r.person) + "-履职档案";
        return std::nullopt;
      });
  if (refused) return send(std::move(*refused));
  auto conn = s.conn;
  const bool queued = download_jobs_->post([this, conn, id, kind = r.kind, document, filename] {
    conn->send(
        std::make_shared<const std::string>(make_document_download(id, kind, document, filename)));
  });
  if (!queued) send(error_frame(id, errc::rate_limited, "too many downloads are being made"));
}

std::string hall_service::make_document_download(std::uint64_t id, const std::string& kind,
                                                 const json::object& document,
                                                 const std::string& filename) {
  const scratch_dir work{downloads_->fresh_path(".work")};
  std::error_code ec;
  fs::create_directories(work.path, ec);
  if (ec) return error_frame(id, errc::storage_failure);
  const fs::path json_file =
      kind == "monthly_report_json" ? downloads_->fresh_path(".json") : work.path / "document.json";
  {
    std::ofstream out(json_file, std::ios::binary);
    out << json::serialize(document) << '\n';
    if (!out.flush()) return error_frame(id, errc::storage_failure);
  }
  fs::path file = json_file;
  std::string name = filename + ".json";
  std::string content_type = "application/json";
  if (kind != "monthly_report_json") {
    file = downloads_->fresh_path(".pdf");
    name = filename + ".pdf";
    content_type = "application/pdf";
    auto failure = downloads::make_document(
        config_.sheet_tool, kind == "monthly_report" ? "monthly-report" : "performance-file",
        json_file, file, work.path / "sheet.log", config_.sheet_time_limit);
    if (failure) {
      fs::remove(file, ec);
      log::warn("document not made", {{"kind", kind}, {"reason", failure->reason}});
      return error_frame(id, failure->code, failure->reason);
    }
  }
  const auto bytes = fs::file_size(file, ec);
  if (ec) return error_frame(id, errc::storage_failure);
  const std::string token = downloads_->add(file, name, content_type);
  log::info("download prepared", {{"kind", kind}, {"file", name}, {"bytes", bytes}});
  return protocol::encode_ok(
      id, json::object{{"url", "/downloads/" + token}, {"filename", name}, {"bytes", bytes}});
}

std::string hall_service::make_download(std::uint64_t id,
                                        const protocol::prepare_download_request& r,
                                        const std::string& congress, const std::string& title) {
  // A fresh export of every event, in a scratch directory of the downloads; the flush makes the
  // vote decided under the lock a moment ago durable, hence part of the record.
  (void)log_->flush();
  const auto events = pushes_->durable_events(0, std::numeric_limits<std::uint64_t>::max());
  const std::string record_name =
      downloads::safe_file_name(congress, "congress") + "-record-" + std::to_string(events.size());
  const scratch_dir work{downloads_->fresh_path(".work")};
  const fs::path record_dir = work.path / record_name;
  std::error_code ec;
  fs::create_directories(work.path, ec);
  if (ec) return error_frame(id, errc::storage_failure);
  // Each receipt as its delegate got it: re-made by this machine's key, or kept in the log from
  // before this machine signed it (a promoted standby).
  const crypto::secret_key receipt_keys[] = {congress_key_};
  auto exported = record_export::write_record(events, congress_pk_, receipt_keys, record_dir,
                                              config_.kept_receipts);
  if (!exported) return error_frame(id, exported.error());

  fs::path file;
  std::string filename;
  std::string content_type;
  if (r.kind == "record") {
    file = downloads_->fresh_path(".tar.gz");
    filename = record_name + ".tar.gz";
    content_type = "application/gzip";
    auto packed = downloads::write_tar_gz(record_dir, record_name, file);
    if (!packed) {
      fs::remove(file, ec);
      return error_frame(id, packed.error());
    }
  } else {
    const bool sitting = r.kind == "sitting_sheet";
    const std::string& which = sitting ? *r.sitting_id : *r.vote_id;
    file = downloads_->fresh_path(".pdf");
    filename = sitting ? downloads::safe_file_name(title, which) + "-表决结果汇总.pdf"
                       : downloads::safe_file_name(title, which) + ".pdf";
    content_type = "application/pdf";
    auto failure = downloads::make_sheet(config_.sheet_tool, record_dir, sitting, which, file,
                                         work.path / "sheet.log", config_.sheet_time_limit);
    if (failure) {
      fs::remove(file, ec);
      log::warn("sheet not made", {{"kind", r.kind}, {"id", which}, {"reason", failure->reason}});
      return error_frame(id, failure->code, failure->reason);
    }
  }
  const auto bytes = fs::file_size(file, ec);
  if (ec) return error_frame(id, errc::storage_failure);
  const std::string token = downloads_->add(file, filename, content_type);
  log::info("download prepared", {{"kind", r.kind}, {"file", filename}, {"bytes", bytes}});
  return protocol::encode_ok(
      id, json::object{{"url", "/downloads/" + token}, {"filename", filename}, {"bytes", bytes}});
}

}  // namespace plenum::server::service
