package dev.fenci;

import dev.fenci.decode.Decoder;
import dev.fenci.decode.Subwords;
import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese word segmentation with a trained convolutional tagger.
 *
 * <pre>{@code
 * Segmenter seg = Segmenter.load();                 // the default model, shipped in the jar
 * List<String> words = seg.segment("扫描二维码，关注微信号。");
 * List<Token> tokens = seg.tokenize("扫描二维码");      // words with their offsets
 * }</pre>
 *
 * <p>The words always concatenate back to the input exactly: whitespace runs and punctuation are
 * words of their own, nothing is dropped or changed. Instances are immutable and thread-safe;
 * share one.
 */
public final class Segmenter {
  private final Model model;
  private final Decoder decoder;
  private final Subwords subwords;
  private final UserDictionary dictionary;
  /** The dictionary's state that {@link #pinned()} fixed (null: follow {@code dictionary}). */
  private final DictionarySnapshot pinned;

  private Segmenter(Model model) {
    this(model, new Decoder(model), new Subwords(model), null, null);
  }

  private Segmenter(Model model, Decoder decoder, Subwords subwords, UserDictionary dictionary,
      DictionarySnapshot pinned) {
    this.model = model;
    this.decoder = decoder;
    this.subwords = subwords;
    this.dictionary = dictionary;
    this.pinned = pinned;
  }

  /** The most threads {@link #segment(java.io.Reader, WordSink, int)} takes. */
  public static final int MAX_THREADS = 1024;

  /**
   * This segmenter with a user dictionary (see {@link UserDictionary}; not null, {@link
   * UserDictionary#empty()} is an empty one); changes to the
   * dictionary take effect from the next call (in a running stream, from its next block of
   * lines). The model is shared, not copied.
   */
  public Segmenter withDictionary(UserDictionary dictionary) {
    return new Segmenter(model, decoder, subwords, java.util.Objects.requireNonNull(dictionary, "dictionary is null (UserDictionary.empty() is an empty one)"), null);
  }

  /**
   * This segmenter with its user dictionary as it is now: later changes to the dictionary (an
   * {@link UserDictionary#add}, a reload) do not reach the result, so that several calls on it
   * agree, such as the words of a text and then their {@link #subwords}. Cheap (no copy); a
   * segmenter without a dictionary, or already pinned, is returned as it is.
   */
  public Segmenter pinned() {
    if (dictionary == null || pinned != null) {
      return this;
    }
    return new Segmenter(model, decoder, subwords, dictionary, dictionary.snapshot());
  }

  private DictionarySnapshot dict() {
    if (pinned != null) {
      return pinned;
    }
    return dictionary == null ? DictionarySnapshot.EMPTY : dictionary.snapshot();
  }

  /**
   * The default preset.
   *
   * @throws UncheckedIOException if the jar's model cannot be read (a damaged jar)
   */
  public static Segmenter load() {
    try {
      return load(Presets.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A preset by name (see {@link Presets#list()}) or a model file by path. A preset's name always
   * means the preset, even where a file of that name exists: write {@code ./fast} for the file.
   *
   * @throws IllegalArgumentException if {@code presetOrPath} is empty or blank, or is no preset and
   *     cannot be a path (it holds a NUL character, say)
   */
  public static Segmenter load(String presetOrPath) throws IOException {
    java.util.Objects.requireNonNull(presetOrPath, "model name is null: give a preset or a model file");
    if (presetOrPath.isBlank()) {
      throw new IllegalArgumentException("the model name is empty: give a preset ("
          + Presets.names() + ") or a model file");
    }
    if (Presets.exists(presetOrPath)) {
      return new Segmenter(Presets.load(presetOrPath));
    }
    Path p;
    try {
      p = Path.of(presetOrPath);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("the model name is neither a preset (" + Presets.names()
          + ") nor a valid file path: " + e.getReason()
          + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""), e);
    }
    if (!Files.exists(p)) {
      // a space around the name would not show ("fast "): said
      String spaced = presetOrPath.strip().equals(presetOrPath) ? "" : " (the name has a space around it)";
      throw new java.nio.file.NoSuchFileException(presetOrPath, null,
          "neither a preset (" + Presets.names() + ") nor an existing model file" + spaced);
    }
    return load(p);
  }

  /** A model file written by {@code fenci train}. */
  public static Segmenter load(Path modelFile) throws IOException {
    return new Segmenter(Model.load(java.util.Objects.requireNonNull(modelFile, "model file is null")));
  }

  /** A model already in memory. */
  public static Segmenter of(Model model) {
    return new Segmenter(java.util.Objects.requireNonNull(model, "model is null"));
  }

  /**
   * The model this segmenter decodes with. A preset's model is shared by every segmenter loaded
   * from it in the JVM: read it (its provenance, its vocabulary), never change its weights
   * ({@code network().params()} hands out the live arrays), or every one of them changes.
   */
  public Model model() {
    return model;
  }

  /**
   * The words of {@code text}, in order; they concatenate to {@code text}. Any length works (long
   * lines are decoded in windows, see {@link #segment(java.io.Reader, WordSink, int)}).
   */
  public List<String> segment(String text) {
    java.util.Objects.requireNonNull(text, "text to segment is null");
    return words(text, decoder.wordEnds(List.of(text), dict()).get(0));
  }

  /** The words of {@code text} with their offsets. */
  public List<Token> tokenize(String text) {
    java.util.Objects.requireNonNull(text, "text to tokenize is null");
    return toTokens(text, decoder.wordEnds(List.of(text), dict()).get(0));
  }

  /**
   * The parts of {@code word}, for search indexes, with their offsets in {@code word}, ordered by
   * start, then by end. Two kinds:
   *
   * <ul>
   *   <li>The known words of Chinese characters inside it: for {@code 中华人民共和国} the parts
   *       {@code 中华}, {@code 华人}, {@code 人民}, {@code 共和} and {@code 共和国} with the default
   *       model. A part is known when the model was trained with it as a word or told it later
   *       (the {@code +jieba} presets add a word list), or when this segmenter's user dictionary
   *       holds it with a multiplier of 1 or more (2 to 16 Chinese characters, with the combining
   *       marks that follow them). A model without a word model reads words from its lexicon,
   *       which holds 2 to 6 characters ({@code fast}); the {@code seed} model has neither, and only
   *       the dictionary gives these parts.
   *   <li>The pieces of a word that is not only Chinese characters, known or not: its runs of
   *       Chinese and of other scripts ({@code 索尼} and {@code MP3} in {@code 索尼MP3}, {@code 马克} and
   *       {@code 吐温} in {@code 马克·吐温}), its runs of letters and digits between delimiters
   *       ({@code x86} and {@code 64} in {@code x86_64}, {@code Windows} and {@code hosts} in a file
   *       path), the letters and the digits of a run that has both ({@code iPhone} and {@code 15} in
   *       {@code iPhone15}; a number keeps its point: {@code 3.0} in {@code USB3.0}) and the host of
   *       a web or mail address ({@code example.com}).
   * </ul>
   *
   * A part has two characters or more and fewer than the word; the word itself is not among them.
   * An entry with a multiplier below 1 keeps a part out (a user who finds {@code 华人} in {@code
   * 中华人民共和国} a false match writes {@code 华人,0.5}; entries match the text as the decoder's
   * dictionary does, so a combining mark inside a part must be in the entry too). The word need
   * not be one this segmenter produced.
   */
  public List<Token> subwords(String word) {
    java.util.Objects.requireNonNull(word, "word is null");
    return parts(word, subwords.find(word, dict()));
  }

  /** The parts of {@code word} at the offsets {@code parts} (start, end, start, end ...) as tokens. */
  static List<Token> parts(String word, int[] parts) {
    List<Token> out = new ArrayList<>(parts.length / 2);
    for (int i = 0; i < parts.length; i += 2) {
      out.add(new Token(word.substring(parts[i], parts[i + 1]), parts[i], parts[i + 1]));
    }
    return out;
  }

  /**
   * The tokens of {@code text} for a search index: each word of {@link #tokenize(String)}, followed
   * by its {@link #subwords} (offsets in {@code text}), so that a query for {@code 共和国} finds a
   * text that says {@code 中华人民共和国}. The words alone still concatenate to {@code text}; the
   * parts overlap them. Segment queries with {@link #tokenize(String)}, not with this.
   */
  public List<Token> tokenizeForSearch(String text) {
    java.util.Objects.requireNonNull(text, "text to tokenize is null");
    DictionarySnapshot dict = dict();
    List<Token> out = new ArrayList<>();
    for (Token t : toTokens(text, decoder.wordEnds(List.of(text), dict).get(0))) {
      out.add(t);
      int[] parts = subwords.find(t.word(), dict);
      for (int i = 0; i < parts.length; i += 2) {
        int s = t.start() + parts[i];
        int e = t.start() + parts[i + 1];
        out.add(new Token(text.substring(s, e), s, e));
      }
    }
    return out;
  }

  /** {@link #segment(String)} for many texts at once (their network work is batched). */
  public List<List<String>> segmentAll(List<String> texts) {
    java.util.Objects.requireNonNull(texts, "texts to segment are null");
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new NullPointerException("text " + i + " of the list is null");
      }
    }
    List<int[]> all = decoder.wordEnds(texts, dict());
    List<List<String>> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(words(texts.get(i), all.get(i)));
    }
    return out;
  }

  /** Receives the words of a stream in order; together they are exactly the stream's text. */
  @FunctionalInterface
  public interface WordSink {
    /** The word {@code text.substring(start, end)}. */
    void word(String text, int start, int end) throws IOException;

    /**
     * Called when every word of the lines read so far has been handed over and the stream is
     * about to wait for its reader (a terminal, a pipe from {@code tail -f}): a sink that buffers
     * should pass its words on now. Not called while the reader keeps up, so a big file is not
     * flushed line by line. Does nothing by default.
     */
    default void flush() throws IOException {}
  }

  /**
   * Segments everything {@code in} delivers, in bounded memory whatever the size of the input or
   * of its lines, handing each word to {@code sink} in order. Lines are independent; a line that
   * does not fit in a block of 16,384 characters (its line break included) is decoded in
   * overlapping windows, and its words are those of the whole line except that a single word
   * longer than about 15,872 characters is cut (a megabyte of Latin letters without a space, say;
   * a line's last window, decoded whole, may keep a little more). Complete lines are not held back while {@code in} is not {@link
   * java.io.Reader#ready() ready}: their words are handed over, then {@link WordSink#flush()}.
   * (A Reader that does not implement {@code ready()}, whose default answers false, is taken for
   * a slow one: its lines are decoded in the blocks its reads deliver, with less parallelism; the
   * words are the same. The JDK's readers implement it.)
   * A user dictionary's changes reach a running stream at the next block of lines; every line is
   * segmented with one state of the dictionary.
   *
   * <p>The sink's {@code text} is the block being emitted (not the word, not the whole input):
   * {@code start} and {@code end} index into it, and the words' texts concatenate to the input.
   *
   * <p>If reading {@code in} fails, the words of the complete lines read before the failure are
   * handed over, then its {@code IOException} is thrown.
   *
   * @param threads threads decoding blocks of lines in parallel (the output order is the input's),
   *                from 1 to {@value #MAX_THREADS}
   * @throws java.io.InterruptedIOException with more than one thread, if the calling thread is
   *     interrupted while it waits for the decoding threads (one thread decodes on the caller's
   *     thread and does not look at its interrupt flag)
   */
  public void segment(java.io.Reader in, WordSink sink, int threads) throws IOException {
    java.util.Objects.requireNonNull(in, "reader is null");
    java.util.Objects.requireNonNull(sink, "sink is null");
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
    }
    new TextStream(decoder, this::dict).segment(in, sink, threads);
  }

  /**
   * The words of everything {@code in} delivers, pulled one at a time: the words {@link
   * #segment(java.io.Reader, WordSink, int)} hands to a sink, in bounded memory. The cursor reads
   * {@code in} on the calling thread; it does not close it.
   */
  public WordCursor words(java.io.Reader in) {
    return new WordCursor(decoder, subwords, this::dict, in);
  }

  private static List<String> words(String text, int[] ends) {
    List<String> words = new ArrayList<>(ends.length);
    int start = 0;
    for (int e : ends) {
      words.add(text.substring(start, e));
      start = e;
    }
    return words;
  }

  private static List<Token> toTokens(String text, int[] ends) {
    List<Token> tokens = new ArrayList<>(ends.length);
    int start = 0;
    for (int e : ends) {
      tokens.add(new Token(text.substring(start, e), start, e));
      start = e;
    }
    return tokens;
  }
}
