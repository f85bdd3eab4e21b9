package dev.fenci;

import dev.fenci.decode.Decoder;
import dev.fenci.decode.Subwords;
import dev.fenci.dict.DictionarySnapshot;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The words of a character stream, pulled one at a time, in bounded memory whatever the size of
 * the stream or of its lines: the words {@link Segmenter#segment(Reader, Segmenter.WordSink, int)}
 * hands to a sink, for a consumer that asks for them (a search engine's tokenizer, an iterator).
 *
 * <pre>{@code
 * WordCursor words = segmenter.words(reader);
 * while (words.next()) {
 *   System.out.println(words.start() + " " + words.word());
 * }
 * }</pre>
 *
 * <p>A cursor reads its stream on the calling thread and is not thread-safe: one per thread (the
 * segmenter behind it is shared). {@link #reset(Reader)} starts it on another stream, reusing its
 * buffer (about 32 kB).
 */
public final class WordCursor {
  private final Decoder decoder;
  private final Subwords subwords;
  private final StreamBlocks blocks;
  private StreamBlocks.Block block; // decoded; null before the first word and at the end
  private int index; // the current word's index in block.ends()
  private int start; // the current word's start in block.text()
  private boolean ended;
  private IOException failure; // the stream's read failure, thrown again by every next()

  WordCursor(Decoder decoder, Subwords subwords, Supplier<DictionarySnapshot> dict, Reader in) {
    this.decoder = decoder;
    this.subwords = subwords;
    this.blocks = new StreamBlocks(decoder, dict, Objects.requireNonNull(in, "reader is null"));
  }

  /** Starts over on {@code in}: the next {@link #next()} gives its first word. */
  public void reset(Reader in) {
    blocks.reset(Objects.requireNonNull(in, "reader is null"));
    block = null;
    ended = false;
    failure = null;
  }

  /**
   * Moves to the next word: true if there is one, false at the end of the stream (and from then
   * on). Reads from the stream as needed.
   *
   * @throws IOException if the stream cannot be read: the words of the complete lines read before
   *     the failure have been given; from then on there is no current word, and every call throws
   *     the same exception until {@link #reset(Reader)}
   */
  public boolean next() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return false;
    }
    if (block != null && index + 1 < block.ends().length) {
      start = block.ends()[index];
      index++;
      return true;
    }
    while (true) {
      StreamBlocks.Block b;
      try {
        b = blocks.next(StreamBlocks.PULLING);
      } catch (IOException e) {
        block = null;
        failure = e;
        throw e;
      }
      if (b == null) {
        block = null;
        ended = true;
        return false;
      }
      b = b.decoded(decoder);
      if (b.ends().length > 0) {
        block = b;
        index = 0;
        start = b.from();
        return true;
      }
    }
  }

  private StreamBlocks.Block current() {
    if (block == null) {
      throw new IllegalStateException(failure != null ? "reading the stream failed: no current word"
          : ended ? "the stream has ended: no current word" : "no current word: call next() first");
    }
    return block;
  }

  /** The current word (its characters exactly as the stream has them). */
  public String word() {
    StreamBlocks.Block b = current();
    return b.text().substring(start, b.ends()[index]);
  }

  /** Offset of the current word's first character in the stream (in {@code char}s). */
  public long start() {
    return current().offset() + start;
  }

  /** Offset just after the current word's last character in the stream (in {@code char}s). */
  public long end() {
    StreamBlocks.Block b = current();
    return b.offset() + b.ends()[index];
  }

  /**
   * The {@link Segmenter#subwords parts} of the current word (offsets in the word), found with the
   * state of the user dictionary that its block of lines was segmented with: a dictionary changed
   * meanwhile does not give a word parts that disagree with it.
   */
  public List<Token> subwords() {
    StreamBlocks.Block b = current();
    String word = b.text().substring(start, b.ends()[index]);
    return Segmenter.parts(word, subwords.find(word, b.dict()));
  }

  /** Whether the current word is a run of whitespace (spaces, tabs, line breaks). */
  public boolean isSpace() {
    StreamBlocks.Block b = current();
    return dev.fenci.text.Chunker.isSpaceWord(b.text(), start, b.ends()[index]);
  }
}
