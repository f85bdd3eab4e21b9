package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfTest {
  @Test
  void everyHalfSurvivesARoundTripThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      float f = Half.toFloat((short) h);
      if (Float.isNaN(f)) {
        assertThat(Float.isNaN(Half.toFloat(Half.fromFloat(f)))).isTrue();
      } else {
        assertThat(Half.fromFloat(f) & 0xFFFF).as("half 0x%04x", h).isEqualTo(h);
      }
    }
  }

  @Test
  void knownValues() {
    assertThat(Half.toFloat((short) 0x3C00)).isEqualTo(1f);
    assertThat(Half.toFloat((short) 0xC000)).isEqualTo(-2f);
    assertThat(Half.toFloat((short) 0x7BFF)).isEqualTo(65504f);
    assertThat(Half.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(Half.fromFloat(65520f)).isEqualTo((short) 0x7C00);
    assertThat(Half.fromFloat(-1e-9f)).isEqualTo((short) 0x8000);
    assertThat(Half.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xFC00);
  }

  /** Against the definition: the nearest half, ties to the one with an even last bit. */
  @Test
  void roundsToTheNearestHalfTiesToEven() {
    float[] halves = new float[0x7C01]; // every finite non-negative half, in increasing order
    for (int h = 0; h <= 0x7C00; h++) {
      halves[h] = Half.toFloat((short) h);
    }
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      float f = switch (i % 4) {
        case 0 -> (float) rnd.nextDouble(-4, 4);
        case 1 -> (float) rnd.nextDouble(-70000, 70000);
        case 2 -> (float) (rnd.nextDouble(-1, 1) * 1e-5);
        default -> // exactly halfway between two neighbouring halves
            (halves[(i / 4) % 0x7BFF] + halves[(i / 4) % 0x7BFF + 1]) / 2 * (rnd.nextBoolean() ? 1 : -1);
      };
      float a = Math.abs(f);
      int lo = bisect(halves, a);
      int want;
      if (a >= 65520f) {
        want = 0x7C00;
      } else if (lo >= 0x7BFF) {
        want = 0x7BFF;
      } else {
        float dLo = a - halves[lo];
        float dHi = halves[lo + 1] - a;
        want = dLo < dHi ? lo : dHi < dLo ? lo + 1 : (lo % 2 == 0 ? lo : lo + 1);
      }
      int got = Half.fromFloat(f) & 0x7FFF;
      assertThat(got).as("%s (0x%08x)", f, Float.floatToRawIntBits(f)).isEqualTo(want);
    }
  }

  /** Largest index whose half is at most {@code a}. */
  private static int bisect(float[] halves, float a) {
    int lo = 0;
    int hi = 0x7BFF;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (halves[mid] <= a) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
