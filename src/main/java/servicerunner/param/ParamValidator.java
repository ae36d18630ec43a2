package servicerunner.param;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The one place a task's parameters are checked, at plan time: each value against its declared {@link ParamSpec}
 * (kind, allowed words, range, then its {@link ParamCheck}s), then the type's {@link ParamRule}s, every problem with
 * its JSON path; defaults are filled in. A task's {@code run()} trusts what passed. The plan's structure is
 * strict; a value the app spells its own way (a number inside a string with the parameter's unit, an enumerated
 * word in another case) is read as the reference runner read it, with a warning naming its path
 * ({@link ParamSpelling}).
 */
public final class ParamValidator {
  private ParamValidator() {}

  /**
   * Result: the validated values, errors (each naming its JSON path), names of undeclared keys, and warnings for
   * values that were read from another spelling.
   */
  public record Validation(Params params, List<String> errors, List<String> unknown, List<String> warnings) {}

  /** A value's check: a problem, or the value to use (the given node, or what it was read as) and why. */
  private record Checked(String problem, JsonNode value, String note) {
    static Checked fine(JsonNode v) {
      return new Checked(null, v, null);
    }

    static Checked problem(String p) {
      return new Checked(p, null, null);
    }
  }

  /**
   * A task's parameters against its type's declaration: every parameter, then (when they all passed) the rules
   * between them.
   *
   * @param given the task's parameters (common keys such as type and timeout_seconds already removed)
   * @param path maps a parameter name to its JSON path for messages, e.g. {@code tasks[2].count}
   */
  public static Validation validate(List<ParamSpec> specs, List<ParamRule> rules, ObjectNode given,
      UnaryOperator<String> path) {
    Validation v = validate(specs, given, path);
    if (!v.errors().isEmpty()) {
      return v;
    }
    List<String> broken = new ArrayList<>();
    for (ParamRule rule : rules) {
      if (!rule.holds().test(v.params())) {
        List<String> names = rule.params();
        String others = names.size() == 1 ? "" : ", " + String.join(", ", names.subList(1, names.size()));
        broken.add(path.apply(names.get(0)) + others + ": " + rule.text());
      }
    }
    return broken.isEmpty() ? v : new Validation(v.params(), broken, v.unknown(), v.warnings());
  }

  /** The parameters alone, without the type's rules between them (see the overload above). */
  public static Validation validate(List<ParamSpec> specs, ObjectNode given, UnaryOperator<String> path) {
    ObjectNode out = given.deepCopy();
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
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
      Checked c = check(spec, v);
      String problem = c.problem() != null ? c.problem() : declaredChecks(spec, c.value());
      if (problem != null) {
        errors.add(at(path.apply(spec.name()), problem));
      } else if (c.note() != null) {
        out.set(spec.name(), c.value());
        warnings.add(at(path.apply(spec.name()), c.note()));
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
    return new Validation(new Params(out), errors, unknown, warnings);
  }

  /**
   * A problem said at its JSON path: one about a list entry or a map member ("[1]: ...", ".HOME: ...") extends the
   * path ({@code tasks[0].actions[1]: unknown action}), any other follows it after a colon.
   */
  private static String at(String path, String problem) {
    return problem.startsWith("[") || problem.startsWith(".") ? path + problem : path + ": " + problem;
  }

  /** The first problem the spec's {@link ParamCheck}s find in a value of the right kind, or null. */
  private static String declaredChecks(ParamSpec spec, JsonNode value) {
    for (ParamCheck check : spec.checks()) {
      String problem = check.problem().apply(value);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static boolean isPrimitive(ParamKind k) {
    return k == ParamKind.INTEGER || k == ParamKind.NUMBER || k == ParamKind.BOOLEAN;
  }

  private static Checked check(ParamSpec spec, JsonNode v) {
    String expected = "expected " + spec.kind().expected();
    switch (spec.kind()) {
      case STRING:
        if (!v.isTextual()) {
          return Checked.problem(expected + ", got " + describe(v));
        }
        return checkWord(spec, v.asText(), "");
      case INTEGER:
      case NUMBER:
        return v.isTextual() ? checkSpelledNumber(spec, v) : checkNumber(spec, v);
      case BOOLEAN:
        return v.isBoolean() ? Checked.fine(v) : Checked.problem(expected + ", got " + describe(v));
      case STRING_LIST:
        return checkStringList(spec, v);
      case INTEGER_LIST:
        if (!v.isArray()) {
          return Checked.problem(expected + ", got " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
            return Checked.problem("[" + i + "]: expected an integer, got " + describe(v.get(i)));
          }
        }
        return Checked.fine(v);
      case STRING_MAP:
        if (!v.isObject()) {
          return Checked.problem(expected + ", got " + describe(v));
        }
        for (var it = v.fields(); it.hasNext(); ) {
          var e = it.next();
          if (!e.getValue().isTextual()) {
            return Checked.problem("." + e.getKey() + ": expected a string, got " + describe(e.getValue()));
          }
        }
        return Checked.fine(v);
      case OBJECT:
        return v.isObject() ? Checked.fine(v) : Checked.problem(expected + ", got " + describe(v));
      default:
        return Checked.fine(v);
    }
  }

  private static Checked checkNumber(ParamSpec spec, JsonNode v) {
    boolean ok = spec.kind() == ParamKind.INTEGER
        ? v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()
        : v.isNumber() && Double.isFinite(v.asDouble());
    if (!ok) {
      return Checked.problem("expected " + spec.kind().expected() + ", got " + describe(v));
    }
    String range = checkRange(spec, v.asDouble());
    return range == null ? Checked.fine(v) : Checked.problem(range);
  }

  /** "20Mbps", "30s", "1.5": the number in the parameter's unit, then the same checks as for a JSON number. */
  private static Checked checkSpelledNumber(ParamSpec spec, JsonNode v) {
    ParamSpelling.Read read = ParamSpelling.number(v.asText(), spec.unit());
    String unit = spec.unit().map(u -> " in " + u.symbol()).orElse("");
    if (!read.ok()) {
      return Checked.problem("expected " + spec.kind().expected() + unit + ", got " + describe(v) + read.problem());
    }
    BigDecimal d = read.value();
    JsonNode number;
    if (spec.kind() == ParamKind.INTEGER) {
      BigDecimal whole = d.stripTrailingZeros();
      if (whole.scale() > 0 || whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
          || whole.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
        return Checked.problem("expected an integer" + unit + ", got " + describe(v));
      }
      number = IntNode.valueOf(whole.intValueExact());
    } else {
      number = DoubleNode.valueOf(d.doubleValue());
    }
    String range = checkRange(spec, number.asDouble());
    if (range != null) {
      return Checked.problem(range + " (read from " + describe(v) + ")");
    }
    String in = read.givenUnit() == null || spec.unit().isEmpty() ? ""
        : " " + spec.unit().get().symbol();
    return new Checked(null, number, "read " + describe(v) + " as the number " + ParamSpelling.plain(d) + in
        + " (send a JSON number to avoid this warning)");
  }

  private static Checked checkStringList(ParamSpec spec, JsonNode v) {
    if (!v.isArray()) {
      return Checked.problem("expected " + spec.kind().expected() + ", got " + describe(v));
    }
    ArrayNode read = null;
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        return Checked.problem("[" + i + "]: expected a string, got " + describe(v.get(i)));
      }
      Checked c = checkWord(spec, v.get(i).asText(), "[" + i + "]: ");
      if (c.problem() != null) {
        return c;
      }
      if (c.note() != null) {
        read = read == null ? v.deepCopy() : read;
        read.set(i, c.value());
        notes.add(c.note());
      }
    }
    return read == null ? Checked.fine(v) : new Checked(null, read, String.join("; ", notes));
  }

  /** A string against the allowed words; one that differs only in case is read as the declared word. */
  private static Checked checkWord(ParamSpec spec, String s, String prefix) {
    if (spec.allowed().isEmpty() || spec.allowed().contains(s)) {
      return Checked.fine(TextNode.valueOf(s));
    }
    var match = ParamSpelling.allowedIgnoringCase(spec.allowed(), s);
    if (match.isPresent()) {
      return new Checked(null, TextNode.valueOf(match.get()),
          prefix + "read \"" + s + "\" as \"" + match.get() + "\"");
    }
    return Checked.problem(prefix + checkAllowed(spec, s));
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

  /** 20, 1.5, 1.0E300: whole numbers without ".0" while a long holds them exactly. */
  private static String trim(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
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
