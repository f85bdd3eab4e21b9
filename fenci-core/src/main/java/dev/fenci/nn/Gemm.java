package dev.fenci.nn;

/**
 * The one matrix kernel every layer is written against: {@code C += A * B} on row-major float
 * arrays, with B packed once into panels of {@link #NR} columns.
 *
 * <p>A is addressed as {@code a[aOff + i * lda + q]}: rows may overlap ({@code lda < k}), which is
 * how a 1-D convolution over packed sequences becomes one product without an im2col copy (row i
 * of A is the window of consecutive input rows around position i).
 *
 * <p>Two implementations compute bit-identical results: {@code VectorGemm} (the incubating Vector
 * API, used when the JVM runs with {@code --add-modules jdk.incubator.vector}) and
 * {@link ScalarGemm} (plain loops, the automatic fallback). Every output element is accumulated
 * in the same order in both and whatever rows a thread is given, so results do not depend on the
 * implementation or the number of threads.
 */
public abstract class Gemm {
  /** Width of a packed panel of B. */
  public static final int NR = 16;
  /** Depth of a block of the shared dimension kept hot in L1 while rows stream past. */
  static final int KC = 256;

  private static final Gemm BEST = select();
  /** What {@link #get()} returns: the scalar kernels until the vectorised ones are warm. */
  private static volatile Gemm ready = BEST == ScalarGemm.INSTANCE ? BEST : warmInBackground(BEST);

  /**
   * The fastest implementation that is ready. The Vector API's code is very slow until the JIT has
   * compiled it (a first call of the default model took about 200 ms in a fresh JVM, against 30 ms
   * with plain loops), so the vectorised kernels are warmed up on a background thread when this
   * class is first used, and calls until then run the scalar kernels, which compute the same bits.
   */
  public static Gemm get() {
    return ready;
  }

  /** The fastest implementation this JVM supports, warm or not (benchmarks, tests, reports). */
  public static Gemm best() {
    return BEST;
  }

  private static Gemm warmInBackground(Gemm g) {
    Runnable warm = () -> {
      try {
        warmUp(g);
      } finally {
        ready = g;
      }
    };
    // a sandbox that refuses threads (a search engine's plugin): the vector kernels, cold, still right
    return Background.start(warm, "fenci-gemm-warmup", true) ? ScalarGemm.INSTANCE : g;
  }

  private static final short[] WARM_HALVES = new short[64];
  private static final byte[] WARM_LEVELS = new byte[64];

  /** Runs every kernel on small problems of the shipped models' shapes until the JIT compiles them. */
  static void warmUp(Gemm g) {
    int rows = 25; // not a multiple of 4: the one-row tile runs too
    int[][] shapes = {{3 * 48, 128}, {3 * 128, 48}, {3 * 48, 32}, {3 * 32, 4}, {3 * 128, 32}};
    float[][] packed = new float[shapes.length][];
    float[] a = new float[(rows + 3) * 128];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 7) * 0.25f - 0.75f;
    }
    for (int s = 0; s < shapes.length; s++) {
      float[] b = new float[shapes[s][0] * shapes[s][1]];
      for (int i = 0; i < b.length; i++) {
        b[i] = (i % 5) * 0.125f - 0.25f;
      }
      packed[s] = pack(b, 0, shapes[s][1], shapes[s][0], shapes[s][1], new float[packedSize(shapes[s][0], shapes[s][1])]);
    }
    float[] c = new float[rows * 128];
    float[] t = new float[7 * 128];
    for (int it = 0; it < 3000; it++) {
      for (int s = 0; s < shapes.length; s++) {
        int k = shapes[s][0];
        int n = shapes[s][1];
        g.mulAdd(a, 0, k / 3, k, packed[s], n, c, 0, n, 0, rows);
      }
      g.relu(c, 0, c.length);
      g.halvesToFloats(WARM_HALVES, it & 7, 48, t, 0);
      g.levelsToFloats(WARM_LEVELS, it & 7, 48, 0.5f, t, 0);
      g.sum3(t, t, 128, 256, 384, c, 0, 128, (it & 1) == 0);
      g.sum6(t, t, 128, 256, 384, t, 512, 640, 768, c, 0, 128, (it & 1) == 0);
      g.reluBackward(c, t, t.length);
    }
  }

  /** The portable implementation (also used to test the vectorised one). */
  public static Gemm scalar() {
    return ScalarGemm.INSTANCE;
  }

  private static Gemm select() {
    if (Boolean.getBoolean("fenci.scalar")) {
      return ScalarGemm.INSTANCE;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      tellScalar("the JVM runs without jdk.incubator.vector; start it with --add-modules jdk.incubator.vector");
      return ScalarGemm.INSTANCE;
    }
    try {
      return (Gemm) Class.forName("dev.fenci.nn.VectorGemm").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      tellScalar("the Vector API did not load (" + e + ")");
      return ScalarGemm.INSTANCE;
    }
  }

  /**
   * Says once, as Lucene does for its own vector code, that the kernels run as plain loops, about
   * a fifth of the speed: a library user (a service, a Spark executor) would otherwise not know.
   * Not said when {@code -Dfenci.scalar=true} asks for them.
   */
  private static void tellScalar(String why) {
    System.getLogger("dev.fenci").log(System.Logger.Level.WARNING, "fenci segments several times slower than it"
        + " can: its matrix kernels run as plain loops, because " + why);
  }

  /** A short name for reports ("vector-256", "scalar"). */
  public abstract String name();

  /** Size of the packed form of a {@code k x n} matrix. */
  public static int packedSize(int k, int n) {
    return k * panels(n) * NR;
  }

  static int panels(int n) {
    return (n + NR - 1) / NR;
  }

  /**
   * Packs the {@code k x n} matrix at {@code b[bOff + q * ldb + j]} into {@code dst} (of at least
   * {@link #packedSize} floats): panel p holds columns {@code 16p..16p+15}, row after row; columns
   * past n are zero.
   */
  public static float[] pack(float[] b, int bOff, int ldb, int k, int n, float[] dst) {
    int panels = panels(n);
    for (int p = 0; p < panels; p++) {
      int base = p * NR * k;
      int j0 = p * NR;
      int w = Math.min(NR, n - j0);
      for (int q = 0; q < k; q++) {
        int d = base + q * NR;
        System.arraycopy(b, bOff + q * ldb + j0, dst, d, w);
        for (int j = w; j < NR; j++) {
          dst[d + j] = 0f;
        }
      }
    }
    return dst;
  }

  /**
   * {@code C[cOff + i*ldc + j] += sum_q A[aOff + i*lda + q] * B[q][j]} for rows {@code i0 <= i < i1},
   * {@code 0 <= q < k}, {@code 0 <= j < n}; B given packed by {@link #pack}.
   */
  public abstract void mulAdd(float[] a, int aOff, int lda, int k, float[] packedB, int n,
      float[] c, int cOff, int ldc, int i0, int i1);

  /** {@code dst[dOff + i] = Half.toFloat(src[off + i])} for {@code 0 <= i < n}. */
  public void halvesToFloats(short[] src, int off, int n, float[] dst, int dOff) {
    for (int i = 0; i < n; i++) {
      dst[dOff + i] = Half.toFloat(src[off + i]);
    }
  }

  /** {@code dst[dOff + i] = src[off + i] * scale} for {@code 0 <= i < n}: 8-bit levels of one row as floats. */
  public void levelsToFloats(byte[] src, int off, int n, float scale, float[] dst, int dOff) {
    for (int i = 0; i < n; i++) {
      dst[dOff + i] = src[off + i] * scale;
    }
  }

  /** ReLU's backward pass: {@code dy[i] = 0} where {@code y[i] <= 0}, for {@code 0 <= i < n}. */
  public void reluBackward(float[] y, float[] dy, int n) {
    for (int i = 0; i < n; i++) {
      if (y[i] <= 0f) {
        dy[i] = 0f;
      }
    }
  }

  /**
   * Dropout over one row: {@code y[yo + j] = x[xo + j] * f(j)} (or {@code +=} when {@code add}) for
   * {@code from <= j < to}, where {@code f(j) = factors[8 * g + j % 8]} and {@code g} is the byte of
   * the row's mask {@code bits[k..]} that holds bit {@code j}. {@code factors} must be a table of
   * {@link #dropoutFactors}: the vector kernels of some widths read only its scale and use 0 for a
   * dropped element.
   */
  public void dropout(float[] x, int xo, long[] bits, int k, float[] factors, float[] y, int yo, int from, int to,
      boolean add) {
    dropoutScalar(x, xo, bits, k, factors, y, yo, from, to, add);
  }

  static void dropoutScalar(float[] x, int xo, long[] bits, int k, float[] factors, float[] y, int yo, int from,
      int to, boolean add) {
    for (int j = from; j < to; j++) {
      int g = (int) (bits[k + (j >>> 6)] >>> (j & 56)) & 0xFF;
      float v = x[xo + j] * factors[g * 8 + (j & 7)];
      y[yo + j] = add ? y[yo + j] + v : v;
    }
  }

  /** For {@link #dropout}: entry {@code 8 * g + t} is {@code scale} when bit t of g is set, else 0. */
  public static float[] dropoutFactors(float scale) {
    float[] f = new float[256 * 8];
    for (int g = 0; g < 256; g++) {
      for (int t = 0; t < 8; t++) {
        f[g * 8 + t] = ((g >>> t) & 1) != 0 ? scale : 0f;
      }
    }
    return f;
  }

  /** {@code y[i] = max(0, y[i])} for {@code from <= i < to}. */
  public void relu(float[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = Math.max(0f, y[i]);
    }
  }

  /**
   * {@code y[o + j] = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j]} for {@code 0 <= j < n}, added in
   * that order, then max(0, .) when {@code relu}: the first convolution read from its table.
   */
  public void sum3(float[] b, float[] t, int s0, int s1, int s2, float[] y, int o, int n, boolean relu) {
    for (int j = 0; j < n; j++) {
      float v = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j];
      y[o + j] = relu ? Math.max(0f, v) : v;
    }
  }

  /**
   * {@link #sum3} of three rows of {@code t} and then three of {@code u}, added in that order
   * ({@code b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j] + u[u0 + j] + u[u1 + j] + u[u2 + j]}).
   */
  public void sum6(float[] b, float[] t, int s0, int s1, int s2, float[] u, int u0, int u1, int u2, float[] y,
      int o, int n, boolean relu) {
    for (int j = 0; j < n; j++) {
      float v = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j] + u[u0 + j] + u[u1 + j] + u[u2 + j];
      y[o + j] = relu ? Math.max(0f, v) : v;
    }
  }

  /**
   * {@link #sum6} with the second three rows read from a table of 16-bit floats ({@link Half}):
   * {@code b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j] + h(u[u0 + j]) + h(u[u1 + j]) + h(u[u2 + j])},
   * added in that order, each half converted exactly to a float.
   */
  public void sum6(float[] b, float[] t, int s0, int s1, int s2, short[] u, int u0, int u1, int u2, float[] y,
      int o, int n, boolean relu) {
    sum6Halves(b, t, s0, s1, s2, u, u0, u1, u2, y, o, 0, n, relu);
  }

  /** The scalar {@link #sum6} over halves for the elements {@code from <= j < n} (a vector kernel's tail). */
  static void sum6Halves(float[] b, float[] t, int s0, int s1, int s2, short[] u, int u0, int u1, int u2,
      float[] y, int o, int from, int n, boolean relu) {
    for (int j = from; j < n; j++) {
      float v = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j] + Half.toFloat(u[u0 + j]) + Half.toFloat(u[u1 + j])
          + Half.toFloat(u[u2 + j]);
      y[o + j] = relu ? Math.max(0f, v) : v;
    }
  }

  /** Multiplies in parallel, splitting the rows of C among the threads of {@code par}. */
  public final void mulAdd(Parallel par, float[] a, int aOff, int lda, int k, float[] packedB, int n,
      float[] c, int cOff, int ldc, int rows) {
    long work = (long) rows * k * n;
    if (par.threads() == 1 || work < 200_000) {
      mulAdd(a, aOff, lda, k, packedB, n, c, cOff, ldc, 0, rows);
      return;
    }
    par.forRange(rows, 4, (lo, hi) -> mulAdd(a, aOff, lda, k, packedB, n, c, cOff, ldc, lo, hi));
  }

  /** Column panel remainder and row remainder: the reference loop, same summation order. */
  static void mulAddScalarPanel(float[] a, int aOff, int lda, int k0, int k1, float[] packedB, int k,
      int p, int n, float[] c, int cOff, int ldc, int i0, int i1) {
    int j0 = p * NR;
    int w = Math.min(NR, n - j0);
    int base = p * NR * k;
    for (int i = i0; i < i1; i++) {
      int ar = aOff + i * lda;
      int cr = cOff + i * ldc + j0;
      for (int j = 0; j < w; j++) {
        float s = c[cr + j];
        for (int q = k0; q < k1; q++) {
          s = Math.fma(a[ar + q], packedB[base + q * NR + j], s);
        }
        c[cr + j] = s;
      }
    }
  }
}
