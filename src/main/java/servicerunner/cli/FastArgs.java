package servicerunner.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The common command line ({@code <plan> [--log-file PATH] [-o PATH] ...}) read without picocli, so that the first
 * marker is not held up by loading and reflecting over picocli (about 100 ms of start-up, and its Java 5 class files
 * cannot go into a CDS archive). Anything this does not recognise exactly, returns null and picocli parses the line
 * as before: --help, --version, --list-tasks, the {@code report} subcommand, {@code --opt=value}, clustered short
 * options, {@code @file} arguments, a lone {@code -}, {@code --}, repeated options, values that look like options,
 * and every error.
 */
final class FastArgs {
  private FastArgs() {}

  /** Sets the options on {@code cli} and returns true, or returns false (and leaves cli untouched). */
  static boolean apply(String[] args, Cli cli) {
    String plan = null;
    Path output = null;
    Path log = null;
    Path control = null;
    String progress = null;
    String maxPlan = null;
    String maxParallel = null;
    Path html = null;
    Path junit = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.isEmpty() || a.startsWith("@")) {
        return false;
      }
      if (!a.startsWith("-")) {
        if (plan != null || "report".equals(a)) { // "report" is the subcommand, which picocli dispatches
          return false;
        }
        plan = a;
        continue;
      }
      if (i + 1 >= args.length) {
        return false;
      }
      String v = args[++i];
      if (v.isEmpty() || v.startsWith("-") || v.startsWith("@")) {
        return false;
      }
      switch (a) {
        case "-o":
        case "--output-file":
          if (output != null || (output = path(v)) == null) {
            return false;
          }
          break;
        case "--log-file":
          if (log != null || (log = path(v)) == null) {
            return false;
          }
          break;
        case "--control-file":
          if (control != null || (control = path(v)) == null) {
            return false;
          }
          break;
        case "--html":
          if (html != null || (html = path(v)) == null) {
            return false;
          }
          break;
        case "--junit":
          if (junit != null || (junit = path(v)) == null) {
            return false;
          }
          break;
        case "--progress-results":
          if (progress != null) {
            return false;
          }
          progress = v;
          break;
        case "--max-parallel":
          if (maxParallel != null) {
            return false;
          }
          maxParallel = v;
          break;
        case "--max-plan-bytes":
          if (maxPlan != null) {
            return false;
          }
          maxPlan = v;
          break;
        default:
          return false;
      }
    }
    if (plan == null) {
      return false;
    }
    cli.plan = plan;
    cli.outputFile = output;
    cli.logFile = log;
    cli.controlFile = control;
    cli.progressResults = progress == null ? "stubs" : progress;
    cli.maxPlanBytes = maxPlan == null ? Cli.DEFAULT_MAX_PLAN : maxPlan;
    cli.html = html;
    cli.junit = junit;
    cli.maxParallel = maxParallel;
    return true;
  }

  private static Path path(String v) {
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
