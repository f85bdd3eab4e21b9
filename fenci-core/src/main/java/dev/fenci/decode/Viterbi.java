package dev.fenci.decode;

import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;

/**
 * Best tag path under the legal transitions (S and E go to S or B; B and M go to M or E), starting
 * with S or B and ending with S or E. Without {@link Transitions} every legal transition weighs
 * the same, so the path maximises the sum of per-character tag scores (log-probabilities); with
 * them (a CRF model), the sum of tag scores plus the scores of its start, transitions and end.
 */
public final class Viterbi {
  private static final double NEG = Double.NEGATIVE_INFINITY;
  private static final int S = Tag.S.ordinal();
  private static final int B = Tag.B.ordinal();
  private static final int M = Tag.M.ordinal();
  private static final int E = Tag.E.ordinal();
  /** Uniform transitions: 4 x 4 transitions, then start, then end, all 0 (read at legal entries only). */
  private static final float[] UNIFORM = new float[6 * Tag.COUNT];

  private Viterbi() {}

  /** {@link #decode(float[], int, int, byte[], Transitions)} with uniform transitions. */
  public static int[] decode(float[] scores, int offset, int n, byte[] allowed) {
    return decode(scores, offset, n, allowed, null);
  }

  /**
   * @param scores      {@code n x 4} scores at {@code scores[offset + 4*i + tag]}
   * @param allowed     per position a bit set of allowed tags (bit t for tag t), or null for all;
   *                    a position whose constraints leave no legal path is relaxed to all tags
   * @param transitions learned transition scores, or null for uniform ones (every legal path
   *                    scores the sum of its tag scores)
   * @return the tag index of each position; ties go to S over E and B over M
   */
  public static int[] decode(float[] scores, int offset, int n, byte[] allowed, Transitions transitions) {
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    float[] tr = transitions == null ? UNIFORM : transitions.param().value;
    int start = Transitions.START * Tag.COUNT;
    int end = Transitions.END * Tag.COUNT;
    byte[] back = new byte[n * 4];
    double[] prev = new double[4];
    double[] cur = new double[4];
    for (int t = 0; t < 4; t++) {
      Tag tag = Tag.of(t);
      prev[t] = tag.startsWord() && ok(allowed, 0, t) ? (double) scores[offset + t] + tr[start + t] : NEG;
    }
    for (int i = 1; i < n; i++) {
      int o = offset + 4 * i;
      for (int t = 0; t < 4; t++) {
        // the two legal predecessors: ending a word (S/E) before S/B, continuing one (B/M) before M/E
        int p1 = Tag.of(t).startsWord() ? S : B;
        int p2 = Tag.of(t).startsWord() ? E : M;
        double a = prev[p1] + tr[4 * p1 + t];
        double b = prev[p2] + tr[4 * p2 + t];
        int from = a >= b ? p1 : p2;
        double p = a >= b ? a : b;
        cur[t] = ok(allowed, i, t) && p != NEG ? p + scores[o + t] : NEG;
        back[4 * i + t] = (byte) from;
      }
      double[] swap = prev;
      prev = cur;
      cur = swap;
    }
    double lastS = prev[S] + tr[end + S];
    double lastE = prev[E] + tr[end + E];
    int last = lastS >= lastE ? S : E;
    if (prev[last] == NEG) {
      if (allowed != null) {
        return decode(scores, offset, n, null, transitions);
      }
      throw new IllegalStateException("no legal tag path (scores contain NaN or -inf)");
    }
    tags[n - 1] = last;
    for (int i = n - 1; i > 0; i--) {
      tags[i - 1] = back[4 * i + tags[i]];
    }
    return tags;
  }

  private static boolean ok(byte[] allowed, int i, int t) {
    return allowed == null || (allowed[i] & (1 << t)) != 0;
  }
}
