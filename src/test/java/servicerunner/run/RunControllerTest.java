package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import servicerunner.exec.CancelToken;

class RunControllerTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final RunController c = new RunController(new RunObserver() {
    @Override
    public void runPaused(String reason) {
      events.add("paused:" + reason);
    }

    @Override
    public void runResumed(String reason) {
      events.add("resumed:" + reason);
    }
  });

  @Test
  void skipDuringATaskCancelsItAndBetweenTasksAppliesToTheNext() throws Exception {
    CancelToken t = c.taskStarting(0);
    c.skip();
    assertEquals(RunController.SKIP_REASON, t.reason());
    c.taskEnded(0);
    assertEquals(RunController.Decision.RUN, c.beforeTask(0), "a skip is used up by the task it ended");
    c.skip();
    assertEquals(RunController.Decision.SKIP, c.beforeTask(0));
    assertEquals(RunController.Decision.RUN, c.beforeTask(0));
  }

  @Test
  void stopLetsTheTaskRunUntilASecondStopOrForce() throws Exception {
    CancelToken t = c.taskStarting(0);
    c.stop(false);
    assertFalse(t.isCancelled());
    c.stop(false);
    assertEquals(RunController.STOP_REASON, t.reason());
    c.taskEnded(0);
    assertTrue(c.afterTask(false, false));
    assertEquals(RunController.Decision.STOP, c.beforeTask(0));

    RunController other = new RunController(RunObserver.NONE);
    CancelToken u = other.taskStarting(0);
    other.stop(true);
    assertTrue(u.isCancelled());
  }

  @Test
  void pauseWaitsAfterTheTaskUntilResumeAndIsAnnouncedOnce() throws Exception {
    c.taskStarting(0);
    c.pause();
    c.pause();
    c.taskEnded(0);
    CompletableFuture<Boolean> after = CompletableFuture.supplyAsync(() -> {
      try {
        return c.afterTask(false, true); // auto-pause on as well: still one wait, one announcement
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!c.isPaused() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(c.isPaused());
    assertFalse(after.isDone());
    assertTrue(c.resume());
    assertFalse(after.get(5, TimeUnit.SECONDS), "resumed, not stopped");
    assertEquals(List.of("paused:user_requested", "resumed:user_requested"), events);
    assertFalse(c.resume(), "resume while running changes nothing");
  }

  @Test
  void stopOrSignalEndsAPause() throws Exception {
    c.pause();
    CompletableFuture<RunController.Decision> before = CompletableFuture.supplyAsync(() -> {
      try {
        return c.beforeTask(0);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!c.isPaused() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    c.interrupt(StopReason.SIGNAL);
    assertEquals(RunController.Decision.STOP, before.get(5, TimeUnit.SECONDS));
    assertEquals(StopReason.SIGNAL, c.stopReason());
    c.interrupt(StopReason.OUTPUT_CLOSED);
    assertEquals(StopReason.SIGNAL, c.stopReason(), "the first fault names the stop");
  }

  @Test
  void aSignalOverrulesAUserStop() {
    c.stop(false);
    c.interrupt(StopReason.SIGNAL);
    assertEquals(StopReason.SIGNAL, c.stopReason());
  }
}
