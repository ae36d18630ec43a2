package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * --list-tasks from the built jar against {@code fixtures/list-tasks.expected.json}: a type whose class vanished from
 * the jar, a renamed parameter or a changed default is a visible diff, not the catalogue compared with itself. After
 * an intended change of a declaration, regenerate with -Dgolden.update=true and review the diff.
 */
class ListTasksIT {

  @Test
  void theListingIsTheReviewedOne() throws Exception {
    RunResult r = RunnerProcess.jar("--list-tasks").run();
    assertEquals(0, r.exitCode(), r.stderrText());
    Fixtures.assertMatchesFile(Fixtures.path("list-tasks.expected.json"), r.report());
  }
}
