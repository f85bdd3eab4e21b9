package dev.fenci;

import dev.fenci.decode.Decoder;
import dev.fenci.dict.DictionarySnapshot;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Segments a character stream of any length in bounded memory: text is read in blocks of at most
 * the decoder's {@link Decoder#longText()} characters. A block that holds a line break is cut
 * after its last one and decoded whole (lines never influence each other); a block without one
 * (a very long line) is decoded with {@link Decoder#prefixEnds}, its settled words are emitted
 * and the rest is carried into the next block. With several threads, blocks of whole lines are
 * decoded in parallel and emitted in input order. The dictionary is read once per block, and
 * once for all the windows of a long line, so that a long-running stream follows its changes
 * while each line sees one dictionary. A slow source (a terminal, {@code tail -f}) is
 * not waited for while complete lines are at hand: when the reader is not {@link Reader#ready()
 * ready}, the lines read so far are decoded, every word of them is handed over and the sink is
 * {@linkplain Segmenter.WordSink#flush() flushed} before the next read.
 */
final class TextStream {
  private final Decoder decoder;
  private final Supplier<DictionarySnapshot> dict;

  TextStream(Decoder decoder, Supplier<DictionarySnapshot> dict) {
    this.decoder = decoder;
    this.dict = dict;
  }

  /** Decoded text whose words start at {@code from} (the text before is context). */
  private record Block(String text, int from, int[] ends) {}

  void segment(Reader in, Segmenter.WordSink sink, int threads) throws IOException {
    // room for a line of longText characters, its line break (CRLF) and one more character, which
    // tells whether a CR at the end is a line break of its own: a line that fits is decoded whole
    int cap = decoder.longText() + 3;
    char[] buf = new char[cap];
    int len = 0;
    int settled = 0; // characters at the start of buf decoded before (context for a long line)
    int lastStart = 0; // where the last settled word starts in buf (negative: before buf)
    boolean eof = false;
    boolean lineRead = false; // buf holds a line break after settled
    boolean unflushed = false; // words handed over (or on their way) since the sink's last flush
    DictionarySnapshot longLineDict = null; // the dictionary of a long line being carried: one per line
    ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "fenci-stream");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
    try {
      while (true) {
        boolean waiting = false; // the next read may block: pass on what is at hand first
        try {
          while (!eof && len < cap) {
            if ((lineRead || unflushed) && !in.ready()) {
              if (lineRead) {
                waiting = true; // decode the complete lines at hand, then flush
                break;
              }
              drain(pending, sink); // what was handed over goes out before a read that may block
              sink.flush();
              unflushed = false;
            }
            int r = in.read(buf, len, cap - len);
            if (r < 0) {
              eof = true;
            } else {
              lineRead |= lastLineBreak(buf, Math.max(len - 1, settled), len + r) >= 0; // from len - 1: a CR read before
              len += r;
            }
          }
        } catch (IOException e) {
          // what was read before the failure still goes out, as it would with one thread
          drain(pending, sink);
          throw e;
        }
        if (len == 0) {
          break;
        }
        int nl = lastLineBreak(buf, settled, len);
        int cut = eof ? len : nl + 1;
        if (eof || nl >= 0) {
          String text = new String(buf, 0, cut);
          int skip = settled;
          int start = lastStart;
          DictionarySnapshot d = longLineDict != null ? longLineDict : dict.get();
          longLineDict = null;
          if (pool == null) {
            emit(new Block(text, skip, decoder.wordEnds(text, skip, start, d)), sink);
          } else {
            pending.add(pool.submit(() -> new Block(text, skip, decoder.wordEnds(text, skip, start, d))));
            while (pending.size() > 2 * threads) {
              emit(await(pending.poll()), sink);
            }
          }
          unflushed = true;
          if (waiting) {
            drain(pending, sink);
            sink.flush();
            unflushed = false;
          }
        } else {
          // one line longer than the block: settle its beginning, carry the rest
          drain(pending, sink);
          int end = Math.min(len, decoder.longText()); // windows as long as a string's
          end = Character.isHighSurrogate(buf[end - 1]) ? end - 1 : end;
          String window = new String(buf, 0, end);
          Decoder.IntList ends = new Decoder.IntList();
          if (longLineDict == null) {
            longLineDict = dict.get();
          }
          int last = decoder.prefixEnds(window, settled, lastStart, longLineDict, ends, 0);
          int lastWordStart = ends.size() >= 2 ? ends.get(ends.size() - 2) : settled;
          emit(new Block(window, settled, ends.toArray()), sink);
          unflushed = true;
          // keep a little settled text before the rest as context for the network
          cut = decoder.contextStart(window, last, lastWordStart);
          System.arraycopy(buf, cut, buf, 0, len - cut);
          len -= cut;
          settled = last - cut;
          lastStart = lastWordStart - cut;
          continue;
        }
        System.arraycopy(buf, cut, buf, 0, len - cut);
        len -= cut;
        settled = 0;
        lastStart = 0;
        lineRead = false; // the rest follows the last line break
      }
      drain(pending, sink);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
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

  /** Emits every pending block, in order. */
  private static void drain(ArrayDeque<Future<Block>> pending, Segmenter.WordSink sink) throws IOException {
    while (!pending.isEmpty()) {
      emit(await(pending.poll()), sink);
    }
  }

  private static void emit(Block b, Segmenter.WordSink sink) throws IOException {
    int start = b.from;
    for (int e : b.ends) {
      sink.word(b.text, start, e);
      start = e;
    }
  }

  private static Block await(Future<Block> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while segmenting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    }
  }
}
