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
   * The values; null when they are kept as 16-bit floats ({@link #useHalves}: a table loaded for
   * segmentation only, read with {@link #copy} or {@link #floats}).
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
   * Keeps the values as these 16-bit floats (row-major, {@link #size} of them), as a model file
   * stores an embedding table: half the memory of floats, the same values when read. For a
   * parameter that is only read from now on (a model loaded for segmentation); training it
   * afterwards is an error.
   */
  public void useHalves(short[] h) {
    if (h.length != size) {
      throw new IllegalArgumentException(name + " has " + size + " values, not " + h.length);
    }
    halves = h;
    value = null;
  }

  /** Whether the values are kept as 16-bit floats ({@link #useHalves}). */
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
