package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

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
}
