package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {
  private static float[] random(SplittableRandom r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return a;
  }

  @Test
  void runsTheVectorWidthItIsAskedFor() {
    String bits = System.getProperty("fenci.gemm.bits");
    org.junit.jupiter.api.Assumptions.assumeTrue(bits != null, "no width forced (the surefire executions force 128, 256 and 512)");
    assertThat(Gemm.best().name()).isEqualTo("vector-" + bits);
  }

  @Test
  void matchesNaiveProductForAwkwardShapes() {
    SplittableRandom r = new SplittableRandom(7);
    int[][] shapes = {{1, 1, 1}, {5, 3, 4}, {7, 300, 33}, {9, 384, 128}, {13, 96, 4}, {4, 17, 16}, {19, 144, 48}};
    for (int[] s : shapes) {
      int m = s[0], k = s[1], n = s[2];
      float[] a = random(r, m * k);
      float[] b = random(r, k * n);
      float[] c0 = random(r, m * n);
      float[] expected = c0.clone();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double acc = expected[i * n + j];
          for (int q = 0; q < k; q++) {
            acc += (double) a[i * k + q] * b[q * n + j];
          }
          expected[i * n + j] = (float) acc;
        }
      }
      float[] packed = Gemm.pack(b, 0, n, k, n, new float[Gemm.packedSize(k, n)]);
      for (Gemm g : new Gemm[] {Gemm.best(), Gemm.scalar()}) {
        float[] c = c0.clone();
        g.mulAdd(a, 0, k, k, packed, n, c, 0, n, 0, m);
        for (int i = 0; i < c.length; i++) {
          assertThat(c[i]).as("%s %dx%dx%d at %d", g.name(), m, k, n, i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3f));
        }
      }
    }
  }

  @Test
  void tableSumsAreBitIdenticalInBothKernels() {
    SplittableRandom r = new SplittableRandom(3);
    float[] t = new float[1000];
    float[] u = new float[1000];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextGaussian();
      u[i] = (float) r.nextGaussian();
    }
    for (int n : new int[] {1, 7, 8, 9, 16, 31, 32, 33, 128}) {
      for (boolean relu : new boolean[] {false, true}) {
        float[][] y = new float[2][2 * n + 5];
        Gemm[] gs = {Gemm.scalar(), Gemm.best()};
        for (int g = 0; g < 2; g++) {
          gs[g].sum3(u, t, 3, 200, 411, y[g], 0, n, relu);
          gs[g].sum6(t, t, 5, 300, 601, u, 7, 333, 777, y[g], n + 5, n, relu);
        }
        assertThat(y[1]).as("n %d relu %s", n, relu).containsExactly(y[0]);
      }
    }
  }

  @Test
  void tableSumsOverHalvesAreBitIdenticalInBothKernelsAndConvertExactly() {
    SplittableRandom r = new SplittableRandom(4);
    float[] t = new float[1000];
    short[] u = new short[1000];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextGaussian();
      u[i] = Half.fromFloat((float) (r.nextGaussian() * Math.pow(2, r.nextInt(-30, 20))));
    }
    // every kind of half among them: zeros of both signs, subnormals, the largest, infinities, NaN
    short[] special = {0, (short) 0x8000, 1, (short) 0x8001, 0x03FF, 0x0400, 0x7BFF, (short) 0xFBFF, 0x7C00,
        (short) 0xFC00, 0x7E00, 0x3C00};
    System.arraycopy(special, 0, u, 40, special.length);
    for (int n : new int[] {1, 7, 8, 9, 16, 31, 32, 33, 128}) {
      for (boolean relu : new boolean[] {false, true}) {
        for (int at : new int[] {40, 333}) {
          float[][] y = new float[2][n];
          Gemm[] gs = {Gemm.scalar(), Gemm.best()};
          for (int g = 0; g < 2; g++) {
            gs[g].sum6(t, t, 5, 300, 601, u, at, 500, 777, y[g], 0, n, relu);
          }
          assertThat(y[1]).as("n %d relu %s at %d", n, relu, at).containsExactly(y[0]);
        }
      }
    }
    // with zero everywhere else, the sum is the half itself: each converts exactly
    float[] zeros = new float[64];
    for (int h = 0; h < 0x10000; h += 16) {
      short[] sixteen = new short[16];
      for (int j = 0; j < 16; j++) {
        sixteen[j] = (short) (h + j);
      }
      float[] y = new float[16];
      Gemm.best().sum6(zeros, zeros, 0, 0, 0, sixteen, 0, 0, 0, y, 0, 16, false);
      // the three half rows are the same row: compare against the same sum of Half.toFloat's value
      for (int j = 0; j < 16; j++) {
        float f = Half.toFloat(sixteen[j]);
        float expected = 0f + 0f + 0f + 0f + f + f + f;
        assertThat(Float.floatToIntBits(y[j]) == Float.floatToIntBits(expected) || (Float.isNaN(y[j])
            && Float.isNaN(expected))).as("half 0x%04x", h + j).isTrue();
      }
    }
  }

  @Test
  void everyHalfConvertsToTheSameFloatBitsInBothKernels() {
    short[] all = new short[0x10000 + 5];
    for (int i = 0; i < all.length; i++) {
      all[i] = (short) i;
    }
    for (int off : new int[] {0, 3}) {
      for (int n : new int[] {0x10000, 13, 48, 64}) {
        float[] a = new float[n + 2];
        float[] b = new float[n + 2];
        Gemm.scalar().halvesToFloats(all, off, n, a, 1);
        Gemm.best().halvesToFloats(all, off, n, b, 1);
        for (int i = 0; i < n; i++) {
          assertThat(Float.floatToRawIntBits(b[i + 1])).as("half %d", off + i)
              .isEqualTo(Float.floatToRawIntBits(Half.toFloat(all[off + i])))
              .isEqualTo(Float.floatToRawIntBits(a[i + 1]));
        }
        assertThat(a[0]).isZero();
        assertThat(b[n + 1]).isZero();
      }
    }
  }

  @Test
  void everyLevelScalesToTheSameFloatBitsInBothKernels() {
    byte[] all = new byte[256 + 5];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    for (float scale : new float[] {0.0173f, -3.5e-5f, 1f, 0f}) {
      for (int off : new int[] {0, 3}) {
        for (int n : new int[] {256, 13, 48, 64, 7}) {
          float[] a = new float[n + 2];
          float[] b = new float[n + 2];
          Gemm.scalar().levelsToFloats(all, off, n, scale, a, 1);
          Gemm.best().levelsToFloats(all, off, n, scale, b, 1);
          for (int i = 0; i < n; i++) {
            assertThat(Float.floatToRawIntBits(b[i + 1])).as("level %d times %s", all[off + i], scale)
                .isEqualTo(Float.floatToRawIntBits(all[off + i] * scale))
                .isEqualTo(Float.floatToRawIntBits(a[i + 1]));
          }
          assertThat(a[0]).isZero();
          assertThat(b[n + 1]).isZero();
        }
      }
    }
  }

  @Test
  void vectorAndScalarAreBitIdenticalWhateverTheThreads() {
    bitIdentical(128);
    bitIdentical(4);
    bitIdentical(32);
    bitIdentical(21);
    bitIdentical(16);
    bitIdentical(48);
    bitIdentical(40); // two copied-row panels and a narrow one
    bitIdentical(44); // two copied-row panels and a scalar one
    bitIdentical(33);
  }

  private void bitIdentical(int n) {
    SplittableRandom r = new SplittableRandom(11);
    int m = 103, k = 384;
    float[] a = random(r, (m + 2) * 128);
    float[] b = random(r, k * n);
    float[] packed = Gemm.pack(b, 0, n, k, n, new float[Gemm.packedSize(k, n)]);
    float[] c1 = new float[m * n];
    float[] c2 = new float[m * n];
    float[] c3 = new float[m * n];
    Gemm.scalar().mulAdd(a, 0, 128, k, packed, n, c1, 0, n, 0, m);
    Gemm.best().mulAdd(a, 0, 128, k, packed, n, c2, 0, n, 0, m);
    try (Parallel par = new Parallel(3)) {
      Gemm.best().mulAdd(par, a, 0, 128, k, packed, n, c3, 0, n, m);
    }
    assertThat(c2).containsExactly(c1);
    assertThat(c3).containsExactly(c1);
  }

  /**
   * Random shapes (k across blocks of {@code KC}, n not a multiple of the panel, a row range from
   * i0 > 0, offsets and strides wider than the matrices, arrays no larger than the scalar loops read):
   * the kernel of this width gives the scalar kernel's bits, and the scalar kernel the bits of a
   * naive loop adding Math.fma products in k order.
   */
  @Test
  void randomShapesGiveTheBitsOfANaiveLoop() {
    SplittableRandom r = new SplittableRandom(42);
    for (int t = 0; t < 400; t++) {
      int m = r.nextInt(0, 13), k = r.nextBoolean() ? r.nextInt(1, 40) : r.nextInt(200, 600), n = r.nextInt(1, 71);
      int i0 = m == 0 ? 0 : r.nextInt(0, m), lda = k + r.nextInt(0, 5), ldc = n + r.nextInt(0, 5);
      int aOff = r.nextInt(0, 4), cOff = r.nextInt(0, 4);
      float[] a = random(r, aOff + Math.max(0, (m - 1) * lda + k));
      float[] packed = Gemm.pack(random(r, k * n), 0, n, k, n, new float[Gemm.packedSize(k, n)]);
      float[] c0 = random(r, cOff + Math.max(0, (m - 1) * ldc + n));
      float[] naive = c0.clone();
      float[] scalar = c0.clone();
      float[] best = c0.clone();
      for (int i = i0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float v = naive[cOff + i * ldc + j];
          for (int q = 0; q < k; q++) {
            v = Math.fma(a[aOff + i * lda + q], packed[(j / Gemm.NR) * Gemm.NR * k + q * Gemm.NR + j % Gemm.NR], v);
          }
          naive[cOff + i * ldc + j] = v;
        }
      }
      Gemm.scalar().mulAdd(a, aOff, lda, k, packed, n, scalar, cOff, ldc, i0, m);
      Gemm.best().mulAdd(a, aOff, lda, k, packed, n, best, cOff, ldc, i0, m);
      String shape = "m " + m + ", k " + k + ", n " + n + ", rows from " + i0;
      assertThat(scalar).as(shape).containsExactly(naive);
      assertThat(best).as(shape).containsExactly(scalar);
    }
  }

  @Test
  void dropoutKeepsTheMaskedElementsScaledWithTheSameBitsInEveryKernel() {
    SplittableRandom r = new SplittableRandom(5);
    int d = 176; // three mask words, the last partly used
    long[] bits = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    float[] factors = Gemm.dropoutFactors(2f);
    float[] x = random(r, 2 * d);
    for (int[] range : new int[][] {{0, d}, {3, 61}, {16, 128}, {128, 176}, {5, 6}}) {
      for (boolean add : new boolean[] {false, true}) {
        float[] y1 = random(new SplittableRandom(9), 2 * d + 7);
        float[] y2 = y1.clone();
        float[] before = y1.clone();
        Gemm.scalar().dropout(x, d, bits, 3, factors, y1, 7, range[0], range[1], add);
        Gemm.best().dropout(x, d, bits, 3, factors, y2, 7, range[0], range[1], add);
        assertThat(y2).containsExactly(y1);
        for (int j = 0; j < 2 * d; j++) {
          boolean in = j >= range[0] && j < range[1];
          boolean kept = in && ((bits[3 + (j >>> 6)] >>> (j & 63)) & 1L) != 0;
          float v = !in ? 0f : kept ? x[d + j] * 2f : x[d + j] * 0f;
          float expected = !in ? before[7 + j] : add ? before[7 + j] + v : v;
          assertThat(y1[7 + j]).as("element %d of %s", j, java.util.Arrays.toString(range)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void offsetsStridesAndARowRangeNotAMultipleOfFourGiveTheSameBits() {
    SplittableRandom r = new SplittableRandom(13);
    int m = 61, k = 300, n = 40, lda = 128, ldc = n + 7, aOff = 5, cOff = 3, i0 = 2;
    float[] a = random(r, aOff + (m + 3) * lda + k);
    float[] packed = Gemm.pack(random(r, k * n), 0, n, k, n, new float[Gemm.packedSize(k, n)]);
    float[] c0 = random(r, cOff + m * ldc);
    float[] c1 = c0.clone();
    float[] c2 = c0.clone();
    Gemm.scalar().mulAdd(a, aOff, lda, k, packed, n, c1, cOff, ldc, i0, m);
    Gemm.best().mulAdd(a, aOff, lda, k, packed, n, c2, cOff, ldc, i0, m);
    assertThat(c2).containsExactly(c1);
    // rows before i0 and the gaps between rows of C are untouched
    for (int i = 0; i < c0.length; i++) {
      int row = (i - cOff) / ldc;
      int col = (i - cOff) % ldc;
      if (i < cOff || row < i0 || col >= n) {
        assertThat(c2[i]).as("element %d", i).isEqualTo(c0[i]);
      }
    }
  }

  /**
   * Calls before the vectorised kernels are warm run the scalar ones; the switch must happen. The wait ends as soon as
   * it does; its limit is for an emulated processor on a busy machine (under qemu, with other work on both cores, the
   * warm-up once took more than 120 s).
   */
  @org.junit.jupiter.api.Test
  void theVectorisedKernelsBecomeReadyAfterTheirWarmUp() throws InterruptedException {
    long deadline = System.nanoTime() + 480_000_000_000L;
    while (Gemm.get() != Gemm.best() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    org.assertj.core.api.Assertions.assertThat(Gemm.get()).isSameAs(Gemm.best());
  }
}
