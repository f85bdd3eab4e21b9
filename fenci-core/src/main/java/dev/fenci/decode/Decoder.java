package dev.fenci.decode;

import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Network;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.Parallel;
import dev.fenci.nn.SoftmaxCrossEntropy;
import dev.fenci.tag.Tag;
import dev.fenci.text.Chunk;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segmentation pipeline: text, chunks, ids, network, tag log-probabilities (+ dictionary),
 * Viterbi, word boundaries. Stateless once built, so one instance serves any number of threads.
 *
 * <p>Each text is decoded as one tag sequence. Characters of TEXT chunks carry the network's
 * log-probabilities; whitespace and punctuation chunks (and, under the seed rules, ASCII runs)
 * carry their fixed tagging, every other tagging of them and every word crossing a chunk edge
 * costing {@link #CUT}, far more than any dictionary multiplier. A user dictionary adds
 * log(multiplier) to the tags that make each occurrence one word; forced occurrences (and
 * occurrences that cross a cut, with a multiplier above 1) become hard constraints.
 *
 * <p>Long runs of text are fed to the network in windows that overlap by the network's receptive
 * radius, so every character's scores are exactly those of the uncut run.
 */
public final class Decoder {
  /** Characters per network call (bounds memory on long inputs). */
  static final int BATCH_POSITIONS = 8192;
  /** Longest window fed to the network at once. */
  static final int WINDOW = 2048;
  /** Log-score of breaking a cut: no finite multiplier (up to e^1000) overcomes it. */
  static final float CUT = -1e4f;

  private final Network network;
  private final Vocabulary vocab;
  private final TextRules rules;
  private final Chunker chunker;
  private final int radius;
  private final int window;

  public Decoder(Model model) {
    this(model.network(), model.vocabulary(), model.rules());
  }

  public Decoder(Network network, Vocabulary vocab, TextRules rules) {
    this(network, vocab, rules, WINDOW);
  }

  Decoder(Network network, Vocabulary vocab, TextRules rules, int window) {
    this.network = network;
    this.vocab = vocab;
    this.rules = rules;
    this.chunker = new Chunker(rules);
    this.radius = network.receptiveRadius();
    this.window = window;
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

  /** Word ends of each text under a user dictionary. */
  public List<int[]> wordEnds(List<String> texts, DictionarySnapshot dict) {
    List<Line> lines = new ArrayList<>(texts.size());
    List<Span> spans = new ArrayList<>();
    for (String text : texts) {
      Line line = new Line(text);
      lines.add(line);
      line.prepare(spans);
    }
    score(spans);
    List<int[]> out = new ArrayList<>(texts.size());
    for (Line line : lines) {
      out.add(line.decode(dict));
    }
    return out;
  }

  /** Runs the network over all spans, window by window, filling their lines' scores. */
  private void score(List<Span> spans) {
    List<int[]> seqs = new ArrayList<>();
    List<int[]> where = new ArrayList<>(); // span, window start, copy from, copy to
    int positions = 0;
    for (int s = 0; s < spans.size(); s++) {
      Span span = spans.get(s);
      int n = span.ids.length;
      for (int w0 = 0; w0 < n; w0 += window) {
        int from = Math.max(0, w0 - radius);
        int to = Math.min(n, w0 + window + radius);
        int[] piece = Arrays.copyOfRange(span.ids, from, to);
        if (positions + piece.length > BATCH_POSITIONS && !seqs.isEmpty()) {
          run(spans, seqs, where);
          positions = 0;
        }
        seqs.add(piece);
        where.add(new int[] {s, from, w0, Math.min(n, w0 + window)});
        positions += piece.length;
      }
    }
    if (!seqs.isEmpty()) {
      run(spans, seqs, where);
    }
    for (Span span : spans) {
      SoftmaxCrossEntropy.logSoftmax(span.line.scores, span.first * Tag.COUNT, span.ids.length, Tag.COUNT);
    }
  }

  private void run(List<Span> spans, List<int[]> seqs, List<int[]> where) {
    PackedBatch batch = PackedBatch.of(network.pad(), seqs);
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
  }

  /** A TEXT chunk's characters on their way through the network. */
  private record Span(Line line, int first, int[] ids) {}

  /** One text: its code points, chunks and tag scores. */
  private final class Line {
    final String text;
    final int n;
    final int[] offsets; // UTF-16 offset of each code point, plus the end
    final int[] chunkOf; // chunk index of each code point
    final List<Chunk> chunks;
    final float[] scores;

    Line(String text) {
      this.text = text;
      this.n = text.codePointCount(0, text.length());
      this.offsets = new int[n + 1];
      this.chunkOf = new int[n];
      this.chunks = chunker.chunk(text);
      this.scores = new float[n * Tag.COUNT];
    }

    void prepare(List<Span> spans) {
      int k = 0;
      for (int c = 0; c < chunks.size(); c++) {
        Chunk ch = chunks.get(c);
        int first = k;
        for (int i = ch.start(); i < ch.end(); k++) {
          int cp = text.codePointAt(i);
          offsets[k] = i;
          chunkOf[k] = c;
          i += Character.charCount(cp);
        }
        int len = k - first;
        if (ch.kind() == Chunk.Kind.TEXT) {
          int[] ids = new int[len];
          for (int j = 0; j < len; j++) {
            ids[j] = vocab.id(rules.normalize(text.codePointAt(offsets[first + j])));
          }
          spans.add(new Span(this, first, ids));
        }
      }
      offsets[n] = text.length();
    }

    int[] decode(DictionarySnapshot dict) {
      // chunks: fixed tagging of cuts, word boundaries at every chunk edge, unsplit ASCII runs
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
        if (!rules.asciiRunsAreWords() && !last && Chunker.isAsciiAlnum(text.charAt(offsets[k]))
            && Chunker.isAsciiAlnum(text.charAt(offsets[k + 1]))) {
          scores[o + Tag.S.ordinal()] += CUT;
          scores[o + Tag.E.ordinal()] += CUT;
          scores[o + Tag.COUNT + Tag.S.ordinal()] += CUT;
          scores[o + Tag.COUNT + Tag.B.ordinal()] += CUT;
        }
      }
      byte[] allowed = dict.size() == 0 ? null : applyDictionary(dict);
      int[] tags = Viterbi.decode(scores, 0, n, allowed);
      IntList ends = new IntList();
      for (int k = 0; k < n; k++) {
        if (Tag.of(tags[k]).endsWord()) {
          ends.add(offsets[k + 1]);
        }
      }
      return ends.toArray();
    }

    /** Adds log(multiplier) along every occurrence; returns hard constraints of forced ones. */
    private byte[] applyDictionary(DictionarySnapshot dict) {
      boolean bmp = n == text.length();
      Decoder.IntList forced = new Decoder.IntList();
      dict.forEachMatch(text, (start, end, multiplier, logMultiplier) -> {
        int s = bmp ? start : cpIndex(start);
        int e = bmp ? end : cpIndex(end);
        boolean crosses = chunkOf[s] != chunkOf[e - 1];
        if (multiplier == Double.POSITIVE_INFINITY || (crosses && multiplier > 1)) {
          forced.add(s);
          forced.add(e);
        } else if (!crosses) {
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
      });
      if (forced.size() == 0) {
        return null;
      }
      // leftmost-longest among forced occurrences
      int[] f = forced.toArray();
      Integer[] order = new Integer[f.length / 2];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> f[2 * x] != f[2 * y] ? Integer.compare(f[2 * x], f[2 * y])
          : Integer.compare(f[2 * y + 1], f[2 * x + 1]));
      byte[] allowed = new byte[n];
      Arrays.fill(allowed, (byte) 0xF);
      int forcedEnd = 0;
      for (int i : order) {
        int s = f[2 * i];
        int e = f[2 * i + 1];
        if (s < forcedEnd) {
          continue;
        }
        forcedEnd = e;
        for (int k = s; k < e; k++) {
          allowed[k] = (byte) (1 << Tag.inWord(k - s, e - s).ordinal());
        }
      }
      return allowed;
    }

    /** Code point index of a UTF-16 offset that starts a code point (or the end). */
    private int cpIndex(int utf16) {
      int i = Arrays.binarySearch(offsets, utf16);
      return i >= 0 ? i : -i - 1;
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }

    int size() {
      return n;
    }
  }
}
