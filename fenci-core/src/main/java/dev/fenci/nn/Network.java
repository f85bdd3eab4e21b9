package dev.fenci.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The character tagger: embedding, dropout (training only), convolutions, tag scores. One forward
 * path serves training and inference; {@link #backward} follows a {@link Trace} of it.
 *
 * <p>After construction or any change of the weights call {@link #refresh()}. Once refreshed, the
 * network is read-only during {@link #logits} and safe to share between threads.
 */
public final class Network {
  private final NetworkConfig config;
  private final Param embedding;
  /** Bigram embedding and the bigrams it covers; null without bigram features. */
  private final Param bigram;
  private final Bigrams bigrams;
  /** The words behind the lexicon features; null without them. */
  private final Lexicon lexicon;
  private final List<Conv1d> convs = new ArrayList<>();
  private final List<Param> params = new ArrayList<>();

  /** A network without bigram features. */
  public Network(NetworkConfig config) {
    this(config, null);
  }

  /** A network with the given bigrams ({@code null} when the config has no bigram features). */
  public Network(NetworkConfig config, Bigrams bigrams) {
    this(config, bigrams, null);
  }

  /**
   * A network with the given bigrams and lexicon ({@code null} when the config has no bigram
   * features, no lexicon features).
   */
  public Network(NetworkConfig config, Bigrams bigrams, Lexicon lexicon) {
    this(config, bigrams, lexicon, null);
  }

  /**
   * As {@link #Network(NetworkConfig, Bigrams, Lexicon)}, with the bigram embedding given as a
   * model file holds it and kept that way ({@link Param#compact} or {@link Param#quantised}): a
   * network loaded for segmentation, whose bigram embedding cannot be trained. {@code loadedBigram}
   * null: a trainable float embedding like the other parameters.
   */
  public Network(NetworkConfig config, Bigrams bigrams, Lexicon lexicon, Param loadedBigram) {
    this.config = config;
    this.derived = new Derived();
    if (config.hasLexicon() != (lexicon != null)) {
      throw new IllegalArgumentException("the lexicon does not fit the network (" + config + ")");
    }
    this.lexicon = lexicon;
    if (config.hasBigrams() != (bigrams != null)
        || (bigrams != null && (bigrams.size() != config.bigramVocab() || bigrams.vocab() != config.vocabSize()))) {
      throw new IllegalArgumentException("the bigrams do not fit the network (" + config + ")");
    }
    this.embedding = new Param("embedding.weight", config.vocabSize(), config.embedDim());
    params.add(embedding);
    this.bigrams = bigrams;
    if (bigrams == null && loadedBigram != null) {
      throw new IllegalArgumentException("bigram embedding values for a network without bigram features");
    }
    if (loadedBigram != null && (!loadedBigram.name().equals("bigram.weight")
        || !java.util.Arrays.equals(loadedBigram.shape(), new int[] {config.bigramVocab(), config.bigramDim()}))) {
      throw new IllegalArgumentException("the bigram embedding does not fit the network (" + config + ")");
    }
    if (bigrams != null) {
      bigram = loadedBigram == null ? new Param("bigram.weight", config.bigramVocab(), config.bigramDim())
          : loadedBigram;
      params.add(bigram);
    } else {
      bigram = null;
    }
    int in = config.inputDim();
    int[] hidden = config.hidden();
    int[] dilations = config.dilations();
    for (int i = 0; i <= hidden.length; i++) {
      boolean last = i == hidden.length;
      int out = last ? config.tags() : hidden[i];
      Conv1d c = new Conv1d("conv" + (i + 1), in, out, !last, dilations[i]);
      convs.add(c);
      params.add(c.weight);
      params.add(c.bias);
      in = out;
    }
  }

  public NetworkConfig config() {
    return config;
  }

  /**
   * Names and shapes of the weights of a network of this shape, in the model file's order,
   * without allocating them (a model loader checks a file's tensors against these first).
   */
  public static java.util.LinkedHashMap<String, int[]> weightShapes(NetworkConfig config) {
    java.util.LinkedHashMap<String, int[]> m = new java.util.LinkedHashMap<>();
    m.put("embedding.weight", new int[] {config.vocabSize(), config.embedDim()});
    if (config.hasBigrams()) {
      m.put("bigram.weight", new int[] {config.bigramVocab(), config.bigramDim()});
    }
    int in = config.inputDim();
    int[] hidden = config.hidden();
    for (int i = 0; i <= hidden.length; i++) {
      int out = i == hidden.length ? config.tags() : hidden[i];
      m.put("conv" + (i + 1) + ".weight", new int[] {Conv1d.K * in, out});
      m.put("conv" + (i + 1) + ".bias", new int[] {out});
      in = out;
    }
    return m;
  }

  /** Padding rows a {@link PackedBatch} for this network needs between sequences. */
  public int pad() {
    return config.maxDilation();
  }

  /** How many characters on each side can influence a character's scores. */
  public int receptiveRadius() {
    // a lexicon feature of a character depends on the words through it: up to MAX_LENGTH - 1 on either side
    int r = lexicon != null ? Lexicon.MAX_LENGTH - 1 : bigrams != null ? 1 : 0;
    for (Conv1d c : convs) {
      r += (Conv1d.K / 2) * c.dilation;
    }
    return r;
  }

  /** The words of the lexicon features, or null. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * This network reading another lexicon (a network with lexicon features only): the same
   * weights, shared, not copied, and the same forms derived from them (the first layer's tables),
   * so that the two networks segment side by side without doubling that memory; changing the
   * weights and calling {@link #refresh()} on either changes both.
   */
  public Network withLexicon(Lexicon other) {
    if (lexicon == null || other == null) {
      throw new IllegalArgumentException("only a network with lexicon features reads a lexicon (" + config + ")");
    }
    return new Network(this, other);
  }

  private Network(Network base, Lexicon lexicon) {
    this.config = base.config;
    this.embedding = base.embedding;
    this.bigram = base.bigram;
    this.bigrams = base.bigrams;
    this.lexicon = lexicon;
    this.convs.addAll(base.convs);
    this.params.addAll(base.params);
    this.derived = base.derived;
  }

  /** The bigrams with an embedding, or null. */
  public Bigrams bigrams() {
    return bigrams;
  }

  /** Weights in a fixed order (the model file's order). */
  public List<Param> params() {
    return Collections.unmodifiableList(params);
  }

  /** Random initial weights from {@code seed} (see {@link NetworkConfig#embedInit()}). */
  public void initialise(long seed) {
    Param.requireTrainable(params);
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] e = embedding.value;
    boolean normal = config.embedInit().equals("normal");
    for (int i = 0; i < e.length; i++) {
      e[i] = normal ? (float) gaussian(rnd) : (float) (rnd.nextDouble() * 2 - 1);
    }
    if (bigram != null) {
      float[] g = bigram.value;
      for (int i = 0; i < g.length; i++) {
        g[i] = normal ? (float) gaussian(rnd) : (float) (rnd.nextDouble() * 2 - 1);
      }
    }
    for (Conv1d c : convs) {
      c.initDefault(rnd);
    }
    refresh();
  }

  static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Re-derives the packed forms of the weights; call after the weights change. */
  public void refresh() {
    for (Conv1d c : convs) {
      c.refresh();
    }
    derived.firstLayerTable = null;
    derived.bigramWeights = config.inputDim() == config.embedDim() ? null
        : convs.get(0).packInputs(config.embedDim(), config.inputDim());
  }

  /** What inference derives from the weights, shared by the networks of one set of weights ({@link #withLexicon}). */
  private static final class Derived {
    /** The first convolution's weights for the bigram and lexicon part of its input, packed. */
    volatile float[] bigramWeights;
    /** See {@link Network#firstLayerTable()}. */
    volatile FirstLayerTable firstLayerTable;
  }

  private final Derived derived;

  /**
   * For inference: the first convolution applied to embedding rows, per tap
   * ({@code [vocab + 1][3][out]}: the three taps of an id side by side, so that the rows a
   * character needs arrive in one burst of cache lines; the extra id zero for padding). Over embeddings, that
   * convolution is a sum of three table rows per character instead of a 3 x embed x out product.
   * Rows are computed when a character first occurs (a cold JVM would otherwise spend hundreds of
   * milliseconds on the whole table before the first word), by the scalar kernel, which gives the
   * same bits as the vector one. A network with a narrow first layer ({@link #bigramTableFits})
   * has such a table for its bigram embedding too; a wide one multiplies the bigram embeddings by
   * their weights instead (a table of every bigram would take about a hundred megabytes), unless
   * {@link #BIGRAM_TABLE_PROPERTY} allows it one.
   */
  private FirstLayerTable firstLayerTable() {
    FirstLayerTable t = derived.firstLayerTable;
    if (t == null) {
      // one table for all threads: a bigram table takes tens of megabytes
      synchronized (derived) {
        t = derived.firstLayerTable;
        if (t == null) {
          Conv1d first = convs.get(0);
          t = new FirstLayerTable(first, embedding, config, () -> bigramTable(first), lexicon != null);
          derived.firstLayerTable = t;
        }
      }
    }
    return t;
  }

  /**
   * The bigram table if this network reads its bigrams from one ({@link #bigramTableFits}) and the
   * heap has room for it; otherwise null, and the bigrams are multiplied out (slower, same model).
   */
  private RowTable bigramTable(Conv1d first) {
    if (!bigramTableFits()) {
      if (bigrams != null && anyWidthLimit >= 0 && TOLD_TOO_SMALL.compareAndSet(false, true)) {
        System.err.println("fenci: -D" + BIGRAM_TABLE_PROPERTY + " allows " + (anyWidthLimit >> 19) + " MB; this model's"
            + " bigram table takes " + bigramTableMegabytes() + " MB, so its bigrams are multiplied out instead");
      }
      return null;
    }
    try {
      return new RowTable(first, bigram, config.bigramVocab(), config.bigramDim(), config.embedDim(), true);
    } catch (OutOfMemoryError e) {
      // one large array: failing it leaves the heap as it was; without it every call would fail alike
      if (TOLD_NO_ROOM.compareAndSet(false, true)) {
        System.err.println("fenci: no room in the heap for the bigram table (" + bigramTableMegabytes() + " MB): its"
            + " bigrams are multiplied out instead, which is slower; give the JVM more heap (-Xmx)"
            + (anyWidthLimit >= 0 ? " or leave out -D" + BIGRAM_TABLE_PROPERTY : ""));
      }
      return null;
    }
  }

  private static final java.util.concurrent.atomic.AtomicBoolean TOLD_TOO_SMALL = new java.util.concurrent.atomic.AtomicBoolean();
  private static final java.util.concurrent.atomic.AtomicBoolean TOLD_NO_ROOM = new java.util.concurrent.atomic.AtomicBoolean();

  /** Megabytes (MiB, rounded up) a table of this network's bigrams takes as 16-bit floats. */
  public long bigramTableMegabytes() {
    return (bigramTableValues() * 2 + (1 << 20) - 1) >> 20;
  }

  private long bigramTableValues() {
    int out = config.hidden().length > 0 ? config.hidden()[0] : config.tags();
    return (long) Conv1d.K * (config.bigramVocab() + 1) * out;
  }

  /** Most values a bigram table may hold (16 M: 32 MB as the 16-bit floats it is kept in). */
  public static final long BIGRAM_TABLE_LIMIT = 16L << 20;

  /**
   * The system property that lets a first layer of any width read its bigrams from a table of up
   * to that many megabytes (MiB; allocated whole on first use, its rows filled as bigrams occur):
   * {@code -Dfenci.bigramTableMB=100} takes {@code accurate}'s 91 MB table ({@code weibo}'s 95),
   * for about 1.2 times its speed (docs/performance.md). Unset, the table is kept for first layers
   * of at most 64 outputs within {@link #BIGRAM_TABLE_LIMIT}; the property does not take a table
   * away from those.
   */
  public static final String BIGRAM_TABLE_PROPERTY = "fenci.bigramTableMB";

  /** The most values of a table of any width that {@link #BIGRAM_TABLE_PROPERTY} allows (-1: unset). */
  private static final long ANY_WIDTH_LIMIT = anyWidthLimit(System.getProperty(BIGRAM_TABLE_PROPERTY));

  /** Values of 16 bits in {@code megabytes} (a whole number from 0), or -1 if unset; said and ignored if malformed. */
  static long anyWidthLimit(String megabytes) {
    if (megabytes == null || megabytes.isBlank()) {
      return -1;
    }
    try {
      long mb = Long.parseLong(megabytes.strip());
      if (mb >= 0 && mb <= 1L << 20) {
        return mb << 19;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    System.err.println("fenci: ignoring -D" + BIGRAM_TABLE_PROPERTY + "=" + megabytes
        + ": expected a whole number of megabytes, from 0");
    return -1;
  }

  /**
   * Whether inference reads the bigram part of the first convolution from a table: when the first
   * layer is at most 64 wide and the table within {@link #BIGRAM_TABLE_LIMIT}, or at any width
   * within what {@link #BIGRAM_TABLE_PROPERTY} allows. The lexicon features then come from a table
   * too, of their 256 patterns.
   */
  public boolean bigramTableFits() {
    int out = config.hidden().length > 0 ? config.hidden()[0] : config.tags();
    long values = bigramTableValues();
    return bigrams != null && (out <= 64 && values <= BIGRAM_TABLE_LIMIT || values <= anyWidthLimit);
  }

  /** {@link #ANY_WIDTH_LIMIT}, or what a test set before this network's first inference. */
  private volatile long anyWidthLimit = ANY_WIDTH_LIMIT;

  /** For tests: as if {@link #BIGRAM_TABLE_PROPERTY} allowed {@code values}; before the first inference. */
  void allowAnyWidthTable(long values) {
    anyWidthLimit = values;
    derived.firstLayerTable = null;
  }

  /** What a forward pass keeps for the backward pass. */
  public static final class Trace {
    final PackedBatch batch;
    final int[] bigramIds;
    /** Dropout's mask: bit j % 64 of word {@code row * ceil(inputDim / 64) + j / 64} (null: none). */
    final long[] kept;
    /** {@link Gemm#dropoutFactors} of the keep probability. */
    final float[] factors;
    final List<float[]> activations = new ArrayList<>();
    /**
     * Keep probability of the dropout applied, in place, to the hidden convolutions' outputs
     * (1: none). A dropped output is 0, which ReLU's backward pass already treats as blocked.
     */
    final float hiddenKeep;

    Trace(PackedBatch batch, int[] bigramIds, long[] kept, float[] factors, float hiddenKeep) {
      this.batch = batch;
      this.bigramIds = bigramIds;
      this.kept = kept;
      this.factors = factors;
      this.hiddenKeep = hiddenKeep;
    }

    /** Tag scores, {@code rows x tags}; padding rows are zero. */
    public float[] logits() {
      return activations.get(activations.size() - 1);
    }
  }

  /** Tag scores ({@code rows x tags}, unnormalised) for every row of the batch (inference). */
  public float[] logits(Parallel par, PackedBatch b) {
    return fastLogits(par, b);
  }

  /**
   * Runs the network and keeps what the backward pass needs. With a random source, dropout is
   * applied (training); with null it is not. Inference goes through {@link #logits} instead.
   */
  public Trace forward(Parallel par, PackedBatch b, SplittableRandom dropout) {
    return forward(par, b, dropout, 1f);
  }

  /**
   * As {@link #forward(Parallel, PackedBatch, SplittableRandom)}; with a random source the outputs
   * of the hidden convolutions (all but the last) are also dropped with probability
   * {@code 1 - hiddenKeep} and the kept ones scaled by {@code 1 / hiddenKeep}.
   */
  public Trace forward(Parallel par, PackedBatch b, SplittableRandom dropout, float hiddenKeep) {
    if (!(hiddenKeep > 0 && hiddenKeep <= 1)) {
      throw new IllegalArgumentException("hidden keep probability must be in (0, 1], got " + hiddenKeep);
    }
    int d = config.inputDim();
    int ed = config.embedDim();
    int bd = config.bigramDim();
    float[] in = new float[b.rows * d];
    float[] e = embedding.value;
    int[] bids = bigramIds(b);
    byte[] lex = lexiconBits(b);
    int ld = config.lexiconDim();
    boolean drop = dropout != null && config.keepProb() < 1f;
    // the dropout mask, one bit per input element (1: kept), drawn in row order from the one
    // random stream so that it does not depend on the number of threads
    long[] kept = drop ? keptBits(b, d, dropout) : null;
    float[] factors = drop ? dropoutFactors() : null;
    int words = (d + 63) >>> 6;
    Gemm gemm = Gemm.get();
    par.forRange(b.rows, 16, (lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int id = b.ids[r];
        if (id == PackedBatch.GAP) {
          continue;
        }
        int o = r * d;
        System.arraycopy(e, id * ed, in, o, ed);
        if (bids != null) {
          bigram.copy(bids[r] * bd, bd, in, o + ed);
        }
        if (lex != null) {
          features(lex[r], in, o + ed + bd, ld);
        }
        if (kept != null) {
          gemm.dropout(in, o, kept, r * words, factors, in, o, 0, d, false);
        }
      }
    });
    float hk = dropout != null ? hiddenKeep : 1f;
    Trace t = new Trace(b, bids, kept, factors, hk);
    t.activations.add(in);
    float[] x = in;
    for (int i = 0; i < convs.size(); i++) {
      x = convs.get(i).forward(par, b, x);
      if (hk < 1f && i < convs.size() - 1) {
        dropHidden(b, x, convs.get(i).out, hk, dropout);
      }
      t.activations.add(x);
    }
    return t;
  }

  /**
   * Inverted dropout on a hidden activation, in place: each element of a non-gap row is kept with
   * probability {@code keep} (and scaled by {@code 1 / keep}) or set to 0. The mask is drawn in row
   * order from the one random stream, so it does not depend on the number of threads.
   */
  private static void dropHidden(PackedBatch b, float[] x, int width, float keep, SplittableRandom rnd) {
    int threshold = (int) (keep * (1 << 24));
    float scale = 1f / keep;
    for (int r = 0; r < b.rows; r++) {
      if (b.ids[r] == PackedBatch.GAP) {
        continue;
      }
      int o = r * width;
      for (int j = 0; j < width; j++) {
        if ((rnd.nextInt() >>> 8) < threshold) {
          x[o + j] *= scale;
        } else {
          x[o + j] = 0f;
        }
      }
    }
  }

  /** Lexicon feature bits as 0/1 inputs. */
  static void features(byte bits, float[] dst, int at, int n) {
    for (int f = 0; f < n; f++) {
      dst[at + f] = (bits >>> f) & 1;
    }
  }

  /**
   * Lexicon feature bits of every row: the batch's own ({@link PackedBatch#withLexiconFeatures}) or
   * computed from this network's lexicon, plus the batch's extra ones
   * ({@link PackedBatch#withExtraLexiconFeatures}, a user dictionary's words); null without
   * lexicon features.
   */
  private byte[] lexiconBits(PackedBatch b) {
    if (lexicon == null) {
      return null;
    }
    if (b.lexicon != null) {
      return b.lexicon;
    }
    byte[] bits = new byte[b.rows];
    for (int i = 0; i < b.starts.length; i++) {
      lexicon.features(b.ids, b.starts[i], b.lengths[i], bits, b.starts[i]);
    }
    if (b.extraLexicon != null) {
      for (int r = 0; r < bits.length; r++) {
        bits[r] |= b.extraLexicon[r];
      }
    }
    return bits;
  }

  /** {@code dst[dOff + j] += g[o + j]} (through dropout's mask, if any) for {@code from <= j < to}. */
  private static void add(Gemm gemm, float[] g, int o, long[] kept, int k, float[] factors, float[] dst, int dOff,
      int from, int to) {
    if (kept != null) {
      gemm.dropout(g, o, kept, k, factors, dst, dOff, from, to, true);
      return;
    }
    for (int j = from; j < to; j++) {
      dst[dOff + j] += g[o + j];
    }
  }

  private volatile float[] dropoutFactors;

  private float[] dropoutFactors() {
    float[] f = dropoutFactors;
    if (f == null) {
      f = Gemm.dropoutFactors(1f / config.keepProb());
      dropoutFactors = f;
    }
    return f;
  }

  /** Dropout's mask for the batch's non-gap rows, {@code ceil(d / 64)} words a row. */
  private long[] keptBits(PackedBatch b, int d, SplittableRandom dropout) {
    int words = (d + 63) >>> 6;
    long[] kept = new long[b.rows * words];
    float keep = config.keepProb();
    int threshold = (int) (keep * (1 << 24));
    for (int r = 0; r < b.rows; r++) {
      if (b.ids[r] == PackedBatch.GAP) {
        continue;
      }
      int o = r * words;
      if (keep == 0.5f) {
        // one random bit per element; bits past d in the last word are never read
        for (int w = 0; w < words; w++) {
          kept[o + w] = dropout.nextLong();
        }
      } else {
        for (int j = 0; j < d; j++) {
          if ((dropout.nextInt() >>> 8) < threshold) {
            kept[o + (j >>> 6)] |= 1L << j;
          }
        }
      }
    }
    return kept;
  }

  /**
   * Per thread, the two buffers that the hidden layers of {@link #fastLogits} write in turn (each
   * layer reads the one before; the last writes a new array, the caller's): reused from call to
   * call they stay in cache, where new ones (half a kilobyte a character for {@code accurate}'s
   * first layer) were zeroed and brought in for every batch.
   */
  private static final ThreadLocal<float[][]> HIDDEN = ThreadLocal.withInitial(() -> new float[2][0]);

  /** Hidden buffer {@code which} (0 or 1) of this thread, of at least {@code size} values (any). */
  private static float[] hidden(int which, int size) {
    float[][] h = HIDDEN.get();
    if (h[which].length < size) {
      h[which] = new float[size];
    }
    return h[which];
  }

  /** Where the first layer of {@link #fastLogits} writes: hidden buffer 0, or a new array if it is the last layer (the caller keeps that). */
  private float[] firstOutput(PackedBatch b) {
    int size = b.rows * convs.get(0).out;
    return convs.size() > 1 ? hidden(0, size) : new float[size];
  }

  /** Inference: as {@link #logits}, with the first convolution read from the precomputed table. */
  float[] fastLogits(Parallel par, PackedBatch b) {
    float[] x;
    FirstLayerTable ft = firstLayerTable();
    ft.chars.ensure(b.ids);
    if (bigrams == null && lexicon == null) {
      x = convs.get(0).forwardFromTable(b, ft.chars.table, config.vocabSize(), null, 0, null, firstOutput(b));
    } else if (ft.bigramRows != null) {
      int[] bids = bigramIds(b);
      ft.bigramRows.ensure(bids);
      int[] lexIds = null;
      if (ft.lexiconRows != null) {
        byte[] lex = lexiconBits(b);
        lexIds = new int[b.rows];
        for (int r = 0; r < b.rows; r++) {
          lexIds[r] = b.ids[r] == PackedBatch.GAP ? -1 : lex[r] & 0xFF;
        }
      }
      x = convs.get(0).forwardFromTables(b, ft.chars.table, config.vocabSize(), bids, ft.bigramRows.halves,
          config.bigramVocab(), lexIds, ft.lexiconRows != null ? ft.lexiconRows.table : null);
    } else {
      // the bigram embeddings and lexicon features of every row, multiplied by their weights
      int bd = config.bigramDim();
      int ld = config.lexiconDim();
      int w = bd + ld;
      int[] bids = bigramIds(b);
      byte[] lex = lexiconBits(b);
      float[] xb = new float[b.rows * w];
      for (int r = 0; r < b.rows; r++) {
        if (b.ids[r] == PackedBatch.GAP) {
          continue;
        }
        if (bids != null) {
          bigram.copy(bids[r] * bd, bd, xb, r * w);
        }
        if (lex != null) {
          features(lex[r], xb, r * w + bd, ld);
        }
      }
      x = convs.get(0).forwardFromTable(b, ft.chars.table, config.vocabSize(), xb, w, derived.bigramWeights,
          firstOutput(b));
    }
    for (int i = 1; i < convs.size(); i++) {
      Conv1d c = convs.get(i);
      x = i < convs.size() - 1 ? c.forward(par, b, x, hidden(i % 2, b.rows * c.out)) : c.forward(par, b, x);
    }
    return x;
  }

  /** Accumulates gradients of all weights given the gradient of the loss at the logits. */
  public void backward(Parallel par, Trace t, float[] dLogits) {
    float[] dy = dLogits;
    for (int i = convs.size() - 1; i >= 0; i--) {
      Conv1d c = convs.get(i);
      if (t.hiddenKeep < 1f && i < convs.size() - 1) {
        // the output was scaled by 1 / keep where kept; where dropped it is 0 and ReLU blocks it
        float s = 1f / t.hiddenKeep;
        for (int k = 0; k < dy.length; k++) {
          dy[k] *= s;
        }
      }
      dy = c.backward(par, t.batch, t.activations.get(i), t.activations.get(i + 1), dy, true);
    }
    int d = config.inputDim();
    int ed = config.embedDim();
    int bd = config.bigramDim();
    PackedBatch b = t.batch;
    long[] kept = t.kept;
    float[] factors = t.factors;
    Gemm gemm = Gemm.get();
    int words = (d + 63) >>> 6;
    float[] eg = embedding.grad();
    float[] bg = t.bigramIds != null ? bigram.grad() : null;
    float[] g = dy;
    // the threads take columns, not rows: rows of one id add into the same gradient row, and in
    // row order whatever the number of threads
    par.forRange(d, 16, (lo, hi) -> {
      for (int r = 0; r < b.rows; r++) {
        int id = b.ids[r];
        if (id == PackedBatch.GAP) {
          continue;
        }
        int o = r * d;
        int k = r * words;
        int split = Math.min(hi, ed);
        if (lo < split) {
          add(gemm, g, o, kept, k, factors, eg, id * ed, lo, split);
        }
        int from = Math.max(lo, ed);
        int to = Math.min(hi, ed + bd); // the lexicon features after the bigram part have no weights
        if (from < to) {
          add(gemm, g, o, kept, k, factors, bg, t.bigramIds[r] * bd - ed, from, to);
        }
      }
    });
  }

  /** The bigram id of every row (-1 for gap rows), or null without bigram features. */
  private int[] bigramIds(PackedBatch b) {
    if (bigrams == null) {
      return null;
    }
    int v = config.vocabSize();
    int[] ids = b.ids;
    int[] out = new int[b.rows];
    for (int r = 0; r < b.rows; r++) {
      if (ids[r] == PackedBatch.GAP) {
        out[r] = -1;
      } else {
        int next = r + 1 < b.rows && ids[r + 1] != PackedBatch.GAP ? ids[r + 1] : v;
        out[r] = bigrams.id(ids[r], next);
      }
    }
    return out;
  }

  public void zeroGrad() {
    for (Param p : params) {
      p.zeroGrad();
    }
  }
}
