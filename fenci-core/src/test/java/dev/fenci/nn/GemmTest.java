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
  void matchesNaiveProductForAwkwardShapes() {
    SplittableRandom r = new SplittableRandom(7);
    int[][] shapes = {{1, 1, 1}, {5, 3, 4}, {7, 300, 33}, {9, 384, 128}, {13, 96, 4}, {4, 17, 16}};
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
  void vectorAndScalarAreBitIdenticalWhateverTheThreads() {
    bitIdentical(128);
    bitIdentical(4);
    bitIdentical(32);
    bitIdentical(21);
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

  /** Calls before the vectorised kernels are warm run the scalar ones; the switch must happen. */
  @org.junit.jupiter.api.Test
  void theVectorisedKernelsBecomeReadyAfterTheirWarmUp() throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (Gemm.get() != Gemm.best() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    org.assertj.core.api.Assertions.assertThat(Gemm.get()).isSameAs(Gemm.best());
  }
}
