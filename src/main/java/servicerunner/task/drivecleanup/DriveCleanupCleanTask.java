package servicerunner.task.drivecleanup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolNotFoundException;
import servicerunner.task.ToolTask;
import servicerunner.task.wintools.ToolOutcomes;
import servicerunner.task.wintools.ToolPaths;

/** DriveCleanup (Uwe Sieber): removes stale USB/disk/volume devices and their registry items. */
public final class DriveCleanupCleanTask extends ToolTask {
  private static final String[] EXE_NAMES = {"DriveCleanup.exe"};

  /** Category (canonical) to DriveCleanup switch, in the reference's argv order. */
  static final Map<String, String> CATEGORY_FLAGS = new LinkedHashMap<>();
  /** Boolean parameter to canonical category. */
  static final Map<String, String> ONLY_PARAMS = new LinkedHashMap<>();
  /** Every accepted alias in {@code categories} to its canonical category. */
  static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    CATEGORY_FLAGS.put("volumes", "-v");
    CATEGORY_FLAGS.put("disks", "-d");
    CATEGORY_FLAGS.put("cdroms", "-c");
    CATEGORY_FLAGS.put("floppies", "-f");
    CATEGORY_FLAGS.put("usb", "-u");
    CATEGORY_FLAGS.put("hubs", "-h");
    CATEGORY_FLAGS.put("wpd", "-w");
    CATEGORY_FLAGS.put("registry", "-r");
    ONLY_PARAMS.put("volumes_only", "volumes");
    ONLY_PARAMS.put("disks_only", "disks");
    ONLY_PARAMS.put("cdroms_only", "cdroms");
    ONLY_PARAMS.put("floppies_only", "floppies");
    ONLY_PARAMS.put("usb_storage_only", "usb");
    ONLY_PARAMS.put("hubs_only", "hubs");
    ONLY_PARAMS.put("wpd_only", "wpd");
    ONLY_PARAMS.put("registry_only", "registry");
    for (String[] a : new String[][] {
        {"volumes", "volumes"}, {"volume", "volumes"}, {"v", "volumes"},
        {"disks", "disks"}, {"disk", "disks"}, {"d", "disks"},
        {"cdroms", "cdroms"}, {"cdrom", "cdroms"}, {"c", "cdroms"},
        {"floppies", "floppies"}, {"floppy", "floppies"}, {"f", "floppies"},
        {"usb", "usb"}, {"u", "usb"}, {"usb_storage", "usb"},
        {"hubs", "hubs"}, {"hub", "hubs"}, {"h", "hubs"},
        {"wpd", "wpd"}, {"w", "wpd"},
        {"registry", "registry"}, {"reg", "registry"}, {"r", "registry"}}) {
      ALIASES.put(a[0], a[1]);
    }
  }

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("drivecleanup_clean",
          "Removes non-present USB, disk, CD-ROM, volume and WPD devices with DriveCleanup.exe.")
      .windowsToolRequired("DriveCleanup.exe, or the folder holding it.")
      .params(paramSpecs())
      .timeout(Duration.ofMinutes(10))
      .example("{\"type\":\"drivecleanup_clean\",\"executable_path\":\"..\\\\data\\\\programs\\\\DriveCleanup\\\\x64\","
          + "\"test_only\":true,\"categories\":[\"usb\",\"volumes\"]}")
      .verdicts("nothing_to_remove", "would_remove", "removed", "unknown")
      .build();

  public DriveCleanupCleanTask() {
    super(DECLARATION, "DriveCleanup");
  }

  private static List<ParamSpec> paramSpecs() {
    List<ParamSpec> p = new ArrayList<>();
    p.add(ParamSpec.bool("test_only", "Only list what would be removed (-t).").defaultsTo(false));
    p.add(ParamSpec.bool("no_wait", "Do not wait for a key at the end (-n).").defaultsTo(true));
    for (String name : ONLY_PARAMS.keySet()) {
      p.add(ParamSpec.bool(name, "Clean only " + ONLY_PARAMS.get(name) + " (" + CATEGORY_FLAGS.get(ONLY_PARAMS.get(name))
          + ").").defaultsTo(false));
    }
    p.add(ParamSpec.stringList("categories", "Categories to clean; none means all.")
        .oneOf(ALIASES.keySet().toArray(new String[0])));
    p.add(ParamSpec.stringList("additional_args", "Extra arguments appended as given."));
    p.add(ParamSpec.bool("include_items", "List each removed item in removed_items.").defaultsTo(false));
    p.add(ParamSpec.integer("max_items", "At most this many items in removed_items.").defaultsTo(200).range(1.0, 100000.0));
    p.add(ParamSpec.bool("include_full_output", "Keep the whole stdout in stdout_full.").defaultsTo(false));
    return p;
  }

  /** Canonical categories chosen by categories[] and the *_only switches, in argv order. */
  static Set<String> categories(Params p) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String c : p.stringList("categories")) {
      chosen.add(ALIASES.get(c.toLowerCase(Locale.ROOT)));
    }
    ONLY_PARAMS.forEach((param, cat) -> {
      if (p.flag(param)) {
        chosen.add(cat);
      }
    });
    Set<String> ordered = new LinkedHashSet<>();
    for (String c : CATEGORY_FLAGS.keySet()) {
      if (chosen.contains(c)) {
        ordered.add(c);
      }
    }
    return ordered;
  }

  static List<String> arguments(Params p) {
    List<String> a = new ArrayList<>();
    if (p.flag("test_only")) {
      a.add("-t");
    }
    if (p.flag("no_wait")) {
      a.add("-n");
    }
    for (String c : categories(p)) {
      a.add(CATEGORY_FLAGS.get(c));
    }
    a.addAll(p.stringList("additional_args"));
    return a;
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException {
    return ToolPaths.inToolFolder(ToolPaths.require(p, EXE_NAMES), arguments(p));
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    String stdout = r.stdout().text();
    ObjectNode parsed = DriveCleanupOutputParser.parse(stdout, p.integer("max_items"));
    boolean recognised = parsed.remove("recognised").asBoolean();
    boolean usage = parsed.remove("usage_text").asBoolean();
    ObjectNode s = Json.object();
    s.set("version", parsed.get("version"));
    s.set("arch", parsed.get("arch"));
    s.set("intent", intent(p));
    s.set("counts", parsed.get("counts"));
    if (p.flag("include_items")) {
      s.set("removed_items", parsed.get("removed_items"));
    }
    s.set("removed_items_total", parsed.get("removed_items_total"));
    s.set("removed_items_truncated", parsed.get("removed_items_truncated"));
    ToolOutcomes.excerpts(s, r, ProcessSummaries.EXCERPT);
    if (p.flag("include_full_output")) {
      s.put("stdout_full", stdout);
    }
    if (usage && !recognised) {
      // DriveCleanup printed its usage text: the arguments were not accepted and nothing was cleaned.
      return ToolOutcomes.unrecognised(s, "DriveCleanup printed its usage text; nothing was cleaned. Check "
          + "additional_args.", stdout);
    }
    if (r.exitCode() != 0) {
      return ToolOutcomes.exitedWith(s, "DriveCleanup", r);
    }
    if (!recognised) {
      return ToolOutcomes.unrecognised(s, "DriveCleanup's output was not recognised (language or version); see "
          + "raw_tail.", stdout);
    }
    int removed = 0;
    for (var n : s.get("counts")) {
      removed += n.asInt();
    }
    boolean test = p.flag("test_only");
    return ToolOutcomes.of(Status.SUCCESS, s, removed == 0 ? "nothing_to_remove" : test ? "would_remove" : "removed",
        (test ? "Test run: " : "") + removed + " devices/items " + (test ? "would be " : "") + "removed");
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.set("intent", intent(p));
  }

  private static ObjectNode intent(Params p) {
    ObjectNode i = Json.object();
    i.put("test_only", p.flag("test_only"));
    i.put("no_wait", p.flag("no_wait"));
    ArrayNode cats = i.putArray("categories");
    Set<String> chosen = categories(p);
    chosen.forEach(cats::add);
    i.put("cleanup_all", chosen.isEmpty());
    ArrayNode extra = i.putArray("additional_args");
    p.stringList("additional_args").forEach(extra::add);
    return i;
  }
}
