package servicerunner.param;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import servicerunner.json.Json;

/**
 * One declared task parameter: name, JSON type, whether it is required, its default, a description for
 * {@code --list-tasks}, and its constraints (allowed strings, numeric range, {@link ParamCheck}s such as non-empty,
 * a pattern, an encoding name or {@link #positional()}). Validation, defaults and the task listing are all derived
 * from these declarations; a task's {@code run()} trusts values that passed them.
 *
 * @param declaredUnit the unit of a numeric parameter when its name does not imply one (see {@link #unit()})
 * @param checks the constraints beyond kind, allowed words and range, checked in order (the first problem is said)
 */
public record ParamSpec(
    String name,
    ParamKind kind,
    boolean mandatory,
    JsonNode defaultValue,
    String description,
    List<String> allowed,
    Double min,
    Double max,
    ParamUnit declaredUnit,
    List<ParamCheck> checks) {

  public ParamSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  public static ParamSpec of(String name, ParamKind kind, String description) {
    return new ParamSpec(name, kind, false, null, description, List.of(), null, null, null, List.of());
  }

  public static ParamSpec string(String name, String description) {
    return of(name, ParamKind.STRING, description);
  }

  public static ParamSpec integer(String name, String description) {
    return of(name, ParamKind.INTEGER, description);
  }

  public static ParamSpec number(String name, String description) {
    return of(name, ParamKind.NUMBER, description);
  }

  public static ParamSpec bool(String name, String description) {
    return of(name, ParamKind.BOOLEAN, description);
  }

  public static ParamSpec stringList(String name, String description) {
    return of(name, ParamKind.STRING_LIST, description);
  }

  public ParamSpec required() {
    return new ParamSpec(name, kind, true, defaultValue, description, allowed, min, max, declaredUnit, checks);
  }

  public ParamSpec defaultsTo(Object value) {
    return new ParamSpec(name, kind, mandatory, Json.valueToTree(value), description, allowed, min, max, declaredUnit,
        checks);
  }

  public ParamSpec oneOf(String... values) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, List.of(values), min, max, declaredUnit,
        checks);
  }

  public ParamSpec range(Double minimum, Double maximum) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, minimum, maximum, declaredUnit,
        checks);
  }

  public ParamSpec atLeast(double minimum) {
    return range(minimum, max);
  }

  public ParamSpec atMost(double maximum) {
    return range(min, maximum);
  }

  /** Declares the unit of a numeric parameter whose name does not say it, e.g. {@code connect_timeout} in "s". */
  public ParamSpec unit(String symbol) {
    ParamUnit u = ParamUnit.of(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit " + symbol));
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, min, max, u, checks);
  }

  /** Adds a constraint, checked after the kind, allowed words and range. */
  public ParamSpec check(ParamCheck check) {
    List<ParamCheck> all = new ArrayList<>(checks);
    all.add(check);
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, min, max, declaredUnit, all);
  }

  /** See {@link ParamCheck#nonEmpty()}. */
  public ParamSpec nonEmpty() {
    return check(ParamCheck.nonEmpty());
  }

  /** The value becomes a positional argument of a tool, so it may not begin with "-" (option injection). */
  public ParamSpec positional() {
    return check(ParamCheck.positional());
  }

  /** See {@link ParamCheck#matches}. */
  public ParamSpec matches(String regex, String hint) {
    return check(ParamCheck.matches(regex, hint));
  }

  /** See {@link ParamCheck#encoding()}. */
  public ParamSpec encoding() {
    return check(ParamCheck.encoding());
  }

  /**
   * The unit a numeric value of this parameter is in: the declared one, else the one its name implies
   * ({@code timeout_ms}, {@code duration_minutes}, {@code stability_threshold_mbps}); none for other kinds.
   */
  public Optional<ParamUnit> unit() {
    if (kind != ParamKind.INTEGER && kind != ParamKind.NUMBER) {
      return Optional.empty();
    }
    return declaredUnit != null ? Optional.of(declaredUnit) : ParamUnit.impliedBy(name);
  }
}
