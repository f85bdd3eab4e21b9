package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ViterbiTest {
  private static float[] scores(double[][] p) {
    float[] s = new float[p.length * 4];
    for (int i = 0; i < p.length; i++) {
      for (int t = 0; t < 4; t++) {
        s[i * 4 + t] = (float) Math.log(p[i][t]);
      }
    }
    return s;
  }

  private static final int S = 0;
  private static final int B = 1;
  private static final int M = 2;
  private static final int E = 3;
  private static final int ALL = 0xF;

  /** As documented, ties go to S over E and B over M: here every path scores the same. */
  @Test
  void tiesGoToSOverEAndBOverM() {
    assertThat(new int[] {Tag.S.ordinal(), Tag.B.ordinal(), Tag.M.ordinal(), Tag.E.ordinal()}).containsExactly(S, B, M, E);
    float[] zero = new float[4 * 4];
    assertThat(Viterbi.decode(zero, 0, 3, null)).containsExactly(S, S, S);
    // a B at position 2, whose predecessor may end in S or E
    assertThat(Viterbi.decode(zero, 0, 4, new byte[] {ALL, ALL, 1 << B, 1 << E})).containsExactly(S, S, B, E);
    // an M at position 2, whose predecessor may be B or M
    assertThat(Viterbi.decode(zero, 0, 4, new byte[] {ALL, ALL, 1 << M, 1 << E})).containsExactly(S, B, M, E);
    // an E at position 2, whose predecessor may be B or M
    assertThat(Viterbi.decode(zero, 0, 3, new byte[] {ALL, ALL, 1 << E})).containsExactly(S, B, E);
    // at a restart, the sequence before it may end in S or E
    assertThat(Viterbi.decode(zero, 0, 4, null, null, new boolean[] {false, false, true, false})).containsExactly(S, S, S, S);
    assertThat(Viterbi.decode(zero, 0, 0, null)).isEmpty();
  }

  @Test
  void theFirstPositionAfterARestartHonoursItsAllowedTags() {
    boolean[] restarts = {false, true, false};
    float[] sBest = new float[3 * 4];
    sBest[4 + S] = 10;
    assertThat(Viterbi.decode(sBest, 0, 3, new byte[] {ALL, 1 << B, ALL}, null, restarts)).containsExactly(S, B, E);
    float[] bBest = new float[3 * 4];
    bBest[4 + B] = 10;
    assertThat(Viterbi.decode(bBest, 0, 3, new byte[] {ALL, 1 << S, ALL}, null, restarts)).containsExactly(S, S, S);
  }

  @Test
  void followsTheScoresWhenTheyAreLegal() {
    //                    S    B    M    E
    double[][] p = {{0.1, 0.7, 0.1, 0.1}, {0.1, 0.1, 0.1, 0.7}, {0.7, 0.1, 0.1, 0.1}};
    assertThat(Viterbi.decode(scores(p), 0, 3, null)).containsExactly(1, 3, 0);
  }

  @Test
  void repairsAnIllegalArgmax() {
    // argmax would be B then S (illegal): B E scores .15, S S .11
    double[][] p = {{0.2, 0.6, 0.1, 0.1}, {0.55, 0.1, 0.1, 0.25}};
    int[] tags = Viterbi.decode(scores(p), 0, 2, null);
    assertThat(tags).containsExactly(1, 3);
  }

  @Test
  void startsWithSOrBAndEndsWithSOrE() {
    double[][] p = {{0.01, 0.01, 0.97, 0.01}, {0.01, 0.97, 0.01, 0.01}};
    int[] tags = Viterbi.decode(scores(p), 0, 2, null);
    assertThat(Tag.of(tags[0]).startsWord()).isTrue();
    assertThat(Tag.of(tags[1]).endsWord()).isTrue();
  }

  @Test
  void honoursAllowedTags() {
    double[][] p = {{0.9, 0.05, 0.025, 0.025}, {0.9, 0.05, 0.025, 0.025}};
    byte[] allowed = {(byte) (1 << 1), (byte) (1 << 3)};
    assertThat(Viterbi.decode(scores(p), 0, 2, allowed)).containsExactly(1, 3);
  }

  @Property
  void neverProducesAnIllegalTransition(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[n * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (r.nextDouble() * -10);
    }
    int[] tags = Viterbi.decode(s, 0, n, null);
    assertThat(Tag.of(tags[0]).startsWord()).isTrue();
    assertThat(Tag.of(tags[n - 1]).endsWord()).isTrue();
    for (int i = 1; i < n; i++) {
      assertThat(Tag.of(tags[i - 1]).canPrecede(Tag.of(tags[i]))).isTrue();
    }
    // and it is optimal: no legal path scores higher (brute force for short inputs)
    if (n <= 7) {
      double best = Double.NEGATIVE_INFINITY;
      int total = 1 << (2 * n);
      for (int code = 0; code < total; code++) {
        double sum = 0;
        boolean legal = true;
        for (int i = 0; i < n && legal; i++) {
          int t = (code >> (2 * i)) & 3;
          if (i == 0 && !Tag.of(t).startsWord()) {
            legal = false;
          }
          if (i > 0 && !Tag.of((code >> (2 * (i - 1))) & 3).canPrecede(Tag.of(t))) {
            legal = false;
          }
          if (i == n - 1 && !Tag.of(t).endsWord()) {
            legal = false;
          }
          sum += s[i * 4 + t];
        }
        if (legal) {
          best = Math.max(best, sum);
        }
      }
      double got = 0;
      for (int i = 0; i < n; i++) {
        got += s[i * 4 + tags[i]];
      }
      assertThat(got).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  /** Transitions with every legal entry uniform in (-scale, scale). */
  private static Transitions randomTransitions(SplittableRandom r, double scale) {
    float[] v = new Transitions().param().value.clone();
    for (int i = 0; i < v.length; i++) {
      if (Transitions.legal(i / 4, i % 4)) {
        v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
      }
    }
    return Transitions.of(v);
  }

  private static double pathScore(float[] s, int[] tags, Transitions tr) {
    int n = tags.length;
    double sum = tr.start(tags[0]) + (double) tr.end(tags[n - 1]);
    for (int i = 0; i < n; i++) {
      sum += s[i * 4 + tags[i]];
      if (i > 0) {
        sum += tr.transition(tags[i - 1], tags[i]);
      }
    }
    return sum;
  }

  @Property
  void withTransitionsFindsTheBestLegalPath(@ForAll @IntRange(min = 1, max = 7) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[n * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (r.nextDouble() * -10);
    }
    Transitions tr = randomTransitions(r, 5);
    int[] tags = Viterbi.decode(s, 0, n, null, tr);
    double best = Double.NEGATIVE_INFINITY;
    for (int code = 0; code < 1 << (2 * n); code++) {
      int[] path = new int[n];
      for (int i = 0; i < n; i++) {
        path[i] = (code >> (2 * i)) & 3;
      }
      best = Math.max(best, pathScore(s, path, tr)); // illegal paths score -inf
    }
    assertThat(best).isFinite();
    assertThat(pathScore(s, tags, tr)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-4));
  }

  /**
   * A restart cuts the path into sequences decoded exactly as if each were alone (start and end
   * scores at their edges, as training scores its pieces), whatever the transitions.
   */
  @Property(tries = 1000)
  void restartsDecodeEachPieceAsIfItWereAlone(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[n * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) ((r.nextDouble() * 2 - 1) * 3);
    }
    Transitions tr = randomTransitions(r, 3);
    boolean[] restarts = new boolean[n];
    for (int i = 1; i < n; i++) {
      restarts[i] = r.nextInt(4) == 0;
    }
    int[] got = Viterbi.decode(s, 0, n, null, tr, restarts);
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || restarts[i]) {
        int[] alone = Viterbi.decode(s, from * 4, i - from, null, tr);
        assertThat(java.util.Arrays.copyOfRange(got, from, i)).containsExactly(alone);
        from = i;
      }
    }
  }

  @Test
  void withoutRestartsTheTransitionBetweenPiecesCounts() {
    // S -> B costs a lot: the last two characters, one word when alone, become two words when
    // chained to the single-character word before them, but not across a restart
    float[] v = new Transitions().param().value.clone();
    v[Tag.S.ordinal() * 4 + Tag.B.ordinal()] = -5f;
    double[][] p = {{0.9, 0.1, 0.0001, 0.0001}, {0.3, 0.3, 0.0001, 0.4}, {0.3, 0.0001, 0.0001, 0.7}};
    float[] s = scores(p);
    assertThat(Viterbi.decode(s, 0, 3, null, Transitions.of(v))).containsExactly(0, 0, 0);
    assertThat(Viterbi.decode(s, 0, 3, null, Transitions.of(v), new boolean[] {false, true, false}))
        .containsExactly(0, 1, 3);
  }

  /**
   * Decoding on logits (as the decoder does) finds a best path under the log-probabilities (the
   * softmax it skips): the two differ by one constant per character. The decoder adds cut costs
   * and dictionary log-multipliers to the scores; they are added here in both cases too.
   */
  @Property(tries = 1000)
  void logitsDecodeToABestPathUnderTheLogProbabilities(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] logits = new float[n * 4];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) ((r.nextDouble() * 2 - 1) * 20);
    }
    float[] adds = new float[n * 4];
    for (int i = 0; i < adds.length; i++) {
      int k = r.nextInt(12);
      adds[i] = k == 0 ? -1e4f : k == 1 ? 2 * -1e4f : k < 4 ? (float) Math.log(new double[] {0.01, 0.5, 2, 10, 1000}[r.nextInt(5)]) : 0f;
    }
    float[] logProbs = logits.clone();
    dev.fenci.nn.SoftmaxCrossEntropy.logSoftmax(logProbs, 0, n, 4);
    float[] onLogits = new float[n * 4];
    float[] onLogProbs = new float[n * 4];
    for (int i = 0; i < n * 4; i++) {
      onLogits[i] = logits[i] + adds[i];
      onLogProbs[i] = logProbs[i] + adds[i];
    }
    Transitions tr = r.nextBoolean() ? randomTransitions(r, 1) : new Transitions();
    int[] got = Viterbi.decode(onLogits, 0, n, null, tr);
    int[] reference = Viterbi.decode(onLogProbs, 0, n, null, tr);
    // equal up to float rounding of the subtracted constants (a near-tie could go either way)
    assertThat(pathScore(onLogProbs, got, tr)).isCloseTo(pathScore(onLogProbs, reference, tr),
        org.assertj.core.data.Offset.offset(1e-3 * n));
  }

  @Test
  void transitionsCanOverruleTheTagScores() {
    // the tag scores prefer one two-character word; a strong S -> S transition makes two words
    double[][] p = {{0.3, 0.7, 0.0001, 0.0001}, {0.3, 0.0001, 0.0001, 0.7}};
    float[] v = new Transitions().param().value.clone();
    v[Tag.S.ordinal() * 4 + Tag.S.ordinal()] = 3f;
    assertThat(Viterbi.decode(scores(p), 0, 2, null, null)).containsExactly(1, 3);
    assertThat(Viterbi.decode(scores(p), 0, 2, null, Transitions.of(v))).containsExactly(0, 0);
    // and a forced word still wins
    byte[] allowed = {(byte) (1 << 1), (byte) (1 << 3)};
    assertThat(Viterbi.decode(scores(p), 0, 2, allowed, Transitions.of(v))).containsExactly(1, 3);
  }

  /**
   * Null and all-zero transitions give exactly the paths of the decoder before transitions existed
   * (a copy of it below), ties, cuts, constraints and impossible constraints included.
   */
  @Property(tries = 2000)
  void uniformTransitionsDecodeExactlyAsBefore(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] levels = {0f, -0f, -1f, -1f, -2.5f, -1e4f, -3e4f};
    float[] s = new float[n * 4 + 8];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt(3) == 0 ? (float) -r.nextDouble() * 5 : levels[r.nextInt(levels.length)];
    }
    byte[] allowed = null;
    if (r.nextBoolean()) {
      allowed = new byte[n];
      for (int i = 0; i < n; i++) {
        allowed[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(16) : 0xF);
      }
    }
    int[] before = previousDecode(s, 4, n, allowed);
    assertThat(Viterbi.decode(s, 4, n, allowed)).containsExactly(before);
    assertThat(Viterbi.decode(s, 4, n, allowed, null)).containsExactly(before);
    assertThat(Viterbi.decode(s, 4, n, allowed, new Transitions())).containsExactly(before);
  }

  /** Viterbi.decode as it was before learned transitions (commit c930cb3), for comparison. */
  private static int[] previousDecode(float[] scores, int offset, int n, byte[] allowed) {
    final double neg = Double.NEGATIVE_INFINITY;
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    byte[] back = new byte[n * 4];
    double[] prev = new double[4];
    double[] cur = new double[4];
    for (int t = 0; t < 4; t++) {
      Tag tag = Tag.of(t);
      prev[t] = tag.startsWord() && ok(allowed, 0, t) ? scores[offset + t] : neg;
    }
    for (int i = 1; i < n; i++) {
      int o = offset + 4 * i;
      int endArg = prev[Tag.S.ordinal()] >= prev[Tag.E.ordinal()] ? Tag.S.ordinal() : Tag.E.ordinal();
      int contArg = prev[Tag.B.ordinal()] >= prev[Tag.M.ordinal()] ? Tag.B.ordinal() : Tag.M.ordinal();
      for (int t = 0; t < 4; t++) {
        int from = Tag.of(t).startsWord() ? endArg : contArg;
        double p = prev[from];
        cur[t] = ok(allowed, i, t) && p != neg ? p + scores[o + t] : neg;
        back[4 * i + t] = (byte) from;
      }
      double[] swap = prev;
      prev = cur;
      cur = swap;
    }
    int last = prev[Tag.S.ordinal()] >= prev[Tag.E.ordinal()] ? Tag.S.ordinal() : Tag.E.ordinal();
    if (prev[last] == neg) {
      if (allowed != null) {
        return previousDecode(scores, offset, n, null);
      }
      throw new IllegalStateException("no legal tag path");
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
