package servicerunner.task.drivecleanup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.json.Json;
import servicerunner.text.Pairs;
import servicerunner.text.Text;

/**
 * Parses DriveCleanup's console output (Uwe Sieber; English only): the banner {@code DriveCleanup V1.6.5 (x64)},
 * the {@code Removed N <what>} totals and the per-item lines. Pure function. {@code recognised} is false when no
 * total appeared (the banner alone is printed with the usage text too).
 */
public final class DriveCleanupOutputParser {
  private DriveCleanupOutputParser() {}

  private static final Pattern BANNER = Pattern.compile("DriveCleanup\\s+V(\\S+)\\s*\\((x86|x64|ARM64)\\)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REMOVED = Pattern.compile("^\\s*Removed\\s+(\\d+)\\s+(.+?)\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ITEM = Pattern.compile(
      "^\\s*removing\\s+(USB device|USB hub|Disk device|CDROM device|Floppy device|volume|WPD device)\\s+'(.*)'",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REGKEY = Pattern.compile("^\\s*Regkey delete\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern USAGE = Pattern.compile("^\\s*Usage\\s*:", Pattern.CASE_INSENSITIVE);

  /** "Removed N <text>" text (lower case) to counts key. */
  private static final Map<String, String> COUNT_KEYS = Pairs.ordered("usb devices", "usb_devices_removed",
      "usb hubs", "usb_hubs_removed", "disk devices", "disk_devices_removed", "cdrom devices", "cdrom_devices_removed",
      "floppy devices", "floppy_devices_removed", "storage volumes", "storage_volumes_removed",
      "wpd devices", "wpd_devices_removed", "items from registry", "registry_items_removed");

  private static final Map<String, String> ITEM_CATEGORIES = Map.of(
      "usb device", "usb", "usb hub", "hub", "disk device", "disk", "cdrom device", "cdrom",
      "floppy device", "floppy", "volume", "volume", "wpd device", "wpd");

  /**
   * @param maxItems how many item lines to keep; the total is always counted
   */
  public static ObjectNode parse(String text, int maxItems) {
    ObjectNode s = Json.object();
    s.putNull("version");
    s.putNull("arch");
    ObjectNode counts = s.putObject("counts");
    COUNT_KEYS.values().forEach(k -> counts.put(k, 0));
    ArrayNode items = Json.array();
    int total = 0;
    boolean recognised = false;
    boolean usage = false;
    for (String line : Text.lines(text)) {
      Matcher m = BANNER.matcher(line);
      if (m.find()) {
        s.put("version", m.group(1));
        s.put("arch", m.group(2).toLowerCase(Locale.ROOT));
        continue;
      }
      m = REMOVED.matcher(line);
      if (m.find()) {
        String key = COUNT_KEYS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (key != null) {
          counts.put(key, Integer.parseInt(m.group(1)));
          recognised = true;
        }
        continue;
      }
      String category = null;
      String id = null;
      m = ITEM.matcher(line);
      if (m.find()) {
        category = ITEM_CATEGORIES.get(m.group(1).toLowerCase(Locale.ROOT));
        id = m.group(2);
      } else {
        m = REGKEY.matcher(line);
        if (m.find()) {
          category = "registry";
          id = m.group(1);
        }
      }
      if (category != null) {
        total++;
        if (items.size() < maxItems) {
          items.add(Json.object().put("category", category).put("id", id));
        }
        continue;
      }
      if (USAGE.matcher(line).find()) {
        usage = true;
      }
    }
    s.set("removed_items", items);
    s.put("removed_items_total", total);
    s.put("removed_items_truncated", total > items.size());
    s.put("usage_text", usage);
    s.put("recognised", recognised);
    return s;
  }
}
