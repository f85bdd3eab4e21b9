package dev.fenci.decode;

import dev.fenci.tag.Tag;

/**
 * Best tag path under the legal transitions (S and E go to S or B; B and M go to M or E), starting
 * with S or B and ending with S or E. Every legal transition weighs the same, so the path
 * maximises the sum of per-character tag scores (log-probabilities).
 */
public final class Viterbi {
  private static final double NEG = Double.NEGATIVE_INFINITY;

  private Viterbi() {}

  /**
   * @param scores  {@code n x 4} scores at {@code scores[offset + 4*i + tag]}
   * @param allowed per position a bit set of allowed tags (bit t for tag t), or null for all;
   *                a position whose constraints leave no legal path is relaxed to all tags
   * @return the tag index of each position
   */
  public static int[] decode(float[] scores, int offset, int n, byte[] allowed) {
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    byte[] back = new byte[n * 4];
    double[] prev = new double[4];
    double[] cur = new double[4];
    for (int t = 0; t < 4; t++) {
      Tag tag = Tag.of(t);
      prev[t] = tag.startsWord() && ok(allowed, 0, t) ? scores[offset + t] : NEG;
    }
    for (int i = 1; i < n; i++) {
      int o = offset + 4 * i;
      // best predecessor ending a word (S/E) and continuing one (B/M)
      int endArg = prev[Tag.S.ordinal()] >= prev[Tag.E.ordinal()] ? Tag.S.ordinal() : Tag.E.ordinal();
      int contArg = prev[Tag.B.ordinal()] >= prev[Tag.M.ordinal()] ? Tag.B.ordinal() : Tag.M.ordinal();
      for (int t = 0; t < 4; t++) {
        int from = Tag.of(t).startsWord() ? endArg : contArg;
        double p = prev[from];
        cur[t] = ok(allowed, i, t) && p != NEG ? p + scores[o + t] : NEG;
        back[4 * i + t] = (byte) from;
      }
      double[] swap = prev;
      prev = cur;
      cur = swap;
    }
    int last = prev[Tag.S.ordinal()] >= prev[Tag.E.ordinal()] ? Tag.S.ordinal() : Tag.E.ordinal();
    if (prev[last] == NEG) {
      if (allowed != null) {
        return decode(scores, offset, n, null);
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
