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
   * The values; null when they are kept compact ({@link #compact}, {@link #quantised}: a table
   * loaded for segmentation only, read with {@link #copy} or {@link #floats}).
   */
  public final float[] value;
  private final short[] halves;
  private final byte[] levels;
  private final float[] rowScales;
  private final int rowLength;
  private float[] grad;

  public Param(String name, int... shape) {
    this(name, shape, null, null, null);
  }

  private Param(String name, int[] shape, short[] halves, byte[] levels, float[] rowScales) {
    this.name = name;
    this.shape = shape.clone();
    int n = 1;
    for (int s : shape) {
      n = Math.multiplyExact(n, s);
    }
    this.size = n;
    int kept = halves != null ? halves.length : levels != null ? levels.length : n;
    if (kept != n) {
      throw new IllegalArgumentException(name + " has " + n + " values, not " + kept);
    }
    this.rowLength = shape.length == 0 || shape[0] == 0 ? n : n / shape[0];
    if (levels != null && rowScales.length != (shape.length == 0 ? 1 : shape[0])) {
      throw new IllegalArgumentException(name + " has " + (shape.length == 0 ? 1 : shape[0]) + " rows, not "
          + rowScales.length + " scales");
    }
    this.halves = halves;
    this.levels = levels;
    this.rowScales = rowScales;
    this.value = halves == null && levels == null ? new float[n] : null;
  }

  /**
   * A parameter whose values are these 16-bit floats (row-major), kept as they are, as a model
   * file stores an embedding table: half the memory of floats, the same values when read, and no
   * float array is ever allocated. For a parameter that is only read (a model loaded for
   * segmentation): training it is an error.
   */
  public static Param compact(String name, short[] halves, int... shape) {
    return new Param(name, shape, java.util.Objects.requireNonNull(halves, "halves"), null, null);
  }

  /**
   * A parameter kept as 8-bit levels with one scale per row (its first dimension), as a model
   * file stores an embedding table (I8, docs/model-format.md): value {@code i} is {@code levels[i]
   * * rowScales[row of i]}. A quarter of the memory of floats; read only, like {@link #compact}.
   */
  public static Param quantised(String name, byte[] levels, float[] rowScales, int... shape) {
    return new Param(name, shape, null, java.util.Objects.requireNonNull(levels, "levels"),
        java.util.Objects.requireNonNull(rowScales, "rowScales"));
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
   * Throws unless every one of {@code params} holds float values that can be trained (none was
   * loaded for segmentation only, {@link #compact}).
   */
  public static void requireTrainable(java.util.List<Param> params) {
    for (Param p : params) {
      if (p.isCompact()) {
        throw new IllegalStateException("parameter " + p.name() + " was loaded for segmentation only (kept in 16-bit"
            + " floats or 8-bit levels); train a new network or resume from a checkpoint");
      }
    }
  }

  /** Whether the values are kept compact ({@link #compact}, {@link #quantised}). */
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
    if (halves != null) {
      Gemm.get().halvesToFloats(halves, from, n, dst, dOff);
      return;
    }
    Gemm gemm = Gemm.get();
    for (int at = from, end = from + n, d = dOff; at < end; ) {
      int row = at / rowLength;
      int stop = Math.min(end, (row + 1) * rowLength);
      gemm.levelsToFloats(levels, at, stop - at, rowScales[row], dst, d);
      d += stop - at;
      at = stop;
    }
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
