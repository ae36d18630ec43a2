package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker with a manual clock: heartbeats, held progress and the end, each event-driven, no sleeps. */
class TaskProgressTest {
  private final ManualScheduler clock = new ManualScheduler();
  private final List<ProgressEvent> events = new ArrayList<>();
  private final ProgressParser percentAnywhere = new PatternProgress(java.util.regex.Pattern.compile("(\\d+)%"),
      null, null);

  private TaskProgress tracker(ProgressParser parser) {
    return new TaskProgress(parser, Duration.ofSeconds(15), clock, events::add, h -> 2.5);
  }

  private List<ProgressEvent> beats() {
    return events.stream().filter(ProgressEvent::heartbeat).toList();
  }

  @Test
  void aSilentTaskBeatsEveryIntervalFromItsFirstStep() {
    TaskProgress p = tracker(null);
    clock.advance(Duration.ofSeconds(20));
    assertTrue(events.isEmpty(), "no beat before the task's first step");
    p.begin();
    clock.advance(Duration.ofMillis(14_999));
    assertTrue(events.isEmpty());
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, beats().size());
    ProgressEvent first = beats().get(0);
    assertEquals(35.0, first.elapsedSeconds(), 1e-9, "elapsed counts from the tracker's start (the task's)");
    assertEquals(15.0, first.lastOutputAgeSeconds(), 1e-9);
    assertNull(first.cpuSeconds(), "no tool ran: no CPU figure");
    assertNull(first.percent());
    clock.advance(Duration.ofMinutes(10).minusSeconds(15));
    assertEquals(40, beats().size(), "a silent 10-minute task yields 40 heartbeats");
  }

  @Test
  void progressPutsTheNextBeatOff() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    clock.advance(Duration.ofSeconds(10));
    p.line("12% done");
    clock.advance(Duration.ofSeconds(14));
    assertTrue(beats().isEmpty(), "15 s counts from the last progress event");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, beats().size());
    ProgressEvent beat = beats().get(0);
    assertEquals(12.0, beat.percent(), "a beat repeats the last known percent");
    assertEquals(15.0, beat.lastOutputAgeSeconds(), 1e-9);
  }

  @Test
  void aLineWithoutProgressIsOutputButNotAnEvent() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    clock.advance(Duration.ofSeconds(10));
    p.line("still scanning");
    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, beats().size(), "output alone does not count as a progress event");
    assertEquals(5.0, beats().get(0).lastOutputAgeSeconds(), 1e-9);
  }

  @Test
  void aBeatMeasuresTheRunningToolsTreeAndKeepsWhatEarlierToolsUsed() {
    TaskProgress p = tracker(null);
    p.processStarted(ProcessHandle.current(), List.of("tool"));
    clock.advance(Duration.ofSeconds(15));
    assertEquals(2.5, beats().get(0).cpuSeconds());
    p.processEnded();
    p.processStarted(ProcessHandle.current(), List.of("tool2"));
    clock.advance(Duration.ofSeconds(15));
    assertEquals(5.0, beats().get(1).cpuSeconds(), 1e-9);
  }

  @Test
  void heldProgressGoesOutWhenItsGapIsOver() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    p.line("10%");
    clock.advance(Duration.ofMillis(100));
    p.line("20%");
    assertEquals(1, events.size());
    clock.advance(Duration.ofMillis(449));
    assertEquals(1, events.size());
    clock.advance(Duration.ofMillis(1));
    assertEquals(2, events.size());
    assertEquals(20.0, events.get(1).percent());
  }

  @Test
  void theToolsEndSendsWhatWasHeld() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    p.line("40%");
    p.line("41%");
    p.processEnded();
    assertEquals(List.of(40.0, 41.0), events.stream().map(ProgressEvent::percent).toList());
  }

  @Test
  void nothingIsSentAfterClose() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    p.line("10%");
    p.line("20%"); // held
    p.close();
    p.line("30%");
    p.processEnded();
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, events.size());
    assertEquals(0, clock.pending(), "close cancels the beat and the held release");
  }

  @Test
  void etaFollowsTheRateSoFar() {
    TaskProgress p = tracker(percentAnywhere);
    p.begin();
    clock.advance(Duration.ofSeconds(10));
    p.line("25%");
    assertEquals(30L, events.get(0).etaSeconds(), "25% after 10 s: 30 s to go");
    assertFalse(events.get(0).heartbeat());
  }

  @Test
  void theMarkerJsonLeavesUnknownsOut() {
    ProgressEvent e = new ProgressEvent(false, 45.04, "verification", null, null, null, 12L, 3.21, null, null);
    assertEquals("{\"kind\":\"progress\",\"percent\":45.0,\"phase\":\"verification\",\"eta_seconds\":12,"
        + "\"elapsed_seconds\":3.2}", servicerunner.json.Json.compact(e.toJson()));
  }

  @Test
  void aToolOfASetLengthReportsTheShareItHasRunUntilItsExit() {
    TaskProgress p = tracker(new DurationProgress(Duration.ofSeconds(100)));
    p.processStarted(ProcessHandle.current(), List.of("furmark"));
    clock.advance(Duration.ofSeconds(50));
    ProgressEvent half = events.get(events.size() - 1);
    assertEquals(50.0, half.percent(), 1e-9);
    assertEquals(50L, half.current());
    assertEquals(100L, half.total());
    assertEquals("seconds", half.unit());
    assertEquals(50L, half.etaSeconds());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(99.0, events.get(events.size() - 1).percent(), 1e-9, "never 100 before the tool's exit");
    assertTrue(events.size() <= 100, "about one event per point: " + events.size());
    p.processEnded();
    int n = events.size();
    clock.advance(Duration.ofSeconds(5));
    assertEquals(n, events.stream().filter(e -> !e.heartbeat()).count(), "no ticks after the exit");
  }
}
