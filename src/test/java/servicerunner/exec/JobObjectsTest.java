package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 4 on Windows, as far as Linux can check it: which guard is chosen, the fallback when the runner's
 * job cannot be made, and the layout of the structure handed to SetInformationJobObject. The jobs themselves are not
 * exercised here (no Windows in CI); {@code JobObjectsIT} proves a Linux runner never loads them.
 */
class JobObjectsTest {

  private static final JobObjects ANY = new JobObjects() {
    @Override
    public boolean adopt(Process tool) {
      return true;
    }

    @Override
    public boolean terminate(long pid) {
      return true;
    }

    @Override
    public void release(long pid) {}
  };

  @Test
  void windowsWithTheRunnersJobGuardsByJobObjectElseByTaskkill() {
    assertEquals(TreeGuard.JOB_OBJECT, TreeGuard.windows(Optional.of(ANY)));
    assertEquals("job_object", TreeGuard.JOB_OBJECT.id());
    assertEquals(TreeGuard.TASKKILL, TreeGuard.windows(Optional.empty()));
  }

  @Test
  void noOtherPlatformAsksForJobs() {
    for (Platform p : Platform.values()) {
      if (!p.isWindows()) {
        assertEquals(Optional.empty(), JobObjects.forRunner(p), p.id());
      }
    }
    assertTrue(TreeGuard.current() != TreeGuard.JOB_OBJECT || Platform.current().isWindows());
  }

  @Test
  void aJobThatCannotBeMadeLeavesTaskkill() {
    assumeTrue(!Platform.current().isWindows());
    // the Windows path taken on a system without kernel32: the load fails, and the guard stays taskkill
    Optional<JobObjects> jobs = JobObjects.forRunner(Platform.WINDOWS);
    assertEquals(Optional.empty(), jobs);
    assertEquals(TreeGuard.TASKKILL, TreeGuard.windows(jobs));
  }

  @Test
  void theExtendedLimitInformationHasTheSdkLayout() {
    // sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION): 144 on 64-bit Windows; this 64-bit host aligns the same fields
    // (LARGE_INTEGER and SIZE_T at 8, DWORD at 4) the same way
    assumeTrue(com.sun.jna.Native.POINTER_SIZE == 8);
    WindowsJobObjects.ExtendedLimits limits = new WindowsJobObjects.ExtendedLimits();
    assertEquals(144, limits.size());
    assertEquals(64, limits.basic.size());
    limits.basic.limitFlags = WindowsJobObjects.KILL_ON_JOB_CLOSE;
    limits.io.readOperations = 7;
    limits.processMemoryLimit.setValue(9);
    limits.write();
    assertEquals(0x2000, limits.getPointer().getInt(16), "LimitFlags after the two LARGE_INTEGERs");
    assertEquals(7, limits.getPointer().getLong(64), "IoInfo after the 64-byte basic limits");
    assertEquals(9, limits.getPointer().getLong(112), "ProcessMemoryLimit after the 48-byte IO_COUNTERS");
  }
}
