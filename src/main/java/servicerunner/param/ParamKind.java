package servicerunner.param;

/** The JSON type a parameter must have. */
public enum ParamKind {
  STRING("a string"),
  INTEGER("an integer"),
  NUMBER("a number"),
  BOOLEAN("true or false"),
  STRING_LIST("an array of strings"),
  INTEGER_LIST("an array of integers"),
  STRING_MAP("an object of string values"),
  OBJECT("an object"),
  ANY("any JSON value");

  private final String expected;

  ParamKind(String expected) {
    this.expected = expected;
  }

  /** Words for "expected ..." in an error message. */
  public String expected() {
    return expected;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
