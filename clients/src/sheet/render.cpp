#include "plenum/clients/sheet/render.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "page_canvas.hpp"
#include "sheet_pages.hpp"

namespace plenum::clients::sheet {

namespace {

using detail::page_canvas;

boost::system::error_code last_system_error() { return {errno, boost::system::system_category()}; }

// Draws the document twice: once into nothing to count its pages, then for real with
// "第 x 页 / 共 y 页" in the footers. The layout depends only on the data, so both passes break
// pages at the same places.
template <typename Draw>
result<std::string> two_pass(std::string_view title, Draw&& draw) {
  if (!detail::noto_cjk_installed()) return errc::internal;
  auto counting = page_canvas::create(nullptr, 0, title);
  if (!counting || !draw(*counting)) return errc::internal;
  const int pages = counting->page();
  if (!counting->finish()) return errc::internal;
  std::string pdf;
  auto canvas = page_canvas::create(&pdf, pages, title);
  if (!canvas || !draw(*canvas) || !canvas->finish()) return errc::internal;
  return pdf;
}

}  // namespace

bool fonts_installed() { return detail::noto_cjk_installed(); }

result<std::string> vote_sheet_pdf(const vote_sheet& sheet) {
  auto checked = check_vote_sheet(sheet);
  if (!checked) return checked.error();
  return two_pass(sheet.title,
                  [&](page_canvas& canvas) { return detail::draw_vote_sheet(canvas, sheet); });
}

result<std::string> sitting_sheet_pdf(const sitting_sheet& sheet) {
  auto checked = check_sitting_sheet(sheet);
  if (!checked) return checked.error();
  return two_pass(sheet.header.congress + " " + sheet.header.sitting, [&](page_canvas& canvas) {
    detail::draw_sitting_summary(canvas, sheet);
    for (const auto& vote : sheet.votes) {
      canvas.new_page();
      if (!detail::draw_vote_sheet(canvas, vote)) return false;
    }
    return true;
  });
}

result<void> write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return last_system_error();
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const auto ec = last_system_error();
      ::close(fd);
      ::unlink(temp.c_str());
      return ec;
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; a sheet is meant to be read by others.
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
    const auto ec = last_system_error();
    ::close(fd);
    ::unlink(temp.c_str());
    return ec;
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const auto ec = last_system_error();
    ::unlink(temp.c_str());
    return ec;
  }
  return {};
}

result<void> render_vote_sheet(const vote_sheet& sheet, const std::filesystem::path& path) {
  auto pdf = vote_sheet_pdf(sheet);
  if (!pdf) return pdf.error();
  return write_file_atomically(path, *pdf);
}

result<void> render_sitting_sheet(const sitting_sheet& sheet, const std::filesystem::path& path) {
  auto pdf = sitting_sheet_pdf(sheet);
  if (!pdf) return pdf.error();
  return write_file_atomically(path, *pdf);
}

}  // namespace plenum::clients::sheet
