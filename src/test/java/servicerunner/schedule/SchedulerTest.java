package servicerunner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** List scheduling without threads: which tasks start, in which order, and why the others wait. */
class SchedulerTest {
  private static Scheduler.Job job(int i, Claims c, Integer... needs) {
    return new Scheduler.Job(i, List.of(needs), c);
  }

  private static Claims pool(String name, double amount) {
    return new Claims(Map.of(name, amount), false);
  }

  private static final Claims EXCL = Claims.NONE.withExclusive(true);

  @Test
  void tasksOfOnePoolRunOneAfterAnotherWhileOthersRunBeside() {
    Scheduler s = new Scheduler(List.of(job(0, Claims.of("disk:C:")), job(1, Claims.of("disk:C:")),
        job(2, Claims.of("disk:D:")), job(3, Claims.NONE)), 4, Map.of());
    assertEquals(List.of(0, 2, 3), s.next());
    assertEquals(Map.of(1, new Wait(Wait.Kind.RESOURCE, List.of(), "disk:C:")), s.waits());
    s.ended(2);
    assertEquals(List.of(), s.next(), "another volume's end frees nothing for disk:C:");
    s.ended(0);
    assertEquals(List.of(1), s.next());
  }

  @Test
  void slotsBoundTheRunAndFreeSlotsGoToTheEarliestTask() {
    Scheduler s = new Scheduler(List.of(job(0, Claims.NONE), job(1, Claims.NONE), job(2, Claims.NONE),
        job(3, Claims.NONE)), 2, Map.of());
    assertEquals(List.of(0, 1), s.next());
    assertEquals(Wait.SLOT, s.waits().get(2));
    s.ended(1);
    assertEquals(List.of(2), s.next());
  }

  @Test
  void aCapacityLetsSeveralClaimsShareAPool() {
    Scheduler s = new Scheduler(List.of(job(0, pool("net", 1)), job(1, pool("net", 0.5)), job(2, pool("net", 0.5)),
        job(3, pool("net", 0.5))), 8, Map.of("net", 2.0));
    assertEquals(List.of(0, 1, 2), s.next());
    assertEquals("resource net", s.waits().get(3).text());
  }

  @Test
  void nothingOvertakesAWaitingExclusiveTaskAndItRunsAlone() {
    Scheduler s = new Scheduler(List.of(job(0, Claims.NONE), job(1, EXCL), job(2, Claims.NONE)), 4, Map.of());
    assertEquals(List.of(0), s.next());
    assertEquals(new Wait(Wait.Kind.EXCLUSIVE, List.of(0), null), s.waits().get(1));
    assertEquals(new Wait(Wait.Kind.EXCLUSIVE, List.of(1), null), s.waits().get(2));
    s.ended(0);
    assertEquals(List.of(1), s.next());
    assertEquals("exclusive: task 1", s.waits().get(2).text());
    s.ended(1);
    assertEquals(List.of(2), s.next());
  }

  @Test
  void anExclusiveTaskMayBeOvertakenOnlyByWhatItNeeds() {
    Scheduler s = new Scheduler(List.of(job(0, EXCL, 2), job(1, Claims.NONE), job(2, Claims.NONE, 3),
        job(3, Claims.NONE)), 4, Map.of());
    assertEquals(List.of(3), s.next(), "3 is needed (through 2) by the exclusive task 0; 1 may not overtake it");
    s.ended(3);
    assertEquals(List.of(2), s.next());
    s.ended(2);
    assertEquals(List.of(0), s.next());
    s.ended(0);
    assertEquals(List.of(1), s.next());
    assertTrue(s.waits().isEmpty());
  }

  @Test
  void needsWaitForTheEndWhateverItsStatus() {
    Scheduler s = new Scheduler(List.of(job(0, Claims.NONE, 1), job(1, Claims.NONE)), 4, Map.of());
    assertEquals(List.of(1), s.next());
    assertEquals("needs task 1", s.waits().get(0).text());
    s.ended(1);
    assertEquals(List.of(0), s.next());
  }

  @Test
  void aSettledWaitingTaskFreesWhatNeedsIt() {
    Scheduler s = new Scheduler(List.of(job(0, Claims.NONE), job(1, Claims.NONE, 0)), 1, Map.of());
    assertEquals(List.of(0), s.next());
    s.ended(0);
    assertEquals(List.of(1), s.next());
    s.ended(1);
    assertTrue(s.allEnded());
  }

  @Test
  void theSameEndingsGiveTheSameSchedule() {
    List<Scheduler.Job> jobs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      jobs.add(job(i, i % 3 == 0 ? Claims.of("disk:C:") : i == 7 ? EXCL : Claims.of("net" + (i % 2))));
    }
    assertEquals(trace(jobs), trace(jobs));
  }

  private static List<List<Integer>> trace(List<Scheduler.Job> jobs) {
    Scheduler s = new Scheduler(jobs, 3, Map.of());
    List<List<Integer>> out = new ArrayList<>();
    while (!s.allEnded()) {
      List<Integer> started = s.next();
      out.add(started);
      s.ended(s.running().get(0)); // the oldest running task ends first
    }
    return out;
  }

  @Test
  void aClaimNoPoolCanHoldIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Scheduler(List.of(job(0, pool("disk:C:", 2))), 2, Map.of()));
  }

  @Test
  void volumesNameOnePoolPerDrive() {
    assertEquals("disk:C:", Volumes.diskPool("c"));
    assertEquals("disk:D:", Volumes.diskPool("d:\\Users\\x"));
    assertEquals("disk:\\\\nas\\share", Volumes.diskPool("\\\\NAS\\Share\\dir"));
    assertEquals(Volumes.diskPool(null), Volumes.diskPool("relative\\dir"));
  }
}
