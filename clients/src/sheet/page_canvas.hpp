// The drawing surface of the result sheets: A4 pages of a cairo PDF surface written into a
// string, pango text in the Noto CJK fonts, a cursor that moves down the page and starts a new
// page when the next block does not fit, and a footer with page numbers on every page.
// Internal to plenum_sheet.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenum::clients::sheet::detail {

struct surface_deleter {
  void operator()(cairo_surface_t* surface) const noexcept { cairo_surface_destroy(surface); }
};
struct context_deleter {
  void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
struct gobject_deleter {
  void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
struct font_deleter {
  void operator()(PangoFontDescription* font) const noexcept { pango_font_description_free(font); }
};
using surface_ptr = std::unique_ptr<cairo_surface_t, surface_deleter>;
using context_ptr = std::unique_ptr<cairo_t, context_deleter>;
using pango_context_ptr = std::unique_ptr<PangoContext, gobject_deleter>;
using layout_ptr = std::unique_ptr<PangoLayout, gobject_deleter>;
using font_ptr = std::unique_ptr<PangoFontDescription, font_deleter>;

/// An sRGB colour, components in [0, 1].
struct rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};

/// The families of fonts-noto-cjk that the sheets use.
inline constexpr const char* sans_family = "Noto Sans CJK SC";
inline constexpr const char* serif_family = "Noto Serif CJK SC";
inline constexpr const char* mono_family = "Noto Sans Mono CJK SC";

/// Whether fontconfig has every family above (fonts-noto-cjk). Without them pango falls back
/// to whatever font it finds, which may draw Chinese as empty boxes. Thread-safe.
[[nodiscard]] bool noto_cjk_installed();

/// How a piece of text is set.
struct text_style {
  const char* family = sans_family;
  /// Size in points.
  double size = 10;
  bool bold = false;
  rgb color{};
  PangoAlignment align = PANGO_ALIGN_LEFT;
  /// One line only, cut with an ellipsis when too long.
  bool single_line = false;
};

/// A4 pages drawn top to bottom. Not copyable; one thread at a time.
class page_canvas {
 public:
  static constexpr double page_width = 595.2756;   // 210 mm in points
  static constexpr double page_height = 841.8898;  // 297 mm in points
  static constexpr double margin = 50;
  static constexpr double top_margin = 38;
  /// Where the content of a page ends; the footer lies below.
  static constexpr double content_bottom = page_height - 44;

  /// A canvas whose PDF bytes are appended to `*sink` (discarded when `sink` is null, for a
  /// pass that only counts pages). `total_pages` is printed in footers when non-zero.
  /// `title` becomes the PDF's title. nullopt when cairo cannot create the surface.
  [[nodiscard]] static std::optional<page_canvas> create(std::string* sink, int total_pages,
                                                         std::string_view title);

  page_canvas(page_canvas&&) noexcept = default;
  page_canvas& operator=(page_canvas&&) noexcept = default;
  page_canvas(const page_canvas&) = delete;
  page_canvas& operator=(const page_canvas&) = delete;
  ~page_canvas() = default;

  /// The cairo context, for drawing shapes.
  [[nodiscard]] cairo_t* cr() const noexcept { return cr_.get(); }
  [[nodiscard]] double left() const noexcept { return margin; }
  [[nodiscard]] double width() const noexcept { return page_width - 2 * margin; }
  /// The cursor: where the next block begins.
  [[nodiscard]] double y() const noexcept { return y_; }
  void advance(double dy) noexcept { y_ += dy; }
  /// The 1-based number of the current page.
  [[nodiscard]] int page() const noexcept { return page_; }

  /// Starts a new page unless `height` points still fit below the cursor (or the cursor is at
  /// the top of a page already, where waiting would not help).
  void need(double height);
  /// Ends the current page (drawing its footer) and starts the next one.
  void new_page();
  /// The text at the left of the footers from now on.
  void set_footer(std::string text) { footer_ = std::move(text); }

  /// The height `text` takes when set in a box `width` points wide.
  [[nodiscard]] double measure(std::string_view text, double width, const text_style& style);
  /// The width of `text` set on one line.
  [[nodiscard]] double measure_width(std::string_view text, const text_style& style);
  /// Sets `text` in a box `width` points wide whose top left corner is (x, y); returns its
  /// height. Does not move the cursor.
  double text_at(double x, double y, double width, std::string_view text, const text_style& style);
  /// Sets `text` across the page at the cursor, moves the cursor below it.
  void paragraph(std::string_view text, const text_style& style, double space_after = 4);
  /// Sets `items` left to right at the cursor, `gap` points apart, wrapping between items only
  /// (a name is never split across lines); moves the cursor below them.
  void flow(const std::vector<std::string>& items, const text_style& style, double gap,
            double space_after = 4);

  /// Fills the rectangle with `color`.
  void fill_rect(double x, double y, double w, double h, rgb color);
  /// Strokes a line of `line_width` from (x0, y0) to (x1, y1).
  void line(double x0, double y0, double x1, double y1, rgb color, double line_width = 0.5);

  /// Draws the last footer and finishes the PDF. False when cairo reports an error.
  [[nodiscard]] bool finish();

 private:
  page_canvas(surface_ptr surface, context_ptr cr, pango_context_ptr pango, int total_pages);
  [[nodiscard]] layout_ptr layout(std::string_view text, double width, const text_style& style);
  void draw_footer();

  surface_ptr surface_;
  context_ptr cr_;
  pango_context_ptr pango_;
  int total_pages_ = 0;
  int page_ = 1;
  double y_ = top_margin;
  std::string footer_;
};

}  // namespace plenum::clients::sheet::detail
