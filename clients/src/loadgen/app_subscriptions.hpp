// What each device of the hall subscribes to and reads, as the web apps do it: the delegate
// tablet (clients/web/app/src/tablet.tsx), the tablet in scrutineer mode (scrutineer.tsx) and
// the big screen (screen.tsx), all through PlenumClient (client.ts). When the apps change what
// they subscribe to or read, this table is the one place the load generator changes.
#pragma once

#include <array>
#include <string_view>

namespace plenum::clients::loadgen {

/// The devices the load generator simulates as the apps run them.
enum class app_device { tablet, scrutineer, screen };

/// How one kind of device follows the hall. Plain constants.
struct app_subscription {
  app_device device;
  std::string_view name;
  /// The `topics` of its subscribe request, as JSON.
  std::string_view topics_json;
  /// Reads the board's past with get_board pages before subscribing from the next seq
  /// (client.ts catchUpBoard, done when the topics follow the board).
  bool reads_board_past;
  /// The get_board `only` selection of those reads; empty: every event. With "course" (the
  /// tablet, subscribed to the `course` topic: its pushes are that selection too) the past ends at
  /// the reply's next_seq, and a pushed ceremony_started whose scrutineers' enrollments it does not
  /// hold has it read the course again up to the ceremony (client.ts fillScrutineerEnrollments).
  std::string_view board_read_only;
  /// Sends get_state after a state push that changes the sitting's course (a pushed state is
  /// the public view; the tablet fetches its personal one when the sitting, its check-in, the
  /// seated or excused or the current item change: tablet.tsx courseOf).
  bool refreshes_state_on_course_change;
  /// Sends get_state when a result_announced event arrives (announced.ts).
  bool refreshes_state_on_announcement;
  /// After its receipt, checks its own ballot's entry: the one the cast_ballot reply carried,
  /// else read with get_board {from_seq: receipt seq, limit: 1} (otherwise the ballot is
  /// checked against the board pushed to it).
  bool reads_own_ballot_after_receipt;
  /// Holds and checks the whole board (the scrutineer recomputes the counts from it).
  bool keeps_board;
};

/// The table.
inline constexpr std::array<app_subscription, 3> app_subscriptions{{
    {app_device::tablet, "tablet", R"(["course","state","results"])", true, "course", true, true,
     true, false},
    {app_device::scrutineer, "scrutineer", R"(["board","state","results"])", true, "", true, true,
     false, true},
    {app_device::screen, "screen", R"(["basis","state","results"])", true, "basis", false, true,
     false, false},
}};

/// The tablet as it was before it read its past as the course: every basis event from seq 0
/// (every enrollment and check-in of the hall) and pushed live. Only to measure against
/// (--tablets-read-basis).
inline constexpr app_subscription tablet_reading_basis{app_device::tablet,
                                                       "tablet",
                                                       R"(["basis","state","results"])",
                                                       true,
                                                       "basis",
                                                       true,
                                                       true,
                                                       true,
                                                       false};

/// The row of `d`.
[[nodiscard]] constexpr const app_subscription& subscription_of(app_device d) {
  for (const auto& s : app_subscriptions)
    if (s.device == d) return s;
  return app_subscriptions[0];
}

}  // namespace plenum::clients::loadgen
