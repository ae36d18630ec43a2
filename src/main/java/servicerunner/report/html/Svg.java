package servicerunner.report.html;

import java.util.List;
import java.util.Locale;
import servicerunner.report.view.Text;

/** Small inline SVG charts: no script, no external file, readable in print (sizes from the viewBox). */
final class Svg {
  private Svg() {}

  private static final int W = 600;

  /** One horizontal bar: label on the left, value text on the right; tone picks the colour (good/warn/bad/info). */
  record Bar(String label, double value, String valueText, String tone) {}

  /** Horizontal bars scaled to {@code max} (the largest value when max is null). */
  static String bars(String title, List<Bar> bars, Double max) {
    double top = max != null ? max : 0;
    for (Bar b : bars) {
      top = Math.max(top, b.value());
    }
    if (bars.isEmpty() || !(top > 0)) {
      return "";
    }
    int row = 26;
    int labelW = 140;
    int valueW = 170;
    int plotW = W - labelW - valueW;
    int h = bars.size() * row + 8;
    StringBuilder s = open(title, h);
    int y = 4;
    for (Bar b : bars) {
      double w = Math.max(0, Math.min(1, b.value() / top)) * plotW;
      s.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17)
          .append("\" text-anchor=\"end\" class=\"lbl\">").append(Html.escape(Text.oneLine(b.label(), 28))).append("</text>");
      s.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(plotW)
          .append("\" height=\"").append(row - 8).append("\" class=\"track\"/>");
      s.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
          .append("\" height=\"").append(row - 8).append("\" class=\"fill ").append(b.tone()).append("\"/>");
      s.append("<text x=\"").append(labelW + plotW + 8).append("\" y=\"").append(y + 17).append("\" class=\"val\">")
          .append(Html.escape(b.valueText())).append("</text>");
      y += row;
    }
    return s.append("</svg>").toString();
  }

  /** A line over equally spaced samples (e.g. throughput per interval), with the y range and the x span labelled. */
  static String line(String title, List<Double> ys, String unit, String xStart, String xEnd) {
    if (ys.size() < 2) {
      return "";
    }
    double max = 0;
    for (double v : ys) {
      max = Math.max(max, v);
    }
    if (!(max > 0)) {
      return "";
    }
    int h = 170;
    int left = 100;
    int right = W - 12;
    int top = 12;
    int bottom = h - 26;
    StringBuilder s = open(title, h);
    s.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(right)
        .append("\" y2=\"").append(bottom).append("\" class=\"axis\"/>");
    s.append("<line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left)
        .append("\" y2=\"").append(bottom).append("\" class=\"axis\"/>");
    s.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + 10).append("\" text-anchor=\"end\" class=\"lbl\">")
        .append(Html.escape(Text.number(max) + " " + unit)).append("</text>");
    s.append("<text x=\"").append(left - 6).append("\" y=\"").append(bottom).append("\" text-anchor=\"end\" class=\"lbl\">0</text>");
    s.append("<text x=\"").append(left).append("\" y=\"").append(h - 8).append("\" class=\"lbl\">").append(Html.escape(xStart)).append("</text>");
    s.append("<text x=\"").append(right).append("\" y=\"").append(h - 8).append("\" text-anchor=\"end\" class=\"lbl\">")
        .append(Html.escape(xEnd)).append("</text>");
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < ys.size(); i++) {
      double x = left + (right - left) * (double) i / (ys.size() - 1);
      double y = bottom - (bottom - top) * (ys.get(i) / max);
      pts.append(fmt(x)).append(',').append(fmt(y)).append(' ');
    }
    s.append("<polyline points=\"").append(pts.toString().strip()).append("\" class=\"series\"/>");
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int h) {
    return new StringBuilder(1024)
        .append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\"><title>").append(Html.escape(title))
        .append("</title>");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
