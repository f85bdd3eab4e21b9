package dev.fenci.nn;

import java.util.List;

/**
 * Adam (Kingma and Ba) with the usual defaults: lr 0.001, betas 0.9 and 0.999, eps 1e-8; optionally
 * with decoupled weight decay (AdamW, Loshchilov and Hutter) on the weight matrices and embeddings
 * (not the biases or transition scores).
 */
public final class Adam {
  private final List<Param> params;
  private float lr;
  private final float beta1;
  private final float beta2;
  private final float eps;
  final float[][] m;
  final float[][] v;
  long step;
  private float weightDecay;

  public Adam(List<Param> params) {
    this(params, 1e-3f, 0.9f, 0.999f, 1e-8f);
  }

  public Adam(List<Param> params, float lr, float beta1, float beta2, float eps) {
    this.params = params;
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    Param.requireTrainable(params);
    this.m = new float[params.size()][];
    this.v = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      m[i] = new float[params.get(i).size()];
      v[i] = new float[params.get(i).size()];
    }
  }

  public long steps() {
    return step;
  }

  /** First and second moment of parameter i (for checkpoints). */
  public float[] firstMoment(int i) {
    return m[i];
  }

  public float[] secondMoment(int i) {
    return v[i];
  }

  public void setLearningRate(float lr) {
    this.lr = lr;
  }

  /**
   * Decoupled weight decay: every step subtracts {@code lr * wd} times each weight (parameters
   * named {@code *.weight}: not biases or transition scores) besides Adam's update (0: none, the
   * default). Every embedding row decays at every step, whether its character occurred or not.
   */
  public void setWeightDecay(float wd) {
    this.weightDecay = wd;
  }

  public void setSteps(long steps) {
    this.step = steps;
  }

  /** One update of every parameter from its gradient. */
  public void step(Parallel par) {
    step++;
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2 = 1 - Math.pow(beta2, step);
    float stepSize = (float) (lr / bc1);
    float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      float[] w = p.value;
      float[] g = p.grad();
      float[] mi = m[i];
      float[] vi = v[i];
      // subtracted as lr * wd * w, not multiplied by 1 - lr * wd: that factor rounds to 1 in float
      // once lr * wd falls below about 3e-8 (the tail of a cosine schedule)
      float decay = p.name().endsWith(".weight") ? lr * weightDecay : 0f;
      par.forRange(w.length, 1024, (lo, hi) -> {
        for (int j = lo; j < hi; j++) {
          float gj = g[j];
          float mj = beta1 * mi[j] + (1 - beta1) * gj;
          float vj = beta2 * vi[j] + (1 - beta2) * gj * gj;
          mi[j] = mj;
          vi[j] = vj;
          float wj = w[j];
          if (decay != 0f) { // never 0 x w: a transition score of -Infinity (a forbidden pair) stays one
            wj -= decay * wj;
          }
          w[j] = wj - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps);
        }
      });
    }
  }
}
