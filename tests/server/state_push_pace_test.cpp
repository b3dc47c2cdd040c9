// state_push_pace: the pause after a `state` push as the hall grows, and when a push of changes
// that keep coming is due (push_due).
#include "service/state_push_pace.hpp"

#include <gtest/gtest.h>

namespace plenum::server::service {
namespace {

using std::chrono::milliseconds;

TEST(StatePushPace, AFewSubscribersArePushedEveryInterval) {
  const state_push_pace pace;
  EXPECT_EQ(pace.pause_after(0), milliseconds(200));
  EXPECT_EQ(pace.pause_after(120), milliseconds(200));
  EXPECT_EQ(pace.pause_after(500), milliseconds(200));
}

TEST(StatePushPace, AFullHallSpreadsThePushesUpToTheLongest) {
  const state_push_pace pace;
  // 0.4 ms per subscriber from 500 on, up to 500 ms at 1250.
  EXPECT_EQ(pace.pause_after(1000), milliseconds(400));
  EXPECT_EQ(pace.pause_after(1250), milliseconds(500));
  // A hall of 3000: every 500 ms, as before (every tablet shows the progress within 1 s of the
  // last receipt), and 6000 frames a second.
  EXPECT_EQ(pace.pause_after(3000), milliseconds(500));
  EXPECT_EQ(pace.pause_after(5000), milliseconds(500));
}

TEST(StatePushPace, ALargeHallGetsNoMoreThanTheFramesPerSecond) {
  const state_push_pace pace;
  // Past 5000 subscribers 10,000 frames a second at most: 750 ms at 7500, 1 s at 10,000.
  EXPECT_EQ(pace.pause_after(5001), milliseconds(500));
  EXPECT_EQ(pace.pause_after(7500), milliseconds(750));
  EXPECT_EQ(pace.pause_after(10'000), milliseconds(1000));
  for (std::size_t n : {6000U, 8000U, 10'000U})
    EXPECT_LE(static_cast<double>(n) * 1000.0 / static_cast<double>(pace.pause_after(n).count()),
              10'000.0)
        << n;
  // Never slower than the large hall's longest.
  EXPECT_EQ(pace.pause_after(20'000), milliseconds(1000));
}

TEST(StatePushPace, AHallConfiguredOtherwiseKeepsItsBounds) {
  // A pace without the large hall's budget is the spread clamped to [interval, longest].
  state_push_pace fast{milliseconds(50), std::chrono::microseconds(10), milliseconds(100), 0,
                       milliseconds(0)};
  EXPECT_EQ(fast.pause_after(1), milliseconds(50));
  EXPECT_EQ(fast.pause_after(8000), milliseconds(80));
  EXPECT_EQ(fast.pause_after(50'000), milliseconds(100));
  // A longest below the interval: the interval.
  state_push_pace odd{milliseconds(300), std::chrono::microseconds(400), milliseconds(100), 0,
                      milliseconds(0)};
  EXPECT_EQ(odd.pause_after(10'000), milliseconds(300));
}

TEST(StatePushPace, WhileTheStateKeepsChangingThePushesComeAtFourTimesThePause) {
  const state_push_pace pace;
  EXPECT_EQ(pace.settle, milliseconds(100));
  const push_window hall = pace.window_after(3000);
  EXPECT_EQ(hall.shortest, milliseconds(500));
  EXPECT_EQ(hall.longest, milliseconds(2000));
  const push_window township = pace.window_after(120);
  EXPECT_EQ(township.shortest, milliseconds(200));
  EXPECT_EQ(township.longest, milliseconds(800));
  // A factor below one keeps the window at the pause.
  state_push_pace even;
  even.while_changing = 0;
  EXPECT_EQ(even.window_after(3000).longest, milliseconds(500));
}

using clock = std::chrono::steady_clock;

TEST(PushDue, AChangeAfterAQuietTimeIsPushedAtOnce) {
  const auto pushed = clock::time_point() + std::chrono::seconds(100);
  const push_window w{milliseconds(500), milliseconds(1000)};
  // The last push was 5 s ago: its window has passed, the change goes now.
  const auto change = pushed + std::chrono::seconds(5);
  EXPECT_EQ(push_due(pushed + w.shortest, pushed + w.longest, change, milliseconds(100)),
            pushed + w.longest);
  EXPECT_LT(push_due(pushed + w.shortest, pushed + w.longest, change, milliseconds(100)), change);
}

TEST(PushDue, ChangesThatPauseArePushedAfterTheSettleButNotBeforeTheShortest) {
  const auto pushed = clock::time_point() + std::chrono::seconds(100);
  const auto earliest = pushed + milliseconds(500);
  const auto latest = pushed + milliseconds(1000);
  // The last change 50 ms after the push: not before the shortest pause.
  EXPECT_EQ(push_due(earliest, latest, pushed + milliseconds(50), milliseconds(100)), earliest);
  // The last change 700 ms after it: 100 ms later.
  EXPECT_EQ(push_due(earliest, latest, pushed + milliseconds(700), milliseconds(100)),
            pushed + milliseconds(800));
}

TEST(PushDue, ChangesThatKeepComingArePushedAtTheLongest) {
  const auto pushed = clock::time_point() + std::chrono::seconds(100);
  const auto earliest = pushed + milliseconds(500);
  const auto latest = pushed + milliseconds(1000);
  for (int at : {950, 990, 1000, 1500})
    EXPECT_EQ(push_due(earliest, latest, pushed + milliseconds(at), milliseconds(100)), latest)
        << at;
}

}  // namespace
}  // namespace plenum::server::service
