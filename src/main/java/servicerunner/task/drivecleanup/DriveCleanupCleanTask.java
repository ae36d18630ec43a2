package servicerunner.task.drivecleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import servicerunner.exec.ProcessResult;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.wintools.FolderToolTask;

/** DriveCleanup (Uwe Sieber): removes stale USB/disk/volume devices and their registry items. */
public final class DriveCleanupCleanTask extends FolderToolTask {
  /** What DriveCleanup can clean, in the reference's argv order: switch, *_only parameter, names in categories[]. */
  enum Category {
    VOLUMES("-v", "volumes_only", "volumes", "volume", "v"),
    DISKS("-d", "disks_only", "disks", "disk", "d"),
    CDROMS("-c", "cdroms_only", "cdroms", "cdrom", "c"),
    FLOPPIES("-f", "floppies_only", "floppies", "floppy", "f"),
    USB("-u", "usb_storage_only", "usb", "u", "usb_storage"),
    HUBS("-h", "hubs_only", "hubs", "hub", "h"),
    WPD("-w", "wpd_only", "wpd", "w"),
    REGISTRY("-r", "registry_only", "registry", "reg", "r");

    final String flag;
    final String onlyParam;
    final List<String> names;

    Category(String flag, String onlyParam, String... names) {
      this.flag = flag;
      this.onlyParam = onlyParam;
      this.names = List.of(names);
    }

    String id() {
      return names.get(0);
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
    super(DECLARATION, "DriveCleanup", "DriveCleanup.exe");
  }

  private static List<ParamSpec> paramSpecs() {
    List<ParamSpec> p = new ArrayList<>();
    p.add(ParamSpec.bool("test_only", "Only list what would be removed (-t).").defaultsTo(false));
    p.add(ParamSpec.bool("no_wait", "Do not wait for a key at the end (-n).").defaultsTo(true));
    List<String> names = new ArrayList<>();
    for (Category c : Category.values()) {
      p.add(ParamSpec.bool(c.onlyParam, "Clean only " + c.id() + " (" + c.flag + ").").defaultsTo(false));
      names.addAll(c.names);
    }
    p.add(ParamSpec.stringList("categories", "Categories to clean; none means all.")
        .oneOf(names.toArray(new String[0])));
    p.add(ParamSpec.stringList("additional_args", "Extra arguments appended as given."));
    p.add(ParamSpec.bool("include_items", "List each removed item in removed_items.").defaultsTo(false));
    p.add(ParamSpec.integer("max_items", "At most this many items in removed_items.").defaultsTo(200).range(1.0, 100000.0));
    p.add(ParamSpec.bool("include_full_output", "Keep the whole stdout in stdout_full.").defaultsTo(false));
    return p;
  }

  /** The categories chosen by categories[] and the *_only switches, in argv order; none means all. */
  static Set<Category> categories(Params p) {
    List<String> named = p.stringList("categories").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    return Arrays.stream(Category.values())
        .filter(c -> p.flag(c.onlyParam) || c.names.stream().anyMatch(named::contains))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
  }

  @Override
  protected List<String> arguments(Params p) {
    List<String> a = new ArrayList<>();
    if (p.flag("test_only")) {
      a.add("-t");
    }
    if (p.flag("no_wait")) {
      a.add("-n");
    }
    categories(p).forEach(c -> a.add(c.flag));
    a.addAll(p.stringList("additional_args"));
    return a;
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
    int removed = StreamSupport.stream(s.get("counts").spliterator(), false).mapToInt(JsonNode::asInt).sum();
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
    Set<Category> chosen = categories(p);
    chosen.forEach(c -> cats.add(c.id()));
    i.put("cleanup_all", chosen.isEmpty());
    i.set("additional_args", Json.valueToTree(p.stringList("additional_args")));
    return i;
  }
}
