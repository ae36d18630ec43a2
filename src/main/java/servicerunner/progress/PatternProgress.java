package servicerunner.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;

/**
 * The {@code command} type's progress: {@code "progress": {"pattern": "(\\d+)%"}} reads the percent from the group
 * of the first match in each output line; with {@code "total": 250} the group is a count of that many (percent =
 * count / total), {@code "unit"} names what is counted. Checked at plan time ({@link #CHECK}), so a run never meets a
 * pattern that does not compile.
 */
public final class PatternProgress implements ProgressParser {
  public static final String PARAM = "progress";
  private static final Set<String> KEYS = Set.of("pattern", "total", "unit");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:[.,][0-9]+)?");

  /** A command's {@code progress} object: the keys above, a pattern that compiles with exactly one group. */
  public static final ParamCheck CHECK = new ParamCheck("progress: {pattern: regex with one group, total, unit}",
      PatternProgress::problem);

  public static final ProgressSource SOURCE = ProgressSource.of(p -> p.has(PARAM) ? of(p) : null);

  private final Pattern pattern;
  private final Double total;
  private final String unit;

  PatternProgress(Pattern pattern, Double total, String unit) {
    this.pattern = pattern;
    this.total = total;
    this.unit = unit;
  }

  private static PatternProgress of(Params p) {
    JsonNode o = p.raw(PARAM);
    return new PatternProgress(Pattern.compile(o.get("pattern").asText()),
        o.has("total") ? o.get("total").asDouble() : null, o.has("unit") ? o.get("unit").asText() : null);
  }

  @Override
  public ProgressReading read(String line) {
    Matcher m = pattern.matcher(line);
    if (!m.find() || m.group(1) == null) {
      return null;
    }
    Matcher n = NUMBER.matcher(m.group(1));
    if (!n.find()) {
      return null;
    }
    double v = Double.parseDouble(n.group().replace(',', '.'));
    if (total == null) {
      return new ProgressReading(ProgressReading.clamp(v), null, null, null, unit, null);
    }
    return new ProgressReading(ProgressReading.clamp(100 * v / total), null, (long) v, total.longValue(), unit, null);
  }

  /** What is wrong with a {@code progress} object, said after its path ({@code .pattern: ...}), or null. */
  static String problem(JsonNode v) {
    for (var it = v.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        return "." + k + ": unknown key, expected pattern, total or unit";
      }
    }
    JsonNode pattern = v.get("pattern");
    if (pattern == null || !pattern.isTextual()) {
      return ".pattern: required, expected a regex with one group for the percent, got "
          + (pattern == null ? "nothing" : ParamValidator.describe(pattern));
    }
    try {
      int groups = Pattern.compile(pattern.asText()).matcher("").groupCount();
      if (groups != 1) {
        return ".pattern: expected a regex with exactly one group (the percent, or the count with total), got "
            + groups + " groups";
      }
    } catch (PatternSyntaxException e) {
      return ".pattern: does not compile: " + e.getDescription() + " near index " + e.getIndex();
    }
    JsonNode total = v.get("total");
    if (total != null && (!total.isNumber() || !(total.asDouble() > 0) || !Double.isFinite(total.asDouble()))) {
      return ".total: expected a number greater than 0, got " + ParamValidator.describe(total);
    }
    JsonNode unit = v.get("unit");
    if (unit != null && !unit.isTextual()) {
      return ".unit: expected a string, got " + ParamValidator.describe(unit);
    }
    return null;
  }
}
