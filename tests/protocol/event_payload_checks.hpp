// The checks the event payload tests make of each stored text: decoded and encoded again it is
// the same bytes, or it is refused naming the member at fault.
#pragma once

#include <string_view>

namespace plenum::protocol {

/// Decodes `text` as the payload of a `type` event: it decodes, as that type, and encodes again
/// to exactly `text`.
void expect_round_trip(std::string_view type, std::string_view text);

/// Decoding `text` as the payload of a `type` event is refused as invalid_field, the message
/// naming `path`.
void expect_refused_at(std::string_view type, std::string_view text, std::string_view path);

}  // namespace plenum::protocol
