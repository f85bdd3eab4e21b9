package dev.fenci.nn;

import java.util.Arrays;

/**
 * A named weight tensor with its gradient (row-major, shape given for the model file). The
 * gradient is allocated on first use, so that a model loaded for segmentation holds its weights
 * only.
 */
public final class Param {
  private final String name;
  private final int[] shape;
  private final int size;
  /**
   * The values; null once {@link #compactToHalves} has moved them to 16-bit floats (a table loaded
   * for segmentation only: read it with {@link #copy} or {@link #floats}).
   */
  public float[] value;
  private short[] halves;
  private float[] grad;

  public Param(String name, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    int n = 1;
    for (int s : shape) {
      n = Math.multiplyExact(n, s);
    }
    this.size = n;
    this.value = new float[n];
  }

  public String name() {
    return name;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return size;
  }

  /**
   * Keeps the values as 16-bit floats, half the memory, if every one of them is exactly such a
   * float (as the embedding tables of a model file are): reading them back gives the same bits.
   * For parameters that are only read from now on (a model loaded for segmentation); training one
   * afterwards is an error.
   *
   * @return whether the values were moved
   */
  public boolean compactToHalves() {
    float[] v = value;
    if (v == null) {
      return true;
    }
    short[] h = new short[size];
    for (int i = 0; i < size; i++) {
      h[i] = Half.fromFloat(v[i]);
      if (Float.floatToRawIntBits(Half.toFloat(h[i])) != Float.floatToRawIntBits(v[i])) {
        return false;
      }
    }
    halves = h;
    value = null;
    return true;
  }

  /** Whether the values are kept as 16-bit floats ({@link #compactToHalves}). */
  public boolean isCompact() {
    return value == null;
  }

  /** Copies values {@code from .. from + n} to {@code dst[dOff ..]}, whichever way they are kept. */
  public void copy(int from, int n, float[] dst, int dOff) {
    float[] v = value;
    if (v != null) {
      System.arraycopy(v, from, dst, dOff, n);
      return;
    }
    Gemm.get().halvesToFloats(halves, from, n, dst, dOff);
  }

  /** The values as floats: the array itself, or a new copy of compacted ones. */
  public float[] floats() {
    float[] v = value;
    if (v != null) {
      return v;
    }
    float[] out = new float[size];
    copy(0, size, out, 0);
    return out;
  }

  /** The gradient, same shape as the value (allocated, zero, on first call). */
  public float[] grad() {
    float[] g = grad;
    if (g == null) {
      g = new float[size];
      grad = g;
    }
    return g;
  }

  public void zeroGrad() {
    if (grad != null) {
      Arrays.fill(grad, 0f);
    }
  }
}
