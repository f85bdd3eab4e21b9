package dev.fenci.decode;

import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Lexicon;
import dev.fenci.nn.Network;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.Parallel;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import dev.fenci.text.Chunk;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segmentation pipeline: text, chunks, ids, network, tag scores (+ dictionary),
 * Viterbi, word boundaries. Stateless once built, so one instance serves any number of threads.
 *
 * <p>Each text is decoded as one tag sequence. Characters of TEXT chunks carry the network's
 * tag scores (logits); whitespace, punctuation and address chunks (and, under the seed rules, Latin runs)
 * carry their fixed tagging, every other tagging of them and every word crossing a chunk edge
 * costing {@link #CUT}, far more than any dictionary multiplier; so does joining a Latin word (a
 * Latin run of {@link WordRules#LATIN_WORD_LETTERS} letters or more) with a Chinese character next to it,
 * or a currency sign with a Chinese character before it or a digit after it (both under the
 * {@code fold} text rules).
 * Emoji and runs of Hangul, kana or another alphabet ({@code Москва}) are such fixed chunks too ({@link Chunk.Kind}). A user dictionary adds
 * log(multiplier) to the tags that make each occurrence one word (of two occurrences that cross,
 * only the larger multiplier's, on a tie neither's: {@link DictionaryPulls}); forced occurrences (and
 * occurrences that cross a cut, with a multiplier above 1) become hard constraints. With a
 * network that reads lexicon features, occurrences of two characters or more inside one TEXT
 * chunk whose multiplier is 1 or more are also marked as lexicon words in its input; with a word
 * language model, such occurrences (and the words added to the model's lexicon after training)
 * that the word model never saw count there as words it has seen once.
 *
 * <p>The logits are not normalised: a character's log-probabilities differ from its logits by one
 * constant (the log of the softmax's denominator) added to all four tags, and since every path
 * takes exactly one tag at every character, that constant is added to every path alike and does
 * not change the best one. Scaling a tag's probability by a dictionary multiplier adds
 * log(multiplier) to its log-probability and so to its logit: the multipliers keep their meaning
 * (probabilities times multiplier) without the softmax. A CRF model's learned transition scores
 * ({@link Model#transitions()}) join the Viterbi search the same way.
 *
 * <p>Long runs of text are fed to the network in windows that overlap by the network's receptive
 * radius, so every character's scores are exactly those of the uncut run.
 */
public final class Decoder {
  /** Characters per network call (bounds memory on long inputs). */
  static final int BATCH_POSITIONS = 1024;
  /** Longest window fed to the network at once. */
  static final int WINDOW = 2048;
  /** Log-score of breaking a cut: no finite multiplier (up to e^1000) overcomes it. */
  static final float CUT = -1e4f;
  /** Longest text (UTF-16 units) decoded as one tag sequence; longer ones go window by window. */
  public static final int LONG = 16384;
  /**
   * Characters at the end of a window whose words are not kept: the next window starts at the
   * last word boundary before them, so that every kept decision saw this much text to its right.
   */
  public static final int MARGIN = 512;
  private final Network network;
  /** Learned transition scores (a CRF model), or null for uniform ones. */
  private final Transitions transitions;
  /** The word language model decoded with (a word lattice), or null (the tag Viterbi). */
  private final WordLanguageModel wordModel;
  private final Vocabulary vocab;
  private final TextRules rules;
  private final Chunker chunker;
  private final int radius;
  private final int window;
  private final int longText;
  private final int margin;
  /** Where the windows of a long text start. */
  private final WindowStarts windowStarts;

  public Decoder(Model model) {
    this(model.network(), model.vocabulary(), model.rules(), model.transitions(), model.wordModel(), WINDOW, LONG,
        MARGIN);
  }

  /** A decoder with uniform transitions (a model without a CRF layer). */
  public Decoder(Network network, Vocabulary vocab, TextRules rules) {
    this(network, vocab, rules, null, null, WINDOW, LONG, MARGIN);
  }

  Decoder(Network network, Vocabulary vocab, TextRules rules, int window, int longText, int margin) {
    this(network, vocab, rules, null, null, window, longText, margin);
  }

  Decoder(Network network, Vocabulary vocab, TextRules rules, Transitions transitions, int window, int longText,
      int margin) {
    this(network, vocab, rules, transitions, null, window, longText, margin);
  }

  Decoder(Network network, Vocabulary vocab, TextRules rules, Transitions transitions, WordLanguageModel wordModel,
      int window, int longText, int margin) {
    if (margin < 2 || longText < 2 * margin
        || longText <= margin + WindowStarts.CONTEXT + network.receptiveRadius() + 4) {
      throw new IllegalArgumentException("need margin >= 2 and longText >= 2 * margin, well above the context");
    }
    this.network = network;
    this.transitions = transitions;
    this.wordModel = wordModel;
    this.vocab = vocab;
    this.rules = rules;
    this.chunker = new Chunker(rules);
    this.radius = network.receptiveRadius();
    this.window = window;
    this.longText = longText;
    this.margin = margin;
    this.windowStarts = new WindowStarts(radius, wordModel, longText, margin);
  }

  /** Longest text decoded as one tag sequence (see {@link #prefixEnds}). */
  public int longText() {
    return longText;
  }

  public TextRules rules() {
    return rules;
  }

  /** End offsets (UTF-16, exclusive) of the words of {@code text}, in order; the last is its length. */
  public int[] wordEnds(String text) {
    return wordEnds(List.of(text), DictionarySnapshot.EMPTY).get(0);
  }

  /** {@link #wordEnds(String)} for many texts, batching their network work together. */
  public List<int[]> wordEnds(List<String> texts) {
    return wordEnds(texts, DictionarySnapshot.EMPTY);
  }

  /**
   * Word ends of each text under a user dictionary. A text longer than {@link #longText()} is
   * decoded window by window ({@link #prefixEnds}), so the work space stays bounded.
   */
  public List<int[]> wordEnds(List<String> texts, DictionarySnapshot dict) {
    List<Line> lines = new ArrayList<>(texts.size());
    List<Span> spans = new ArrayList<>();
    for (String text : texts) {
      if (text.length() > longText) {
        lines.add(null);
        continue;
      }
      Line line = new Line(text);
      lines.add(line);
      line.prepare(spans, dict);
    }
    score(spans);
    List<int[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Line line = lines.get(i);
      out.add(line != null ? line.decode(0, 0) : longTextEnds(texts.get(i), dict));
    }
    return out;
  }

  /**
   * Word ends of a text longer than {@link #longText()}, decoded as a stream decodes it: whole
   * lines gathered into pieces of at most {@code longText} characters (a line whose text, without
   * its line break, is at most that long is decoded whole, alone if its break takes it past), and a
   * longer line alone, window by window from its start. So a line's words do not depend on the
   * lines around it (lines never share a word), nor on where a stream's blocks end.
   */
  private int[] longTextEnds(String text, DictionarySnapshot dict) {
    IntList ends = new IntList();
    int n = text.length();
    int from = 0;
    while (from < n) {
      int to = lineEnd(text, from);
      int[] part;
      if (to - from - breakLength(text, to) > longText) { // a long line: windows from its start
        part = longWordEnds(from == 0 && to == n ? text : text.substring(from, to), 0, 0, dict);
      } else {
        for (int next; to < n && (next = lineEnd(text, to)) - from <= longText; ) {
          to = next;
        }
        Line line = new Line(text.substring(from, to));
        List<Span> spans = new ArrayList<>();
        line.prepare(spans, dict);
        score(spans);
        part = line.decode(0, 0);
      }
      for (int e : part) {
        ends.add(from + e);
      }
      from = to;
    }
    return ends.toArray();
  }

  /** The end of the line that {@code i} is in: just after its line break ({@link Chunker#endsLine}), or the text's end. */
  private static int lineEnd(String text, int i) {
    int n = text.length();
    for (int k = i; k < n; k++) {
      char c = text.charAt(k);
      if ((c == '\n' || c == '\r') && Chunker.endsLine(text, k)) {
        return k + 1;
      }
    }
    return n;
  }

  /** Length of the line break that ends just before {@code end} (CRLF 2, LF or CR 1, none 0). */
  private static int breakLength(String text, int end) {
    if (end == 0) {
      return 0;
    }
    char c = text.charAt(end - 1);
    return c == '\n' ? (end >= 2 && text.charAt(end - 2) == '\r' ? 2 : 1) : c == '\r' ? 1 : 0;
  }

  /**
   * Ends of the words of {@code text} after its first {@code settled} characters, which were
   * decoded before and serve as context (a word boundary is kept after them).
   * {@code lastWordStart} is where the last settled word starts (negative if before the text):
   * whether it is one character long decides its tag (S or E), which learned transition scores
   * carry into what follows. With {@code settled > 0} the text up to its first line break is the
   * rest of a long line, and the lines after it are decoded as a text of their own.
   */
  public int[] wordEnds(String text, int settled, int lastWordStart, DictionarySnapshot dict) {
    if (settled == 0) {
      return wordEnds(List.of(text), dict).get(0);
    }
    // the rest of a long line, then whole lines as a text of their own (as in longTextEnds)
    int end = lineEnd(text, settled);
    int[] rest = longWordEnds(end == text.length() ? text : text.substring(0, end), settled, lastWordStart, dict);
    if (end == text.length()) {
      return rest;
    }
    int[] after = wordEnds(List.of(text.substring(end)), dict).get(0);
    int[] all = Arrays.copyOf(rest, rest.length + after.length);
    for (int i = 0; i < after.length; i++) {
      all[rest.length + i] = end + after[i];
    }
    return all;
  }

  private int[] longWordEnds(String text, int settled, int lastWordStart, DictionarySnapshot dict) {
    IntList ends = new IntList();
    int pos = settled; // everything before pos is settled
    int lastStart = lastWordStart; // where the word ending at pos starts
    int floor = 0; // the start of the window before: a stream's buffer starts there, and so does the search below
    while (true) {
      int from = windowStarts.contextStart(text, pos, lastStart, floor);
      floor = from;
      if (text.length() - from <= longText) {
        for (int e : decodeOne(text.substring(from), pos - from, lastStart - from, dict)) {
          if (from + e > pos) {
            ends.add(from + e);
          }
        }
        return ends.toArray();
      }
      String window = text.substring(from, safeEnd(text, from + longText));
      int before = ends.size();
      int last = from + prefixEnds(window, pos - from, lastStart - from, dict, ends, from);
      lastStart = ends.size() - before >= 2 ? ends.get(ends.size() - 2) : pos;
      pos = last;
    }
  }

  /**
   * Where the window continuing at {@code pos} starts, the settled word before it starting at
   * {@code lastWordStart} (negative if before the text): {@link WindowStarts#contextStart(CharSequence, int)},
   * or earlier where the word language model must read that word ({@link WindowStarts#wordModelContextStart}).
   */
  public int contextStart(CharSequence text, int pos, int lastWordStart) {
    return windowStarts.contextStart(text, pos, lastWordStart, 0);
  }

  /** {@code end}, moved back by one if it would split a surrogate pair. */
  static int safeEnd(CharSequence text, int end) {
    return end < text.length() && Character.isLowSurrogate(text.charAt(end))
        && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private int[] decodeOne(String text, int boundary, int lastWordStart, DictionarySnapshot dict) {
    List<Span> spans = new ArrayList<>();
    Line line = new Line(text);
    line.prepare(spans, dict);
    score(spans);
    return line.decode(boundary, lastWordStart);
  }

  /**
   * Decodes {@code window}, a piece of a longer text (at most {@link #longText()} long) whose first
   * {@code settled} characters were decoded before (context for the network; a word boundary is
   * kept after them; the last of their words starts at {@code lastWordStart}, negative if before
   * the window), and appends to {@code out} (plus {@code base}) the ends of the words after
   * the settled part and before the window's last {@code MARGIN} characters: decisions that saw
   * at least that much text to their right, which do not change when more text follows (the
   * network sees a few characters, and the best tag paths of a Viterbi merge within a few words).
   * Returns the last end kept (relative to the window, greater than {@code settled}). A single
   * word longer than the window less the margin is cut there.
   */
  public int prefixEnds(String window, int settled, int lastWordStart, DictionarySnapshot dict, IntList out,
      int base) {
    int[] ends = decodeOne(window, settled, lastWordStart, dict);
    int limit = Math.max(settled + 1, window.length() - margin);
    int last = settled;
    for (int e : ends) {
      if (e > limit) {
        break;
      }
      if (e > settled) {
        out.add(base + e);
        last = e;
      }
    }
    if (last == settled) {
      last = Character.isHighSurrogate(window.charAt(limit - 1)) && limit - 1 > settled ? limit - 1 : limit;
      out.add(base + last);
    }
    return last;
  }

  /**
   * The id the network reads for a character: that of its normalised form, or, when the model
   * does not know it, that of its simplified form if it is a traditional-only character.
   */
  int id(int cp) {
    return vocab.read(cp, rules);
  }

  /** Runs the network over all spans, window by window, filling their lines' scores. */
  private void score(List<Span> spans) {
    List<int[]> seqs = new ArrayList<>();
    List<int[]> where = new ArrayList<>(); // span, window start, copy from, copy to
    List<byte[]> extras = new ArrayList<>(); // lexicon bits of dictionary words, or null
    int positions = 0;
    for (int s = 0; s < spans.size(); s++) {
      Span span = spans.get(s);
      int n = span.ids.length;
      for (int w0 = 0; w0 < n; w0 += window) {
        int from = Math.max(0, w0 - radius);
        int to = Math.min(n, w0 + window + radius);
        int[] piece = Arrays.copyOfRange(span.ids, from, to);
        if (positions + piece.length > BATCH_POSITIONS && !seqs.isEmpty()) {
          run(spans, seqs, where, extras);
          positions = 0;
        }
        seqs.add(piece);
        extras.add(span.extra == null ? null : Arrays.copyOfRange(span.extra, from, to));
        where.add(new int[] {s, from, w0, Math.min(n, w0 + window)});
        positions += piece.length;
      }
    }
    if (!seqs.isEmpty()) {
      run(spans, seqs, where, extras);
    }
  }

  private void run(List<Span> spans, List<int[]> seqs, List<int[]> where, List<byte[]> extras) {
    PackedBatch batch = PackedBatch.of(network.pad(), seqs);
    for (byte[] e : extras) {
      if (e != null) {
        batch = batch.withExtraLexiconFeatures(extras);
        break;
      }
    }
    float[] logits = network.logits(Parallel.SERIAL, batch);
    for (int i = 0; i < seqs.size(); i++) {
      int[] w = where.get(i);
      Span span = spans.get(w[0]);
      int row = batch.start(i) + (w[2] - w[1]);
      System.arraycopy(logits, row * Tag.COUNT, span.line.scores, (span.first + w[2]) * Tag.COUNT,
          (w[3] - w[2]) * Tag.COUNT);
    }
    seqs.clear();
    where.clear();
    extras.clear();
  }

  /**
   * A TEXT chunk's characters on their way through the network, with the lexicon feature bits of
   * the user dictionary's words in it (null: none, or a model without lexicon features).
   */
  private record Span(Line line, int first, int[] ids, byte[] extra) {}

  /** One text: its code points, chunks and tag scores. */
  private final class Line {
    final String text;
    final int n;
    final int[] offsets; // UTF-16 offset of each code point, plus the end
    final int[] chunkOf; // chunk index of each code point
    final List<Chunk> chunks;
    final float[] scores;
    /** The id the network reads for each code point of a TEXT chunk; -1 elsewhere. */
    final int[] ids;
    /** The user dictionary this line is decoded with (set by {@link #prepare}). */
    DictionarySnapshot dict = DictionarySnapshot.EMPTY;
    /**
     * The dictionary's words of two characters or more inside one chunk (the ones the network is
     * shown as lexicon words) that the word model scores as words it has seen (null if none), set
     * by {@link #applyDictionary}.
     */
    ToldWords toldWords;
    /** The text rules' word boundaries in this line; set by {@link #decode}. */
    WordRules wordRules;

    Line(String text) {
      this.text = text;
      this.n = text.codePointCount(0, text.length());
      this.offsets = new int[n + 1];
      this.chunkOf = new int[n];
      this.chunks = chunker.chunk(text);
      this.scores = new float[n * Tag.COUNT];
      this.ids = new int[n];
    }

    void prepare(List<Span> spans, DictionarySnapshot dict) {
      int k = 0;
      for (int c = 0; c < chunks.size(); c++) {
        Chunk ch = chunks.get(c);
        for (int i = ch.start(); i < ch.end(); k++) {
          offsets[k] = i;
          chunkOf[k] = c;
          i += Character.charCount(text.codePointAt(i));
        }
      }
      offsets[n] = text.length();
      this.dict = dict;
      byte[] extra = dict.size() == 0 || network.lexicon() == null ? null : dictionaryLexiconBits();
      for (int first = 0; first < n; ) {
        int c = chunkOf[first];
        int end = first;
        while (end < n && chunkOf[end] == c) {
          end++;
        }
        if (chunks.get(c).kind() == Chunk.Kind.TEXT) {
          int[] spanIds = new int[end - first];
          for (int j = 0; j < spanIds.length; j++) {
            spanIds[j] = id(text.codePointAt(offsets[first + j]));
          }
          System.arraycopy(spanIds, 0, ids, first, spanIds.length);
          spans.add(new Span(this, first, spanIds, extra == null ? null : bitsOf(extra, first, end)));
        } else {
          Arrays.fill(ids, first, end, -1);
        }
        first = end;
      }
    }

    /**
     * The lexicon feature bits of the dictionary's occurrences that a network can read as lexicon
     * words (null if there are none): those of two characters or more inside one TEXT chunk whose
     * multiplier is 1 or more (a multiplier below 1 says the string is not a word there).
     */
    private byte[] dictionaryLexiconBits() {
      byte[][] bits = new byte[1][];
      forEachMatch((s, e, logMultiplier) -> {
        if (e - s >= 2 && logMultiplier >= 0 && chunkOf[s] == chunkOf[e - 1]
            && chunks.get(chunkOf[s]).kind() == Chunk.Kind.TEXT) {
          if (bits[0] == null) {
            bits[0] = new byte[n];
          }
          Lexicon.mark(bits[0], s, e - s);
        }
      });
      return bits[0];
    }

    /**
     * Every occurrence of the dictionary's entries, as code point indices, except those that
     * start or end inside a chunk that is a word by rule (an address, an emoji, a kana run, a
     * punctuation run, whitespace: {@code example} in {@code https://example.com/}). Streamed, not
     * stored: occurrences can outnumber the characters many times over (nested entries), and the
     * line's memory stays bounded by its length.
     */
    private void forEachMatch(DictionarySnapshot.MatchConsumer consumer) {
      boolean bmp = n == text.length();
      dict.forEachMatch(text, (start, end, logMultiplier) -> {
        int s = bmp ? start : cpIndex(start);
        int e = bmp ? end : cpIndex(end);
        Chunk first = chunks.get(chunkOf[s]);
        Chunk last = chunks.get(chunkOf[e - 1]);
        if ((first.kind() == Chunk.Kind.TEXT || offsets[s] == first.start())
            && (last.kind() == Chunk.Kind.TEXT || offsets[e] == last.end())) {
          consumer.match(s, e, logMultiplier);
        }
      });
    }

    private static byte[] bitsOf(byte[] bits, int from, int to) {
      for (int k = from; k < to; k++) {
        if (bits[k] != 0) {
          return Arrays.copyOfRange(bits, from, to);
        }
      }
      return null;
    }

    /**
     * Decodes the line; {@code boundary > 0} keeps a word boundary there, after a word that starts
     * at {@code lastWordStart} (negative: before the line).
     */
    int[] decode(int boundary, int lastWordStart) {
      wordRules = new WordRules(rules, text, offsets, chunkOf, chunks);
      // chunks: fixed tagging of cuts, word boundaries at every chunk edge, unsplit Latin runs
      for (int k = 0; k < n; k++) {
        Chunk ch = chunks.get(chunkOf[k]);
        boolean first = k == 0 || chunkOf[k - 1] != chunkOf[k];
        boolean last = k == n - 1 || chunkOf[k + 1] != chunkOf[k];
        int o = k * Tag.COUNT;
        if (ch.kind() != Chunk.Kind.TEXT) {
          int fixed = (first ? (last ? Tag.S : Tag.B) : (last ? Tag.E : Tag.M)).ordinal();
          for (int t = 0; t < Tag.COUNT; t++) {
            scores[o + t] = t == fixed ? 0f : CUT;
          }
          continue;
        }
        if (first) {
          scores[o + Tag.M.ordinal()] += CUT;
          scores[o + Tag.E.ordinal()] += CUT;
        }
        if (last) {
          scores[o + Tag.B.ordinal()] += CUT;
          scores[o + Tag.M.ordinal()] += CUT;
        }
        if (!last && wordRules.noBoundaryAfter(k)) {
          // no word boundary inside a Latin run or before a combining mark
          scores[o + Tag.S.ordinal()] += CUT;
          scores[o + Tag.E.ordinal()] += CUT;
          scores[o + Tag.COUNT + Tag.S.ordinal()] += CUT;
          scores[o + Tag.COUNT + Tag.B.ordinal()] += CUT;
        }
      }
      if (boundary > 0 && boundary < text.length()) {
        int k = cpIndex(boundary);
        // twice a cut: stronger than the rule that keeps a Latin run whole
        boundaryBefore(k, 2 * CUT);
        // the settled tag before the boundary (S after a one-character word, E otherwise): with
        // learned transitions it changes the scores of what follows, and the context decoded
        // here, cut at the window's start, might not end in the tag decided earlier
        boolean single = lastWordStart == offsets[k - 1];
        scores[(k - 1) * Tag.COUNT + (single ? Tag.E : Tag.S).ordinal()] += 2 * CUT;
        if (wordModel != null) {
          // the word language model reads the word before: the whole settled word, as decided; a
          // word that starts before the window is longer than any the model knows (the window
          // starts early enough, see WindowStarts.wordModelContextStart), and so is the part of it seen here
          int ws = lastWordStart < 0 ? 0 : cpIndex(lastWordStart);
          for (int j = ws; j < k; j++) {
            int keep = Tag.inWord(j - ws, k - ws).ordinal();
            for (int t = 0; t < Tag.COUNT; t++) {
              if (t != keep) {
                scores[j * Tag.COUNT + t] += 2 * CUT;
              }
            }
          }
        }
      }
      boolean[] ruleEdges = rules.asciiRunsAreWords() ? null : wordRules.wordEdges();
      toldWords = null;
      byte[] allowed = dict.size() == 0 ? null
          : applyDictionary(ruleEdges, boundary > 0 && boundary < text.length() ? cpIndex(boundary) : 0);
      for (int k = 1; ruleEdges != null && k < n; k++) {
        if (ruleEdges[k]) {
          boundaryBefore(k, CUT);
        }
      }
      // every chunk is decoded as the training piece it would have been: start and end scores at
      // its edges, never a transition from the chunk before (lines and chunks never influence
      // each other's tags), except inside a forced dictionary word that spans chunks
      boolean[] restarts = new boolean[n];
      int startsWord = (1 << Tag.S.ordinal()) | (1 << Tag.B.ordinal());
      for (int k = 1; k < n; k++) {
        restarts[k] = chunkOf[k] != chunkOf[k - 1] && (allowed == null || (allowed[k] & startsWord) != 0);
      }
      if (wordModel != null && boundary > 0 && boundary < text.length()) {
        // the settled word before the boundary, if it holds a non-TEXT character, is a forced
        // dictionary word across chunks (iPhone 15): the whole line decodes the text after it as a
        // sequence of its own (latticeAroundForcedWords), and so must this window
        int k = cpIndex(boundary);
        restarts[k] |= !allText(lastWordStart < 0 ? 0 : cpIndex(lastWordStart), k);
      }
      int[] tags = wordModel == null ? Viterbi.decode(scores, 0, n, allowed, transitions, restarts)
          : latticeTags(allowed, restarts);
      IntList ends = new IntList();
      for (int k = 0; k < n; k++) {
        if (Tag.of(tags[k]).endsWord()) {
          ends.add(offsets[k + 1]);
        }
      }
      return ends.toArray();
    }

    /**
     * The tags of the word lattice: each sequence (between restarts) of TEXT characters decoded
     * with the word language model, any other (punctuation) with Viterbi, as is one whose
     * constraints leave the lattice no path. A sequence that holds a forced dictionary word across
     * chunks ({@code iPhone 15}, where no restart is made inside the word) is decoded in parts: that
     * word as the dictionary fixes it, the TEXT before and after it with the word model each (the
     * whole sequence with Viterbi had taken the word model from every word of the sentence).
     */
    private int[] latticeTags(byte[] allowed, boolean[] restarts) {
      int[] tags = new int[n];
      for (int a = 0; a < n; ) {
        int b = a + 1;
        while (b < n && !restarts[b]) {
          b++;
        }
        if (allText(a, b) || !latticeAroundForcedWords(a, b, allowed, tags)) {
          latticeOrViterbi(a, b, allowed, tags);
        }
        a = b;
      }
      return tags;
    }

    /** Whether code points {@code [a, b)} all belong to TEXT chunks (the network read them). */
    private boolean allText(int a, int b) {
      for (int k = a; k < b; k++) {
        if (ids[k] < 0) {
          return false;
        }
      }
      return true;
    }

    /** Tags of {@code [a, b)} into {@code tags}: the word lattice, or Viterbi where it finds no path or reads a non-TEXT character. */
    private void latticeOrViterbi(int a, int b, byte[] allowed, int[] tags) {
      int[] part = allText(a, b) ? WordLattice.decode(scores, a, b - a, allowed, transitions, ids, wordModel,
          network.lexicon(), toldWords)
          : null;
      if (part == null) {
        part = Viterbi.decode(scores, 4 * a, b - a, allowed == null ? null : Arrays.copyOfRange(allowed, a, b),
            transitions);
      }
      System.arraycopy(part, 0, tags, a, b - a);
    }

    /**
     * Decodes the sequence {@code [a, b)} as its forced words that hold a non-TEXT character (fixed
     * by {@code allowed}) and the runs of TEXT between them (each a sequence of the lattice);
     * false, writing nothing, when it is not made only of those.
     */
    private boolean latticeAroundForcedWords(int a, int b, byte[] allowed, int[] tags) {
      if (allowed == null) {
        return false;
      }
      int bS = 1 << Tag.S.ordinal();
      int bB = 1 << Tag.B.ordinal();
      int bE = 1 << Tag.E.ordinal();
      IntList fixed = new IntList(); // start, end of each forced word with a non-TEXT character
      for (int k = a; k < b; ) {
        if (allowed[k] != bS && allowed[k] != bB) {
          k++;
          continue;
        }
        int e = k;
        while (allowed[e] != bE && allowed[e] != bS) {
          e++;
          if (e == b) {
            return false;
          }
        }
        e++;
        if (!allText(k, e)) {
          fixed.add(k);
          fixed.add(e);
        }
        k = e;
      }
      int at = a;
      for (int i = 0; i <= fixed.size(); i += 2) {
        if (!allText(at, i < fixed.size() ? fixed.get(i) : b)) {
          return false;
        }
        at = i < fixed.size() ? fixed.get(i + 1) : b;
      }
      at = a;
      for (int i = 0; i <= fixed.size(); i += 2) {
        int to = i < fixed.size() ? fixed.get(i) : b;
        if (to > at) {
          latticeOrViterbi(at, to, allowed, tags);
        }
        if (i < fixed.size()) {
          for (int k = to; k < fixed.get(i + 1); k++) {
            tags[k] = Tag.inWord(k - to, fixed.get(i + 1) - to).ordinal();
          }
          at = fixed.get(i + 1);
        }
      }
      return true;
    }


    /** A word boundary before code point {@code k}: every tagging that crosses it costs {@code cost}. */
    private void boundaryBefore(int k, float cost) {
      scores[(k - 1) * Tag.COUNT + Tag.B.ordinal()] += cost;
      scores[(k - 1) * Tag.COUNT + Tag.M.ordinal()] += cost;
      scores[k * Tag.COUNT + Tag.M.ordinal()] += cost;
      scores[k * Tag.COUNT + Tag.E.ordinal()] += cost;
    }

    /**
     * Adds log(multiplier) along every occurrence; returns hard constraints of forced ones, chosen
     * leftmost first, then longest, from code point {@code from} on (a window's settled boundary:
     * the forced words before it were chosen in the window before, so the choice after it is the
     * whole line's). An occurrence of multiplier 1 or more lifts the boundaries of the rules for
     * Latin words and currency signs inside it ({@code ruleEdges}, may be null): the user says that
     * string is a word.
     */
    private byte[] applyDictionary(boolean[] ruleEdges, int from) {
      DictionaryPulls pulls = new DictionaryPulls(chunkOf, this::forEachMatch, this::scale);
      // per start: the end of the longest forced occurrence (0: none); made at the first one, as
      // most dictionaries force nothing and every line would pay for it
      int[][] longest = {null};
      ToldWords[] words = {null};
      forEachMatch((s, e, logMultiplier) -> {
        if (ruleEdges != null && logMultiplier >= 0) {
          Arrays.fill(ruleEdges, s + 1, e, false);
        }
        boolean crosses = chunkOf[s] != chunkOf[e - 1];
        if (wordModel != null && logMultiplier >= 0 && !crosses && e - s >= 2) {
          if (words[0] == null) {
            words[0] = new ToldWords(n);
          }
          words[0].add(s, e);
        }
        if (logMultiplier == Float.POSITIVE_INFINITY || (crosses && logMultiplier > 0)) {
          if (s >= from) {
            if (longest[0] == null) {
              longest[0] = new int[n];
            }
            longest[0][s] = Math.max(longest[0][s], e);
          }
        } else if (!crosses && logMultiplier > 0) {
          pulls.add(s, e, logMultiplier); // applied below, once crossing ones are resolved
        } else if (!crosses && !(logMultiplier < 0 && wordRules.keptWhole(s, e))) {
          // (an entry below 1 cannot split what the rules keep whole, C++ or 3.14: pushing it
          // apart would only join it with its neighbours)
          scale(s, e, logMultiplier);
        }
      });
      pulls.resolveAndApply();
      toldWords = words[0] == null ? null : words[0].done();
      if (longest[0] == null) {
        return null;
      }
      byte[] allowed = new byte[n];
      Arrays.fill(allowed, (byte) 0xF);
      for (int s = from; s < n; ) {
        int e = longest[0][s];
        if (e == 0) {
          s++;
          continue;
        }
        for (int k = s; k < e; k++) {
          allowed[k] = (byte) (1 << Tag.inWord(k - s, e - s).ordinal());
        }
        s = e;
      }
      return allowed;
    }

    /** Adds {@code logMultiplier} to the tags that make {@code [s, e)} one word. */
    private void scale(int s, int e, float logMultiplier) {
      if (e - s == 1) {
        scores[s * Tag.COUNT + Tag.S.ordinal()] += logMultiplier;
      } else {
        scores[s * Tag.COUNT + Tag.B.ordinal()] += logMultiplier;
        for (int k = s + 1; k < e - 1; k++) {
          scores[k * Tag.COUNT + Tag.M.ordinal()] += logMultiplier;
        }
        scores[(e - 1) * Tag.COUNT + Tag.E.ordinal()] += logMultiplier;
      }
    }


    /** Code point index of a UTF-16 offset that starts a code point (or the end). */
    private int cpIndex(int utf16) {
      int i = Arrays.binarySearch(offsets, utf16);
      return i >= 0 ? i : -i - 1;
    }
  }
}
