package servicerunner.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Checks a task's parameters against its declared {@link ParamSpec}s and fills in defaults. */
public final class ParamValidator {
  private ParamValidator() {}

  /** Result: the validated values, errors (each naming its JSON path) and names of undeclared keys. */
  public record Validation(Params params, List<String> errors, List<String> unknown) {}

  /**
   * @param given the task's parameters (common keys such as type and timeout_seconds already removed)
   * @param path maps a parameter name to its JSON path for messages, e.g. {@code tasks[2].count}
   */
  public static Validation validate(List<ParamSpec> specs, ObjectNode given, UnaryOperator<String> path) {
    ObjectNode out = given.deepCopy();
    List<String> errors = new ArrayList<>();
    for (ParamSpec spec : specs) {
      JsonNode v = given.get(spec.name());
      if (v != null && v.isNull() && isPrimitive(spec.kind())) {
        // strict like Jackson's FAIL_ON_NULL_FOR_PRIMITIVES: a null count or flag is a mistake, not "default"
        errors.add(path.apply(spec.name()) + ": expected " + spec.kind().expected() + ", got null");
        continue;
      }
      if (v == null || v.isNull()) {
        if (spec.mandatory()) {
          errors.add(path.apply(spec.name()) + ": required, expected " + spec.kind().expected());
        } else if (spec.defaultValue() != null) {
          out.set(spec.name(), spec.defaultValue().deepCopy());
        } else {
          out.remove(spec.name());
        }
        continue;
      }
      String problem = check(spec, v);
      if (problem != null) {
        errors.add(path.apply(spec.name()) + ": " + problem);
      }
    }
    List<String> unknown = new ArrayList<>();
    Set<String> declared = new java.util.HashSet<>();
    specs.forEach(s -> declared.add(s.name()));
    given.fieldNames().forEachRemaining(n -> {
      if (!declared.contains(n)) {
        unknown.add(n);
      }
    });
    return new Validation(new Params(out), errors, unknown);
  }

  private static boolean isPrimitive(ParamKind k) {
    return k == ParamKind.INTEGER || k == ParamKind.NUMBER || k == ParamKind.BOOLEAN;
  }

  private static String check(ParamSpec spec, JsonNode v) {
    String expected = "expected " + spec.kind().expected();
    switch (spec.kind()) {
      case STRING:
        if (!v.isTextual()) {
          return expected + ", got " + describe(v);
        }
        return checkAllowed(spec, v.asText());
      case INTEGER:
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
          return expected + ", got " + describe(v);
        }
        return checkRange(spec, v.asDouble());
      case NUMBER:
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          return expected + ", got " + describe(v);
        }
        return checkRange(spec, v.asDouble());
      case BOOLEAN:
        return v.isBoolean() ? null : expected + ", got " + describe(v);
      case STRING_LIST:
        if (!v.isArray()) {
          return expected + ", got " + describe(v);
        }
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isTextual()) {
            return "[" + i + "]: expected a string, got " + describe(v.get(i));
          }
          String bad = checkAllowed(spec, v.get(i).asText());
          if (bad != null) {
            return "[" + i + "]: " + bad;
          }
        }
        return null;
      case INTEGER_LIST:
        if (!v.isArray()) {
          return expected + ", got " + describe(v);
        }
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
            return "[" + i + "]: expected an integer, got " + describe(v.get(i));
          }
        }
        return null;
      case STRING_MAP:
        if (!v.isObject()) {
          return expected + ", got " + describe(v);
        }
        for (var it = v.fields(); it.hasNext(); ) {
          var e = it.next();
          if (!e.getValue().isTextual()) {
            return "." + e.getKey() + ": expected a string, got " + describe(e.getValue());
          }
        }
        return null;
      case OBJECT:
        return v.isObject() ? null : expected + ", got " + describe(v);
      default:
        return null;
    }
  }

  private static String checkAllowed(ParamSpec spec, String s) {
    if (spec.allowed().isEmpty() || spec.allowed().contains(s)) {
      return null;
    }
    return "expected one of " + String.join(", ", spec.allowed()) + ", got \"" + s + "\"";
  }

  private static String checkRange(ParamSpec spec, double d) {
    if (spec.min() != null && d < spec.min()) {
      return "expected at least " + trim(spec.min()) + ", got " + trim(d);
    }
    if (spec.max() != null && d > spec.max()) {
      return "expected at most " + trim(spec.max()) + ", got " + trim(d);
    }
    return null;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** A short description of a JSON value for error messages, never the whole value (it may be a secret). */
  public static String describe(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      return "a string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (v.isNumber()) {
      return "the number " + v.asText();
    }
    if (v.isBoolean()) {
      return v.asText();
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.isNull() ? "null" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
