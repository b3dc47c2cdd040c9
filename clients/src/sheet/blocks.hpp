// The building blocks of the sheets drawn on a page_canvas: tables, horizontal bar charts and
// QR codes. Internal to plenum_sheet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "page_canvas.hpp"

namespace plenum::clients::sheet::detail {

/// One column of a table: its share of the page width, its heading and how its cells are set.
struct table_column {
  double share_ = 0;
  std::string heading_;
  text_style style_{};
};

/// Draws a table at the cursor across the page, one row after another; a row that does not fit
/// goes to the next page, under a repeated heading row. Moves the cursor below the table.
void draw_table(page_canvas& canvas, const std::vector<table_column>& columns,
                const std::vector<std::vector<std::string>>& rows);

/// One part of a bar: a count drawn in the colour of `series_` (an index into the palette).
struct bar_segment {
  std::uint64_t count_ = 0;
  std::size_t series_ = 0;
};

/// One row of a bar chart: a label, the segments laid end to end, the text after the bar.
struct bar_row {
  std::string label_;
  std::vector<bar_segment> segments_;
  std::string value_;
};

/// One entry of a chart's legend: the series' colour and its name.
struct legend_entry {
  std::string label_;
  std::size_t series_ = 0;
};

/// A horizontal bar chart. Bars are scaled so that `scale_` spans the bar area; `marker_`
/// draws a dashed vertical line at that count labelled `marker_label_`; `legend_` names the
/// series (drawn above the bars when non-empty).
struct bar_chart {
  std::vector<bar_row> rows_;
  std::uint64_t scale_ = 1;
  std::optional<std::uint64_t> marker_;
  std::string marker_label_;
  std::vector<legend_entry> legend_;
};

/// The colour of series `index` (a fixed palette, repeated).
[[nodiscard]] rgb series_color(std::size_t index) noexcept;

/// Draws `chart` at the cursor; rows go to the next page when they do not fit.
void draw_bar_chart(page_canvas& canvas, const bar_chart& chart);

/// Draws the QR code of `text` (error correction M, 8-bit mode) as a `size`-point square
/// (quiet zone included) with its top left corner at (x, y). False when libqrencode fails.
[[nodiscard]] bool draw_qr(page_canvas& canvas, std::string_view text, double x, double y,
                           double size);

}  // namespace plenum::clients::sheet::detail
