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
  public final float[] value;
  private float[] grad;

  public Param(String name, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    int size = 1;
    for (int s : shape) {
      size = Math.multiplyExact(size, s);
    }
    this.value = new float[size];
  }

  public String name() {
    return name;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return value.length;
  }

  /** The gradient, same shape as the value (allocated, zero, on first call). */
  public float[] grad() {
    float[] g = grad;
    if (g == null) {
      g = new float[value.length];
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
