package servicerunner.task.iperf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.Params;
import servicerunner.testing.Declared;

class IperfTestTaskTest {

  static Params params(String json) {
    return Declared.params(IperfTestTask.DECLARATION.params(), json);
  }

  /** Bug B6: connect_timeout is seconds in the plan and milliseconds for iperf3. */
  @Test
  void argvConvertsConnectTimeoutToMillisecondsAndMinutesToSeconds() throws Exception {
    Params p = params("{\"server\":\"10.0.0.2\",\"duration_minutes\":0.05,\"connect_timeout\":5}");
    assertEquals(3, IperfTestTask.testSeconds(p));
    assertEquals(List.of("iperf3", "-c", "10.0.0.2", "-p", "5201", "--json", "--connect-timeout", "5000", "-i", "1",
        "-t", "3"), IperfTestTask.argv(p, 3));
  }

  @Test
  void argvWithEveryOption() throws Exception {
    Params p = params("{\"server\":\"s\",\"port\":5999,\"duration_seconds\":20,\"protocol\":\"udp\",\"bandwidth\":\"50M\","
        + "\"reverse\":true,\"parallel_streams\":4,\"omit_seconds\":2,\"interval_seconds\":0.5,"
        + "\"extra_args\":[\"--get-server-output\"]}");
    assertEquals(List.of("iperf3", "-c", "s", "-p", "5999", "--json", "--connect-timeout", "10000", "-i", "0.5", "-t",
        "20", "-P", "4", "--omit", "2", "-u", "-b", "50M", "-R", "--get-server-output"), IperfTestTask.argv(p, 20));
  }

  @Test
  void aTestLengthIsRequiredAndAtLeastOneSecond() throws Exception {
    var v = Declared.validate(IperfTestTask.DECLARATION, "{\"server\":\"s\"}");
    assertEquals(List.of("tasks[0].duration_minutes, duration_seconds: one of them is required"), v.errors());
    assertEquals(1, IperfTestTask.testSeconds(params("{\"server\":\"s\",\"duration_minutes\":0.001}")));
  }

  @Test
  void serverAndBandwidthNeverReachTheArgvAsOptions() throws Exception {
    var v = Declared.validate(IperfTestTask.DECLARATION,
        "{\"server\":\" -R\",\"duration_seconds\":5,\"bandwidth\":\"-u\"}");
    assertEquals(List.of("tasks[0].server: may not begin with \"-\" (the tool would read it as an option), got"
        + " \" -R\"", "tasks[0].bandwidth: expected a bitrate such as 100M or 1.5G, got \"-u\""), v.errors());
  }

  /** Protocol 6.3: test length + connect timeout + 10 s (plus the omitted warm-up, which also runs). */
  @Test
  void processTimeout() {
    assertEquals(Duration.ofSeconds(60 + 10 + 10), IperfTestTask.processTimeout(60, 0, 10));
    assertEquals(Duration.ofMillis(3000 + 2000 + 500 + 10_000), IperfTestTask.processTimeout(3, 2, 0.5));
  }

  @Test
  void badParameterTypesNameTheirPath() throws Exception {
    var v = Declared.validate(IperfTestTask.DECLARATION.params(),
        "{\"server\":1,\"protocol\":\"sctp\",\"port\":70000}");
    assertEquals(List.of("tasks[0].server: expected a string, got the number 1",
        "tasks[0].port: expected at most 65535, got 70000",
        "tasks[0].protocol: expected one of tcp, udp, got \"sctp\""), v.errors());
  }
}
