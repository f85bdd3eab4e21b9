package dev.fenci.decode;

import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;

/**
 * Best tag path under the legal transitions (S and E go to S or B; B and M go to M or E), starting
 * with S or B and ending with S or E. Without {@link Transitions} every legal transition weighs
 * the same, so the path maximises the sum of per-character tag scores (logits or log-probabilities:
 * a per-character constant does not change the path); with
 * them (a CRF model), the sum of tag scores plus the scores of its start, transitions and end.
 */
public final class Viterbi {
  // shared with WordLattice, which scores tag paths the same way
  static final double NEG = Double.NEGATIVE_INFINITY;
  static final int S = Tag.S.ordinal();
  static final int B = Tag.B.ordinal();
  static final int M = Tag.M.ordinal();
  static final int E = Tag.E.ordinal();
  /** Uniform transitions: 4 x 4 transitions, then start, then end, all 0 (read at legal entries only). */
  private static final float[] UNIFORM = new float[6 * Tag.COUNT];

  /** The transition scores as one array (transitions, start, end), uniform ones for null. */
  static float[] scores(Transitions transitions) {
    return transitions == null ? UNIFORM : transitions.param().value;
  }

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
    return decode(scores, offset, n, allowed, transitions, null);
  }

  /**
   * As {@link #decode(float[], int, int, byte[], Transitions)}, with the path cut into independent
   * sequences: where {@code restarts[i]} is true, position {@code i - 1} ends a sequence (scored
   * with the end scores) and position {@code i} starts the next (scored with the start scores)
   * instead of the transition between them, exactly as if each had been decoded alone. The decoder
   * cuts at every chunk edge, as training cuts its pieces there.
   *
   * @param restarts per position whether a new sequence starts there, or null for none
   */
  public static int[] decode(float[] scores, int offset, int n, byte[] allowed, Transitions transitions,
      boolean[] restarts) {
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    float[] tr = scores(transitions);
    int start = Transitions.START * Tag.COUNT;
    int end = Transitions.END * Tag.COUNT;
    byte[] back = new byte[n * 4];
    // the four tags' best scores in locals (S, B, M, E), the loop unrolled over them
    double[] init = new double[4];
    for (int t = 0; t < 4; t++) {
      Tag tag = Tag.of(t);
      init[t] = tag.startsWord() && ok(allowed, 0, t) ? (double) scores[offset + t] + tr[start + t] : NEG;
    }
    double ps = init[S];
    double pb = init[B];
    double pm = init[M];
    double pe = init[E];
    // the two legal predecessors: ending a word (S/E) before S/B, continuing one (B/M) before M/E
    double tSS = tr[4 * S + S];
    double tES = tr[4 * E + S];
    double tSB = tr[4 * S + B];
    double tEB = tr[4 * E + B];
    double tBM = tr[4 * B + M];
    double tMM = tr[4 * M + M];
    double tBE = tr[4 * B + E];
    double tME = tr[4 * M + E];
    double startS = tr[start + S];
    double startB = tr[start + B];
    double endS = tr[end + S];
    double endE = tr[end + E];
    for (int i = 1; i < n; i++) {
      int o = offset + 4 * i;
      int bk = 4 * i;
      if (restarts != null && restarts[i]) {
        // the previous sequence ends in S or E, with its end score; this one starts afresh
        double a = ps + endS;
        double b = pe + endE;
        byte from = (byte) (a >= b ? S : E);
        double best = a >= b ? a : b;
        back[bk + S] = from;
        back[bk + B] = from;
        back[bk + M] = from;
        back[bk + E] = from;
        int al = allowed == null ? 0xF : allowed[i];
        ps = (al & (1 << S)) != 0 && best != NEG ? best + startS + scores[o + S] : NEG;
        pb = (al & (1 << B)) != 0 && best != NEG ? best + startB + scores[o + B] : NEG;
        pm = NEG;
        pe = NEG;
        continue;
      }
      double a = ps + tSS;
      double b = pe + tES;
      back[bk + S] = (byte) (a >= b ? S : E);
      double cs = a >= b ? a : b;
      a = ps + tSB;
      b = pe + tEB;
      back[bk + B] = (byte) (a >= b ? S : E);
      double cb = a >= b ? a : b;
      a = pb + tBM;
      b = pm + tMM;
      back[bk + M] = (byte) (a >= b ? B : M);
      double cm = a >= b ? a : b;
      a = pb + tBE;
      b = pm + tME;
      back[bk + E] = (byte) (a >= b ? B : M);
      double ce = a >= b ? a : b;
      int al = allowed == null ? 0xF : allowed[i];
      ps = (al & (1 << S)) != 0 && cs != NEG ? cs + scores[o + S] : NEG;
      pb = (al & (1 << B)) != 0 && cb != NEG ? cb + scores[o + B] : NEG;
      pm = (al & (1 << M)) != 0 && cm != NEG ? cm + scores[o + M] : NEG;
      pe = (al & (1 << E)) != 0 && ce != NEG ? ce + scores[o + E] : NEG;
    }
    double[] prev = {ps, pb, pm, pe};
    double lastS = prev[S] + tr[end + S];
    double lastE = prev[E] + tr[end + E];
    int last = lastS >= lastE ? S : E;
    if (prev[last] == NEG) {
      if (allowed != null) {
        return decode(scores, offset, n, null, transitions, restarts);
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
