package dev.fenci.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * 'Same'-padded 1-D convolution with kernel width 3 over a {@link PackedBatch}'s rows, optionally
 * followed by ReLU. Weight layout: {@code [3 * in][out]}, row {@code t * in + i} is tap t of input
 * channel i; tap t reads row {@code r + (t - 1) * dilation} for output row r (with dilation 1,
 * t = 0 looks at the previous character). The batch needs at least {@code dilation} padding rows
 * between sequences.
 */
final class Conv1d {
  static final int K = 3;

  final int in;
  final int out;
  final boolean relu;
  final int dilation;
  final Param weight;
  final Param bias;
  /** With dilation 1: all taps as one [3 * in][out] matrix; otherwise one [in][out] per tap. */
  private float[][] packed;
  /** The input gradient's weights: block s is W_{2-s}^T, packed as packed is. */
  private float[][] packedFlip;

  Conv1d(String name, int in, int out, boolean relu) {
    this(name, in, out, relu, 1);
  }

  Conv1d(String name, int in, int out, boolean relu, int dilation) {
    this.in = in;
    this.out = out;
    this.relu = relu;
    this.dilation = dilation;
    this.weight = new Param(name + ".weight", K * in, out);
    this.bias = new Param(name + ".bias", out);
  }

  /** PyTorch's default: uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and bias. */
  void initDefault(SplittableRandom rnd) {
    float bound = (float) (1.0 / Math.sqrt(K * in));
    for (int i = 0; i < weight.value.length; i++) {
      weight.value[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    for (int i = 0; i < bias.value.length; i++) {
      bias.value[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
  }

  /** Re-packs the weights after they changed (load, optimiser step). */
  void refresh() {
    float[] w = weight.value;
    packed = packTaps(w, in, out);
    // flipped transpose for the input gradient: block s holds W_{2-s}^T, shape [3 * out][in]
    float[] flip = new float[K * out * in];
    for (int s = 0; s < K; s++) {
      int t = K - 1 - s;
      for (int i = 0; i < in; i++) {
        int src = (t * in + i) * out;
        for (int o = 0; o < out; o++) {
          flip[(s * out + o) * in + i] = w[src + o];
        }
      }
    }
    packedFlip = packTaps(flip, out, in);
  }

  /** A [3 * k][n] matrix packed whole (dilation 1: the taps read adjacent rows) or tap by tap. */
  private float[][] packTaps(float[] w, int k, int n) {
    if (dilation == 1) {
      return new float[][] {Gemm.pack(w, 0, n, K * k, n, new float[Gemm.packedSize(K * k, n)])};
    }
    float[][] p = new float[K][];
    for (int t = 0; t < K; t++) {
      p[t] = Gemm.pack(w, t * k * n, n, k, n, new float[Gemm.packedSize(k, n)]);
    }
    return p;
  }

  /**
   * {@code c[first + i] += sum_t a[first + i + (t - 1) * dilation] x W_t} for the {@code count}
   * rows from {@code first}: with dilation 1 one product whose rows of A overlap (row i's three
   * taps are adjacent rows), otherwise one product per tap.
   */
  private void convolve(Parallel par, float[] a, int k, float[][] w, int n, float[] c, int first, int count) {
    if (dilation == 1) {
      Gemm.get().mulAdd(par, a, (first - 1) * k, k, K * k, w[0], n, c, first * n, n, count);
      return;
    }
    for (int t = 0; t < K; t++) {
      Gemm.get().mulAdd(par, a, (first + (t - 1) * dilation) * k, k, k, w[t], n, c, first * n, n, count);
    }
  }

  /**
   * The weights for input channels {@code [from, to)} only, packed for a product over overlapping
   * rows of a {@code rows x (to - from)} matrix (shape {@code [3 * (to - from)][out]}).
   */
  float[] packInputs(int from, int to) {
    int n = to - from;
    float[] w = new float[K * n * out];
    for (int t = 0; t < K; t++) {
      System.arraycopy(weight.value, (t * in + from) * out, w, t * n * out, n * out);
    }
    return Gemm.pack(w, 0, out, K * n, out, new float[Gemm.packedSize(K * n, out)]);
  }

  /** Output rows of the batch; padding rows are zero. */
  float[] forward(Parallel par, PackedBatch b, float[] x) {
    return forward(par, b, x, new float[b.rows * out]);
  }

  /**
   * As {@link #forward(Parallel, PackedBatch, float[])}, into {@code y} (of {@code b.rows * out}
   * values or more, whatever they hold).
   */
  float[] forward(Parallel par, PackedBatch b, float[] x, float[] y) {
    int rows = b.rows;
    int pad = b.pad;
    int first = pad;
    int count = rows - 2 * pad;
    float[] bv = bias.value;
    for (int r = first; r < first + count; r++) {
      System.arraycopy(bv, 0, y, r * out, out);
    }
    convolve(par, x, in, packed, out, y, first, count);
    if (relu) {
      Gemm.get().relu(y, first * out, (first + count) * out);
    }
    zeroGaps(b, y, out);
    return y;
  }

  /**
   * The forward pass over embedding rows given as ids, from {@code table[id][tap][out]} (each
   * embedding row already multiplied by each tap's weights; id {@code vocab} is zero
   * and stands for the padding around a sequence). When the table covers only the first input
   * channels, {@code rest} holds the other {@code restIn} channels of every row and
   * {@code restPacked} their weights ({@link #packInputs}).
   */
  float[] forwardFromTable(PackedBatch b, float[] table, int vocab, float[] rest, int restIn, float[] restPacked) {
    return forwardFromTable(b, table, vocab, rest, restIn, restPacked, new float[b.rows * out]);
  }

  /**
   * As {@link #forwardFromTable(PackedBatch, float[], int, float[], int, float[])}, into {@code y}
   * (of {@code b.rows * out} values or more, whatever they hold).
   */
  float[] forwardFromTable(PackedBatch b, float[] table, int vocab, float[] rest, int restIn, float[] restPacked,
      float[] y) {
    int rows = b.rows;
    boolean relu = this.relu && rest == null;
    Gemm gemm = Gemm.get();
    float[] bv = bias.value;
    int[] ids = b.ids;
    for (int r = 1; r < rows - 1; r++) {
      if (ids[r] == PackedBatch.GAP) {
        continue;
      }
      gemm.sum3(bv, table, tapRow(ids, r, 0, vocab), tapRow(ids, r, 1, vocab), tapRow(ids, r, 2, vocab), y,
          r * out, out, relu);
    }
    if (rest != null) {
      int first = b.pad;
      int count = rows - 2 * b.pad;
      gemm.mulAdd(rest, (first - 1) * restIn, restIn, K * restIn, restPacked, out, y, first * out, out, 0, count);
      if (this.relu) {
        gemm.relu(y, 0, rows * out);
      }
    }
    zeroGaps(b, y, out);
    return y;
  }

  /**
   * Offset in a {@code [id][tap][out]} table of the row that tap {@code tap} applies to row
   * {@code r}: that of the id at {@code r + tap - 1}, or of the padding id {@code pad} for a gap
   * (negative id).
   */
  private int tapRow(int[] ids, int r, int tap, int pad) {
    int id = ids[r + tap - 1];
    return ((id < 0 ? pad : id) * K + tap) * out;
  }

  /**
   * The first convolution of a network with bigrams, both read from tables: per character the
   * bias plus three rows of {@code table} (ids {@code b.ids}, padding id {@code vocab}) and three
   * of {@code bigramTable} (ids {@code bigramIds}, negative for gaps; padding id
   * {@code bigramVocab}; 16-bit floats, see {@link Half}), with lexicon features three rows of
   * {@code lexiconTable} (ids {@code lexiconIds}: each row's feature bits, negative for gaps;
   * padding id 256), then ReLU. Tables are {@code [id][tap][out]}.
   */
  float[] forwardFromTables(PackedBatch b, float[] table, int vocab, int[] bigramIds, short[] bigramTable,
      int bigramVocab, int[] lexiconIds, float[] lexiconTable) {
    int rows = b.rows;
    float[] y = new float[rows * out];
    Gemm gemm = Gemm.get();
    float[] bv = bias.value;
    float[] withLexicon = lexiconIds != null ? new float[out] : null;
    int[] ids = b.ids;
    for (int r = 1; r < rows - 1; r++) {
      if (ids[r] == PackedBatch.GAP) {
        continue;
      }
      float[] base = bv;
      if (lexiconIds != null) {
        // bias plus the three lexicon rows first, as the bias of the six other rows
        gemm.sum3(bv, lexiconTable, tapRow(lexiconIds, r, 0, LEXICON_PATTERNS),
            tapRow(lexiconIds, r, 1, LEXICON_PATTERNS), tapRow(lexiconIds, r, 2, LEXICON_PATTERNS), withLexicon, 0, out,
            false);
        base = withLexicon;
      }
      gemm.sum6(base, table, tapRow(ids, r, 0, vocab), tapRow(ids, r, 1, vocab), tapRow(ids, r, 2, vocab),
          bigramTable, tapRow(bigramIds, r, 0, bigramVocab), tapRow(bigramIds, r, 1, bigramVocab),
          tapRow(bigramIds, r, 2, bigramVocab), y, r * out, out, relu);
    }
    return y;
  }

  /** Patterns of the lexicon feature bits; the id after them stands for padding. */
  private static final int LEXICON_PATTERNS = 1 << Lexicon.FEATURES;

  /**
   * Accumulates weight and bias gradients and returns the gradient with respect to x.
   * {@code dy} is modified (ReLU's mask is applied in place).
   */
  float[] backward(Parallel par, PackedBatch b, float[] x, float[] y, float[] dy, boolean needInputGrad) {
    int rows = b.rows;
    int pad = b.pad;
    if (relu) {
      Gemm.get().reluBackward(y, dy, dy.length);
    } else {
      zeroGaps(b, dy, out);
    }
    int first = pad;
    int count = rows - 2 * pad;
    float[] db = bias.grad();
    // by columns: each bias gradient adds the rows in order, whatever the number of threads
    par.forRange(out, 8, (lo, hi) -> {
      for (int r = first; r < first + count; r++) {
        int o = r * out;
        for (int j = lo; j < hi; j++) {
          db[j] += dy[o + j];
        }
      }
    });
    // dW_t += X_shift_t^T * dY, with X transposed once so that rows of A are contiguous
    float[] xt = transpose(par, x, rows, in);
    float[] dyPacked = Gemm.pack(dy, first * out, out, count, out, new float[Gemm.packedSize(count, out)]);
    for (int t = 0; t < K; t++) {
      int aOff = first + (t - 1) * dilation;
      Gemm.get().mulAdd(par, xt, aOff, rows, count, dyPacked, out, weight.grad(), t * in * out, out, in);
    }
    if (!needInputGrad) {
      return null;
    }
    float[] dx = new float[rows * in];
    convolve(par, dy, out, packedFlip, in, dx, first, count);
    return dx;
  }

  static float[] transpose(Parallel par, float[] x, int rows, int cols) {
    float[] t = new float[rows * cols];
    final int blk = 16;
    par.forRange(rows, blk, (lo, hi) -> {
      for (int r0 = lo; r0 < hi; r0 += blk) {
        int r1 = Math.min(hi, r0 + blk);
        for (int c0 = 0; c0 < cols; c0 += blk) {
          int c1 = Math.min(cols, c0 + blk);
          for (int r = r0; r < r1; r++) {
            int o = r * cols;
            for (int c = c0; c < c1; c++) {
              t[c * rows + r] = x[o + c];
            }
          }
        }
      }
    });
    return t;
  }

  static void zeroGaps(PackedBatch b, float[] m, int width) {
    int prevEnd = 0;
    for (int s = 0; s < b.starts.length; s++) {
      Arrays.fill(m, prevEnd * width, b.starts[s] * width, 0f);
      prevEnd = b.starts[s] + b.lengths[s];
    }
    Arrays.fill(m, prevEnd * width, b.rows * width, 0f);
  }
}
