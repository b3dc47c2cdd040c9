#include "storage/pq.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace plenum::server::storage::pq {

namespace {

storage_error failure(std::string message) {
  return make_storage_error(errc::storage_failure, std::move(message));
}

// The statement's first word ("INSERT", "COMMIT"), for messages.
std::string context_of(std::string_view sql) {
  const auto start = sql.find_first_not_of(" \n");
  if (start == std::string_view::npos) return "SQL";
  sql.remove_prefix(start);
  return std::string(sql.substr(0, sql.find_first_of(" \n(;")));
}

}  // namespace

void params::add(std::int64_t value) {
  values_.push_back(std::to_string(value));
  binary_.push_back(0);
}

void params::add_text(std::string_view value) {
  values_.emplace_back(value);
  binary_.push_back(0);
}

void params::add_bytes(crypto::byte_span value) {
  values_.emplace_back(reinterpret_cast<const char*>(value.data()), value.size());
  binary_.push_back(1);
}

void result::clearer::operator()(pg_result* r) const noexcept { PQclear(r); }

int result::rows() const { return PQntuples(result_.get()); }

bool result::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::int64_t result::int64(int row, int column) const {
  const auto b = bytes(row, column);
  if (b.size() != 8) return 0;
  std::uint64_t v = 0;
  for (std::uint8_t byte : b) v = (v << 8) | byte;  // network byte order
  return static_cast<std::int64_t>(v);
}

crypto::byte_span result::bytes(int row, int column) const {
  const char* data = PQgetvalue(result_.get(), row, column);
  const auto size = static_cast<std::size_t>(PQgetlength(result_.get(), row, column));
  return {reinterpret_cast<const std::uint8_t*>(data), size};
}

std::string_view result::text(int row, int column) const {
  const char* data = PQgetvalue(result_.get(), row, column);
  return {data, static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

void connection::finisher::operator()(pg_conn* c) const noexcept { PQfinish(c); }

connection::connection(pg_conn* c, std::unique_ptr<notices> n) : notices_(std::move(n)), conn_(c) {
  PQsetNoticeReceiver(
      conn_.get(),
      [](void* target, const PGresult* r) {
        const char* severity = PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED);
        if (severity == nullptr || std::strcmp(severity, "WARNING") != 0) return;
        const char* message = PQresultErrorMessage(r);
        static_cast<notices*>(target)->warnings.emplace_back(message ? message : "WARNING");
      },
      notices_.get());
}

storage_result<connection> connection::open(const std::string& conninfo) {
  pg_conn* c = PQconnectdb(conninfo.c_str());
  if (c == nullptr) return failure("connecting to PostgreSQL: out of memory");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string message = PQerrorMessage(c);
    PQfinish(c);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return failure("connecting to PostgreSQL: " + message);
  }
  return connection(c, std::make_unique<notices>());
}

storage_error connection::error(std::string_view context, const pg_result* r) const {
  std::string message = r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn_.get());
  while (!message.empty() && message.back() == '\n') message.pop_back();
  const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string out(context);
  out += ": ";
  out += message.empty() ? "the connection to PostgreSQL failed" : message;
  if (state != nullptr) out += std::string(" (SQLSTATE ") + state + ")";
  return failure(std::move(out));
}

storage_result<result> connection::exec(std::string_view sql, const params& p,
                                        bool binary_results) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  values.reserve(p.values_.size());
  lengths.reserve(p.values_.size());
  for (const auto& v : p.values_) {
    values.push_back(v.data());
    lengths.push_back(static_cast<int>(v.size()));
  }
  const std::string text(sql);
  result r(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(values.size()), nullptr,
                        values.data(), lengths.data(), p.binary_.data(), binary_results ? 1 : 0));
  const auto status = PQresultStatus(r.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return error(context_of(text), r.result_.get());
  }
  return r;
}

storage_result<void> connection::run(std::string_view sql) {
  const std::string text(sql);
  result r(PQexec(conn_.get(), text.c_str()));
  const auto status = PQresultStatus(r.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return error(context_of(text), r.result_.get());
  }
  return {};
}

storage_result<void> connection::start_rows(std::string_view sql, const params& p) {
  const std::string text(sql);
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const auto& v : p.values_) {
    values.push_back(v.data());
    lengths.push_back(static_cast<int>(v.size()));
  }
  if (PQsendQueryParams(conn_.get(), text.c_str(), static_cast<int>(values.size()), nullptr,
                        values.data(), lengths.data(), p.binary_.data(), 1) == 0) {
    return error("SELECT", nullptr);
  }
  PQsetSingleRowMode(conn_.get());
  return {};
}

storage_result<result> connection::next_row(bool& done) {
  result r(PQgetResult(conn_.get()));
  if (!r.result_) {
    done = true;
    return r;
  }
  const auto status = PQresultStatus(r.result_.get());
  if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK) {
    return error("SELECT", r.result_.get());
  }
  return r;
}

bool connection::ok() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

storage_result<void> connection::reset() {
  PQreset(conn_.get());
  if (!ok()) return error("reconnecting to PostgreSQL", nullptr);
  return {};
}

int connection::backend_pid() const { return PQbackendPID(conn_.get()); }

std::string connection::address() const {
  const char* host = PQhost(conn_.get());
  const char* port = PQport(conn_.get());
  const char* db = PQdb(conn_.get());
  return std::string("postgresql://") + (host ? host : "") + ":" + (port ? port : "") + "/" +
         (db ? db : "");
}

std::vector<std::string> connection::take_warnings() {
  std::vector<std::string> out;
  out.swap(notices_->warnings);
  return out;
}

}  // namespace plenum::server::storage::pq
