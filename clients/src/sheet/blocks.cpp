#include "blocks.hpp"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <memory>

namespace plenum::clients::sheet::detail {

namespace {

constexpr rgb rule_grey{0.55, 0.55, 0.55};
constexpr rgb heading_fill{0.91, 0.93, 0.96};
constexpr rgb text_grey{0.25, 0.25, 0.25};
constexpr double cell_pad = 3;

struct qr_deleter {
  void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};

// Heights of the cells of one row and the row's height.
double row_height(page_canvas& canvas, const std::vector<table_column>& columns,
                  const std::vector<std::string>& cells) {
  double height = 0;
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    const double w = columns[i].share * canvas.width() - 2 * cell_pad;
    height = std::max(height, canvas.measure(cells[i], w, columns[i].style));
  }
  return height + 2 * cell_pad;
}

void draw_row(page_canvas& canvas, const std::vector<table_column>& columns,
              const std::vector<std::string>& cells, std::vector<text_style> styles, double height,
              std::optional<rgb> fill) {
  const double top = canvas.y();
  if (fill) canvas.fill_rect(canvas.left(), top, canvas.width(), height, *fill);
  double x = canvas.left();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const double w = columns[i].share * canvas.width();
    if (i < cells.size()) {
      const double text_h = canvas.measure(cells[i], w - 2 * cell_pad, styles[i]);
      canvas.text_at(x + cell_pad, top + (height - text_h) / 2, w - 2 * cell_pad, cells[i],
                     styles[i]);
    }
    x += w;
  }
  canvas.line(canvas.left(), top + height, canvas.left() + canvas.width(), top + height, rule_grey);
  canvas.advance(height);
}

void draw_heading(page_canvas& canvas, const std::vector<table_column>& columns) {
  std::vector<std::string> cells;
  std::vector<text_style> styles;
  for (const auto& c : columns) {
    cells.push_back(c.heading);
    text_style s = c.style;
    s.family = sans_family;
    s.bold = true;
    s.size = 9;
    styles.push_back(s);
  }
  double height = 0;
  for (std::size_t i = 0; i < columns.size(); ++i)
    height = std::max(
        height,
        canvas.measure(cells[i], columns[i].share * canvas.width() - 2 * cell_pad, styles[i]));
  height += 2 * cell_pad;
  canvas.line(canvas.left(), canvas.y(), canvas.left() + canvas.width(), canvas.y(), rule_grey,
              0.8);
  draw_row(canvas, columns, cells, styles, height, heading_fill);
}

}  // namespace

void draw_table(page_canvas& canvas, const std::vector<table_column>& columns,
                const std::vector<std::vector<std::string>>& rows) {
  std::vector<text_style> styles;
  for (const auto& c : columns) styles.push_back(c.style);
  const double first = rows.empty() ? 0 : row_height(canvas, columns, rows.front());
  canvas.need(2 * first + 20);
  draw_heading(canvas, columns);
  for (const auto& row : rows) {
    const double height = row_height(canvas, columns, row);
    const int page = canvas.page();
    canvas.need(height);
    if (canvas.page() != page) draw_heading(canvas, columns);
    draw_row(canvas, columns, row, styles, height, std::nullopt);
  }
}

rgb series_color(std::size_t index) noexcept {
  static constexpr std::array<rgb, 6> palette = {{
      {0.17, 0.42, 0.69},  // blue
      {0.77, 0.19, 0.19},  // red
      {0.60, 0.62, 0.66},  // grey
      {0.18, 0.52, 0.35},  // green
      {0.87, 0.42, 0.13},  // orange
      {0.45, 0.30, 0.65},  // purple
  }};
  return palette[index % palette.size()];
}

void draw_bar_chart(page_canvas& canvas, const bar_chart& chart) {
  constexpr double bar_height = 12;
  constexpr double row_gap = 4;
  const double label_width = 110;
  const double value_width = 60;
  const double area_x = canvas.left() + label_width;
  const double area_w = canvas.width() - label_width - value_width;
  const double scale = static_cast<double>(std::max<std::uint64_t>(chart.scale, 1));
  text_style label_style;
  label_style.size = 9;
  label_style.align = PANGO_ALIGN_RIGHT;
  text_style value_style;
  value_style.size = 9;
  value_style.color = text_grey;

  if (!chart.legend.empty()) {
    canvas.need(16);
    double x = area_x;
    text_style legend_style;
    legend_style.size = 8;
    for (const auto& entry : chart.legend) {
      canvas.fill_rect(x, canvas.y() + 2, 8, 8, series_color(entry.series));
      const double w = canvas.measure_width(entry.label, legend_style);
      canvas.text_at(x + 11, canvas.y(), w + 1, entry.label, legend_style);
      x += 11 + w + 14;
    }
    canvas.advance(16);
  }

  auto draw_marker = [&](double top, double bottom) {
    if (!chart.marker) return;
    const double x = area_x + area_w * std::min(1.0, static_cast<double>(*chart.marker) / scale);
    cairo_t* cr = canvas.cr();
    const std::array<double, 2> dash = {3, 2};
    cairo_save(cr);
    cairo_set_dash(cr, dash.data(), static_cast<int>(dash.size()), 0);
    canvas.line(x, top, x, bottom, {0.10, 0.10, 0.10}, 0.8);
    cairo_restore(cr);
  };

  bool marker_labelled = false;
  for (const auto& row : chart.rows) {
    const double label_h = canvas.measure(row.label, label_width - 8, label_style);
    const double height = std::max(bar_height, label_h) + row_gap;
    const int page = canvas.page();
    canvas.need(height + (marker_labelled ? 0 : 14));
    if (canvas.page() != page) marker_labelled = false;
    if (chart.marker && !marker_labelled) {
      const double x = area_x + area_w * std::min(1.0, static_cast<double>(*chart.marker) / scale);
      canvas.text_at(x - 60, canvas.y(), 120, chart.marker_label,
                     {sans_family, 8, false, {0.1, 0.1, 0.1}, PANGO_ALIGN_CENTER});
      canvas.advance(12);
      marker_labelled = true;
    }
    const double top = canvas.y();
    canvas.text_at(canvas.left(), top, label_width - 8, row.label, label_style);
    // The bar's track, then its segments end to end.
    canvas.fill_rect(area_x, top + 1, area_w, bar_height - 2, {0.95, 0.95, 0.95});
    double x = area_x;
    for (const auto& segment : row.segments) {
      const double w = area_w * static_cast<double>(segment.count) / scale;
      const double clipped = std::min(w, area_x + area_w - x);
      if (clipped > 0)
        canvas.fill_rect(x, top + 1, clipped, bar_height - 2, series_color(segment.series));
      x += std::max(0.0, clipped);
    }
    canvas.text_at(area_x + area_w + 6, top, value_width - 6, row.value, value_style);
    draw_marker(top - row_gap / 2, top + height - row_gap / 2);
    canvas.advance(height);
  }
  canvas.advance(4);
}

bool draw_qr(page_canvas& canvas, std::string_view text, double x, double y, double size) {
  const std::string data(text);
  std::unique_ptr<QRcode, qr_deleter> code(QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return false;
  constexpr int quiet_zone = 4;
  const int n = code->width;
  const double module = size / (n + 2 * quiet_zone);
  canvas.fill_rect(x, y, size, size, {1, 1, 1});
  cairo_t* cr = canvas.cr();
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      if ((code->data[row * n + col] & 1) == 0) continue;
      cairo_rectangle(cr, x + (col + quiet_zone) * module, y + (row + quiet_zone) * module, module,
                      module);
    }
  }
  cairo_fill(cr);
  return true;
}

}  // namespace plenum::clients::sheet::detail
