package servicerunner.task;

import java.util.List;

/**
 * The registered task types. A switch, not a reflective scan or a map of lambdas, so that only the classes a plan
 * uses are loaded (start-up time) and adding a type is one line here plus its class.
 */
public final class TaskCatalog {
  private TaskCatalog() {}

  /** Every registered id, in listing order. */
  public static final List<String> IDS = List.of(
      "command");

  /** The type for an id, or null when no handler exists. */
  public static TaskType find(String id) {
    switch (id) {
      case "command":
        return new CommandTask();
      default:
        return null;
    }
  }
}
