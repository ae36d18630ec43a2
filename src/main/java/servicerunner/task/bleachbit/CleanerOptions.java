package servicerunner.task.bleachbit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks requested {@code cleaner.option} ids against {@code bleachbit --list-cleaners} (one id per line). This
 * matters because BleachBit does not reject unknown ids up front: an unknown cleaner ends the worker with a KeyError
 * before the summary (exit 1), and an unknown option of a known cleaner only shows up as {@code Errors: 1}
 * (both seen with bleachbit 4.4.2).
 */
final class CleanerOptions {
  private CleanerOptions() {}

  /**
   * cleaner.option: no spaces, a dot between two non-empty parts (winapp2-derived ids use more than [a-z_]); the
   * declaration checks requested ids against it at plan time.
   */
  static final Pattern ID = Pattern.compile("[^\\s.]+\\.\\S+");

  record Split(List<String> valid, List<String> unknown) {}

  /** The ids of a {@code --list-cleaners} output. */
  static Set<String> parseList(String output) {
    return Arrays.stream(output.split("\r\n|\r|\n")).map(String::strip).filter(s -> ID.matcher(s).matches())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Splits the request; {@code cleaner.*} is valid when the cleaner has any option. Duplicates are dropped. */
  static Split split(List<String> requested, Set<String> known) {
    List<String> valid = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : new LinkedHashSet<>(requested)) {
      boolean ok;
      if (id.endsWith(".*")) {
        String prefix = id.substring(0, id.length() - 1);
        ok = known.stream().anyMatch(k -> k.startsWith(prefix));
      } else {
        ok = known.contains(id);
      }
      (ok ? valid : unknown).add(id);
    }
    return new Split(valid, unknown);
  }
}
