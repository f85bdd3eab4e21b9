package dev.fenci.nn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} on the incubating Vector API: a 4-row by 16-column register tile of fused
 * multiply-adds, two 256-bit vectors per row; where the hardware has 512-bit vectors (AVX-512),
 * an 8-row tile of one 512-bit vector per row, twice the floats per instruction; with 128-bit
 * vectors (ARM's NEON), a 4-row tile of four vectors per row. Every output adds the same products in the same
 * order whatever the width, so the bits do not change. Loaded reflectively by {@link Gemm#best()}
 * only when the module is present.
 *
 * <p>One width serves every kernel: under Java 17 the second vector shape a JVM runs is not
 * compiled to vector instructions once the first one has been (the shared code of the Vector API
 * is compiled for the first), and runs about 20 times slower. The system property
 * {@code fenci.gemm.bits} (512, 256 or 128) overrides the choice, for tests and comparisons.
 */
final class VectorGemm extends Gemm {
  private static final VectorSpecies<Float> S = pickSpecies();
  private static final int L = S.length();

  private static VectorSpecies<Float> pickSpecies() {
    String forced = System.getProperty("fenci.gemm.bits", "");
    switch (forced) {
      case "512":
        return FloatVector.SPECIES_512;
      case "256":
        return FloatVector.SPECIES_256;
      case "128":
        return FloatVector.SPECIES_128;
      default:
        int preferred = FloatVector.SPECIES_PREFERRED.length();
        return preferred >= 16 ? FloatVector.SPECIES_512
            : preferred >= 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    }
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public void reluBackward(float[] y, float[] dy, int n) {
    FloatVector zero = FloatVector.zero(S);
    int i = 0;
    for (int e = S.loopBound(n); i < e; i += L) {
      VectorMask<Float> off = FloatVector.fromArray(S, y, i).compare(jdk.incubator.vector.VectorOperators.LE, 0f);
      FloatVector.fromArray(S, dy, i).blend(zero, off).intoArray(dy, i);
    }
    for (; i < n; i++) {
      if (y[i] <= 0f) {
        dy[i] = 0f;
      }
    }
  }

  @Override
  public void dropout(float[] x, int xo, long[] bits, int k, float[] factors, float[] y, int yo, int from, int to,
      boolean add) {
    if (L != 8) {
      dropoutByMask(x, xo, bits, k, factors, y, yo, from, to, add);
      return;
    }
    int j = Math.min(to, (from + 7) & ~7);
    dropoutScalar(x, xo, bits, k, factors, y, yo, from, j, add);
    for (; j + 8 <= to; j += 8) {
      int g = (int) (bits[k + (j >>> 6)] >>> (j & 56)) & 0xFF;
      FloatVector v = FloatVector.fromArray(S, x, xo + j).mul(FloatVector.fromArray(S, factors, g * 8));
      if (add) {
        v = FloatVector.fromArray(S, y, yo + j).add(v);
      }
      v.intoArray(y, yo + j);
    }
    dropoutScalar(x, xo, bits, k, factors, y, yo, j, to, add);
  }

  /**
   * {@link #dropout} with 128- or 512-bit vectors, whose 4 or 16 lanes do not match the table's
   * groups of 8: each group of {@code L} mask bits becomes a vector mask, and the factor is the
   * table's scale (its all-kept row) or 0 lane by lane, so each product is the table's, bit for bit.
   */
  private static void dropoutByMask(float[] x, int xo, long[] bits, int k, float[] factors, float[] y, int yo,
      int from, int to, boolean add) {
    int j = Math.min(to, (from + L - 1) & -L);
    dropoutScalar(x, xo, bits, k, factors, y, yo, from, j, add);
    FloatVector scale = FloatVector.broadcast(S, factors[255 * 8]);
    FloatVector zero = FloatVector.zero(S);
    int group = (1 << L) - 1;
    for (; j + L <= to; j += L) {
      int g = (int) (bits[k + (j >>> 6)] >>> (j & 63)) & group;
      VectorMask<Float> kept = IntVector.broadcast(INTS, g).and(LANE_BITS).compare(VectorOperators.NE, 0).cast(S);
      FloatVector v = FloatVector.fromArray(S, x, xo + j).mul(zero.blend(scale, kept));
      if (add) {
        v = FloatVector.fromArray(S, y, yo + j).add(v);
      }
      v.intoArray(y, yo + j);
    }
    dropoutScalar(x, xo, bits, k, factors, y, yo, j, to, add);
  }

  @Override
  public void relu(float[] y, int from, int to) {
    FloatVector zero = FloatVector.zero(S);
    int i = from;
    for (int e = from + S.loopBound(to - from); i < e; i += L) {
      FloatVector.fromArray(S, y, i).max(zero).intoArray(y, i);
    }
    for (; i < to; i++) {
      y[i] = Math.max(0f, y[i]);
    }
  }

  @Override
  public void sum3(float[] b, float[] t, int s0, int s1, int s2, float[] y, int o, int n, boolean relu) {
    int j = 0;
    FloatVector zero = FloatVector.zero(S);
    for (int e = S.loopBound(n); j < e; j += L) {
      FloatVector v = FloatVector.fromArray(S, b, j).add(FloatVector.fromArray(S, t, s0 + j))
          .add(FloatVector.fromArray(S, t, s1 + j)).add(FloatVector.fromArray(S, t, s2 + j));
      if (relu) {
        v = v.max(zero);
      }
      v.intoArray(y, o + j);
    }
    for (; j < n; j++) {
      float v = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j];
      y[o + j] = relu ? Math.max(0f, v) : v;
    }
  }

  @Override
  public void sum6(float[] b, float[] t, int s0, int s1, int s2, float[] u, int u0, int u1, int u2, float[] y,
      int o, int n, boolean relu) {
    int j = 0;
    FloatVector zero = FloatVector.zero(S);
    for (int e = S.loopBound(n); j < e; j += L) {
      FloatVector v = FloatVector.fromArray(S, b, j).add(FloatVector.fromArray(S, t, s0 + j))
          .add(FloatVector.fromArray(S, t, s1 + j)).add(FloatVector.fromArray(S, t, s2 + j))
          .add(FloatVector.fromArray(S, u, u0 + j)).add(FloatVector.fromArray(S, u, u1 + j))
          .add(FloatVector.fromArray(S, u, u2 + j));
      if (relu) {
        v = v.max(zero);
      }
      v.intoArray(y, o + j);
    }
    for (; j < n; j++) {
      float v = b[j] + t[s0 + j] + t[s1 + j] + t[s2 + j] + u[u0 + j] + u[u1 + j] + u[u2 + j];
      y[o + j] = relu ? Math.max(0f, v) : v;
    }
  }

  @Override
  public void sum6(float[] b, float[] t, int s0, int s1, int s2, short[] u, int u0, int u1, int u2, float[] y,
      int o, int n, boolean relu) {
    int j = 0;
    FloatVector zero = FloatVector.zero(S);
    for (int e = S.loopBound(n); j < e; j += L) {
      FloatVector v = FloatVector.fromArray(S, b, j).add(FloatVector.fromArray(S, t, s0 + j))
          .add(FloatVector.fromArray(S, t, s1 + j)).add(FloatVector.fromArray(S, t, s2 + j))
          .add(halves(u, u0 + j)).add(halves(u, u1 + j)).add(halves(u, u2 + j));
      if (relu) {
        v = v.max(zero);
      }
      v.intoArray(y, o + j);
    }
    sum6Halves(b, t, s0, s1, s2, u, u0, u1, u2, y, o, j, n, relu);
  }

  /** A float vector's worth of halves, and of ints. */
  private static final VectorSpecies<Short> HALVES =
      L == 16 ? ShortVector.SPECIES_256 : L == 8 ? ShortVector.SPECIES_128 : ShortVector.SPECIES_64;
  private static final VectorSpecies<Integer> INTS =
      L == 16 ? IntVector.SPECIES_512 : L == 8 ? IntVector.SPECIES_256 : IntVector.SPECIES_128;
  /** Lane i's bit, {@code 1 << i} (declared after {@code INTS}, which it needs). */
  private static final IntVector LANE_BITS = IntVector.fromArray(INTS, laneBits(), 0);

  private static int[] laneBits() {
    int[] b = new int[L];
    for (int i = 0; i < L; i++) {
      b[i] = 1 << i;
    }
    return b;
  }

  private static final FloatVector TWO_TO_112 = FloatVector.broadcast(S, 0x1p112f);

  /**
   * {@code L} (4, 8 or 16) halves from {@code u[off]} as floats, exactly as {@link Half#toFloat}: the exponent and
   * mantissa bits shifted into a float's place and scaled by 2^112 (exact for normal and subnormal
   * halves), infinities and NaNs rebuilt bit by bit, the sign put back.
   */
  private static FloatVector halves(short[] u, int off) {
    IntVector h = (IntVector) ShortVector.fromArray(HALVES, u, off)
        .convertShape(VectorOperators.S2I, INTS, 0);
    IntVector sign = h.lanewise(VectorOperators.AND, 0x8000).lanewise(VectorOperators.LSHL, 16);
    IntVector magnitude = h.lanewise(VectorOperators.AND, 0x7FFF).lanewise(VectorOperators.LSHL, 13);
    IntVector finite = magnitude.reinterpretAsFloats().mul(TWO_TO_112).reinterpretAsInts();
    VectorMask<Integer> special = h.lanewise(VectorOperators.AND, 0x7C00).compare(VectorOperators.EQ, 0x7C00);
    IntVector bits = finite.blend(magnitude.lanewise(VectorOperators.OR, 0x7F800000), special);
    return bits.lanewise(VectorOperators.OR, sign).reinterpretAsFloats();
  }

  @Override
  public void halvesToFloats(short[] src, int off, int n, float[] dst, int dOff) {
    int i = 0;
    for (; i + L <= n; i += L) {
      halves(src, off + i).intoArray(dst, dOff + i);
    }
    for (; i < n; i++) {
      dst[dOff + i] = Half.toFloat(src[off + i]);
    }
  }

  /** Bytes as wide as the float vectors are long (with 256 or 512 bits; with 128, the narrowest, two vectors' worth). */
  private static final VectorSpecies<Byte> BYTES = L == 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;

  @Override
  public void levelsToFloats(byte[] src, int off, int n, float scale, float[] dst, int dOff) {
    int i = 0;
    if (L >= 8) {
      for (; i + L <= n; i += L) {
        ((FloatVector) ByteVector.fromArray(BYTES, src, off + i).convertShape(VectorOperators.B2F, S, 0))
            .mul(scale).intoArray(dst, dOff + i);
      }
    } else {
      for (; i + 2 * L <= n; i += 2 * L) {
        ByteVector v = ByteVector.fromArray(BYTES, src, off + i);
        ((FloatVector) v.convertShape(VectorOperators.B2F, S, 0)).mul(scale).intoArray(dst, dOff + i);
        ((FloatVector) v.convertShape(VectorOperators.B2F, S, 1)).mul(scale).intoArray(dst, dOff + i + L);
      }
    }
    for (; i < n; i++) {
      dst[dOff + i] = src[off + i] * scale;
    }
  }

  @Override
  public void mulAdd(float[] a, int aOff, int lda, int k, float[] packedB, int n, float[] c,
      int cOff, int ldc, int i0, int i1) {
    int panels = panels(n);
    // panels run by the 4 x 16 tile (8 x 16 with 512-bit vectors) over copied rows of A (with one
    // panel the copy costs more than it saves, and the tile reads A in place)
    int full = n >= 2 * NR ? n / NR : 0;
    int tileRows = L == 16 ? 8 : 4;
    float[] rows = full > 0 ? new float[tileRows * KC] : null;
    for (int k0 = 0; k0 < k; k0 += KC) {
      int k1 = Math.min(k, k0 + KC);
      int kc = k1 - k0;
      int i = i0;
      // the tile's rows of A copied side by side (KC apart): the tile then addresses them all
      // from one index, which leaves the JIT enough registers for a loop without spills; the copy
      // is shared by every panel
      for (; full > 0 && i + tileRows <= i1; i += tileRows) {
        int ar = aOff + i * lda + k0;
        for (int r = 0; r < tileRows; r++) {
          System.arraycopy(a, ar + r * lda, rows, r * KC, kc);
        }
        int p = 0;
        for (; L == 16 && p + 2 <= full; p += 2) {
          tile8x32(rows, kc, packedB, p * NR * k + k0 * NR, NR * k, c, cOff + i * ldc + p * NR, ldc);
        }
        for (; p < full; p++) {
          int bo = p * NR * k + k0 * NR;
          int cr = cOff + i * ldc + p * NR;
          if (L == 16) {
            tile8x16(rows, kc, packedB, bo, c, cr, ldc);
          } else if (L == 8) {
            tile4x16(rows, kc, packedB, bo, c, cr, ldc);
          } else {
            tile4x16Narrow(rows, 0, KC, kc, packedB, bo, c, cr, ldc);
          }
        }
      }
      for (int p = 0; p < panels; p++) {
        int base = p * NR * k;
        int w = n - p * NR;
        if (w < NR) {
          if (w > L) {
            mulAddScalarPanel(a, aOff, lda, k0, k1, packedB, k, p, n, c, cOff, ldc, i0, i1);
          } else {
            narrowPanel(a, aOff, lda, k0, k1, packedB, base, w, c, cOff + p * NR, ldc, i0, i1);
          }
          continue;
        }
        // the rows the copied-row tiles left (all of them in a product of one panel): four at a
        // time reading A in place, then one by one
        int r = i;
        for (; r + 4 <= i1; r += 4) {
          int cr = cOff + r * ldc + p * NR;
          if (L == 8) {
            tile4x16Direct(a, aOff + r * lda, lda, k0, k1, packedB, base, c, cr, ldc);
          } else if (L == 16) {
            tile4x16Wide(a, aOff + r * lda, lda, k0, k1, packedB, base, c, cr, ldc);
          } else {
            // A's rows in place: row r's k-th value at aOff + r * lda + k0 + k
            tile4x16Narrow(a, aOff + r * lda + k0, lda, k1 - k0, packedB, base + k0 * NR, c, cr, ldc);
          }
        }
        for (; r < i1; r++) {
          int cr = cOff + r * ldc + p * NR;
          if (L == 8) {
            tile1x16(a, aOff + r * lda, k0, k1, packedB, base, c, cr);
          } else if (L == 16) {
            tile1xN(a, aOff + r * lda, k0, k1, packedB, base, c, cr);
          } else {
            tile1x16Narrow(a, aOff + r * lda, k0, k1, packedB, base, c, cr);
          }
        }
      }
    }
  }

  /** A panel of at most one vector of valid columns (a layer with few outputs): one vector per row. */
  private static void narrowPanel(float[] a, int aOff, int lda, int k0, int k1, float[] b, int base, int w,
      float[] c, int cOff, int ldc, int i0, int i1) {
    // C's rows are narrower than a vector: they go through a zero-padded buffer (masked loads and
    // stores would be simpler, but on AVX2 the JIT does not compile them to vector instructions,
    // and the panel then runs about ten times slower). Lanes from w on are never copied back
    // into C (the panel's padding columns of B are zero, so they hold zeros, or NaN after an
    // infinite input).
    float[] buf = new float[4 * L];
    int i = i0;
    for (; i + 4 <= i1; i += 4) {
      int a0 = aOff + i * lda;
      int a1 = a0 + lda;
      int a2 = a1 + lda;
      int a3 = a2 + lda;
      int c0 = cOff + i * ldc;
      int c1 = c0 + ldc;
      int c2 = c1 + ldc;
      int c3 = c2 + ldc;
      System.arraycopy(c, c0, buf, 0, w);
      System.arraycopy(c, c1, buf, L, w);
      System.arraycopy(c, c2, buf, 2 * L, w);
      System.arraycopy(c, c3, buf, 3 * L, w);
      FloatVector s0 = FloatVector.fromArray(S, buf, 0);
      FloatVector s1 = FloatVector.fromArray(S, buf, L);
      FloatVector s2 = FloatVector.fromArray(S, buf, 2 * L);
      FloatVector s3 = FloatVector.fromArray(S, buf, 3 * L);
      for (int q = k0; q < k1; q++) {
        FloatVector v = FloatVector.fromArray(S, b, base + q * NR);
        s0 = FloatVector.broadcast(S, a[a0 + q]).fma(v, s0);
        s1 = FloatVector.broadcast(S, a[a1 + q]).fma(v, s1);
        s2 = FloatVector.broadcast(S, a[a2 + q]).fma(v, s2);
        s3 = FloatVector.broadcast(S, a[a3 + q]).fma(v, s3);
      }
      s0.intoArray(buf, 0);
      s1.intoArray(buf, L);
      s2.intoArray(buf, 2 * L);
      s3.intoArray(buf, 3 * L);
      System.arraycopy(buf, 0, c, c0, w);
      System.arraycopy(buf, L, c, c1, w);
      System.arraycopy(buf, 2 * L, c, c2, w);
      System.arraycopy(buf, 3 * L, c, c3, w);
    }
    for (; i < i1; i++) {
      int ar = aOff + i * lda;
      int cr = cOff + i * ldc;
      java.util.Arrays.fill(buf, 0, L, 0f);
      System.arraycopy(c, cr, buf, 0, w);
      FloatVector s0 = FloatVector.fromArray(S, buf, 0);
      for (int q = k0; q < k1; q++) {
        s0 = FloatVector.broadcast(S, a[ar + q]).fma(FloatVector.fromArray(S, b, base + q * NR), s0);
      }
      s0.intoArray(buf, 0);
      System.arraycopy(buf, 0, c, cr, w);
    }
  }

  /** C's 4 x 16 tile at {@code cr} plus rows {@code x[0..kc)}, {@code x[KC..)}, ... times B's panel rows from {@code bo}. */
  private static void tile4x16(float[] x, int kc, float[] b, int bo, float[] c, int cr, int ldc) {
    int c0 = cr, c1 = cr + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    FloatVector s0 = FloatVector.fromArray(S, c, c0), t0 = FloatVector.fromArray(S, c, c0 + 8);
    FloatVector s1 = FloatVector.fromArray(S, c, c1), t1 = FloatVector.fromArray(S, c, c1 + 8);
    FloatVector s2 = FloatVector.fromArray(S, c, c2), t2 = FloatVector.fromArray(S, c, c2 + 8);
    FloatVector s3 = FloatVector.fromArray(S, c, c3), t3 = FloatVector.fromArray(S, c, c3 + 8);
    for (int q = 0; q < kc; q++) {
      int o = bo + q * NR;
      FloatVector w = FloatVector.fromArray(S, b, o);
      FloatVector u = FloatVector.fromArray(S, b, o + 8);
      FloatVector x0 = FloatVector.broadcast(S, x[q]);
      FloatVector x1 = FloatVector.broadcast(S, x[q + KC]);
      FloatVector x2 = FloatVector.broadcast(S, x[q + 2 * KC]);
      FloatVector x3 = FloatVector.broadcast(S, x[q + 3 * KC]);
      s0 = x0.fma(w, s0);
      t0 = x0.fma(u, t0);
      s1 = x1.fma(w, s1);
      t1 = x1.fma(u, t1);
      s2 = x2.fma(w, s2);
      t2 = x2.fma(u, t2);
      s3 = x3.fma(w, s3);
      t3 = x3.fma(u, t3);
    }
    s0.intoArray(c, c0);
    t0.intoArray(c, c0 + 8);
    s1.intoArray(c, c1);
    t1.intoArray(c, c1 + 8);
    s2.intoArray(c, c2);
    t2.intoArray(c, c2 + 8);
    s3.intoArray(c, c3);
    t3.intoArray(c, c3 + 8);
  }

  /** As {@link #tile4x16} for eight rows of A, one 512-bit vector per row of C's tile. */
  private static void tile8x16(float[] x, int kc, float[] b, int bo, float[] c, int cr, int ldc) {
    int c0 = cr, c1 = cr + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc,
        c7 = c6 + ldc;
    FloatVector s0 = FloatVector.fromArray(S, c, c0);
    FloatVector s1 = FloatVector.fromArray(S, c, c1);
    FloatVector s2 = FloatVector.fromArray(S, c, c2);
    FloatVector s3 = FloatVector.fromArray(S, c, c3);
    FloatVector s4 = FloatVector.fromArray(S, c, c4);
    FloatVector s5 = FloatVector.fromArray(S, c, c5);
    FloatVector s6 = FloatVector.fromArray(S, c, c6);
    FloatVector s7 = FloatVector.fromArray(S, c, c7);
    for (int q = 0; q < kc; q++) {
      FloatVector w = FloatVector.fromArray(S, b, bo + q * NR);
      s0 = FloatVector.broadcast(S, x[q]).fma(w, s0);
      s1 = FloatVector.broadcast(S, x[q + KC]).fma(w, s1);
      s2 = FloatVector.broadcast(S, x[q + 2 * KC]).fma(w, s2);
      s3 = FloatVector.broadcast(S, x[q + 3 * KC]).fma(w, s3);
      s4 = FloatVector.broadcast(S, x[q + 4 * KC]).fma(w, s4);
      s5 = FloatVector.broadcast(S, x[q + 5 * KC]).fma(w, s5);
      s6 = FloatVector.broadcast(S, x[q + 6 * KC]).fma(w, s6);
      s7 = FloatVector.broadcast(S, x[q + 7 * KC]).fma(w, s7);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
    s4.intoArray(c, c4);
    s5.intoArray(c, c5);
    s6.intoArray(c, c6);
    s7.intoArray(c, c7);
  }

  /**
   * Two panels of C's eight rows at once (B's second panel {@code next} floats after the first):
   * sixteen 512-bit sums, each broadcast of A serving two products.
   */
  private static void tile8x32(float[] x, int kc, float[] b, int bo, int next, float[] c, int cr, int ldc) {
    int c0 = cr, c1 = cr + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc,
        c7 = c6 + ldc;
    FloatVector s0 = FloatVector.fromArray(S, c, c0), t0 = FloatVector.fromArray(S, c, c0 + NR);
    FloatVector s1 = FloatVector.fromArray(S, c, c1), t1 = FloatVector.fromArray(S, c, c1 + NR);
    FloatVector s2 = FloatVector.fromArray(S, c, c2), t2 = FloatVector.fromArray(S, c, c2 + NR);
    FloatVector s3 = FloatVector.fromArray(S, c, c3), t3 = FloatVector.fromArray(S, c, c3 + NR);
    FloatVector s4 = FloatVector.fromArray(S, c, c4), t4 = FloatVector.fromArray(S, c, c4 + NR);
    FloatVector s5 = FloatVector.fromArray(S, c, c5), t5 = FloatVector.fromArray(S, c, c5 + NR);
    FloatVector s6 = FloatVector.fromArray(S, c, c6), t6 = FloatVector.fromArray(S, c, c6 + NR);
    FloatVector s7 = FloatVector.fromArray(S, c, c7), t7 = FloatVector.fromArray(S, c, c7 + NR);
    for (int q = 0; q < kc; q++) {
      int o = bo + q * NR;
      FloatVector w = FloatVector.fromArray(S, b, o);
      FloatVector u = FloatVector.fromArray(S, b, o + next);
      FloatVector x0 = FloatVector.broadcast(S, x[q]);
      s0 = x0.fma(w, s0);
      t0 = x0.fma(u, t0);
      FloatVector x1 = FloatVector.broadcast(S, x[q + KC]);
      s1 = x1.fma(w, s1);
      t1 = x1.fma(u, t1);
      FloatVector x2 = FloatVector.broadcast(S, x[q + 2 * KC]);
      s2 = x2.fma(w, s2);
      t2 = x2.fma(u, t2);
      FloatVector x3 = FloatVector.broadcast(S, x[q + 3 * KC]);
      s3 = x3.fma(w, s3);
      t3 = x3.fma(u, t3);
      FloatVector x4 = FloatVector.broadcast(S, x[q + 4 * KC]);
      s4 = x4.fma(w, s4);
      t4 = x4.fma(u, t4);
      FloatVector x5 = FloatVector.broadcast(S, x[q + 5 * KC]);
      s5 = x5.fma(w, s5);
      t5 = x5.fma(u, t5);
      FloatVector x6 = FloatVector.broadcast(S, x[q + 6 * KC]);
      s6 = x6.fma(w, s6);
      t6 = x6.fma(u, t6);
      FloatVector x7 = FloatVector.broadcast(S, x[q + 7 * KC]);
      s7 = x7.fma(w, s7);
      t7 = x7.fma(u, t7);
    }
    s0.intoArray(c, c0);
    t0.intoArray(c, c0 + NR);
    s1.intoArray(c, c1);
    t1.intoArray(c, c1 + NR);
    s2.intoArray(c, c2);
    t2.intoArray(c, c2 + NR);
    s3.intoArray(c, c3);
    t3.intoArray(c, c3 + NR);
    s4.intoArray(c, c4);
    t4.intoArray(c, c4 + NR);
    s5.intoArray(c, c5);
    t5.intoArray(c, c5 + NR);
    s6.intoArray(c, c6);
    t6.intoArray(c, c6 + NR);
    s7.intoArray(c, c7);
    t7.intoArray(c, c7 + NR);
  }

  /** Four rows of A read in place, one 512-bit vector per row of C's tile (a product of one panel). */
  private static void tile4x16Wide(float[] a, int ar, int lda, int k0, int k1, float[] b, int base,
      float[] c, int cr, int ldc) {
    int a0 = ar, a1 = ar + lda, a2 = a1 + lda, a3 = a2 + lda;
    int c0 = cr, c1 = cr + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    FloatVector s0 = FloatVector.fromArray(S, c, c0);
    FloatVector s1 = FloatVector.fromArray(S, c, c1);
    FloatVector s2 = FloatVector.fromArray(S, c, c2);
    FloatVector s3 = FloatVector.fromArray(S, c, c3);
    for (int q = k0; q < k1; q++) {
      FloatVector w = FloatVector.fromArray(S, b, base + q * NR);
      s0 = FloatVector.broadcast(S, a[a0 + q]).fma(w, s0);
      s1 = FloatVector.broadcast(S, a[a1 + q]).fma(w, s1);
      s2 = FloatVector.broadcast(S, a[a2 + q]).fma(w, s2);
      s3 = FloatVector.broadcast(S, a[a3 + q]).fma(w, s3);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
  }

  /** The 4 x 16 tile reading A in place (one panel: copying the rows would not pay). */
  private static void tile4x16Direct(float[] a, int ar, int lda, int k0, int k1, float[] b, int base,
      float[] c, int cr, int ldc) {
    int a0 = ar, a1 = ar + lda, a2 = a1 + lda, a3 = a2 + lda;
    int c0 = cr, c1 = cr + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    FloatVector s0 = FloatVector.fromArray(S, c, c0), t0 = FloatVector.fromArray(S, c, c0 + 8);
    FloatVector s1 = FloatVector.fromArray(S, c, c1), t1 = FloatVector.fromArray(S, c, c1 + 8);
    FloatVector s2 = FloatVector.fromArray(S, c, c2), t2 = FloatVector.fromArray(S, c, c2 + 8);
    FloatVector s3 = FloatVector.fromArray(S, c, c3), t3 = FloatVector.fromArray(S, c, c3 + 8);
    for (int q = k0; q < k1; q++) {
      int bo = base + q * NR;
      FloatVector w = FloatVector.fromArray(S, b, bo);
      FloatVector u = FloatVector.fromArray(S, b, bo + 8);
      FloatVector x0 = FloatVector.broadcast(S, a[a0 + q]);
      FloatVector x1 = FloatVector.broadcast(S, a[a1 + q]);
      FloatVector x2 = FloatVector.broadcast(S, a[a2 + q]);
      FloatVector x3 = FloatVector.broadcast(S, a[a3 + q]);
      s0 = x0.fma(w, s0);
      t0 = x0.fma(u, t0);
      s1 = x1.fma(w, s1);
      t1 = x1.fma(u, t1);
      s2 = x2.fma(w, s2);
      t2 = x2.fma(u, t2);
      s3 = x3.fma(w, s3);
      t3 = x3.fma(u, t3);
    }
    s0.intoArray(c, c0);
    t0.intoArray(c, c0 + 8);
    s1.intoArray(c, c1);
    t1.intoArray(c, c1 + 8);
    s2.intoArray(c, c2);
    t2.intoArray(c, c2 + 8);
    s3.intoArray(c, c3);
    t3.intoArray(c, c3 + 8);
  }

  private static void tile1x16(float[] a, int ar, int k0, int k1, float[] b, int base, float[] c,
      int cr) {
    FloatVector s = FloatVector.fromArray(S, c, cr), t = FloatVector.fromArray(S, c, cr + 8);
    for (int q = k0; q < k1; q++) {
      int bo = base + q * NR;
      FloatVector x = FloatVector.broadcast(S, a[ar + q]);
      s = x.fma(FloatVector.fromArray(S, b, bo), s);
      t = x.fma(FloatVector.fromArray(S, b, bo + 8), t);
    }
    s.intoArray(c, cr);
    t.intoArray(c, cr + 8);
  }

  /**
   * The 4 x 16 tile with 128-bit vectors (ARM's NEON): four rows of A, {@code x[x0 + r * ldx + q]}
   * for q below {@code kc}, times the panel's rows from {@code bo}, added to C. Sixteen accumulators,
   * four B vectors and a broadcast: 21 registers, which NEON's 32 hold (and AVX-512's 32 for 128-bit
   * vectors, where it was measured; two halves of eight columns with eight accumulators each, for
   * 16 registers, ran 0.77x as fast there). Every output adds its products in the order of the wider
   * tiles, so the bits are theirs.
   */
  private static void tile4x16Narrow(float[] x, int x0, int ldx, int kc, float[] b, int bo, float[] c, int cr,
      int ldc) {
    int a0 = x0, a1 = a0 + ldx, a2 = a1 + ldx, a3 = a2 + ldx;
    int c0 = cr, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    FloatVector p0 = FloatVector.fromArray(S, c, c0), q0 = FloatVector.fromArray(S, c, c0 + 4);
    FloatVector r0 = FloatVector.fromArray(S, c, c0 + 8), z0 = FloatVector.fromArray(S, c, c0 + 12);
    FloatVector p1 = FloatVector.fromArray(S, c, c1), q1 = FloatVector.fromArray(S, c, c1 + 4);
    FloatVector r1 = FloatVector.fromArray(S, c, c1 + 8), z1 = FloatVector.fromArray(S, c, c1 + 12);
    FloatVector p2 = FloatVector.fromArray(S, c, c2), q2 = FloatVector.fromArray(S, c, c2 + 4);
    FloatVector r2 = FloatVector.fromArray(S, c, c2 + 8), z2 = FloatVector.fromArray(S, c, c2 + 12);
    FloatVector p3 = FloatVector.fromArray(S, c, c3), q3 = FloatVector.fromArray(S, c, c3 + 4);
    FloatVector r3 = FloatVector.fromArray(S, c, c3 + 8), z3 = FloatVector.fromArray(S, c, c3 + 12);
    for (int q = 0; q < kc; q++) {
      int o = bo + q * NR;
      FloatVector w0 = FloatVector.fromArray(S, b, o);
      FloatVector w1 = FloatVector.fromArray(S, b, o + 4);
      FloatVector w2 = FloatVector.fromArray(S, b, o + 8);
      FloatVector w3 = FloatVector.fromArray(S, b, o + 12);
      FloatVector v = FloatVector.broadcast(S, x[a0 + q]);
      p0 = v.fma(w0, p0);
      q0 = v.fma(w1, q0);
      r0 = v.fma(w2, r0);
      z0 = v.fma(w3, z0);
      v = FloatVector.broadcast(S, x[a1 + q]);
      p1 = v.fma(w0, p1);
      q1 = v.fma(w1, q1);
      r1 = v.fma(w2, r1);
      z1 = v.fma(w3, z1);
      v = FloatVector.broadcast(S, x[a2 + q]);
      p2 = v.fma(w0, p2);
      q2 = v.fma(w1, q2);
      r2 = v.fma(w2, r2);
      z2 = v.fma(w3, z2);
      v = FloatVector.broadcast(S, x[a3 + q]);
      p3 = v.fma(w0, p3);
      q3 = v.fma(w1, q3);
      r3 = v.fma(w2, r3);
      z3 = v.fma(w3, z3);
    }
    p0.intoArray(c, c0);
    q0.intoArray(c, c0 + 4);
    r0.intoArray(c, c0 + 8);
    z0.intoArray(c, c0 + 12);
    p1.intoArray(c, c1);
    q1.intoArray(c, c1 + 4);
    r1.intoArray(c, c1 + 8);
    z1.intoArray(c, c1 + 12);
    p2.intoArray(c, c2);
    q2.intoArray(c, c2 + 4);
    r2.intoArray(c, c2 + 8);
    z2.intoArray(c, c2 + 12);
    p3.intoArray(c, c3);
    q3.intoArray(c, c3 + 4);
    r3.intoArray(c, c3 + 8);
    z3.intoArray(c, c3 + 12);
  }

  /** One row of A times a panel with 128-bit vectors: four accumulators, one per quarter of the sixteen columns. */
  private static void tile1x16Narrow(float[] a, int ar, int k0, int k1, float[] b, int base, float[] c, int cr) {
    FloatVector s0 = FloatVector.fromArray(S, c, cr), s1 = FloatVector.fromArray(S, c, cr + 4);
    FloatVector s2 = FloatVector.fromArray(S, c, cr + 8), s3 = FloatVector.fromArray(S, c, cr + 12);
    for (int q = k0; q < k1; q++) {
      int bo = base + q * NR;
      FloatVector x = FloatVector.broadcast(S, a[ar + q]);
      s0 = x.fma(FloatVector.fromArray(S, b, bo), s0);
      s1 = x.fma(FloatVector.fromArray(S, b, bo + 4), s1);
      s2 = x.fma(FloatVector.fromArray(S, b, bo + 8), s2);
      s3 = x.fma(FloatVector.fromArray(S, b, bo + 12), s3);
    }
    s0.intoArray(c, cr);
    s1.intoArray(c, cr + 4);
    s2.intoArray(c, cr + 8);
    s3.intoArray(c, cr + 12);
  }

  private static void tile1xN(float[] a, int ar, int k0, int k1, float[] b, int base, float[] c,
      int cr) {
    for (int j = 0; j < NR; j += L) {
      FloatVector s = FloatVector.fromArray(S, c, cr + j);
      for (int q = k0; q < k1; q++) {
        s = FloatVector.broadcast(S, a[ar + q]).fma(FloatVector.fromArray(S, b, base + q * NR + j), s);
      }
      s.intoArray(c, cr + j);
    }
  }
}
