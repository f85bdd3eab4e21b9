package dev.fenci.nn;

import java.util.Arrays;

/** A named weight tensor with its gradient (row-major, shape given for the model file). */
public final class Param {
  private final String name;
  private final int[] shape;
  public final float[] value;
  public final float[] grad;

  public Param(String name, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    int size = 1;
    for (int s : shape) {
      size = Math.multiplyExact(size, s);
    }
    this.value = new float[size];
    this.grad = new float[size];
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

  public void zeroGrad() {
    Arrays.fill(grad, 0f);
  }
}
