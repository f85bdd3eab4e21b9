package dev.fenci.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 byte stream, skipping a leading byte order mark. Strict by default: an invalid
 * byte sequence throws an {@link InvalidUtf8Exception} naming the source, the line and the byte
 * offset. Lenient: each invalid sequence becomes U+FFFD and is counted ({@link #replacements()}).
 * Never buffers more than a fixed amount, whatever the line lengths.
 */
public final class Utf8Reader extends Reader {
  private final InputStream in;
  private final String source;
  private final boolean lenient;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  /** Bytes of the stream before {@code bytes}' position 0. */
  private long consumedBefore;
  /**
   * Line breaks among the bytes decoded so far (line of the next byte = newlines + 1): LF, CRLF
   * and a lone CR, as the segmenter ends lines.
   */
  private long newlines;
  /** Whether the last byte counted was a CR (so that an LF after it ends no second line). */
  private boolean afterCr;
  /** Offset in the stream of the first byte of the line being decoded (for an error's offset in its line). */
  private long lineStart;
  private long replacements;
  private boolean eof;
  private boolean started;

  /**
   * @param in      the bytes (not closed before this reader is)
   * @param source  named in errors (a file name, or {@code <stdin>})
   * @param lenient replace invalid sequences with U+FFFD instead of failing
   */
  public Utf8Reader(InputStream in, String source, boolean lenient) {
    this.in = in;
    this.source = source;
    this.lenient = lenient;
    bytes.flip();
    chars.flip();
  }

  /** Invalid byte sequences replaced by U+FFFD so far (lenient mode). */
  public long replacements() {
    return replacements;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes more characters into {@code chars}; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (eof && !bytes.hasRemaining()) {
      return false;
    }
    if (!eof) {
      // keep unconsumed bytes (an incomplete sequence) and read more behind them
      consumedBefore += bytes.position();
      bytes.compact();
      int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (r < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + r);
      }
      bytes.flip();
      int zero = consumedBefore == 0 && !started ? utf16WithoutMark(bytes) : -1;
      if (zero >= 0) {
        // valid UTF-8 byte for byte, but text full of NULs: named as what it is, leniently or not
        throw new InvalidUtf8Exception(source, 1, zero, -1, 0x00, -1);
      }
      if (lenient && consumedBefore == 0 && !started && bytes.limit() >= 2) {
        // a gzip or UTF-16 file read leniently would become a page of U+FFFD: named as what it is instead
        int b0 = bytes.get(0) & 0xFF;
        int b1 = bytes.get(1) & 0xFF;
        if (b0 == 0x1F && b1 == 0x8B) {
          throw new InvalidUtf8Exception(source, 1, 1, 0x8B);
        }
        if (InvalidUtf8Exception.isUtf16Mark(b0, b1)) {
          throw new InvalidUtf8Exception(source, 1, 0, -1, b0, b1);
        }
      }
    }
    chars.clear();
    InvalidUtf8Exception invalid = null;
    while (true) {
      int before = bytes.position();
      CoderResult res = decoder.decode(bytes, chars, eof);
      countNewlines(before, bytes.position());
      if (res.isError()) {
        if (!lenient) {
          // the characters before it are handed out first; the next fill stops here again
          long at = consumedBefore + bytes.position();
          int b = bytes.get(bytes.position()) & 0xFF;
          int next = bytes.position() + 1 < bytes.limit() ? bytes.get(bytes.position() + 1) & 0xFF : -1;
          invalid = new InvalidUtf8Exception(source, newlines + 1, at, at - lineStart, b, next);
          break;
        }
        if (!chars.hasRemaining()) {
          break;
        }
        chars.put('\uFFFD');
        bytes.position(bytes.position() + res.length());
        replacements++;
        continue;
      }
      if (res.isOverflow() || !eof || !bytes.hasRemaining()) {
        break;
      }
    }
    if (invalid == null && eof && !bytes.hasRemaining()) {
      decoder.flush(chars);
    }
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
    if (invalid != null && !chars.hasRemaining()) {
      throw invalid;
    }
    return chars.hasRemaining() || !(eof && !bytes.hasRemaining());
  }

  private void countNewlines(int from, int to) {
    byte[] a = bytes.array();
    for (int i = from; i < to; i++) {
      if (a[i] == '\r' || (a[i] == '\n' && !afterCr)) {
        newlines++;
      }
      if (a[i] == '\r' || a[i] == '\n') {
        lineStart = consumedBefore + i + 1;
      }
      afterCr = a[i] == '\r';
    }
  }

  /**
   * True when a read would not block: characters are decoded and waiting, or the bytes the stream
   * says are available (read here, which does not block) complete at least one character, or the
   * stream has ended. A stream that cannot tell (a pipe opened as a file answers
   * {@code available()} with "Illegal seek") counts as not ready. Invalid UTF-8 among the
   * available bytes throws here as it would in a read.
   */
  @Override
  public boolean ready() throws IOException {
    while (!chars.hasRemaining()) {
      if (eof) {
        return true; // a read answers at once: the last characters, or -1
      }
      int available;
      try {
        available = in.available();
      } catch (IOException e) {
        return false;
      }
      if (available <= 0 || !fill()) {
        return available > 0; // nothing at hand: a read would wait; or the end, reached just now
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Where the first zero byte is if the start of {@code b} looks like UTF-16 without a byte order
   * mark (a zero beside each ASCII character, {@code h\0e\0}: at least 4 zeros, a quarter of the first
   * 512 bytes or more, all at even or all at odd offsets), else -1. Binary data has its zeros at both.
   */
  static int utf16WithoutMark(java.nio.ByteBuffer b) {
    int n = Math.min(b.limit(), 512);
    if (n >= 2 && InvalidUtf8Exception.isUtf16Mark(b.get(0) & 0xFF, b.get(1) & 0xFF)) {
      return -1; // with the mark: said as such where its FF or FE fails
    }
    int even = 0, odd = 0, first = -1;
    for (int i = 0; i < n; i++) {
      if (b.get(i) == 0) {
        first = first < 0 ? i : first;
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    return even + odd >= 4 && (even + odd) * 4 >= n && (even == 0 || odd == 0) ? first : -1;
  }
}
