package dev.fenci.nn;

import dev.fenci.tag.Tag;
import java.util.Arrays;

/**
 * Linear-chain CRF loss: for each sequence of a batch, the negative log-likelihood of its gold tag
 * path, where a path's score is the sum of its characters' tag scores (the network's logits) and
 * of its {@link Transitions} (start, each transition, end), normalised over every path; summed
 * over the sequences. Forward-backward in log space over the four tags gives the gradients: at the
 * logits, each character's posterior tag marginals less its gold one-hot; at the transitions, the
 * expected counts of each start, transition and end less the gold path's counts.
 */
public final class CrfLoss {
  private static final int T = Tag.COUNT;
  private static final int S = Tag.S.ordinal();
  private static final int B = Tag.B.ordinal();
  private static final int M = Tag.M.ordinal();
  private static final int E = Tag.E.ordinal();
  private static final double NEG = Double.NEGATIVE_INFINITY;

  private CrfLoss() {}

  /**
   * Loss of a packed batch; {@code correct} counts the characters whose most probable tag (the
   * argmax of the posterior marginals) is the gold one.
   *
   * @param logits      {@code rows x 4} tag scores of the batch's rows
   * @param gold        gold tag per row (negative on padding rows); each sequence's must be a
   *                    legal path
   * @param transitions the transition scores; d(loss)/d(scores) is added to their gradient
   * @param grad        receives d(loss)/d(logits); zero on padding rows
   */
  public static SoftmaxCrossEntropy.Result lossAndGrad(float[] logits, PackedBatch batch, int[] gold,
      Transitions transitions, float[] grad) {
    Arrays.fill(grad, 0f);
    float[] tv = transitions.param().value;
    int longest = 0;
    for (int i = 0; i < batch.sequences(); i++) {
      longest = Math.max(longest, batch.length(i));
    }
    double[] alpha = new double[longest * T];
    double[] beta = new double[longest * T];
    double[] expected = new double[tv.length]; // expected less gold counts, summed over the batch
    double loss = 0;
    int correct = 0;
    int count = 0;
    for (int q = 0; q < batch.sequences(); q++) {
      int r0 = batch.start(q);
      int n = batch.length(q);
      if (n == 0) {
        continue;
      }
      int off = r0 * T;
      double logZ = forward(logits, off, n, tv, alpha);
      backward(logits, off, n, tv, beta);
      // gold path
      double goldScore = 0;
      for (int i = 0; i < n; i++) {
        int g = gold[r0 + i];
        int prev = i == 0 ? Transitions.START : gold[r0 + i - 1];
        if (g < 0 || g >= T || !Transitions.legal(prev, g) || (i == n - 1 && !Transitions.legal(Transitions.END, g))) {
          throw new IllegalArgumentException("gold tags of sequence " + q + " are not a legal path (position " + i + ")");
        }
        goldScore += (double) logits[off + i * T + g] + tv[prev * T + g];
        expected[prev * T + g] -= 1;
      }
      int last = gold[r0 + n - 1];
      goldScore += tv[Transitions.END * T + last];
      expected[Transitions.END * T + last] -= 1;
      loss += logZ - goldScore;
      // posterior marginals: gradient at the logits, start and end counts, accuracy
      for (int i = 0; i < n; i++) {
        int o = off + i * T;
        int arg = 0;
        double best = -1;
        for (int t = 0; t < T; t++) {
          double p = Math.exp(alpha[i * T + t] + beta[i * T + t] - logZ);
          grad[o + t] = (float) p;
          if (p > best) {
            best = p;
            arg = t;
          }
          if (i == 0 && Transitions.legal(Transitions.START, t)) {
            expected[Transitions.START * T + t] += p;
          }
          if (i == n - 1 && Transitions.legal(Transitions.END, t)) {
            expected[Transitions.END * T + t] += p;
          }
        }
        int g = gold[r0 + i];
        grad[o + g] -= 1f;
        if (arg == g) {
          correct++;
        }
      }
      // expected transition counts
      for (int i = 1; i < n; i++) {
        int o = off + i * T;
        for (int f = 0; f < T; f++) {
          double a = alpha[(i - 1) * T + f] - logZ;
          int s1 = Tag.of(f).endsWord() ? S : M;
          int s2 = Tag.of(f).endsWord() ? B : E;
          expected[f * T + s1] += Math.exp(a + tv[f * T + s1] + logits[o + s1] + beta[i * T + s1]);
          expected[f * T + s2] += Math.exp(a + tv[f * T + s2] + logits[o + s2] + beta[i * T + s2]);
        }
      }
      count += n;
    }
    float[] tg = transitions.param().grad();
    for (int k = 0; k < tg.length; k++) {
      tg[k] += (float) expected[k];
    }
    return new SoftmaxCrossEntropy.Result(loss, correct, count);
  }

  /** The log of the sum over all legal paths of exp(path score) of one sequence (n >= 1). */
  static double logPartition(float[] scores, int offset, int n, Transitions transitions) {
    return forward(scores, offset, n, transitions.param().value, new double[n * T]);
  }

  /** alpha[i][t]: log-sum of the scores of the paths through positions 0..i that end with t; returns log Z. */
  private static double forward(float[] x, int off, int n, float[] tv, double[] alpha) {
    for (int t = 0; t < T; t++) {
      alpha[t] = (double) tv[Transitions.START * T + t] + x[off + t];
    }
    for (int i = 1; i < n; i++) {
      int o = off + i * T;
      int a = (i - 1) * T;
      for (int t = 0; t < T; t++) {
        int p1 = Tag.of(t).startsWord() ? S : B;
        int p2 = Tag.of(t).startsWord() ? E : M;
        alpha[i * T + t] = x[o + t] + logSumExp(alpha[a + p1] + tv[p1 * T + t], alpha[a + p2] + tv[p2 * T + t]);
      }
    }
    int a = (n - 1) * T;
    return logSumExp(alpha[a + S] + tv[Transitions.END * T + S], alpha[a + E] + tv[Transitions.END * T + E]);
  }

  /** beta[i][t]: log-sum of the scores of the rest of the paths (after position i) given tag t at i. */
  private static void backward(float[] x, int off, int n, float[] tv, double[] beta) {
    for (int t = 0; t < T; t++) {
      beta[(n - 1) * T + t] = tv[Transitions.END * T + t];
    }
    for (int i = n - 2; i >= 0; i--) {
      int o = off + (i + 1) * T;
      int b = (i + 1) * T;
      for (int f = 0; f < T; f++) {
        int s1 = Tag.of(f).endsWord() ? S : M;
        int s2 = Tag.of(f).endsWord() ? B : E;
        beta[i * T + f] = logSumExp((double) tv[f * T + s1] + x[o + s1] + beta[b + s1],
            (double) tv[f * T + s2] + x[o + s2] + beta[b + s2]);
      }
    }
  }

  private static double logSumExp(double a, double b) {
    double m = Math.max(a, b);
    if (m == NEG) {
      return NEG;
    }
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
