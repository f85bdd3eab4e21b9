package dev.fenci;

import dev.fenci.decode.Decoder;
import dev.fenci.decode.IntList;
import dev.fenci.dict.DictionarySnapshot;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Supplier;

/**
 * Reads a character stream of any length in blocks for decoding, in bounded memory: text is read
 * in blocks of at most the decoder's {@link Decoder#longText()} characters. A block that holds a
 * line break is cut after its last one and handed out whole, to be decoded as it is (lines never
 * influence each other); a block without one (a very long line) is decoded here with {@link
 * Decoder#prefixEnds}, its settled words are handed out and the rest is carried into the next
 * block. The dictionary is read once per block, and once for all the windows of a long line, so
 * that a long-running stream follows its changes while each line sees one dictionary. A slow
 * source (a terminal, {@code tail -f}) is not waited for while complete lines are at hand: when
 * the reader is not {@link Reader#ready() ready}, the lines read so far are handed out and {@link
 * #waiting()} says so.
 *
 * <p>{@link TextStream} pushes the words of the blocks to a sink (decoding blocks of lines in
 * parallel), {@link WordCursor} pulls them one at a time: both read through this class, so they
 * give the same words (for the same answers of the reader's {@code ready()}, the same blocks).
 */
final class StreamBlocks {
  /**
   * Text whose words start at {@code from} (the text before is context for the network; the last
   * word before it started at {@code lastStart}), with the stream offset of its first character.
   * {@code ends} are its word ends after {@code from}, or null while it is still to be decoded.
   */
  record Block(String text, int from, int lastStart, long offset, DictionarySnapshot dict, int[] ends) {
    /** This block with its words: decodes it if it is not decoded yet. */
    Block decoded(Decoder decoder) {
      return ends != null ? this : new Block(text, from, lastStart, offset, dict,
          decoder.wordEnds(text, from, lastStart, dict));
    }
  }

  /** What a consumer that buffers does before a read that may block (see {@link #next}). */
  interface Consumer {
    /** Whether words were handed over that have not been passed on yet. */
    boolean unflushed();

    /** Passes on every word handed over so far. */
    void flush() throws IOException;
  }

  /** A consumer that holds nothing back: a reader that pulls words one at a time. */
  static final Consumer PULLING = new Consumer() {
    @Override
    public boolean unflushed() {
      return false;
    }

    @Override
    public void flush() {}
  };

  private final Decoder decoder;
  private final Supplier<DictionarySnapshot> dict;
  private final char[] buf;
  private Reader in;
  private int len;
  private long bufOffset; // stream offset of buf[0]
  private int settled; // characters at the start of buf decoded before (context for a long line)
  private int lastStart; // where the last settled word starts in buf (negative: before buf)
  private boolean eof;
  private boolean lineRead; // buf holds a line break after settled
  private boolean waiting; // the last block was cut short because the reader was not ready
  private IOException failure; // a read failed after complete lines: they go out first, then this
  private DictionarySnapshot longLineDict; // the dictionary of a long line being carried: one per line

  StreamBlocks(Decoder decoder, Supplier<DictionarySnapshot> dict, Reader in) {
    this.decoder = decoder;
    this.dict = dict;
    // room for a line of longText characters, its line break (CRLF) and one more character, which
    // tells whether a CR at the end is a line break of its own: a line that fits is decoded whole
    this.buf = new char[decoder.longText() + 3];
    reset(in);
  }

  /** Starts over on another stream, reusing the buffer. */
  void reset(Reader in) {
    this.in = in;
    len = 0;
    bufOffset = 0;
    settled = 0;
    lastStart = 0;
    eof = false;
    lineRead = false;
    waiting = false;
    failure = null;
    longLineDict = null;
  }

  /**
   * Whether the last block was handed out because the reader was not ready while complete lines
   * were at hand: a consumer that buffers should pass its words on before asking for the next.
   */
  boolean waiting() {
    return waiting;
  }

  /**
   * The next block, or null at the end of the stream. Before a read that may block while no
   * complete line is at hand, a consumer with {@linkplain Consumer#unflushed() unflushed} words is
   * {@linkplain Consumer#flush() flushed}. When reading fails, the complete lines read before
   * are handed out first and the failure is thrown by the call after them.
   */
  Block next(Consumer consumer) throws IOException {
    if (failure != null) {
      IOException f = failure;
      failure = null;
      eof = true; // the stream is not read again: the rest of its text stays unread
      len = 0;
      throw f;
    }
    int cap = buf.length;
    waiting = false;
    while (!eof && len < cap) {
      int r;
      try {
        if ((lineRead || consumer.unflushed()) && !in.ready()) {
          if (lineRead) {
            waiting = true; // hand out the complete lines at hand
            break;
          }
          consumer.flush(); // what was handed over goes out before a read that may block
        }
        r = in.read(buf, len, cap - len);
      } catch (IOException e) {
        if (!lineRead) {
          throw e; // (a sink's failure in flush() too: it flushes only while no complete line is at hand)
        }
        failure = e; // the complete lines at hand go out first (lineRead: there is one), whether read() or ready() failed
        break;
      }
      if (r < 0) {
        eof = true;
      } else {
        lineRead |= lastLineBreak(buf, Math.max(len - 1, settled), len + r) >= 0; // from len - 1: a CR read before
        len += r;
      }
    }
    if (len == 0) {
      return null;
    }
    int nl = lastLineBreak(buf, settled, len);
    if (eof || nl >= 0) {
      int cut = eof ? len : nl + 1;
      Block b = new Block(new String(buf, 0, cut), settled, lastStart, bufOffset,
          longLineDict != null ? longLineDict : dict.get(), null);
      longLineDict = null;
      drop(cut);
      settled = 0;
      lastStart = 0;
      lineRead = false; // the rest follows the last line break
      return b;
    }
    // one line longer than the block: settle its beginning, carry the rest
    int end = Math.min(len, decoder.longText()); // windows as long as a string's
    end = Character.isHighSurrogate(buf[end - 1]) ? end - 1 : end;
    String window = new String(buf, 0, end);
    IntList ends = new IntList();
    if (longLineDict == null) {
      longLineDict = dict.get();
    }
    int last = decoder.prefixEnds(window, settled, lastStart, longLineDict, ends, 0);
    int lastWordStart = ends.size() >= 2 ? ends.get(ends.size() - 2) : settled;
    Block b = new Block(window, settled, lastStart, bufOffset, longLineDict, ends.toArray());
    // keep a little settled text before the rest as context for the network
    int cut = decoder.contextStart(window, last, lastWordStart);
    drop(cut);
    settled = last - cut;
    lastStart = lastWordStart - cut;
    return b;
  }

  /** Drops the first {@code cut} characters of the buffer. */
  private void drop(int cut) {
    System.arraycopy(buf, cut, buf, 0, len - cut);
    len -= cut;
    bufOffset += cut;
  }

  /**
   * Index of the last line break in {@code buf[from, len)}: a {@code \n}, or a {@code \r} that a
   * character other than {@code \n} follows (a {@code \r} at {@code len - 1} may be the first
   * half of a CRLF still to be read, so it does not count yet), or -1.
   */
  private static int lastLineBreak(char[] buf, int from, int len) {
    for (int i = len - 1; i >= from; i--) {
      if (buf[i] == '\n' || (buf[i] == '\r' && i + 1 < len && buf[i + 1] != '\n')) {
        return i;
      }
    }
    return -1;
  }
}
