package servicerunner.task.furmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import servicerunner.json.Json;

/**
 * Reads the report FurMark 2 prints at the end of a run ({@code furmark --demo ... --max-time ...}):
 *
 * <pre>
 * - renderer             : NVIDIA GeForce RTX 3060/PCIe/SSE2
 * - resolution           : 1920x1080
 * - frames               : 322
 * - duration             : 3114 ms
 * - FPS (min/avg/max)    : 96 / 103 / 108
 * - GPU 0: NVIDIA GeForce RTX 3060 [10DE-2504]
 *       .max temperature: 52°C
 * </pre>
 *
 * The degree sign is written in the ANSI code page (byte 0xB0), so it decodes to different characters on different
 * consoles; only the number before it is read. Pure: text in, summary out.
 */
public final class FurmarkReportParser {
  private FurmarkReportParser() {}

  private static final Pattern FIELD = Pattern.compile("^-\\s*([A-Za-z0-9 ]+?)\\s*:\\s*(.*)$");
  private static final Pattern RESOLUTION = Pattern.compile("^(\\d+)\\s*x\\s*(\\d+)");
  private static final Pattern NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)?)");
  private static final Pattern FPS = Pattern.compile(
      "^-\\s*FPS[^:]*:\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)");
  private static final Pattern GPU = Pattern.compile("^-\\s*GPU\\s+(\\d+)\\s*:\\s*(.+?)\\s*(?:\\[(.+?)\\])?\\s*$");
  private static final Pattern GPU_STAT = Pattern.compile("^\\.\\s*(max|min)\\s+([a-z ]+?)\\s*:\\s*(\\d+(?:\\.\\d+)?)");

  public static ObjectNode parse(String text) {
    ObjectNode s = Json.object();
    s.putNull("demo");
    s.putNull("renderer");
    s.putNull("api");
    ObjectNode res = s.putObject("resolution");
    res.putNull("width");
    res.putNull("height");
    s.putNull("frames");
    s.putNull("duration_ms");
    ObjectNode fps = s.putObject("fps");
    fps.putNull("min");
    fps.putNull("avg");
    fps.putNull("max");
    ArrayNode gpus = s.putArray("gpus");
    ObjectNode gpu = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = GPU.matcher(line)).matches()) {
        gpu = gpus.addObject();
        gpu.put("index", Integer.parseInt(m.group(1)));
        gpu.put("name", m.group(2));
        gpu.put("id", m.group(3));
        Stream.of("max_temperature_c", "max_usage_percent", "max_core_clock_mhz", "min_core_clock_mhz")
            .forEach(gpu::putNull);
        continue;
      }
      if (gpu != null && (m = GPU_STAT.matcher(line)).find()) {
        String key = gpuKey(m.group(1), m.group(2));
        if (key != null) {
          putNumber(gpu, key, m.group(3));
        }
        continue;
      }
      if ((m = FPS.matcher(line)).find()) {
        putNumber(fps, "min", m.group(1));
        putNumber(fps, "avg", m.group(2));
        putNumber(fps, "max", m.group(3));
        continue;
      }
      if (!(m = FIELD.matcher(line)).matches()) {
        continue;
      }
      String name = m.group(1).strip().toLowerCase(java.util.Locale.ROOT);
      String value = m.group(2).strip();
      Matcher n;
      switch (name) {
        case "demo", "renderer" -> s.put(name, value);
        case "3d api" -> s.put("api", value);
        case "resolution" -> {
          if ((n = RESOLUTION.matcher(value)).find()) {
            res.put("width", Integer.parseInt(n.group(1)));
            res.put("height", Integer.parseInt(n.group(2)));
          }
        }
        case "frames" -> {
          if ((n = NUMBER.matcher(value)).find()) {
            s.put("frames", Long.parseLong(n.group(1).replaceAll("\\..*", "")));
          }
        }
        case "duration" -> {
          if ((n = NUMBER.matcher(value)).find()) {
            putNumber(s, "duration_ms", n.group(1));
          }
        }
        case "score" -> {
          if ((n = NUMBER.matcher(value)).find()) {
            putNumber(s, "score", n.group(1)); // only with --benchmark
          }
        }
        default -> { }
      }
    }
    s.put("report_found", !s.get("frames").isNull() || !fps.get("avg").isNull());
    return s;
  }

  private static String gpuKey(String minMax, String what) {
    return switch (what) {
      case "temperature" -> minMax.equals("max") ? "max_temperature_c" : null;
      case "usage" -> minMax.equals("max") ? "max_usage_percent" : null;
      case "core clock" -> minMax + "_core_clock_mhz";
      default -> null;
    };
  }

  /** Whole numbers stay integers (the reference wrote ints); decimals are kept. */
  private static void putNumber(ObjectNode o, String key, String digits) {
    o.set(key, digits.contains(".") ? DoubleNode.valueOf(Double.parseDouble(digits))
        : LongNode.valueOf(Long.parseLong(digits)));
  }
}
