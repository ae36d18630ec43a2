package servicerunner.cli;

import java.util.Locale;

/** A byte count as a technician types it: {@code 33554432}, {@code 64K}, {@code 32M}, {@code 1G} (binary units). */
final class ByteSize {
  private ByteSize() {}

  /** The number of bytes, or -1 when the text is not a count (or overflows). */
  static long parse(String text) {
    if (text == null) {
      return -1;
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1); // "64KB", "64MiB" read as "64K", "64Mi"
    }
    if (t.endsWith("I")) {
      t = t.substring(0, t.length() - 1);
    }
    int shift = 0;
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'K':
          shift = 10;
          break;
        case 'M':
          shift = 20;
          break;
        case 'G':
          shift = 30;
          break;
        default:
          break;
      }
    }
    if (shift > 0) {
      t = t.substring(0, t.length() - 1).trim();
    }
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(t) << shift;
  }
}
