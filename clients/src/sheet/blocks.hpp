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
  double share = 0;
  std::string heading;
  text_style style{};
};

/// Draws a table at the cursor across the page, one row after another; a row that does not fit
/// goes to the next page, under a repeated heading row. Moves the cursor below the table.
void draw_table(page_canvas& canvas, const std::vector<table_column>& columns,
                const std::vector<std::vector<std::string>>& rows);

/// One part of a bar: a count drawn in the colour of `series` (an index into the palette).
struct bar_segment {
  std::uint64_t count = 0;
  std::size_t series = 0;
};

/// One row of a bar chart: a label, the segments laid end to end, the text after the bar.
struct bar_row {
  std::string label;
  std::vector<bar_segment> segments;
  std::string value;
};

/// One entry of a chart's legend: the series' colour and its name.
struct legend_entry {
  std::string label;
  std::size_t series = 0;
};

/// A horizontal bar chart. Bars are scaled so that `scale` spans the bar area; `marker`
/// draws a dashed vertical line at that count labelled `marker_label`; `legend` names the
/// series (drawn above the bars when non-empty).
struct bar_chart {
  std::vector<bar_row> rows;
  std::uint64_t scale = 1;
  std::optional<std::uint64_t> marker;
  std::string marker_label;
  std::vector<legend_entry> legend;
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
