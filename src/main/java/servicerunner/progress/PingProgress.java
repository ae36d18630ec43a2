package servicerunner.progress;

import java.util.Locale;

/**
 * ping prints one line per echo reply; lines with {@code TTL=} are real replies in every language (tool-outputs.md
 * 10: "Destination host unreachable" counts as received but has no TTL); Windows' IPv6 replies have no TTL, so
 * {@code time=}/{@code time<} counts too (English only). Progress is replies of the requested {@code count}: a lost
 * packet shows as a gap that the heartbeat covers, and the tool's exit ends the task anyway.
 */
public final class PingProgress implements ProgressParser {
  public static final ProgressSource SOURCE = ProgressSource.of(p -> new PingProgress(p.integer("count")));

  private static final java.util.regex.Pattern REPLY_TIME = java.util.regex.Pattern.compile("\\btime[=<]");

  private final int count;
  private long replies;

  PingProgress(int count) {
    this.count = count;
  }


  @Override
  public ProgressReading read(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    if (!(l.contains("ttl=") || REPLY_TIME.matcher(l).find()) || replies >= count) {
      return null;
    }
    replies++;
    return ProgressReading.count(replies, count, "packets", null);
  }
}
