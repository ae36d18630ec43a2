package servicerunner.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
  private static final PhraseTable<String> TABLE = PhraseTable.<String>builder()
      .add("metadata", "en", "Did not find any integrity violations but cannot guarantee")
      .add("clean", "en", "did not find any integrity violations")
      .add("clean", "fr", "n\u2019a trouvé aucune violation d\u2019intégrité")
      .add("repaired", "en", "successfully repaired them")
      .build();

  private static String norm(String s) {
    return PhraseTable.normalise(s);
  }

  @Test
  void theFirstPhraseInTableOrderWinsNotTheFirstInTheText() {
    String text = norm("Windows Resource Protection successfully repaired them. It did not find any integrity "
        + "violations but cannot guarantee ...");
    assertEquals(Optional.of("metadata"), TABLE.first(text));
    assertEquals(Optional.of("repaired"), TABLE.first(norm("... successfully repaired them.")));
    assertEquals(Optional.empty(), TABLE.first(norm("Nada.")));
  }

  @Test
  void findTellsTheLanguage() {
    String fr = norm("La protection des ressources Windows n'a  trouvé\u00a0aucune violation\r\nd'intégrité.");
    assertEquals("fr", TABLE.find(fr).orElseThrow().language());
    assertEquals("clean", TABLE.find(fr).orElseThrow().value());
  }

  @Test
  void anyAsksForOneValueInEveryLanguage() {
    String text = norm("... DID NOT FIND ANY INTEGRITY VIOLATIONS but cannot guarantee");
    assertTrue(TABLE.any(text, "clean"), "a shorter phrase inside the longer sentence still counts for any()");
    assertTrue(TABLE.any(text, "metadata"));
    assertFalse(TABLE.any(text, "repaired"));
  }

  @Test
  void normaliseFoldsCaseApostrophesAndEveryKindOfSpace() {
    assertEquals("n'a trouvé l'erreur", norm("  N\u2019a\u202ftrouvé\n\tl\u2018erreur \r\n"));
  }

  @Test
  void anEmptyPhraseIsRefusedBecauseItWouldMatchAnything() {
    assertThrows(IllegalArgumentException.class, () -> PhraseTable.<String>builder().add("x", "en", " \u00a0"));
  }
}
