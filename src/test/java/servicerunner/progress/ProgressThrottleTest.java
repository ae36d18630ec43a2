package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {
  private static final long MS = 1_000_000L;
  private final ProgressThrottle t = new ProgressThrottle();

  private static ProgressReading pct(double p) {
    return ProgressReading.percent(p, "verification");
  }

  @Test
  void theFirstReadingGoesOutAtOnce() {
    ProgressReading r = pct(1);
    assertSame(r, t.offer(r, 0));
  }

  @Test
  void lessThanOnePointIsNotNews() {
    t.offer(pct(10), 0);
    assertNull(t.offer(pct(10.9), 2000 * MS));
    assertFalse(t.holding());
    assertEquals(11.0, t.offer(pct(11), 2000 * MS).percent());
  }

  @Test
  void aPhaseChangeIsNewsEvenAtTheSamePercent() {
    t.offer(ProgressReading.percent(0, "checkhealth"), 0);
    assertEquals("scanhealth", t.offer(ProgressReading.percent(0, "scanhealth"), 600 * MS).phase());
  }

  @Test
  void atMostOnePerGapTheNewestHeldReadingGoesOutWhenTheGapIsOver() {
    t.offer(pct(10), 0);
    assertNull(t.offer(pct(20), 100 * MS));
    assertNull(t.offer(pct(30), 200 * MS));
    assertTrue(t.holding());
    assertEquals(550 * MS, t.heldUntil());
    assertNull(t.release(549 * MS, false));
    assertEquals(30.0, t.release(550 * MS, false).percent());
    assertFalse(t.holding());
  }

  @Test
  void aHeartbeatCountsForTheGap() {
    t.heartbeatSent(0);
    assertNull(t.offer(pct(5), 100 * MS), "three events never fit in one second, a heartbeat among them");
    assertEquals(5.0, t.release(550 * MS, false).percent());
  }

  @Test
  void completionGoesOutAtOnceEvenInsideTheGap() {
    t.offer(pct(99.5), 0);
    assertEquals(100.0, t.offer(pct(100), 10 * MS).percent());
    assertNull(t.offer(pct(100), 20 * MS), "the same completion twice is not news");
  }

  @Test
  void aToolThatEndsSendsWhatWasHeld() {
    t.offer(pct(40), 0);
    t.offer(pct(41), 10 * MS);
    assertEquals(41.0, t.release(20 * MS, true).percent());
  }

  @Test
  void aFloodOfRedrawsGivesAtMostTwoEventsPerSecond() {
    int sent = 0;
    for (int i = 0; i <= 1000; i++) { // 0..100% in 10 s, a redraw every 10 ms
      long now = i * 10 * MS;
      if (t.offer(pct(i / 10.0), now) != null || t.release(now, false) != null) {
        sent++;
      }
    }
    assertTrue(sent <= 2 * 10 + 1, "sent " + sent);
    assertTrue(sent >= 17, "sent " + sent + ": every gap should carry one");
  }
}
