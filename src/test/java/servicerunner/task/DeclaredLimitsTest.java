package servicerunner.task;

import servicerunner.param.ParamSpec;
import servicerunner.param.ParamKind;
import servicerunner.param.ParamUnit;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 1 (audit D1-D3): every duration and count of every registered type declares a maximum, checked at
 * plan time, and no duration may exceed the plan-wide limit on timeouts.
 */
class DeclaredLimitsTest {

  @Test
  void everyNumericParameterHasAMaximum() {
    for (String id : TaskCatalog.ids()) {
      for (ParamSpec p : TaskCatalog.find(id).declaration().params()) {
        if (p.kind() == ParamKind.INTEGER || p.kind() == ParamKind.NUMBER) {
          assertNotNull(p.max(), id + "." + p.name() + " declares no maximum");
        }
      }
    }
  }

  @Test
  void noDurationOutlastsTheLongestTimeout() {
    BigDecimal limit = BigDecimal.valueOf(TaskDeclaration.MAX_TIMEOUT.toSeconds());
    for (String id : TaskCatalog.ids()) {
      for (ParamSpec p : TaskCatalog.find(id).declaration().params()) {
        p.unit().filter(u -> u.quantity().equals("time")).ifPresent(u -> {
          BigDecimal seconds = ParamUnit.SECONDS.convert(BigDecimal.valueOf(p.max()), u);
          assertTrue(seconds.compareTo(limit) <= 0, id + "." + p.name() + ": max " + p.max() + " " + u.symbol());
        });
      }
    }
  }
}
