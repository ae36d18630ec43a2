package servicerunner.task.kvrt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;
import servicerunner.task.wintools.HumanReadable;
import servicerunner.task.wintools.Text;
import servicerunner.task.wintools.ToolPaths;

/** Kaspersky Virus Removal Tool: a silent full scan, counts and detections parsed from its console report. */
public final class KvrtScanTask implements TaskType {
  static final int EXCERPT = 1200;
  private static final String[] EXE_NAMES = {"KVRT.exe", "kvrt.exe"};

  @Override
  public String id() {
    return "kvrt_scan";
  }

  @Override
  public String description() {
    return "Scans for malware with Kaspersky Virus Removal Tool (KVRT.exe) and reports detections and actions.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("executable_path", "KVRT.exe, or the folder holding it.").required(),
        ParamSpec.bool("accept_eula", "Pass -accepteula.").defaultsTo(true),
        ParamSpec.bool("silent", "Pass -silent (no GUI).").defaultsTo(true),
        ParamSpec.bool("details", "Pass -details (list every object).").defaultsTo(true),
        ParamSpec.bool("noads", "Pass -noads.").defaultsTo(true),
        ParamSpec.bool("fixednames", "Pass -fixednames.").defaultsTo(true),
        ParamSpec.bool("dontencrypt", "Pass -dontencrypt (quarantine unencrypted).").defaultsTo(false),
        ParamSpec.bool("freboot", "Pass -freboot (force reboot when needed).").defaultsTo(false),
        ParamSpec.bool("adinsilent", "Pass -adinsilent (scan for adware in silent mode).").defaultsTo(false),
        ParamSpec.bool("allvolumes", "Pass -allvolumes.").defaultsTo(false),
        ParamSpec.bool("trace", "Pass -trace.").defaultsTo(false),
        ParamSpec.string("quarantine_dir", "Quarantine and report folder (-d)."),
        ParamSpec.string("d", "Alias of quarantine_dir."),
        ParamSpec.string("modules_dir", "Folder for KVRT's modules (-moddirpath)."),
        ParamSpec.string("moddirpath", "Alias of modules_dir."),
        ParamSpec.string("tracelevel", "Trace level (-tracelevel).").oneOf("ERR", "WRN", "INF", "DBG"),
        ParamSpec.integer("processlevel", "Object processing level 0..3 (-processlevel).").range(0.0, 3.0),
        ParamSpec.string("proxyconfig", "Proxy configuration file (-proxyconfig)."),
        ParamSpec.string("custom_path", "Scan only this folder (-custom)."),
        ParamSpec.string("custom_list_path", "File listing folders to scan (-customlist)."),
        ParamSpec.stringList("additional_args", "Extra arguments appended as given."));
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(3); // a full scan of a large disk takes well over an hour; the reference had no limit
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"kvrt_scan\",\"executable_path\":\"..\\\\data\\\\programs\\\\KVRT\\\\KVRT.exe\","
        + "\"quarantine_dir\":\"C:\\\\KVRT_ScanResults\"}";
  }

  static Optional<String> quarantineDir(Params p) {
    return p.optString("quarantine_dir").or(() -> p.optString("d"));
  }

  /** The arguments after the executable, in the reference's order (protocol 7.1). */
  static List<String> arguments(Params p) {
    List<String> a = new ArrayList<>();
    flag(a, p, "accept_eula", "-accepteula");
    flag(a, p, "silent", "-silent");
    flag(a, p, "details", "-details");
    flag(a, p, "dontencrypt", "-dontencrypt");
    flag(a, p, "noads", "-noads");
    flag(a, p, "fixednames", "-fixednames");
    flag(a, p, "freboot", "-freboot");
    flag(a, p, "adinsilent", "-adinsilent");
    flag(a, p, "allvolumes", "-allvolumes");
    quarantineDir(p).ifPresent(d -> a.addAll(List.of("-d", d)));
    p.optString("modules_dir").or(() -> p.optString("moddirpath")).ifPresent(d -> a.addAll(List.of("-moddirpath", d)));
    flag(a, p, "trace", "-trace");
    p.optString("tracelevel").ifPresent(l -> a.addAll(List.of("-tracelevel", l)));
    p.optInteger("processlevel").ifPresent(l -> a.addAll(List.of("-processlevel", Integer.toString(l))));
    p.optString("proxyconfig").ifPresent(c -> a.addAll(List.of("-proxyconfig", c)));
    p.optString("custom_path").ifPresent(c -> a.addAll(List.of("-custom", c)));
    p.optString("custom_list_path").ifPresent(c -> a.addAll(List.of("-customlist", c)));
    a.addAll(p.stringList("additional_args"));
    return a;
  }

  private static void flag(List<String> a, Params p, String name, String arg) {
    if (p.flag(name)) {
      a.add(arg);
    }
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    return HumanReadable.ensure(runTool(ctx));
  }

  private TaskOutcome runTool(TaskContext ctx) {
    Params p = ctx.params();
    Optional<Path> exe = ToolPaths.executable(p.string("executable_path"), EXE_NAMES);
    if (exe.isEmpty()) {
      return TaskOutcome.failure(ToolPaths.notFound(p.string("executable_path"), EXE_NAMES));
    }
    ProcessResult r = ctx.run(ToolPaths.inToolFolder(exe.get(), arguments(p)));
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "KVRT");
    if (problem.isPresent()) {
      ObjectNode s = problem.get().summary();
      putIntent(s, p);
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    String stdout = r.stdout().text();
    ObjectNode parsed = KvrtOutputParser.parse(stdout);
    boolean recognised = parsed.remove("recognised").asBoolean();
    ObjectNode s = Json.object();
    putIntent(s, p);
    s.setAll(parsed);
    s.put("exit_code", r.exitCode());
    s.put("stdout_excerpt", Text.tail(stdout, EXCERPT));
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), EXCERPT));
    Status status;
    ObjectNode hr = s.putObject("human_readable");
    var notes = hr.putArray("notes");
    int detected = s.get("detected").asInt();
    int removed = s.get("removed_count").asInt();
    if (r.exitCode() != 0) {
      status = Status.FAILURE;
      hr.put("verdict", "failed");
      s.put("error", "KVRT exited with code " + r.exitCode());
    } else if (!recognised) {
      // Localised or changed output: never report "clean" from text we could not read.
      status = Status.WARNING;
      hr.put("verdict", "unknown");
      notes.add("KVRT's report was not recognised (language or version); see stdout_excerpt.");
      s.put("raw_tail", Text.tail(stdout, ProcessSummaries.EXCERPT));
    } else {
      status = Status.SUCCESS;
      hr.put("verdict", detected == 0 ? "clean" : removed >= detected ? "threats_removed" : "threats_found");
    }
    if (recognised) {
      notes.add(s.get("processed").asLong() + " objects scanned, " + detected + " detected, " + removed + " removed");
    }
    return new TaskOutcome(status, s, Json.object().set("command", ProcessSummaries.command(r)));
  }

  private static void putIntent(ObjectNode s, Params p) {
    Optional<String> q = quarantineDir(p);
    if (q.isPresent()) {
      s.put("quarantine_dir", q.get());
    } else {
      s.putNull("quarantine_dir");
    }
    if (p.has("processlevel")) {
      s.put("processlevel", p.integer("processlevel"));
    } else {
      s.putNull("processlevel");
    }
    for (String f : List.of("accept_eula", "silent", "details", "dontencrypt", "noads", "fixednames", "freboot",
        "adinsilent", "allvolumes")) {
      s.put(f, p.flag(f));
    }
  }
}
