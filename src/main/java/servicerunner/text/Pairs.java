package servicerunner.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lookup tables written as key, value, key, value...: the order given is kept (tables are read in that order). */
public final class Pairs {
  private Pairs() {}

  public static Map<String, String> ordered(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("a key without its value: " + keysAndValues[keysAndValues.length - 1]);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
