#include "page_canvas.hpp"

#include <cairo-pdf.h>

#include <algorithm>

namespace plenum::clients::sheet::detail {

namespace {

cairo_status_t append_chunk(void* closure, const unsigned char* data, unsigned int length) {
  if (closure != nullptr)
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

constexpr rgb footer_grey{0.35, 0.35, 0.35};

}  // namespace

bool noto_cjk_installed() {
  PangoFontMap* map = pango_cairo_font_map_get_default();  // not owned
  pango_context_ptr context(pango_font_map_create_context(map));
  for (const char* family : {sans_family, serif_family, mono_family}) {
    font_ptr wanted(pango_font_description_new());
    pango_font_description_set_family(wanted.get(), family);
    pango_font_description_set_absolute_size(wanted.get(), 10 * PANGO_SCALE);
    std::unique_ptr<PangoFont, gobject_deleter> font(
        pango_context_load_font(context.get(), wanted.get()));
    if (!font) return false;
    font_ptr found(pango_font_describe(font.get()));
    const char* name = pango_font_description_get_family(found.get());
    if (name == nullptr || std::string_view(name) != family) return false;
  }
  return true;
}

std::optional<page_canvas> page_canvas::create(std::string* sink, int total_pages,
                                               std::string_view title) {
  surface_ptr surface(
      cairo_pdf_surface_create_for_stream(append_chunk, sink, page_width, page_height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
  const std::string title_text(title);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title_text.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "plenum-sheet");
  context_ptr cr(cairo_create(surface.get()));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
  pango_context_ptr pango(pango_cairo_create_context(cr.get()));
  if (!pango) return std::nullopt;
  // Sizes are absolute (points), and metrics unhinted so that the layout is the same at every
  // resolution the PDF is later shown at.
  pango_cairo_context_set_resolution(pango.get(), 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango.get(), options);
  cairo_font_options_destroy(options);
  return page_canvas(std::move(surface), std::move(cr), std::move(pango), total_pages);
}

page_canvas::page_canvas(surface_ptr surface, context_ptr cr, pango_context_ptr pango,
                         int total_pages)
    : surface_(std::move(surface)),
      cr_(std::move(cr)),
      pango_(std::move(pango)),
      total_pages_(total_pages) {}

void page_canvas::need(double height) {
  if (y_ + height > content_bottom && y_ > top_margin) new_page();
}

void page_canvas::new_page() {
  draw_footer();
  cairo_show_page(cr_.get());
  ++page_;
  y_ = top_margin;
}

layout_ptr page_canvas::layout(std::string_view text, double width, const text_style& style) {
  layout_ptr out(pango_layout_new(pango_.get()));
  font_ptr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), style.family);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_layout_set_font_description(out.get(), font.get());
  pango_layout_set_width(out.get(), pango_units_from_double(width));
  pango_layout_set_wrap(out.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(out.get(), style.align);
  if (style.single_line) pango_layout_set_ellipsize(out.get(), PANGO_ELLIPSIZE_END);
  // Hex strings break anywhere; a hyphen there would read as part of the digest.
  PangoAttrList* attributes = pango_attr_list_new();
  pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(out.get(), attributes);
  pango_attr_list_unref(attributes);
  pango_layout_set_text(out.get(), text.data(), static_cast<int>(text.size()));
  return out;
}

double page_canvas::measure(std::string_view text, double width, const text_style& style) {
  auto l = layout(text, width, style);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return pango_units_to_double(h);
}

double page_canvas::measure_width(std::string_view text, const text_style& style) {
  auto l = layout(text, -1, style);
  pango_layout_set_width(l.get(), -1);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return pango_units_to_double(w);
}

double page_canvas::text_at(double x, double y, double width, std::string_view text,
                            const text_style& style) {
  auto l = layout(text, width, style);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  cairo_set_source_rgb(cr_.get(), style.color.r, style.color.g, style.color.b);
  cairo_move_to(cr_.get(), x, y);
  pango_cairo_show_layout(cr_.get(), l.get());
  return pango_units_to_double(h);
}

void page_canvas::paragraph(std::string_view text, const text_style& style, double space_after) {
  need(measure(text, width(), style));
  y_ += text_at(left(), y_, width(), text, style) + space_after;
}

void page_canvas::flow(const std::vector<std::string>& items, const text_style& style, double gap,
                       double space_after) {
  double x = left();
  double line_height = 0;
  for (const auto& item : items) {
    const double w = std::min(measure_width(item, style), width());
    const double h = measure(item, width(), style);
    if (x > left() && x + w > left() + width()) {
      y_ += line_height;
      x = left();
      line_height = 0;
    }
    if (x == left()) need(h);
    text_at(x, y_, w + 1, item, style);
    x += w + gap;
    line_height = std::max(line_height, h);
  }
  y_ += line_height + space_after;
}

void page_canvas::fill_rect(double x, double y, double w, double h, rgb color) {
  cairo_set_source_rgb(cr_.get(), color.r, color.g, color.b);
  cairo_rectangle(cr_.get(), x, y, w, h);
  cairo_fill(cr_.get());
}

void page_canvas::line(double x0, double y0, double x1, double y1, rgb color, double line_width) {
  cairo_set_source_rgb(cr_.get(), color.r, color.g, color.b);
  cairo_set_line_width(cr_.get(), line_width);
  cairo_move_to(cr_.get(), x0, y0);
  cairo_line_to(cr_.get(), x1, y1);
  cairo_stroke(cr_.get());
}

void page_canvas::draw_footer() {
  const double top = page_height - 30;
  line(left(), top - 4, left() + width(), top - 4, footer_grey, 0.4);
  text_style style;
  style.size = 7.5;
  style.color = footer_grey;
  style.single_line = true;
  text_at(left(), top, width() * 0.75, footer_, style);
  std::string number = "第 " + std::to_string(page_) + " 页";
  if (total_pages_ > 0) number += " / 共 " + std::to_string(total_pages_) + " 页";
  style.align = PANGO_ALIGN_RIGHT;
  text_at(left() + width() * 0.75, top, width() * 0.25, number, style);
}

bool page_canvas::finish() {
  draw_footer();
  cairo_show_page(cr_.get());
  cairo_surface_finish(surface_.get());
  return cairo_status(cr_.get()) == CAIRO_STATUS_SUCCESS &&
         cairo_surface_status(surface_.get()) == CAIRO_STATUS_SUCCESS;
}

}  // namespace plenum::clients::sheet::detail
