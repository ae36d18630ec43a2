package servicerunner.task.kvrt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import servicerunner.exec.ProcessResult;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.wintools.FolderToolTask;

/** Kaspersky Virus Removal Tool: a silent full scan, counts and detections parsed from its console report. */
public final class KvrtScanTask extends FolderToolTask {
  static final int EXCERPT = 1200;
  /** Boolean parameter to KVRT switch, in the reference's argv order (protocol 7.1). */
  private static final String[][] SWITCHES = {{"accept_eula", "-accepteula"}, {"silent", "-silent"},
      {"details", "-details"}, {"dontencrypt", "-dontencrypt"}, {"noads", "-noads"}, {"fixednames", "-fixednames"},
      {"freboot", "-freboot"}, {"adinsilent", "-adinsilent"}, {"allvolumes", "-allvolumes"}};

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("kvrt_scan",
          "Scans for malware with Kaspersky Virus Removal Tool (KVRT.exe) and reports detections and actions.")
      .windowsToolRequired("KVRT.exe, or the folder holding it.")
      // the folder and file values follow KVRT's -switches on its command line: positional, so never "-..."
      .params(
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
          ParamSpec.string("quarantine_dir", "Quarantine and report folder (-d).").positional(),
          ParamSpec.string("d", "Alias of quarantine_dir.").positional(),
          ParamSpec.string("modules_dir", "Folder for KVRT's modules (-moddirpath).").positional(),
          ParamSpec.string("moddirpath", "Alias of modules_dir.").positional(),
          ParamSpec.string("tracelevel", "Trace level (-tracelevel).").oneOf("ERR", "WRN", "INF", "DBG"),
          ParamSpec.integer("processlevel", "Object processing level 0..3 (-processlevel).").range(0.0, 3.0),
          ParamSpec.string("proxyconfig", "Proxy configuration file (-proxyconfig).").positional(),
          ParamSpec.string("custom_path", "Scan only this folder (-custom).").positional(),
          ParamSpec.string("custom_list_path", "File listing folders to scan (-customlist).").positional(),
          ParamSpec.stringList("additional_args", "Extra arguments appended as given."))
      .timeout(Duration.ofHours(3)) // a full scan of a large disk takes well over an hour; the reference had no limit
      .example("{\"type\":\"kvrt_scan\",\"executable_path\":\"..\\\\data\\\\programs\\\\KVRT\\\\KVRT.exe\","
          + "\"quarantine_dir\":\"C:\\\\KVRT_ScanResults\"}")
      .verdicts("clean", "threats_removed", "threats_found", "unknown")
      .diskOf("custom_path")
      .build();

  public KvrtScanTask() {
    super(DECLARATION, "KVRT", "KVRT.exe", "kvrt.exe");
  }

  static Optional<String> quarantineDir(Params p) {
    return p.optString("quarantine_dir").or(() -> p.optString("d"));
  }

  /** The arguments after the executable, in the reference's order (protocol 7.1). */
  @Override
  protected List<String> arguments(Params p) {
    List<String> a = new ArrayList<>(Arrays.stream(SWITCHES).filter(s -> p.flag(s[0])).map(s -> s[1]).toList());
    quarantineDir(p).ifPresent(d -> a.addAll(List.of("-d", d)));
    p.optString("modules_dir").or(() -> p.optString("moddirpath")).ifPresent(d -> a.addAll(List.of("-moddirpath", d)));
    if (p.flag("trace")) {
      a.add("-trace");
    }
    p.optString("tracelevel").ifPresent(l -> a.addAll(List.of("-tracelevel", l)));
    p.optInteger("processlevel").ifPresent(l -> a.addAll(List.of("-processlevel", Integer.toString(l))));
    p.optString("proxyconfig").ifPresent(c -> a.addAll(List.of("-proxyconfig", c)));
    p.optString("custom_path").ifPresent(c -> a.addAll(List.of("-custom", c)));
    p.optString("custom_list_path").ifPresent(c -> a.addAll(List.of("-customlist", c)));
    a.addAll(p.stringList("additional_args"));
    return a;
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    String stdout = r.stdout().text();
    ObjectNode parsed = KvrtOutputParser.parse(stdout);
    boolean recognised = parsed.remove("recognised").asBoolean();
    ObjectNode s = ToolOutcomes.excerpts(intent(p).setAll(parsed), r, EXCERPT);
    if (r.exitCode() != 0) {
      return ToolOutcomes.exitedWith(s, "KVRT", r);
    }
    if (!recognised) {
      // Localised or changed output: never report "clean" from text we could not read.
      return ToolOutcomes.unrecognised(s, "KVRT's report was not recognised (language or version); see raw_tail.",
          stdout);
    }
    int detected = s.get("detected").asInt();
    int removed = s.get("removed_count").asInt();
    return ToolOutcomes.of(Status.SUCCESS, s,
        detected == 0 ? "clean" : removed >= detected ? "threats_removed" : "threats_found",
        s.get("processed").asLong() + " objects scanned, " + detected + " detected, " + removed + " removed");
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.setAll(intent(p));
  }

  /** What the scan was asked to do, in the fields the app's renderer shows. */
  private static ObjectNode intent(Params p) {
    ObjectNode s = Json.object();
    s.put("quarantine_dir", quarantineDir(p).orElse(null));
    s.put("processlevel", p.optInteger("processlevel").orElse(null));
    Arrays.stream(SWITCHES).forEach(sw -> s.put(sw[0], p.flag(sw[0])));
    return s;
  }
}
