#include "downloads/record_archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common/log.hpp"

namespace plenum::server::downloads {

namespace fs = std::filesystem;

namespace {

struct archive_closer {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct entry_closer {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};
using archive_ptr = std::unique_ptr<archive, archive_closer>;
using entry_ptr = std::unique_ptr<archive_entry, entry_closer>;

result<void> failed(archive* a, const fs::path& what) {
  const char* reason = a != nullptr ? archive_error_string(a) : nullptr;
  log::warn("cannot write the record archive",
            {{"file", what.string()}, {"error", reason != nullptr ? reason : "unknown"}});
  return errc::storage_failure;
}

// libarchive converts names through the thread's locale; the server runs in the "C" locale,
// where a Chinese name cannot be converted (and the pax writer fails on it). This thread uses
// C.UTF-8 while it writes, and its own locale again afterwards.
class utf8_thread_locale {
 public:
  utf8_thread_locale() : utf8_(::newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{})) {
    if (utf8_ != locale_t{}) previous_ = ::uselocale(utf8_);
  }
  ~utf8_thread_locale() {
    if (utf8_ == locale_t{}) return;
    ::uselocale(previous_);
    ::freelocale(utf8_);
  }
  utf8_thread_locale(const utf8_thread_locale&) = delete;
  utf8_thread_locale& operator=(const utf8_thread_locale&) = delete;
  [[nodiscard]] bool active() const { return utf8_ != locale_t{}; }

 private:
  locale_t utf8_;
  locale_t previous_{};
};

std::time_t unix_time(fs::file_time_type t) {
  return std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          std::chrono::file_clock::to_sys(t)));
}

// One regular file as the member `name`.
result<void> add_file(archive* a, const fs::path& file, const std::string& name) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  const auto modified = fs::last_write_time(file, ec);
  std::ifstream in(file, std::ios::binary);
  if (ec || !in) return failed(nullptr, file);
  entry_ptr e(archive_entry_new());
  archive_entry_set_pathname_utf8(e.get(), name.c_str());
  archive_entry_set_filetype(e.get(), AE_IFREG);
  archive_entry_set_perm(e.get(), 0644);
  archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
  archive_entry_set_mtime(e.get(), unix_time(modified), 0);
  if (archive_write_header(a, e.get()) != ARCHIVE_OK) return failed(a, file);
  std::array<char, 64 * 1024> buffer{};
  std::uintmax_t written = 0;
  while (in) {
    in.read(buffer.data(), buffer.size());
    const auto got = in.gcount();
    if (got <= 0) break;
    if (archive_write_data(a, buffer.data(), static_cast<std::size_t>(got)) != got)
      return failed(a, file);
    written += static_cast<std::uintmax_t>(got);
  }
  if (in.bad() || written != size) return failed(nullptr, file);
  return {};
}

}  // namespace

result<void> write_tar_gz(const fs::path& dir, std::string_view top, const fs::path& archive) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  if (ec) return failed(nullptr, dir);
  std::sort(files.begin(), files.end());

  const utf8_thread_locale utf8;
  if (!utf8.active()) return failed(nullptr, "the C.UTF-8 locale");
  archive_ptr a(archive_write_new());
  if (!a || archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
      archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
      archive_write_open_filename(a.get(), archive.c_str()) != ARCHIVE_OK)
    return failed(a.get(), archive);

  const std::string folder(top);
  entry_ptr d(archive_entry_new());
  archive_entry_set_pathname_utf8(d.get(), (folder + "/").c_str());
  archive_entry_set_filetype(d.get(), AE_IFDIR);
  archive_entry_set_perm(d.get(), 0755);
  archive_entry_set_mtime(d.get(), std::time(nullptr), 0);
  if (archive_write_header(a.get(), d.get()) != ARCHIVE_OK) return failed(a.get(), archive);

  for (const auto& file : files) {
    auto added = add_file(a.get(), file, folder + "/" + fs::relative(file, dir).generic_string());
    if (!added) return added;
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return failed(a.get(), archive);
  return {};
}

}  // namespace plenum::server::downloads
