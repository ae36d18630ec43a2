package servicerunner.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a localised tool said: ordered, language-tagged phrases, each mapped to a value (a verdict, a flag, a field
 * name). Windows tools print their results in the system language and document them nowhere, so every parser
 * matches known sentences, and they all do it one way: the tool's text and the phrases are put through the same
 * {@link #normalise}, a phrase matches when the text contains it, and where one answer is wanted the first phrase in
 * table order wins (longer sentences that contain shorter ones go first).
 *
 * <pre>{@code
 * static final PhraseTable<SfcVerdict> VERDICTS = PhraseTable.<SfcVerdict>builder()
 *     .add(SfcVerdict.NO_VIOLATIONS, "en", "did not find any integrity violations")
 *     .add(SfcVerdict.NO_VIOLATIONS, "de", "hat keine integritätsverletzungen gefunden")
 *     .build();
 * VERDICTS.first(PhraseTable.normalise(output)).orElse(SfcVerdict.UNKNOWN);
 * }</pre>
 */
public final class PhraseTable<V> {

  /** One sentence (normalised) in one language, and what it means. */
  public record Phrase<V>(String language, String text, V value) {}

  // no-break and narrow no-break spaces: French and others put them before punctuation and in numbers
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u202f]+");

  private final List<Phrase<V>> phrases;

  private PhraseTable(List<Phrase<V>> phrases) {
    this.phrases = List.copyOf(phrases);
  }

  public static <V> Builder<V> builder() {
    return new Builder<>();
  }

  /**
   * The form both sides are compared in: lower case, typographic apostrophes made ASCII, runs of whitespace (lines
   * joined by the caller included) collapsed to one space, no leading or trailing space.
   */
  public static String normalise(String text) {
    return SPACE.matcher(text).replaceAll(" ").strip()
        .replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
  }

  /** The first phrase, in table order, that the normalised text contains. */
  public Optional<Phrase<V>> find(String normalised) {
    return phrases.stream().filter(p -> normalised.contains(p.text())).findFirst();
  }

  /** The value of {@link #find}. */
  public Optional<V> first(String normalised) {
    return find(normalised).map(Phrase::value);
  }

  /** Whether the normalised text contains any phrase, in any language, meaning {@code value}. */
  public boolean any(String normalised, V value) {
    return phrases.stream().anyMatch(p -> p.value().equals(value) && normalised.contains(p.text()));
  }

  public List<Phrase<V>> phrases() {
    return phrases;
  }

  /** Collects phrases in the order they are added; each text is normalised once here. */
  public static final class Builder<V> {
    private final List<Phrase<V>> phrases = new ArrayList<>();

    private Builder() {}

    public Builder<V> add(V value, String language, String... texts) {
      for (String t : texts) {
        String n = normalise(t);
        if (n.isEmpty()) {
          throw new IllegalArgumentException("an empty phrase would match any text");
        }
        phrases.add(new Phrase<>(language, n, value));
      }
      return this;
    }

    public PhraseTable<V> build() {
      return new PhraseTable<>(phrases);
    }
  }
}
