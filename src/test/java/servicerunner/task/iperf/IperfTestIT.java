package servicerunner.task.iperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/** iperf_test through the jar against a real iperf3 server on 127.0.0.1. */
@Order(2) // among the longest ITs: started early
@Execution(ExecutionMode.CONCURRENT) // each case has its own folder, server, port and runner
class IperfTestIT {
  private Process server;
  /** Counted down when the server accepts the test's connection: the client then runs the measurement. */
  private final CountDownLatch connected = new CountDownLatch(1);

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts a one-shot iperf3 server and waits until it says it listens. */
  int startServer() throws Exception {
    Path iperf3 = Tools.require("iperf3");
    int port = freePort();
    server = new ProcessBuilder(iperf3.toString(), "-s", "-B", "127.0.0.1", "-p", Integer.toString(port), "-1",
        "--forceflush").redirectErrorStream(true).start();
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.contains("Server listening")) {
            listening.countDown();
          } else if (line.startsWith("Accepted connection from")) {
            connected.countDown();
          }
        }
      } catch (Exception ignored) {
        // server ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    assertTrue(listening.await(10, TimeUnit.SECONDS), "iperf3 -s did not start listening");
    return port;
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void measuresLoopbackThroughput() throws Exception {
    int port = startServer();
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\",\"port\":" + port
        + ",\"duration_minutes\":0.04,\"connect_timeout\":5}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals(2, s.get("duration_seconds").asInt(), "0.04 min = 2.4 s, rounded to iperf3's whole seconds");
    assertTrue(s.at("/human_readable/throughput/mean").asDouble() > 0, s.toString());
    assertTrue(s.get("throughput_over_time_mbps").size() >= 2);
    assertEquals(5000, s.get("connect_timeout_ms").asInt());
    // the renderer's top-level fields come from the task, not the parser (contract section 6)
    RendererFields.assertField(s, "server", JsonNodeType.STRING);
    RendererFields.assertField(s, "port", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "duration_seconds", JsonNodeType.NUMBER);
    assertTrue(r.result(0).get("command").toString().contains("\"--connect-timeout\",\"5000\""));
  }

  /**
   * Issue 10: the app's builder always sends {@code "stability_threshold_mbps": "20Mbps"}. The plan is accepted with
   * one warning line naming the path, and the threshold is 20 Mbit/s, as the reference read it.
   */
  @Test
  void appsThresholdSpelledWithItsUnitIsAcceptedWithAWarning() throws Exception {
    int port = startServer();
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"executable_path\":\"iperf3\","
        + "\"server\":\"127.0.0.1\",\"port\":" + port + ",\"duration_minutes\":0.05,\"protocol\":\"tcp\","
        + "\"reverse\":false,\"parallel_streams\":1,\"omit_seconds\":0,\"interval_seconds\":1,"
        + "\"stability_threshold_mbps\":\"20Mbps\",\"ui_label\":\"Network Stability (iPerf3) - 127.0.0.1\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    assertTrue(r.stderrLines().contains("Warning: tasks[0].stability_threshold_mbps: read a string \"20Mbps\" as the"
        + " number 20 Mbps (send a JSON number to avoid this warning)"), String.join("\n", r.stderrLines()));
    assertTrue(r.stderrLines().stream().noneMatch(l -> l.contains("Plan error")), r.stderrLines().toString());
    JsonNode s = r.result(0).get("summary");
    assertEquals(2e7, s.get("stability_threshold_bps").asDouble(), s.toString());
    assertEquals(20.0, s.at("/human_readable/throughput/threshold_mbps").asDouble(), s.toString());
  }

  @Test
  void thresholdInAnotherQuantityIsAPlanError() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\","
        + "\"duration_minutes\":1,\"stability_threshold_mbps\":\"20s\"}]}").run();
    r.assertExit(1);
    String error = "tasks[0].stability_threshold_mbps: expected a number in Mbps, got a string \"20s\" (s is not a"
        + " bit rate)";
    assertEquals(error, r.report().get("error").asText());
    assertTrue(r.stderrLines().contains("Plan error: " + error), r.stderrLines().toString());
  }

  @Test
  void refusedConnectionFails() throws Exception {
    Tools.require("iperf3");
    int port = freePort(); // nothing listens there
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\",\"port\":" + port
        + ",\"duration_seconds\":2}]}").run();
    r.assertProtocolClean();
    r.assertStatus(0, "failure");
    JsonNode s = r.result(0).get("summary");
    assertEquals("connection_failed", s.at("/human_readable/verdict").asText());
    assertEquals(0, s.at("/human_readable/stability_score").asInt());
    assertTrue(s.get("error").asText().contains("Connection refused"), s.get("error").asText());
    assertTrue(r.taskMarkers().get(1).startsWith("TASK_FAIL:0:iperf_test - iperf3: unable to connect"),
        r.taskMarkers().toString());
  }

  /** Bug B5: a user skip during the test is reported as skipped, not failure. */
  @Test
  void userSkipIsSkipped(@TempDir Path tmp) throws Exception {
    int port = startServer();
    Path control = tmp.resolve("control.json");
    RunnerProcess.Started run = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\","
        + "\"port\":" + port + ",\"duration_seconds\":60}]}").env("AUTOSERVICE_CONTROL_FILE", control.toString()).start();
    assertNotNull(run.awaitLine(l -> l.startsWith("TASK_START:0:iperf_test"), Duration.ofSeconds(20)));
    assertTrue(connected.await(20, TimeUnit.SECONDS), "iperf3 did not connect to the server");
    Files.writeString(control, "{\"action\":\"skip\",\"timestamp\":1}");
    // a skip that left iperf3 running would run its 60 s past this guard
    RunResult r = run.waitFor(Duration.ofSeconds(40));
    r.assertProtocolClean();
    r.assertStatus(0, "skipped");
    assertTrue(r.taskMarkers().contains("TASK_SKIP:0:iperf_test - User requested skip"), r.taskMarkers().toString());
  }

  /** A server that accepts the connection and then says nothing: iperf3 waits, the task timeout ends it. */
  @Test
  void silentServerIsStoppedByTheTaskTimeout() throws Exception {
    Tools.require("iperf3");
    // the accepted sockets are held: one left to the garbage collector is closed by its cleaner, and iperf3 then
    // ends by itself with "Connection reset by peer" before the timeout
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // keep the socket open, never answer
          }
        } catch (Exception ignored) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\",\"port\":"
          + silent.getLocalPort() + ",\"duration_seconds\":30,\"timeout_seconds\":3}]}").run();
      r.assertProtocolClean();
      r.assertStatus(0, "failure");
      assertEquals("timeout", r.result(0).at("/summary/termination").asText(), r.result(0).toString());
      assertEquals("timed_out", r.result(0).at("/summary/human_readable/verdict").asText(), r.result(0).toString());
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /** Issue 11 item 4: a plan without a test length stops before anything starts, naming the path. */
  @Test
  void missingDurationIsAPlanError() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"iperf_test\",\"server\":\"127.0.0.1\"}]}").run();
    r.assertExit(1).assertProtocolClean();
    String error = "tasks[0].duration_minutes, duration_seconds: one of them is required";
    assertEquals(error, r.report().get("error").asText());
    assertTrue(r.stderrLines().contains("Plan error: " + error), r.stderrLines().toString());
  }

  @Test
  void fixturePlanRuns() throws Exception {
    int port = startServer();
    String plan = Files.readString(Fixtures.path("test_iperf_test.json")).replace("5201", Integer.toString(port));
    RunResult r = RunnerProcess.jar(plan).run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
  }
}
