// The pages of the result sheets, drawn on a page_canvas. Internal to plenum_sheet.
#pragma once

#include "page_canvas.hpp"
#include "plenum/clients/sheet/vote_sheet.hpp"

namespace plenum::clients::sheet::detail {

/// Draws one vote's sheet starting at the top of the canvas's current page. False when the
/// QR code cannot be made.
[[nodiscard]] bool draw_vote_sheet(page_canvas& canvas, const vote_sheet& sheet);

/// Draws a sitting's summary (attendance and one line per vote) from the top of the current
/// page.
void draw_sitting_summary(page_canvas& canvas, const sitting_sheet& sheet);

}  // namespace plenum::clients::sheet::detail
