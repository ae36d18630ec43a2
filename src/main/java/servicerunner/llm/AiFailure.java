package servicerunner.llm;

/**
 * The model could not be asked or gave an unusable answer. {@code rawExcerpt} is the start of what came back (HTTP
 * body or message content), for the technician; the caller masks it before it reaches any output.
 */
public final class AiFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String rawExcerpt;

  public AiFailure(String message, String rawExcerpt) {
    super(message);
    this.rawExcerpt = rawExcerpt;
  }

  public String rawExcerpt() {
    return rawExcerpt;
  }
}
