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
        for (int i = i0; i < i1; i++) {
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
}
