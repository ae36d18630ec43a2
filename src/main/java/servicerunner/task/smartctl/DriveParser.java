package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import servicerunner.figures.SiSize;
import servicerunner.json.Json;

/**
 * Turns one {@code smartctl -a <dev> -j} document into the flat drive object the app's smartctl renderer reads
 * (name, model_name, serial_number, firmware_version, health_passed, wear_level_percent_used, power_on_hours,
 * power_cycles, unsafe_shutdowns, media_errors, error_log_entries, data_written_human, data_read_human, temperature).
 * Pure: JSON text in, object out. {@code outcome} says whether it is a drive, unreadable, or behind a USB bridge
 * smartctl does not know.
 *
 * <p>ATA raw values: the numeric {@code raw.value} packs extra fields for some attributes (Power_On_Hours
 * {@code "2725 (151 234 0)"} has raw.value 167031278144165), so counts are read from the leading number of
 * {@code raw.string}.
 */
final class DriveParser {
  private DriveParser() {}

  /** NVMe "data units" are thousands of 512-byte units (NVMe base spec, smartctl prints the same). */
  static final long NVME_DATA_UNIT = 512_000L;

  private static final Pattern LEADING_INT = Pattern.compile("^\\s*(\\d+)");

  static ObjectNode parse(String text, String requestedName, boolean full) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text.isBlank() ? "null" : text);
    } catch (IOException e) {
      root = null;
    }
    ObjectNode d = Json.object();
    if (root == null || !root.isObject()) {
      d.put("outcome", "unreadable");
      d.put("name", requestedName);
      d.put("error", "smartctl printed no JSON for " + requestedName);
      return d;
    }
    JsonNode dev = root.path("device");
    int exit = root.path("smartctl").path("exit_status").asInt(0);
    String messages = messages(root);
    d.put("name", dev.path("name").asText(requestedName));
    putText(d, "info_name", dev.path("info_name"));
    putText(d, "type", dev.path("type"));
    putText(d, "protocol", dev.path("protocol"));
    d.put("exit_status", exit);
    d.set("exit_status_bits", ExitStatus.decode(exit));
    if (!messages.isEmpty()) {
      d.put("smartctl_messages", messages);
    }
    boolean hasData = root.has("model_name") || root.has("scsi_model_name") || root.has("serial_number")
        || root.has("smart_status") || root.has("ata_smart_attributes")
        || root.has("nvme_smart_health_information_log");
    String lower = messages.toLowerCase(Locale.ROOT);
    if (!hasData && (lower.contains("unknown usb bridge") || lower.contains("please specify device type"))) {
      d.put("outcome", "unsupported_bridge");
      d.put("error", messages.isEmpty() ? "unknown USB bridge" : messages);
      return d;
    }
    if (!hasData || ExitStatus.unreadable(exit) && !root.has("smart_status")) {
      d.put("outcome", "unreadable");
      d.put("error", messages.isEmpty() ? "smartctl could not read the device (exit status " + exit + ")" : messages);
      return d;
    }
    d.put("outcome", "drive");
    fill(d, root);
    if (full) {
      d.set("raw", root); // inside the flat object, never {basic, raw} (reference bug B21)
    }
    return d;
  }

  private static void fill(ObjectNode d, JsonNode root) {
    JsonNode nvme = root.path("nvme_smart_health_information_log");
    Attributes ata = new Attributes(root.path("ata_smart_attributes").path("table"));
    d.put("model_name", text(root, "model_name", "scsi_model_name"));
    putText(d, "model_family", root.path("model_family"));
    d.put("serial_number", text(root, "serial_number", "scsi_serial_number"));
    d.put("firmware_version", text(root, "firmware_version", "scsi_revision"));
    d.put("capacity_bytes", num(root.path("user_capacity").path("bytes")));
    JsonNode passed = root.path("smart_status").path("passed");
    d.set("health_passed", passed.isBoolean() ? passed : null);
    d.put("wear_level_percent_used", first(num(nvme.path("percentage_used")), ataEnduranceUsed(root, ata)));
    d.put("power_on_hours", first(num(root.path("power_on_time").path("hours")),
        num(nvme.path("power_on_hours")), ata.raw(9)));
    d.put("power_cycles", first(num(root.path("power_cycle_count")), num(nvme.path("power_cycles")),
        ata.raw(12)));
    // ATA has no unsafe-shutdown counter of its own: SSDs count it in 174 Unexpect_Power_Loss_Ct, HDDs in
    // 192 Power-Off_Retract_Count (emergency head retracts on power loss).
    d.put("unsafe_shutdowns", first(num(nvme.path("unsafe_shutdowns")), ata.raw(174), ata.raw(192)));
    Long reallocated = ata.raw(5);
    Long pending = ata.raw(197);
    Long uncorrectable = ata.raw(198);
    if (nvme.isObject()) {
      d.put("media_errors", num(nvme.path("media_errors")));
    } else {
      // ATA: sectors with media problems = reallocated (5) + pending (197) + offline uncorrectable (198)
      d.put("media_errors", sum(reallocated, pending, uncorrectable));
      d.put("reallocated_sectors", reallocated);
      d.put("pending_sectors", pending);
      d.put("offline_uncorrectable", uncorrectable);
    }
    d.put("error_log_entries", first(num(nvme.path("num_err_log_entries")),
        num(root.path("ata_smart_error_log").path("extended").path("count")),
        num(root.path("ata_smart_error_log").path("summary").path("count"))));
    long block = root.path("logical_block_size").asLong(512);
    Long written = nvme.isObject() ? times(num(nvme.path("data_units_written")), NVME_DATA_UNIT)
        : ata.bytes(241, block);
    Long read = nvme.isObject() ? times(num(nvme.path("data_units_read")), NVME_DATA_UNIT) : ata.bytes(242, block);
    d.put("data_written_bytes", written);
    d.put("data_written_human", written == null ? null : decimalBytes(written));
    d.put("data_read_bytes", read);
    d.put("data_read_human", read == null ? null : decimalBytes(read));
    Long temp = first(num(root.path("temperature").path("current")), num(nvme.path("temperature")), ata.raw(194),
        ata.raw(190));
    d.put("temperature_c", temp);
    d.put("temperature", temp == null ? null : temp + " \u00b0C");
    d.put("last_self_test_result", lastSelfTest(root));
    d.set("failing_attributes", ata.failing());
  }

  /** Percent of rated endurance used: ATA device statistics, else 100 minus a wear attribute's normalized value. */
  private static Long ataEnduranceUsed(JsonNode root, Attributes ata) {
    for (JsonNode page : root.path("ata_device_statistics").path("pages")) {
      for (JsonNode e : page.path("table")) {
        if (e.path("name").asText().toLowerCase(Locale.ROOT).contains("percentage used endurance")) {
          return num(e.path("value"));
        }
      }
    }
    for (int id : new int[] {231, 233, 177}) {
      Long normalized = ata.normalized(id);
      if (normalized != null && normalized <= 100) {
        return 100 - normalized;
      }
    }
    return null;
  }

  private static String lastSelfTest(JsonNode root) {
    JsonNode ata = root.path("ata_smart_self_test_log").path("standard").path("table").path(0);
    if (ata.isObject()) {
      return ata.path("type").path("string").asText("") + ": " + ata.path("status").path("string").asText("");
    }
    JsonNode nvme = root.path("nvme_self_test_log").path("table").path(0);
    if (nvme.isObject()) {
      return nvme.path("self_test_code").path("string").asText("") + ": "
          + nvme.path("self_test_result").path("string").asText("");
    }
    return null;
  }

  /** Decimal units as drive makers and smartctl print them, e.g. {@code 3.98 TB}. */
  static String decimalBytes(long bytes) {
    SiSize s = SiSize.of(bytes, 5);
    return s.exponent() == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", s.value(), s.unit());
  }

  private static String messages(JsonNode root) {
    List<String> out = new ArrayList<>();
    root.path("smartctl").path("messages").forEach(m -> out.add(m.path("string").asText()));
    return String.join(" ", out);
  }

  private static String text(JsonNode root, String... keys) {
    return Stream.of(keys).map(root::path).filter(JsonNode::isValueNode).map(v -> v.asText().strip()).findFirst()
        .orElse(null);
  }

  private static void putText(ObjectNode d, String key, JsonNode v) {
    if (v.isValueNode()) {
      d.put(key, v.asText());
    }
  }

  private static Long num(JsonNode v) {
    return v.isNumber() ? Long.valueOf(v.asLong()) : null;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static Long sum(Long... values) {
    return Stream.of(values).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
  }

  private static Long times(Long v, long factor) {
    return v == null ? null : v * factor;
  }

  /** The ATA attribute table, by id. */
  private static final class Attributes {
    private final JsonNode table;

    Attributes(JsonNode table) {
      this.table = table;
    }

    private JsonNode find(int id) {
      return StreamSupport.stream(table.spliterator(), false).filter(a -> a.path("id").asInt() == id).findFirst()
          .orElse(null);
    }

    Long raw(int id) {
      JsonNode a = find(id);
      if (a == null) {
        return null;
      }
      Matcher m = LEADING_INT.matcher(a.path("raw").path("string").asText(""));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      return num(a.path("raw").path("value"));
    }

    Long normalized(int id) {
      JsonNode a = find(id);
      return a == null ? null : num(a.path("value"));
    }

    /** Bytes for a host-writes/reads counter: 32MiB or GiB units when the attribute name says so, else LBAs. */
    Long bytes(int id, long blockSize) {
      JsonNode a = find(id);
      Long raw = raw(id);
      if (a == null || raw == null) {
        return null;
      }
      String name = a.path("name").asText("");
      if (name.contains("32MiB")) {
        return raw * 32L * 1024 * 1024;
      }
      if (name.contains("GiB")) {
        return raw * 1024L * 1024 * 1024;
      }
      return raw * blockSize;
    }

    /** Attributes whose when_failed is "now" or "past": {id, name, when_failed, value, thresh, raw}. */
    ArrayNode failing() {
      ArrayNode out = Json.array();
      for (JsonNode a : table) {
        String when = a.path("when_failed").asText("");
        if (!when.isEmpty()) {
          ObjectNode o = out.addObject();
          o.put("id", a.path("id").asInt());
          o.put("name", a.path("name").asText());
          o.put("when_failed", when);
          o.put("value", a.path("value").asInt());
          o.put("thresh", a.path("thresh").asInt());
          o.put("raw", a.path("raw").path("string").asText());
        }
      }
      return out;
    }
  }
}
