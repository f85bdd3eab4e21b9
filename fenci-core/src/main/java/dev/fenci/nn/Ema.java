package dev.fenci.nn;

import java.util.List;

/**
 * An exponential moving average of parameters (Polyak averaging): after every optimiser step,
 * {@code average = decay * average + (1 - decay) * value}. The average usually generalises a
 * little better than the last step's weights; {@link #swap} puts it in the parameters (and the
 * weights aside) so that the same network can be evaluated or saved with it, and a second
 * {@code swap} restores the training weights exactly.
 */
public final class Ema {
  private final List<Param> params;
  private final float decay;
  private final float[][] average;

  /** Starts the average at the parameters' current values. */
  public Ema(List<Param> params, float decay) {
    if (!(decay > 0 && decay < 1)) {
      throw new IllegalArgumentException("moving-average decay must be in (0, 1), got " + decay);
    }
    Param.requireTrainable(params);
    this.params = params;
    this.decay = decay;
    this.average = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      average[i] = params.get(i).value.clone();
    }
  }

  /** The average of parameter i (for checkpoints). */
  public float[] average(int i) {
    return average[i];
  }

  /** Moves the average towards the parameters' current values. */
  public void update(Parallel par) {
    float d = decay;
    float e = 1 - decay;
    for (int i = 0; i < params.size(); i++) {
      float[] w = params.get(i).value;
      float[] a = average[i];
      par.forRange(w.length, 4096, (lo, hi) -> {
        for (int j = lo; j < hi; j++) {
          a[j] = d * a[j] + e * w[j];
        }
      });
    }
  }

  /** Exchanges the parameters' values with the average (call again to undo). */
  public void swap() {
    for (int i = 0; i < params.size(); i++) {
      float[] w = params.get(i).value;
      float[] a = average[i];
      for (int j = 0; j < w.length; j++) {
        float t = w[j];
        w[j] = a[j];
        a[j] = t;
      }
    }
  }
}
