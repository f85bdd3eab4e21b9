package dev.fenci.nn;

/** Plain-Java {@link Gemm}: the fallback when the Vector API is not enabled. */
final class ScalarGemm extends Gemm {
  static final ScalarGemm INSTANCE = new ScalarGemm();

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void mulAdd(float[] a, int aOff, int lda, int k, float[] packedB, int n, float[] c,
      int cOff, int ldc, int i0, int i1) {
    int panels = panels(n);
    float[] acc = new float[NR];
    for (int k0 = 0; k0 < k; k0 += KC) {
      int k1 = Math.min(k, k0 + KC);
      for (int p = 0; p < panels; p++) {
        if (n - p * NR < NR) {
          mulAddScalarPanel(a, aOff, lda, k0, k1, packedB, k, p, n, c, cOff, ldc, i0, i1);
          continue;
        }
        int base = p * NR * k;
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
          for (int j = 0; j < NR; j += 4) {
            tile4x4(a, aOff + i * lda, lda, k0, k1, packedB, base + j, c, cOff + i * ldc + p * NR + j, ldc);
          }
        }
        for (; i < i1; i++) {
          int ar = aOff + i * lda;
          int cr = cOff + i * ldc + p * NR;
          System.arraycopy(c, cr, acc, 0, NR);
          for (int q = k0; q < k1; q++) {
            float x = a[ar + q];
            int bo = base + q * NR;
            for (int j = 0; j < NR; j++) {
              acc[j] = Math.fma(x, packedB[bo + j], acc[j]);
            }
          }
          System.arraycopy(acc, 0, c, cr, NR);
        }
      }
    }
  }

  /**
   * Four rows of A times four columns of a panel (from {@code b[bo + q * NR]}), added to C: sixteen
   * accumulators in locals, which the JIT keeps in registers (the row loop above goes through an
   * array, a store and a load per product); each output adds its products in the same order.
   */
  private static void tile4x4(float[] a, int ar, int lda, int k0, int k1, float[] b, int bo, float[] c, int cr,
      int ldc) {
    int a0 = ar, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
    int c0 = cr, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    float s00 = c[c0], s01 = c[c0 + 1], s02 = c[c0 + 2], s03 = c[c0 + 3];
    float s10 = c[c1], s11 = c[c1 + 1], s12 = c[c1 + 2], s13 = c[c1 + 3];
    float s20 = c[c2], s21 = c[c2 + 1], s22 = c[c2 + 2], s23 = c[c2 + 3];
    float s30 = c[c3], s31 = c[c3 + 1], s32 = c[c3 + 2], s33 = c[c3 + 3];
    for (int q = k0; q < k1; q++) {
      int o = bo + q * NR;
      float b0 = b[o], b1 = b[o + 1], b2 = b[o + 2], b3 = b[o + 3];
      float x = a[a0 + q];
      s00 = Math.fma(x, b0, s00);
      s01 = Math.fma(x, b1, s01);
      s02 = Math.fma(x, b2, s02);
      s03 = Math.fma(x, b3, s03);
      x = a[a1 + q];
      s10 = Math.fma(x, b0, s10);
      s11 = Math.fma(x, b1, s11);
      s12 = Math.fma(x, b2, s12);
      s13 = Math.fma(x, b3, s13);
      x = a[a2 + q];
      s20 = Math.fma(x, b0, s20);
      s21 = Math.fma(x, b1, s21);
      s22 = Math.fma(x, b2, s22);
      s23 = Math.fma(x, b3, s23);
      x = a[a3 + q];
      s30 = Math.fma(x, b0, s30);
      s31 = Math.fma(x, b1, s31);
      s32 = Math.fma(x, b2, s32);
      s33 = Math.fma(x, b3, s33);
    }
    c[c0] = s00;
    c[c0 + 1] = s01;
    c[c0 + 2] = s02;
    c[c0 + 3] = s03;
    c[c1] = s10;
    c[c1 + 1] = s11;
    c[c1 + 2] = s12;
    c[c1 + 3] = s13;
    c[c2] = s20;
    c[c2 + 1] = s21;
    c[c2 + 2] = s22;
    c[c2 + 3] = s23;
    c[c3] = s30;
    c[c3 + 1] = s31;
    c[c3 + 2] = s32;
    c[c3 + 3] = s33;
  }
}
