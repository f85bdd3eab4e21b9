package dev.fenci.nn;

/** Softmax over each row's tag scores and cross-entropy against gold tags, summed over rows. */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** Loss, correct predictions and gradient of one batch. */
  public record Result(double loss, int correct, int count) {}

  /**
   * @param logits {@code rows x tags}
   * @param gold   gold tag per row, negative for padding rows (ignored)
   * @param grad   receives d(loss)/d(logits); zero on padding rows
   */
  public static Result lossAndGrad(float[] logits, int[] gold, int tags, float[] grad) {
    double loss = 0;
    int correct = 0;
    int count = 0;
    for (int r = 0; r < gold.length; r++) {
      int o = r * tags;
      int g = gold[r];
      if (g < 0) {
        for (int j = 0; j < tags; j++) {
          grad[o + j] = 0f;
        }
        continue;
      }
      float max = logits[o];
      int arg = 0;
      for (int j = 1; j < tags; j++) {
        if (logits[o + j] > max) {
          max = logits[o + j];
          arg = j;
        }
      }
      double sum = 0;
      for (int j = 0; j < tags; j++) {
        sum += Math.exp(logits[o + j] - max);
      }
      double logSum = Math.log(sum);
      for (int j = 0; j < tags; j++) {
        double p = Math.exp(logits[o + j] - max - logSum);
        grad[o + j] = (float) (j == g ? p - 1 : p);
      }
      loss += logSum - (logits[o + g] - max);
      if (arg == g) {
        correct++;
      }
      count++;
    }
    return new Result(loss, correct, count);
  }

  /** Natural-log softmax of each row, in place. */
  public static void logSoftmax(float[] logits, int offset, int rows, int tags) {
    for (int r = 0; r < rows; r++) {
      int o = offset + r * tags;
      float max = logits[o];
      for (int j = 1; j < tags; j++) {
        max = Math.max(max, logits[o + j]);
      }
      double sum = 0;
      for (int j = 0; j < tags; j++) {
        sum += Math.exp(logits[o + j] - max);
      }
      float lse = (float) (max + Math.log(sum));
      for (int j = 0; j < tags; j++) {
        logits[o + j] -= lse;
      }
    }
  }
}
