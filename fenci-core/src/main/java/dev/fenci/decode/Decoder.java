package dev.fenci.decode;

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
import java.util.List;

/**
 * The segmentation pipeline: text, chunks, ids, network, tag log-probabilities, Viterbi, word
 * boundaries. Stateless once built, so one instance serves any number of threads.
 *
 * <p>Long runs of text without a cut are fed to the network in windows that overlap by the
 * network's receptive radius, so every character's scores are exactly those of the uncut run.
 */
public final class Decoder {
  /** Characters per network call (bounds memory on long inputs). */
  static final int BATCH_POSITIONS = 8192;
  /** Longest window fed to the network at once. */
  static final int WINDOW = 2048;

  private final int window;
  private final Network network;
  private final Vocabulary vocab;
  private final TextRules rules;
  private final Chunker chunker;
  private final int radius;

  public Decoder(Model model) {
    this(model.network(), model.vocabulary(), model.rules());
  }

  public Decoder(Network network, Vocabulary vocab, TextRules rules) {
    this(network, vocab, rules, WINDOW);
  }

  Decoder(Network network, Vocabulary vocab, TextRules rules, int window) {
    this.window = window;
    this.network = network;
    this.vocab = vocab;
    this.rules = rules;
    this.chunker = new Chunker(rules);
    this.radius = network.receptiveRadius();
  }

  public TextRules rules() {
    return rules;
  }

  /** End offsets (UTF-16, exclusive) of the words of {@code text}, in order; the last is its length. */
  public int[] wordEnds(String text) {
    return wordEnds(List.of(text)).get(0);
  }

  /** {@link #wordEnds(String)} for many texts, batching their network work together. */
  public List<int[]> wordEnds(List<String> texts) {
    List<Span> spans = new ArrayList<>();
    List<List<Chunk>> chunked = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      String text = texts.get(t);
      List<Chunk> chunks = chunker.chunk(text);
      chunked.add(chunks);
      for (Chunk c : chunks) {
        if (c.kind() == Chunk.Kind.TEXT) {
          spans.add(new Span(text, c));
        }
      }
    }
    score(spans);
    List<int[]> out = new ArrayList<>(texts.size());
    int si = 0;
    for (int t = 0; t < texts.size(); t++) {
      IntList ends = new IntList();
      for (Chunk c : chunked.get(t)) {
        if (c.kind() == Chunk.Kind.TEXT) {
          spans.get(si++).decodeInto(ends);
        } else {
          ends.add(c.end());
        }
      }
      out.add(ends.toArray());
    }
    return out;
  }

  /** Runs the network over all spans, window by window, filling each span's scores. */
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
        int[] piece = java.util.Arrays.copyOfRange(span.ids, from, to);
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
  }

  private void run(List<Span> spans, List<int[]> seqs, List<int[]> where) {
    PackedBatch batch = PackedBatch.of(network.pad(), seqs);
    float[] logits = network.logits(Parallel.SERIAL, batch);
    for (int i = 0; i < seqs.size(); i++) {
      int[] w = where.get(i);
      Span span = spans.get(w[0]);
      int row = batch.start(i) + (w[2] - w[1]);
      System.arraycopy(logits, row * Tag.COUNT, span.scores, w[2] * Tag.COUNT, (w[3] - w[2]) * Tag.COUNT);
    }
    seqs.clear();
    where.clear();
  }

  /** A TEXT chunk on its way through the network. */
  private final class Span {
    final int start;
    final int[] offsets; // UTF-16 offset of each code point, plus the end
    final int[] ids;
    final byte[] allowed;
    final float[] scores;

    Span(String text, Chunk c) {
      this.start = c.start();
      int n = Character.codePointCount(text, c.start(), c.end());
      offsets = new int[n + 1];
      ids = new int[n];
      byte[] allow = null;
      int i = c.start();
      for (int k = 0; k < n; k++) {
        int cp = text.codePointAt(i);
        offsets[k] = i;
        ids[k] = vocab.id(rules.normalize(cp));
        i += Character.charCount(cp);
      }
      offsets[n] = c.end();
      if (!rules.asciiRunsAreWords()) {
        allow = gluedRuns(text, n);
      }
      this.allowed = allow;
      this.scores = new float[n * Tag.COUNT];
    }

    /** Keeps runs of ASCII letters and digits whole: no word boundary inside a run. */
    private byte[] gluedRuns(String text, int n) {
      byte[] allow = null;
      for (int k = 0; k + 1 < n; k++) {
        if (Chunker.isAsciiAlnum(text.charAt(offsets[k])) && Chunker.isAsciiAlnum(text.charAt(offsets[k + 1]))) {
          if (allow == null) {
            allow = new byte[n];
            java.util.Arrays.fill(allow, (byte) 0xF);
          }
          allow[k] &= (byte) ((1 << Tag.B.ordinal()) | (1 << Tag.M.ordinal()));
          allow[k + 1] &= (byte) ((1 << Tag.M.ordinal()) | (1 << Tag.E.ordinal()));
        }
      }
      return allow;
    }

    void decodeInto(IntList ends) {
      int n = ids.length;
      SoftmaxCrossEntropy.logSoftmax(scores, 0, n, Tag.COUNT);
      int[] tags = Viterbi.decode(scores, 0, n, allowed);
      for (int k = 0; k < n; k++) {
        if (Tag.of(tags[k]).endsWord()) {
          ends.add(offsets[k + 1]);
        }
      }
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
