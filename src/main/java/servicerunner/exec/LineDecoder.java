package servicerunner.exec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.function.Consumer;

/**
 * Turns a byte stream into lines as they arrive. Splits on LF, CRLF and a lone CR (so progress redraws such as
 * "Verification 42% complete.\r" arrive live), keeps decoder state across reads (a UTF-16 unit or UTF-8 sequence may
 * be split between chunks), and cuts overlong lines so one endless line cannot grow memory.
 */
public final class LineDecoder {
  static final int MAX_LINE_CHARS = 8192;
  private static final int SNIFF_BYTES = 256;

  private final OutputEncoding encoding;
  private final Consumer<String> sink;
  private CharsetDecoder decoder;
  private Charset charset;
  // Small until a tool prints more (pending grows to a read's size; chars only sets how much one decode step takes):
  // two decoders a task, and most short tools print a line or none.
  private ByteBuffer pending = ByteBuffer.allocate(512);
  private CharBuffer chars;
  private final StringBuilder line = new StringBuilder();
  private boolean lastWasCr;
  private boolean bomChecked;

  public LineDecoder(OutputEncoding encoding, Consumer<String> sink) {
    this.encoding = encoding;
    this.sink = sink;
    if (!encoding.isAuto()) {
      start(encoding.fixed());
    }
  }

  /** The charset in use; for auto detection, known after the first bytes. */
  Charset charset() {
    return charset;
  }

  public void feed(byte[] buf, int off, int len) {
    ensureCapacity(len);
    pending.put(buf, off, len);
    if (decoder == null) {
      if (pending.position() < SNIFF_BYTES && !(pending.position() >= 2 && holdsLineBreak())) {
        return; // wait for enough bytes to tell UTF-16LE from UTF-8, but never hold back a complete first line
      }
      start(Decoding.sniff(pending.array(), pending.position(), null));
    }
    drain(false);
  }

  private boolean holdsLineBreak() {
    byte[] a = pending.array();
    for (int i = 0; i < pending.position(); i++) {
      if (a[i] == '\n' || a[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  public void finish() {
    if (decoder == null) {
      start(Decoding.sniff(pending.array(), pending.position(), null));
    }
    drain(true);
    if (line.length() > 0) {
      emit();
    }
  }

  private void start(Charset cs) {
    charset = cs;
    decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  private void ensureCapacity(int more) {
    if (pending.remaining() < more) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + more));
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
  }

  private void drain(boolean endOfInput) {
    if (chars == null) {
      chars = CharBuffer.allocate(Math.min(8192, Math.max(256, pending.position())));
    }
    pending.flip();
    while (true) {
      chars.clear();
      var result = decoder.decode(pending, chars, endOfInput);
      chars.flip();
      consume(chars);
      if (!result.isOverflow()) {
        break;
      }
    }
    if (endOfInput) {
      chars.clear();
      decoder.flush(chars);
      chars.flip();
      consume(chars);
    }
    pending.compact();
  }

  private void consume(CharBuffer cb) {
    while (cb.hasRemaining()) {
      char c = cb.get();
      if (!bomChecked) {
        bomChecked = true;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (c == '\n') {
        if (lastWasCr) {
          lastWasCr = false; // the LF of a CRLF: the line was already emitted at the CR
          continue;
        }
        emit();
      } else if (c == '\r') {
        emit();
        lastWasCr = true;
        continue;
      } else {
        line.append(c);
        if (line.length() >= MAX_LINE_CHARS) {
          emit();
        }
      }
      lastWasCr = false;
    }
  }

  private void emit() {
    String s = line.toString();
    line.setLength(0);
    sink.accept(s);
  }
}
