package servicerunner.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.param.Params;

/**
 * DISM draws {@code [=====      45.0%      ]} and redraws it with a bare CR (a decimal comma in some locales). The task
 * runs one DISM per requested action, so the phase is the action its command line names, and the overall percent
 * weights each action by its usual length (CheckHealth seconds, ScanHealth and RestoreHealth 5 to 30+ minutes,
 * tool-outputs.md 3) so the bar does not fall back to 0 when the next step starts.
 */
public final class DismProgress implements ProgressParser {
  public static final ProgressSource SOURCE =
      ProgressSource.of(DismProgress::new, "checkhealth", "scanhealth", "restorehealth");
  private static final Pattern BAR = Pattern.compile("^\\s*\\[[=\\s]*(\\d{1,3}(?:[.,]\\d+)?)\\s?%");

  private final List<String> actions = new ArrayList<>();
  private final double totalWeight;
  private double weightDone;
  private double weightNow;
  private String phase;
  private int step = -1;

  DismProgress(Params p) {
    for (String a : p.stringList("actions")) {
      actions.add(id(a));
    }
    double w = 0;
    for (String a : actions) {
      w += weight(a);
    }
    totalWeight = w;
  }

  @Override
  public void processStarted(List<String> argv) {
    if (step >= 0) {
      weightDone += weightNow;
    }
    step++;
    phase = null;
    for (String arg : argv) {
      String a = id(arg);
      if (arg.startsWith("/") && actions.contains(a)) {
        phase = a;
      }
    }
    weightNow = phase == null ? 0 : weight(phase);
  }

  @Override
  public ProgressReading read(String line) {
    Matcher m = BAR.matcher(line);
    if (!m.find()) {
      return null;
    }
    double p = Double.parseDouble(m.group(1).replace(',', '.'));
    if (phase == null || totalWeight <= 0) {
      return ProgressReading.percent(p, phase);
    }
    return ProgressReading.percent((weightDone + weightNow * p / 100) * 100 / totalWeight, phase);
  }

  private static String id(String action) {
    String a = action.strip().toLowerCase(Locale.ROOT);
    return a.startsWith("/") ? a.substring(1) : a;
  }

  private static double weight(String action) {
    switch (action) {
      case "checkhealth":
        return 1;
      case "scanhealth":
        return 10;
      default:
        return 20;
    }
  }
}
