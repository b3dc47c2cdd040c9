#include "app/standby_sync_file.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <stdexcept>

namespace plenum::server::app {

void write_standby_sync(const std::filesystem::path& path, const standby_sync& s) {
  boost::json::object o;
  o["format"] = "plenum-standby-sync/1";
  o["observed_unix_ms"] = s.observed_unix_ms;
  if (s.primary_last_seen_unix_ms)
    o["primary_last_seen_unix_ms"] = *s.primary_last_seen_unix_ms;
  else
    o["primary_last_seen_unix_ms"] = nullptr;
  o["named_sync_when_last_seen"] = s.named_sync_when_last_seen;
  o["streaming"] = s.streaming;
  o["replayed_all"] = s.replayed_all;
  o["head_seq"] = s.head_seq;
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << boost::json::serialize(o) << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace plenum::server::app
