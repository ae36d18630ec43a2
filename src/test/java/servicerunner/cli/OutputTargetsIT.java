package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** The files a run writes (audit D6, D14-D16): nothing special is replaced, no file destroys another. */
class OutputTargetsIT {
  @TempDir Path tmp;

  private static final String PLAN = "{\"tasks\":[{\"type\":\"command\",\"command\":[\"echo\",\"hi\"]}]}";

  private static boolean linux() {
    return System.getProperty("os.name").startsWith("Linux");
  }

  /** exit 2, nothing on stdout, exactly one stderr line: the usage error. */
  private static String refused(RunResult r) {
    r.assertExit(2).assertProtocolClean();
    assertEquals("", r.stdout());
    assertEquals(1, r.stderrLines().size(), r.stderrText());
    assertTrue(r.stderrLines().get(0).startsWith("Usage error: "), r.stderrText());
    return r.stderrLines().get(0);
  }

  private Path plan() throws Exception {
    Path p = tmp.resolve("plan.json");
    Files.writeString(p, PLAN);
    return p;
  }

  @Test
  void aFifoADeviceAFolderOrALinkToOneIsNeverATarget() throws Exception {
    assumeTrue(linux());
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path link = tmp.resolve("null-link");
    Files.createSymbolicLink(link, Path.of("/dev/null"));
    Path dir = Files.createDirectory(tmp.resolve("folder"));
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"-o", fifo.toString(), "--output-file '" + fifo + "' is a FIFO"});
    cases.add(new String[] {"--log-file", fifo.toString(), "--log-file '" + fifo + "' is a FIFO"});
    cases.add(new String[] {"--journal", link.toString(), "--journal '" + link + "' is a character device"});
    cases.add(new String[] {"--html", dir.toString(), "--html '" + dir + "' is a directory"});
    cases.add(new String[] {"--junit", link.toString(), "--junit '" + link + "' is a character device"});
    for (String[] c : cases) {
      String line = refused(RunnerProcess.jar(PLAN, c[0], c[1]).run());
      assertTrue(line.contains(c[2]), line);
    }
    assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    assertTrue(Files.isSymbolicLink(link));
    if ("root".equals(System.getProperty("user.name"))) {
      // the audit's case: as root, -o on a device node used to replace it with the report
      Path dev = tmp.resolve("scratch-null");
      assertEquals(0, new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").start().waitFor());
      assertTrue(refused(RunnerProcess.jar(PLAN, "-o", dev.toString()).run()).contains("is a character device"));
      assertFalse(Files.isRegularFile(dev));
    }
  }

  @Test
  void noOutputMayNameThePlanOrAnotherOutput() throws Exception {
    Path plan = plan();
    for (String opt : List.of("-o", "--journal", "--log-file", "--html", "--junit")) {
      String line = refused(RunnerProcess.jar(plan.toString(), opt, plan.toString()).run());
      assertTrue(line.contains("the plan and --") && line.contains("name the same file"), line);
      assertEquals(PLAN, Files.readString(plan), opt + " left the plan alone");
    }
    // spelt differently: relative, with "..", through a link
    Path link = tmp.resolve("link.json");
    Files.createSymbolicLink(link, plan.getFileName());
    refused(RunnerProcess.jar("plan.json", "-o", tmp.resolve("sub/../link.json").toString()).dir(tmp).run());
    String line = refused(RunnerProcess.jar(PLAN, "--journal", "j.jsonl", "-o", tmp.resolve("j.jsonl").toString())
        .dir(tmp).run());
    assertTrue(line.contains("--output-file and --journal name the same file"), line);
    assertEquals(PLAN, Files.readString(plan));
    assertFalse(Files.exists(tmp.resolve("j.jsonl")));
  }

  @Test
  void aLongNameALinkAndTheUmaskAreHonoured() throws Exception {
    Path out = tmp.resolve("r".repeat(250) + ".json"); // 255 bytes: the temp name used to be too long (D15)
    RunResult r = RunnerProcess.jar(PLAN, "-o", out.toString()).run().assertExit(0);
    assertEquals(r.stdout(), Files.readString(out) + "\n");
    Path real = tmp.resolve("real.json");
    Files.writeString(real, "old");
    Path link = tmp.resolve("report-link.json");
    Files.createSymbolicLink(link, real.getFileName());
    r = RunnerProcess.jar(PLAN, "-o", link.toString()).run().assertExit(0);
    assertTrue(Files.isSymbolicLink(link), "the link stays");
    assertEquals(r.stdout(), Files.readString(real) + "\n");
    if (linux()) {
      // the runner inherits this JVM's umask (D16: the report was always 0600)
      int umask = Integer.parseInt(Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow().substring(6).trim(), 8);
      String want = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.writeString(tmp.resolve("probe"), "")));
      assertEquals(want, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "umask " + umask);
    }
  }

  @Test
  void aTempFileAKilledRunLeftIsRemovedByTheNextRun() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path out = tmp.resolve("report.json");
    Path left = tmp.resolve(".report.json." + gone.pid() + ".0123456789abcdef.tmp");
    Files.writeString(left, "{\"half\":"); // SIGKILL between write and rename (D14)
    RunnerProcess.jar(PLAN, "-o", out.toString()).run().assertExit(0);
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("report.json"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }
  }
}
