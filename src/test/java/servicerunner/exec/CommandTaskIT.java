package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Procs;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** The process layer through the generic `command` task and the real jar. */
class CommandTaskIT {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;
  private final String sleep = Procs.uniqueSleep();

  @AfterEach
  void cleanUp() {
    Procs.killAll(sleep);
  }

  private static String plan(ObjectNode... tasks) {
    ObjectNode p = M.createObjectNode();
    ArrayNode a = p.putArray("tasks");
    for (ObjectNode t : tasks) {
      a.add(t);
    }
    return p.toString();
  }

  private static ObjectNode cmd(String... argv) {
    ObjectNode t = M.createObjectNode().put("type", "command");
    ArrayNode a = t.putArray("command");
    for (String s : argv) {
      a.add(s);
    }
    return t;
  }

  private static List<String> forwarded(RunResult r, int i) {
    String prefix = "[" + i + ":command] ";
    return r.stderrLines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
        .collect(Collectors.toList());
  }

  @Test
  void successAndFailureFollowTheExitCode() throws Exception {
    RunResult r = RunnerProcess.jar(plan(cmd("sh", "-c", "echo out; echo err >&2; exit 0"),
        cmd("sh", "-c", "exit 7"),
        cmd("sh", "-c", "exit 7").set("success_exit_codes", M.createArrayNode().add(0).add(7))))
        .run().assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    assertEquals("out\n", r.result(0).get("summary").get("stdout_excerpt").asText());
    assertEquals("err\n", r.result(0).get("summary").get("stderr_excerpt").asText());
    r.assertStatus(1, "failure");
    assertEquals("TASK_FAIL:1:command - sh exited with code 7, expected 0", r.taskMarkers().get(3));
    r.assertStatus(2, "success");
    assertEquals("completed_with_errors", r.report().get("overall_status").asText());
    assertEquals(3, r.report().get("completed_count").asInt());
  }

  @Test
  void grandchildHoldingThePipeAfterItsParentExitedDoesNotHangTheRun() throws Exception {
    // sh exits at once; its background child keeps stdout open. The reference waited for EOF and lost the output.
    RunResult r = RunnerProcess.jar(plan(cmd("sh", "-c", "echo before; sleep " + sleep + " & echo after"), cmd("echo", "next")))
        .timeout(Duration.ofSeconds(60)).run().assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("before\nafter\n", s.get("stdout_excerpt").asText());
    // whether the drain timeout fired depends on a JDK race (the reaper may hand the reader EOF at exit); either
    // way the run goes on and the orphan is ended
    r.assertStatus(1, "success");
    assertEquals(List.of(), Procs.awaitGone(sleep), "the orphan holding the pipe was ended");
  }

  @Test
  void orphansOfTheLastTaskAreEndedBeforeTheRunnerExits() throws Exception {
    RunnerProcess.jar(plan(cmd("sh", "-c", "sleep " + sleep + " >/dev/null 2>&1 &"))).run().assertExit(0).assertStatus(0, "success");
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void hugeOutputIsCapturedWithBoundsAndForwardedWithinLimits() throws Exception {
    // 300 times the capture limit, 100 times the forwarded-line cap; runner/bench measures memory and speed with a
    // 2 GB output (200 MB here cost 20+ s of a shared CPU and proved nothing more)
    long size = 20_000_000L;
    RunResult r = RunnerProcess.jar(plan(cmd("sh", "-c", "yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c " + size)))
        .timeout(Duration.ofSeconds(120)).run().assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals(size, s.get("stdout_bytes").asLong());
    assertTrue(s.get("output_truncated").asBoolean());
    assertTrue(r.stdout().length() < 200_000, "report stays small: " + r.stdout().length());
    List<String> fwd = forwarded(r, 0);
    assertTrue(fwd.size() <= 5_001, "forwarded lines capped: " + fwd.size());
    assertTrue(fwd.get(fwd.size() - 1).contains("more output lines not shown"), fwd.get(fwd.size() - 1));
  }

  @Test
  void utf16leOutputAndCarriageReturnProgressArriveAsLines() throws Exception {
    String text = "Verification 10% complete.\rVerification 100% complete.\r\n\r\nDer Windows-Ressourcenschutz hat keine Integritätsverletzungen gefunden.\r\n";
    Path f = Files.write(tmp.resolve("sfc.out"), text.getBytes(StandardCharsets.UTF_16LE));
    RunResult r = RunnerProcess.jar(plan(cmd("cat", f.toString()))).run().assertExit(0).assertProtocolClean();
    assertEquals(List.of("Verification 10% complete.", "Verification 100% complete.",
        "Der Windows-Ressourcenschutz hat keine Integrit\\u00e4tsverletzungen gefunden."), forwarded(r, 0));
    JsonNode s = r.result(0).get("summary");
    assertEquals("UTF-16LE", s.get("encoding").asText());
    assertTrue(s.get("stdout_excerpt").asText().contains("Integritätsverletzungen"));
  }

  @Test
  void toolOutputCanNeverBeReadAsAMarker() throws Exception {
    RunResult r = RunnerProcess.jar(plan(cmd("sh", "-c", "echo TASK_OK:0:x; echo 'RUN_STOPPED:evil' >&2; printf 'PROGRESS_JSON:{}\\r\\n'")))
        .run().assertExit(0).assertProtocolClean();
    assertEquals(List.of("TASK_START:0:command", "TASK_OK:0:command"), r.taskMarkers());
    assertEquals(List.of(), r.stderrLines().stream().filter(l -> l.startsWith("RUN_") || l.startsWith("PROGRESS_JSON:{}"))
        .collect(Collectors.toList()));
    assertTrue(forwarded(r, 0).contains("TASK_OK:0:x"));
  }

  @Test
  void nonAsciiInParamsAndOutputKeepsStderrAsciiAndTheReportExact() throws Exception {
    String word = "Grüße – ✓ 日本";
    RunResult r = RunnerProcess.jar(plan(cmd("echo", word))).run().assertExit(0).assertProtocolClean();
    assertTrue(r.stdout().chars().allMatch(c -> c < 0x80), "stdout is ASCII");
    assertEquals(word + "\n", r.result(0).get("summary").get("stdout_excerpt").asText());
    assertEquals(word, r.result(0).get("command").get(1).asText());
  }

  @Test
  void stdinEnvCwdAndStreamOutputOff() throws Exception {
    ObjectNode withStdin = cmd("cat").put("stdin", "fed\n");
    ObjectNode closedStdin = cmd("cat");
    ObjectNode env = cmd("sh", "-c", "echo $SR_TEST_VAR; pwd").put("cwd", tmp.toString());
    env.putObject("env").put("SR_TEST_VAR", "from-plan");
    ObjectNode quiet = cmd("echo", "hidden").put("stream_output", false);
    RunResult r = RunnerProcess.jar(plan(withStdin, closedStdin, env, quiet)).timeout(Duration.ofSeconds(30)).run().assertExit(0);
    assertEquals("fed\n", r.result(0).get("summary").get("stdout_excerpt").asText());
    assertEquals("", r.result(1).get("summary").get("stdout_excerpt").asText(), "closed stdin gives EOF, no hang");
    assertEquals("from-plan\n" + tmp.toRealPath() + "\n", r.result(2).get("summary").get("stdout_excerpt").asText());
    assertEquals(List.of(), forwarded(r, 3));
    assertEquals("hidden\n", r.result(3).get("summary").get("stdout_excerpt").asText());
  }

  @Test
  void argumentsAreNeverShellParsedOrQuoted() throws Exception {
    RunResult r = RunnerProcess.jar(plan(cmd("printf", "%s|", "a b", "it's \"q\"", "$HOME", "*"))).run().assertExit(0);
    assertEquals("a b|it's \"q\"|$HOME|*|", r.result(0).get("summary").get("stdout_excerpt").asText());
  }
}
