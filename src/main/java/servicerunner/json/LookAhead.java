package servicerunner.json;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that finds each element one step ahead, for views that compute their members while they are read
 * (a streamed object, a merge of two): a subclass writes only {@link #advance}.
 */
public abstract class LookAhead<T> implements Iterator<T> {
  private T next;
  private boolean started;

  /** The next element, or null when there is none (elements are never null). */
  protected abstract T advance();

  @Override
  public boolean hasNext() {
    if (!started) {
      started = true;
      next = advance();
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T e = next;
    next = advance();
    return e;
  }
}
