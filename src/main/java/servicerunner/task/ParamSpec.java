package servicerunner.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import servicerunner.json.Json;

/**
 * One declared task parameter: name, JSON type, whether it is required, its default, a description for
 * {@code --list-tasks}, and optional limits (allowed strings, numeric range). Validation, defaults and the task
 * listing are all derived from these declarations.
 *
 * @param declaredUnit the unit of a numeric parameter when its name does not imply one (see {@link #unit()})
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
    ParamUnit declaredUnit) {

  public ParamSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public static ParamSpec of(String name, ParamKind kind, String description) {
    return new ParamSpec(name, kind, false, null, description, List.of(), null, null, null);
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
    return new ParamSpec(name, kind, true, defaultValue, description, allowed, min, max, declaredUnit);
  }

  public ParamSpec defaultsTo(Object value) {
    return new ParamSpec(name, kind, mandatory, Json.valueToTree(value), description, allowed, min, max, declaredUnit);
  }

  public ParamSpec oneOf(String... values) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, List.of(values), min, max, declaredUnit);
  }

  public ParamSpec range(Double minimum, Double maximum) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, minimum, maximum, declaredUnit);
  }

  public ParamSpec atLeast(double minimum) {
    return range(minimum, max);
  }

  /** Declares the unit of a numeric parameter whose name does not say it, e.g. {@code connect_timeout} in "s". */
  public ParamSpec unit(String symbol) {
    ParamUnit u = ParamUnit.of(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit " + symbol));
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, min, max, u);
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
