package servicerunner.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunnerProcess;

/**
 * deploy/ansible/run-plan.yml for real, on this machine: three hosts over the local connection, each with its own
 * service_runner_remote_dir, one ssh host on a closed loopback port, and one that loses its connection half-way.
 * pc-01 holds what a reboot left (a journal of two finished tasks and run.pending), pc-02 the leftovers of an
 * earlier run (a stale report on the host and on the controller), pc-03 has no Java, pc-04 cannot be reached,
 * pc-05 drops after its plan was copied.
 */
@Order(1) // the longest IT (one ansible-playbook run): started first
class AnsibleFleetIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SSH_ARGS = " ansible_user=nobody ansible_ssh_common_args='-o ConnectTimeout=5"
      + " -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'";

  @TempDir Path tmp;

  @Test
  void runsThePlanOnEveryHostAndSummarisesTheFleet() throws Exception {
    Path plan = Fixtures.path("test_command.json"); // three command tasks, the last one exits 2
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path hosts = tmp.resolve("hosts");
    Path reports = tmp.resolve("reports");
    Files.createDirectories(reports);

    seedInterruptedRun(hosts.resolve("pc-01"), plan);
    Files.createDirectories(hosts.resolve("pc-02"));
    Files.writeString(hosts.resolve("pc-02/report.json"), "{\"stale\": true}\n");
    Files.writeString(reports.resolve("pc-02.json"), "{\"stale\": true}\n");
    Files.writeString(reports.resolve("pc-04.json"), "{\"stale\": true}\n");
    Files.writeString(reports.resolve("fleet-summary.json"), "{\"stale\": true}\n");

    int closedPort = closedLoopbackPort();
    Path inventory = tmp.resolve("inventory.ini");
    Files.writeString(inventory, String.join("\n",
        "[pcs]",
        local("pc-01", hosts, "service_runner_java=" + java),
        local("pc-02", hosts, "service_runner_java=" + java),
        local("pc-03", hosts, "service_runner_java=" + tmp.resolve("no-java/bin/java")),
        "pc-04 ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=" + closedPort + SSH_ARGS,
        // the connection is taken per task: this host is local until its plan is copied, then a closed ssh port
        "pc-05 ansible_connection=\"{{ 'ssh' if service_runner_plan_copy is defined else 'local' }}\""
            + " ansible_python_interpreter=\"{{ ansible_playbook_python }}\" service_runner_remote_dir="
            + hosts.resolve("pc-05") + " ansible_host=127.0.0.1 ansible_port=" + closedPort + SSH_ARGS,
        "") + "\n");

    AnsiblePlaybook.Result r = new AnsiblePlaybook(tmp).args("-i", inventory.toString(), "--forks", "5",
        AnsiblePlaybook.deployDir().resolve("run-plan.yml").toString(),
        "-e", "service_runner_jar=" + RunnerProcess.jarPath(),
        "-e", "service_runner_plan=" + plan,
        "-e", "service_runner_reports=" + reports,
        "-e", "service_runner_poll=1",
        "-e", "service_runner_controller_java=" + java).run();
    System.out.println("AnsibleFleetIT: ansible-playbook took " + r.took().toMillis() + " ms for 5 hosts");
    String out = r.tail();

    assertTrue(Files.exists(reports.resolve("fleet-summary.json")), "no fleet-summary.json\n" + out);
    JsonNode summary = JSON.readTree(reports.resolve("fleet-summary.json").toFile());
    assertEquals("test_command.json", summary.get("plan").asText(), out);
    List<String> names = new ArrayList<>();
    summary.get("hosts").forEach(h -> names.add(h.get("host").asText()));
    assertEquals(List.of("pc-01", "pc-02", "pc-03", "pc-04", "pc-05"), names, "every host, none silently missing\n" + out);
    assertEquals(2, summary.get("counts").get("ok").asInt(), out);
    assertEquals(1, summary.get("counts").get("failed").asInt(), out);
    assertEquals(2, summary.get("counts").get("unreachable").asInt(), out);

    JsonNode pc01 = host(summary, "pc-01");
    assertEquals("ok", pc01.get("status").asText(), pc01.toString());
    assertEquals(0, pc01.get("exit_code").asInt());
    assertEquals("pc-01.json", pc01.get("report").asText());
    assertEquals("completed_with_errors", pc01.get("overall_status").asText(), "the run finished; task 2 failed");
    assertTrue(pc01.get("resumed").asBoolean(), pc01.toString());
    JsonNode report01 = JSON.readTree(reports.resolve("pc-01.json").toFile());
    assertEquals(3, report01.get("results").size());
    assertTrue(report01.get("results").get(0).path("resumed").asBoolean(), "task 0 came from the journal");
    assertTrue(report01.get("results").get(1).path("resumed").asBoolean(), "task 1 came from the journal");
    assertFalse(report01.get("results").get(2).path("resumed").asBoolean(), "task 2 ran after the resume");
    assertFalse(Files.exists(hosts.resolve("pc-01/run.pending")), "the run ended: nothing left to resume");

    JsonNode pc02 = host(summary, "pc-02");
    assertEquals("ok", pc02.get("status").asText(), pc02.toString());
    assertFalse(pc02.get("resumed").asBoolean());
    JsonNode report02 = JSON.readTree(reports.resolve("pc-02.json").toFile());
    assertFalse(report02.has("stale"), "the host's and the controller's old reports were replaced");
    assertEquals(3, report02.get("results").size());
    for (JsonNode res : report02.get("results")) {
      assertFalse(res.path("resumed").asBoolean(), "a fresh run resumes nothing");
    }
    assertEquals(Files.readString(hosts.resolve("pc-02/report.json")), Files.readString(reports.resolve("pc-02.json")));
    assertTrue(Files.readString(hosts.resolve("pc-02/run.log")).contains("TASK_FAIL:2:command"), "markers kept");

    JsonNode pc03 = host(summary, "pc-03");
    assertEquals("failed", pc03.get("status").asText(), pc03.toString());
    assertEquals(127, pc03.get("exit_code").asInt(), pc03.toString());
    assertTrue(pc03.get("report").isNull());
    assertTrue(pc03.get("message").asText().contains("no-java/bin/java"), pc03.toString());
    assertFalse(Files.exists(reports.resolve("pc-03.json")));

    JsonNode pc04 = host(summary, "pc-04");
    assertEquals("unreachable", pc04.get("status").asText(), pc04.toString());
    assertTrue(pc04.get("message").asText().contains("127.0.0.1"), "the reason Ansible gave: " + pc04);
    assertFalse(Files.exists(reports.resolve("pc-04.json")), "an earlier run's report is not passed off as this one's");

    // Had Ansible dropped it from the play, the summary would only say that the run was not seen to end.
    JsonNode pc05 = host(summary, "pc-05");
    assertEquals("unreachable", pc05.get("status").asText(), pc05.toString());
    assertTrue(pc05.get("message").asText().startsWith("connection lost before the run was seen to end ("), pc05.toString());
    assertTrue(pc05.get("message").asText().contains("127.0.0.1"), pc05.toString());
    assertFalse(Files.exists(hosts.resolve("pc-05/run.pending")), "the run never started there");

    Path html = reports.resolve("fleet.html");
    assertTrue(Files.exists(html), "no fleet.html: the fleet view needs the runner's `report` subcommand (branch"
        + " reports); if the jar has it, see the playbook's output\n" + out);
    String view = Files.readString(html);
    assertTrue(view.contains("</html>"), "a whole HTML page");
    assertTrue(view.contains("Service report: 2 computers"), "the fleet view covers the hosts that brought a report");
    assertTrue(view.contains("pc-01.json") && view.contains("pc-02.json"), "each row names its report file");
    assertFalse(view.contains("pc-03.json") || view.contains("pc-04.json"));

    assertEquals(2, r.exitCode(), "exit 2 when a host did not finish\n" + out);
    assertTrue(r.output().contains("3 of 5 hosts did not finish the plan: pc-03, pc-04, pc-05"), out);
  }

  private static String local(String name, Path hosts, String more) {
    return name + " ansible_connection=local ansible_python_interpreter=\"{{ ansible_playbook_python }}\""
        + " service_runner_remote_dir=" + hosts.resolve(name) + " " + more;
  }

  /** A run a reboot cut short after two of the plan's three tasks: the journal holds them, run.pending is there. */
  private static void seedInterruptedRun(Path dir, Path plan) throws Exception {
    Files.createDirectories(dir);
    Files.copy(plan, dir.resolve("plan.json"));
    RunnerProcess.jar(plan.toString(), "--journal", "journal.jsonl").dir(dir).run().assertExit(0);
    List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
    assertEquals(3, lines.size(), "one journal line per finished task");
    Files.write(dir.resolve("journal.jsonl"), lines.subList(0, 2));
    Files.writeString(dir.resolve("run.pending"), "left by a run that did not end\n");
  }

  /** A loopback port nothing listens on: the ssh connection is refused at once. Never a non-loopback address. */
  private static int closedLoopbackPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static JsonNode host(JsonNode summary, String name) {
    for (JsonNode h : summary.get("hosts")) {
      if (h.get("host").asText().equals(name)) {
        return h;
      }
    }
    throw new AssertionError(name + " missing from fleet-summary.json: " + summary);
  }
}
