package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;

/**
 * smartctl's exit status is a bit mask (smartctl(8) "RETURN VALUES", smartctl.h). Bits 0-2 mean the data is missing
 * or partial; bits 3-7 are health findings.
 */
final class ExitStatus {
  private ExitStatus() {}

  static final int COMMAND_LINE = 1;
  static final int OPEN_FAILED = 1 << 1;
  static final int COMMAND_FAILED = 1 << 2;
  static final int DISK_FAILING = 1 << 3;
  static final int PREFAIL_NOW = 1 << 4;

  private static final String[][] BITS = {
    {"command_line_error", "Command line did not parse."},
    {"device_open_failed", "Device open failed, device did not return an IDENTIFY DEVICE structure, or device is in a"
        + " low-power mode."},
    {"smart_command_failed", "Some SMART or other ATA command to the disk failed, or there was a checksum error in a"
        + " SMART data structure."},
    {"disk_failing", "SMART status check returned \"DISK FAILING\"."},
    {"prefail_attributes_at_threshold", "Some prefail attributes are at or below their threshold now."},
    {"attributes_at_threshold_in_past", "SMART status OK, but some (usage or prefail) attributes have been at or"
        + " below their threshold in the past."},
    {"error_log_has_errors", "The device error log contains records of errors."},
    {"self_test_log_has_errors", "The device self-test log contains records of errors."},
  };

  /** One entry per set bit (0..7): {bit, name, meaning}. */
  static ArrayNode decode(int status) {
    ArrayNode out = Json.array();
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((status & (1 << bit)) != 0) {
        ObjectNode o = out.addObject();
        o.put("bit", bit);
        o.put("name", BITS[bit][0]);
        o.put("meaning", BITS[bit][1]);
      }
    }
    return out;
  }

  /** Bits 0 or 1: nothing usable was read. */
  static boolean unreadable(int status) {
    return (status & (COMMAND_LINE | OPEN_FAILED)) != 0;
  }
}
