package servicerunner.task;

import servicerunner.param.ParamSpec;
import servicerunner.param.ParamRule;
import servicerunner.param.Params;
import servicerunner.param.ParamValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import servicerunner.exec.Platform;
import servicerunner.schedule.Claims;
import servicerunner.schedule.DefaultClaims;
import servicerunner.progress.ProgressSource;

/**
 * Everything known about a task type before it runs, in one value: validation, {@code --list-tasks}, the README
 * table and the engine's platform check are derived from it. New capabilities (resource claims, progress parsers)
 * are added here once, never to the 24 classes.
 *
 * <pre>{@code
 * static final TaskDeclaration DECLARATION = TaskDeclaration.builder("sfc_scan", "Checks protected files.")
 *     .windowsTool("sfc", "Path to sfc.exe (default: sfc from PATH).")
 *     .params(ParamSpec.bool("verify_only", "Only verify.").defaultsTo(false))
 *     .timeout(Duration.ofHours(1))
 *     .verdicts("no_violations", "repaired", "corruption_unrepaired")
 *     .build();
 * }</pre>
 *
 * @param timeoutRule the default timeout for the validated parameters (null result: no limit); a type whose run
 *     length is a parameter (stress tests) adds its margin here
 * @param timeoutText how {@code --list-tasks} describes a parameter-dependent rule; null for a fixed timeout
 * @param verdicts the verdict ids the type can give (plans will test them); empty when it gives none
 * @param rules constraints between parameters, checked at plan time after each parameter's own
 * @param claims what a task of this type holds while it runs in a parallel run (pools, exclusive), unless the plan
 *     says otherwise; see the README's claims table for the reason of each
 * @param progress the type's progress parser factory (servicerunner.progress), or null when its output shows none
 */
public record TaskDeclaration(
    String id,
    String description,
    List<ParamSpec> params,
    Function<Params, Duration> timeoutRule,
    String timeoutText,
    Set<Platform> platforms,
    String example,
    List<String> verdicts,
    List<ParamRule> rules,
    DefaultClaims claims,
    ProgressSource progress) {

  /**
   * The longest {@code timeout_seconds} or {@code idle_timeout_seconds} a plan may give any task (7 days): longer is
   * a typo (1e10 once hung the runner, audit D1), and a bound keeps every time derived from it finite.
   */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

  public TaskDeclaration {
    params = List.copyOf(params);
    platforms = Set.copyOf(platforms);
    verdicts = List.copyOf(verdicts);
    rules = List.copyOf(rules);
  }

  /** The fixed default timeout, or null when it depends on the parameters (or there is none). */
  public Duration fixedTimeout() {
    return timeoutText == null ? timeoutRule.apply(null) : null;
  }

  public Duration defaultTimeout(Params p) {
    return timeoutRule.apply(p);
  }

  /** The default claims of one task, with the volumes its validated drive/path parameters name. */
  public Claims claims(Params p) {
    return claims.apply(name -> p != null && p.has(name) ? p.raw(name).asText() : null);
  }

  /** The plan's parameters of one task against this declaration: each parameter, then the rules between them. */
  public ParamValidator.Validation validate(ObjectNode given, UnaryOperator<String> path) {
    return ParamValidator.validate(params, rules, given, path);
  }

  public static Builder builder(String id, String description) {
    return new Builder(id, description);
  }

  /** Builds a declaration; {@link #windowsTool} adds the shared {@code executable_path} parameter. */
  public static final class Builder {
    private final String id;
    private final String description;
    private final List<ParamSpec> params = new ArrayList<>();
    private Function<Params, Duration> timeoutRule = p -> null;
    private String timeoutText;
    private Set<Platform> platforms = Set.of(Platform.values());
    private String example;
    private List<String> verdicts = List.of();
    private final List<ParamRule> rules = new ArrayList<>();
    private DefaultClaims claims = DefaultClaims.NONE;
    private ProgressSource progress;

    private Builder(String id, String description) {
      this.id = id;
      this.description = description;
    }

    public Builder params(ParamSpec... specs) {
      params.addAll(Arrays.asList(specs));
      return this;
    }

    public Builder params(List<ParamSpec> specs) {
      params.addAll(specs);
      return this;
    }

    /** A tool that exists on Windows only; {@code executable_path} is optional (default: the name on PATH). */
    public Builder windowsTool(String executableDescription) {
      platforms = Set.of(Platform.WINDOWS);
      params.add(ParamSpec.string("executable_path", executableDescription));
      return this;
    }

    /** A Windows tool the plan must point at (it is not on PATH: KVRT, AdwCleaner, ...). */
    public Builder windowsToolRequired(String executableDescription) {
      platforms = Set.of(Platform.WINDOWS);
      params.add(ParamSpec.string("executable_path", executableDescription).required());
      return this;
    }

    public Builder platforms(Platform... ps) {
      platforms = Set.of(ps);
      return this;
    }

    public Builder timeout(Duration fixed) {
      timeoutRule = p -> fixed;
      timeoutText = null;
      return this;
    }

    /** A timeout that depends on the parameters; {@code text} says how for the listing. */
    public Builder timeout(String text, Function<Params, Duration> rule) {
      timeoutRule = rule;
      timeoutText = text;
      return this;
    }

    public Builder example(String json) {
      example = json;
      return this;
    }

    public Builder verdicts(String... ids) {
      verdicts = List.of(ids);
      return this;
    }

    /**
     * A constraint between parameters: {@code holds} gets the validated values; when it is false the plan error
     * names the first of {@code params}' paths, the others and {@code text}.
     */
    public Builder rule(String text, Predicate<Params> holds, String... params) {
      rules.add(new ParamRule(List.of(params), text, holds));
      return this;
    }

    /** Pools a task of this type holds while it runs, one unit each (e.g. {@code "servicing"}, {@code "net"}). */
    public Builder resources(String... pools) {
      for (String p : pools) {
        claims = claims.withPool(p, 1.0);
      }
      return this;
    }

    /** One unit of the disk pool of the volume {@code param} names (a drive or a path; absent: the system volume). */
    public Builder diskOf(String param) {
      claims = claims.withDisk(param);
      return this;
    }

    /** One unit of the system volume's disk pool (the tool works there, e.g. sfc, DISM). */
    public Builder systemDisk() {
      claims = claims.withDisk("");
      return this;
    }

    /** Runs with nothing else (benchmarks, stress tests: another task would skew or be skewed by them). */
    public Builder exclusive() {
      claims = claims.withExclusive();
      return this;
    }

    /** The parser that turns the tool's output into {@code TASK_PROGRESS} events (see servicerunner.progress). */
    public Builder progress(ProgressSource source) {
      progress = source;
      return this;
    }

    public TaskDeclaration build() {
      return new TaskDeclaration(id, description, params, timeoutRule, timeoutText, platforms,
          example == null ? "{\"type\":\"" + id + "\"}" : example, verdicts, rules, claims, progress);
    }
  }
}
