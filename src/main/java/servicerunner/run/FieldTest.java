package servicerunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import servicerunner.plan.Condition;

/** One {@code field} comparison: numbers compare by value (1 equals 1.0), everything else by JSON equality. */
final class FieldTest {
  private FieldTest() {}

  /** {@code seen} is null when the summary does not have the field: only {@code ne} and {@code exists: false} hold. */
  static boolean holds(Condition.Op op, JsonNode seen, JsonNode value) {
    switch (op) {
      case EXISTS:
        return (seen != null && !seen.isNull()) == (value == null || value.asBoolean());
      case EQ:
        return seen != null && same(seen, value);
      case NE:
        return seen == null || !same(seen, value);
      case IN:
        if (seen != null) {
          for (JsonNode v : value) {
            if (same(seen, v)) {
              return true;
            }
          }
        }
        return false;
      default:
        if (seen == null || !seen.isNumber()) {
          return false;
        }
        int cmp = Double.compare(seen.asDouble(), value.asDouble());
        return op == Condition.Op.GT ? cmp > 0 : op == Condition.Op.GE ? cmp >= 0
            : op == Condition.Op.LT ? cmp < 0 : cmp <= 0;
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) == 0 : a.equals(b);
  }

  static String expected(Condition.Op op, JsonNode value) {
    if (op == Condition.Op.EXISTS) {
      return value == null || value.asBoolean() ? "present" : "absent";
    }
    return op.id() + " " + value;
  }
}
